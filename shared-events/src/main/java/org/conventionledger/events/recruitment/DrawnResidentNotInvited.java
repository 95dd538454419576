package org.conventionledger.events.recruitment;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * A resident drawn by lot will not be invited, for a logged reason: with {@link InvitationSent}, this
 * accounts for every drawn resident, so an organiser cannot quietly invite only the residents they like.
 *
 * @param residentRef pseudonymous reference of the resident: never a name or an address
 * @param sourceList  the source list the resident was drawn from
 */
@Revision("1")
public record DrawnResidentNotInvited(
        String conventionId, String residentRef, String sourceList, NotInvitedReason reason, LocalDate recordedOn)
        implements ConventionEvent {}
