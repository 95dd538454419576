package org.conventionledger.events.followup;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * The implementation of an action moved on: IN_PROGRESS, DONE, or ABANDONED (with a note saying why).
 *
 * @param note what the services report; required for ABANDONED
 */
@Revision("1")
public record ImplementationProgressed(
        String conventionId, String actionId, ImplementationStatus status, String note, LocalDate progressedOn)
        implements ConventionEvent {}
