package org.conventionledger.events.organisation;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * A session ended and its attendance is final; the garants' seal of the log at this point is due.
 */
@Revision("1")
public record SessionClosed(String conventionId, String sessionId, LocalDate closedOn) implements ConventionEvent {}
