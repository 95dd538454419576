package org.conventionledger.command.recruitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Compute and publish the fair lottery over quota-satisfying panels of the volunteers. */
public record ComputePanelLottery(@TargetAggregateIdentifier String conventionId) {}
