package org.conventionledger.command.deliberation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A participant asks for a clarification of the proposal. */
public record RequestClarification(
        @TargetAggregateIdentifier String actionId, String clarificationId, String askedBy, String question) {}
