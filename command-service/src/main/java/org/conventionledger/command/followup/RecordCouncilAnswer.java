package org.conventionledger.command.followup;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.conventionledger.events.followup.CouncilAnswer;

/** Record the city council's answer to a finalised action. */
public record RecordCouncilAnswer(
        String actionId,
        CouncilAnswer answer,
        String relayedTo,
        String reason,
        String deliberationReference,
        LocalDate answeredOn) {

    /** An action's follow-up is one stream: see {@link ActionFollowUp#id}. */
    @TargetAggregateIdentifier
    public String followUpId() {
        return ActionFollowUp.id(actionId);
    }
}
