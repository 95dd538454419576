package org.conventionledger.command.deliberation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Answer a clarification request. */
public record AnswerClarification(@TargetAggregateIdentifier String actionId, String clarificationId, String answer) {}
