package org.conventionledger.command.deliberation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take the decision: consent is reached on the action, which becomes final. */
public record FinaliseAction(@TargetAggregateIdentifier String actionId) {
}
