package org.conventionledger.command.deliberation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Make a seated member the referent who carries the action sheet. */
public record AssignReferent(@TargetAggregateIdentifier String actionId, String memberId) {}
