package org.conventionledger.command.recruitment;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.conventionledger.events.recruitment.NotInvitedReason;

/** Log why a resident drawn by lot will not be invited (deceased, moved away, duplicate, address unknown). */
public record RecordDrawnResidentNotInvited(
        @TargetAggregateIdentifier String conventionId,
        String residentRef,
        NotInvitedReason reason,
        LocalDate recordedOn) {}
