package org.conventionledger.command.recruitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Call the next suitable reserve volunteer to replace a member who left. */
public record CallReplacement(@TargetAggregateIdentifier String conventionId, String replacedMemberId) {}
