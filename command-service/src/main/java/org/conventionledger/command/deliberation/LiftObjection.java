package org.conventionledger.command.deliberation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Lift an objection by amending the action: the amendment says what changed, and the amended text
 * (and title, when it changes) becomes a new version.
 */
public record LiftObjection(
        @TargetAggregateIdentifier String actionId, String objectionId, String amendment, String title, String text) {}
