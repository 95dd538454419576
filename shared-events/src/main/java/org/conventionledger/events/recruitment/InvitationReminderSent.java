package org.conventionledger.events.recruitment;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * A reminder was sent to an invited resident who had not answered yet.
 */
@Revision("1")
public record InvitationReminderSent(String conventionId, String invitationId, LocalDate sentOn)
        implements ConventionEvent {}
