package org.conventionledger.command.organisation;

import java.time.LocalDate;
import org.conventionledger.events.Transition;
import org.conventionledger.events.organisation.SessionKind;

/** Schedule a numbered session of the convention: a plenary, or one assembly's session. */
public record ScheduleSession(
        String sessionId,
        String conventionId,
        int number,
        SessionKind kind,
        Transition assembly,
        LocalDate startsOn,
        LocalDate endsOn) {}
