package org.conventionledger.command.recruitment;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.conventionledger.events.Transition;

/** Seat a volunteer who signed the engagement contract in the assembly of a transition. */
public record SeatMember(
        @TargetAggregateIdentifier String conventionId,
        String memberId,
        String invitationId,
        Transition assembly,
        String contractVersion,
        LocalDate seatedOn) {}
