package org.conventionledger.events.recruitment;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * A resident drawn by lot was sent the mayor's invitation letter.
 *
 * @param residentRef pseudonymous reference of the resident: never a name or an address
 * @param sourceList  the source list the resident was drawn from (electoral roll, tenants…)
 */
@Revision("1")
public record InvitationSent(
        String conventionId, String invitationId, String residentRef, String sourceList, LocalDate sentOn)
        implements ConventionEvent {}
