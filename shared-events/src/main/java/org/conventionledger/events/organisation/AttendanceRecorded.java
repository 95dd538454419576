package org.conventionledger.events.organisation;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * A member's presence at a session was recorded.
 */
@Revision("1")
public record AttendanceRecorded(String conventionId, String sessionId, String memberId, Presence presence)
        implements ConventionEvent {}
