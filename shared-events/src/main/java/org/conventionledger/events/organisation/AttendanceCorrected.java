package org.conventionledger.events.organisation;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * A recorded presence was corrected; the earlier record stays in the log.
 */
@Revision("1")
public record AttendanceCorrected(
        String conventionId, String sessionId, String memberId, Presence previous, Presence presence, String reason)
        implements ConventionEvent {}
