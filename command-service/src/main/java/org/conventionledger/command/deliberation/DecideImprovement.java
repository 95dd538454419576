package org.conventionledger.command.deliberation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Accept an improvement (with the improved text, which becomes a new version; the title is kept when
 * none is given) or decline it.
 */
public record DecideImprovement(
        @TargetAggregateIdentifier String actionId,
        String improvementId,
        boolean accepted,
        String reason,
        String title,
        String text) {}
