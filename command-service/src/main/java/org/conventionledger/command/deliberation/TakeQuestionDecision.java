package org.conventionledger.command.deliberation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close the question's consent round with the decision on its current version. */
public record TakeQuestionDecision(
        @TargetAggregateIdentifier String questionId) {}
