package org.conventionledger.command.deliberation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A participant proposes an improvement of the question. */
public record ProposeQuestionImprovement(
        @TargetAggregateIdentifier String questionId, String improvementId, String proposedBy, String proposal) {}
