package org.conventionledger.command.deliberation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The objector withdraws an objection to the question. */
public record WithdrawQuestionObjection(
        @TargetAggregateIdentifier String questionId, String objectionId, String reason) {}
