package org.conventionledger.command.recruitment;

import java.time.LocalDate;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.conventionledger.events.Transition;
import org.conventionledger.events.privacy.SealedPersonalData;
import org.conventionledger.events.recruitment.Answer;

/**
 * Record how an invited resident answered (or that the deadline passed without an answer). A volunteer
 * (ACCEPTED) gives the profile the quotas use, a preferred transition, sealed, their needs and, as its
 * pseudonym ({@code PersonPseudonym#household}), their household.
 */
public record RecordInvitationAnswer(
        @TargetAggregateIdentifier String conventionId,
        String invitationId,
        Answer answer,
        LocalDate answeredOn,
        Map<String, String> profile,
        Transition preferredTransition,
        SealedPersonalData needs,
        String household) {

    /** A volunteer who gives no household. */
    public RecordInvitationAnswer(
            String conventionId,
            String invitationId,
            Answer answer,
            LocalDate answeredOn,
            Map<String, String> profile,
            Transition preferredTransition,
            SealedPersonalData needs) {
        this(conventionId, invitationId, answer, answeredOn, profile, preferredTransition, needs, null);
    }

    /** An answer without a volunteer profile (declined, no answer). */
    public RecordInvitationAnswer(String conventionId, String invitationId, Answer answer, LocalDate answeredOn) {
        this(conventionId, invitationId, answer, answeredOn, null, null, null, null);
    }
}
