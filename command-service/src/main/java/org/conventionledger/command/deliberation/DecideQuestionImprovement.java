package org.conventionledger.command.deliberation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Accept an improvement (with the improved text, which becomes a new version) or decline it. */
public record DecideQuestionImprovement(
        @TargetAggregateIdentifier String questionId,
        String improvementId,
        boolean accepted,
        String reason,
        String text) {}
