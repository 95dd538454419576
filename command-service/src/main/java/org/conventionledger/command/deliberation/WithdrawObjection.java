package org.conventionledger.command.deliberation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The objector withdraws an objection. */
public record WithdrawObjection(@TargetAggregateIdentifier String actionId, String objectionId, String reason) {}
