package org.conventionledger.events.recruitment;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/** The invited resident's answer was recorded; an accepted invitation makes them a volunteer. */
@Revision("1")
public record InvitationAnswered(String conventionId, String invitationId, Answer answer, LocalDate answeredOn)
        implements ConventionEvent {}
