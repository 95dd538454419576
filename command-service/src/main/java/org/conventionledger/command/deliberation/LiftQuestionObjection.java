package org.conventionledger.command.deliberation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Lift an objection by amending the question: the amendment says what changed, and the amended text
 * becomes a new version.
 */
public record LiftQuestionObjection(
        @TargetAggregateIdentifier String questionId, String objectionId, String amendment, String text) {}
