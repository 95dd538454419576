package org.conventionledger.events.organisation;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;
import org.conventionledger.events.Transition;

/**
 * A session was scheduled.
 *
 * @param number   the session's number in the convention (1 for the first)
 * @param assembly the assembly meeting, or null for a plenary
 */
@Revision("1")
public record SessionScheduled(
        String conventionId,
        String sessionId,
        int number,
        SessionKind kind,
        Transition assembly,
        LocalDate startsOn,
        LocalDate endsOn)
        implements ConventionEvent {}
