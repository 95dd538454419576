package org.conventionledger.command.deliberation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.conventionledger.events.deliberation.ObjectionCategory;

/** Object to an action in a consent round. */
public record RaiseObjection(
        @TargetAggregateIdentifier String actionId,
        String objectionId,
        ObjectionCategory category,
        String reason,
        String raisedBy,
        String competentBody) {}
