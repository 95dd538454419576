package org.conventionledger.command.followup;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.conventionledger.events.followup.ImplementationStatus;

/** The implementation of a planned action reaches its next status. */
public record RecordImplementationProgress(
        String actionId, ImplementationStatus status, String note, LocalDate progressedOn) {

    @TargetAggregateIdentifier
    public String followUpId() {
        return ActionFollowUp.id(actionId);
    }
}
