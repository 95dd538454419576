package org.conventionledger.events.recruitment;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * A reserve volunteer was called to replace a member who left, the first in reserve order whose
 * profile keeps the panel within its quotas.
 */
@Revision("1")
public record ReplacementCalled(
        String conventionId, String selectionId, String replacedMemberId, String personId, String invitationId)
        implements ConventionEvent {}
