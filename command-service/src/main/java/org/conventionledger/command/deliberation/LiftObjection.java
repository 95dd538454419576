package org.conventionledger.command.deliberation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Lift an objection by amending the action. */
public record LiftObjection(@TargetAggregateIdentifier String actionId,
                            String objectionId,
                            String amendment) {
}
