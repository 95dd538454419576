package org.conventionledger.command.deliberation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Answer a clarification request on the question. */
public record AnswerQuestionClarification(
        @TargetAggregateIdentifier String questionId, String clarificationId, String answer) {}
