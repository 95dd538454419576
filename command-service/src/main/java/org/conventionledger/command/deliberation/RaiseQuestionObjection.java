package org.conventionledger.command.deliberation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.conventionledger.events.deliberation.ObjectionCategory;

/** A participant objects to the question. */
public record RaiseQuestionObjection(
        @TargetAggregateIdentifier String questionId,
        String objectionId,
        ObjectionCategory category,
        String reason,
        String raisedBy,
        String competentBody) {}
