package org.conventionledger.command.recruitment;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Send the mayor's invitation letter to residents drawn by lot (one batch per print run). */
public record SendInvitations(
        @TargetAggregateIdentifier String conventionId, List<Invitee> invitees, LocalDate sentOn) {

    /** @param residentRef pseudonymous reference of the resident; never a name or an address */
    public record Invitee(String invitationId, String residentRef, String sourceList) {}
}
