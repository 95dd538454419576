package org.conventionledger.events.recruitment;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * The answer deadline passed: every invitation still unanswered was recorded as NO_ANSWER (one
 * {@link InvitationAnswered} each, before this event) and no answer is accepted any more.
 */
@Revision("1")
public record InvitationsClosed(String conventionId, LocalDate deadline, int unanswered) implements ConventionEvent {}
