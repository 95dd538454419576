package org.conventionledger.command.deliberation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close the consent round with the decision: the action is finalised. */
public record TakeDecision(@TargetAggregateIdentifier String actionId) {}
