package org.conventionledger.command.deliberation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A participant asks for a clarification of the question. */
public record RequestQuestionClarification(
        @TargetAggregateIdentifier String questionId, String clarificationId, String askedBy, String question) {}
