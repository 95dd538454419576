package org.conventionledger.command.recruitment;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.conventionledger.events.Transition;
import org.conventionledger.events.privacy.SealedPersonalData;
import org.conventionledger.events.recruitment.Answer;

/**
 * Record how an invited resident answered (or that the deadline passed without an answer). A volunteer
 * (ACCEPTED) gives the profile the quotas use, a preferred transition and, sealed, their needs.
 */
public record RecordInvitationAnswer(
        @TargetAggregateIdentifier String conventionId,
        String invitationId,
        Answer answer,
        LocalDate answeredOn,
        Map<String, String> profile,
        Transition preferredTransition,
        SealedPersonalData needs) {

    /** An answer without a volunteer profile (declined, no answer). */
    public RecordInvitationAnswer(String conventionId, String invitationId, Answer answer, LocalDate answeredOn) {
        this(conventionId, invitationId, answer, answeredOn, null, null, null);
    }
}
