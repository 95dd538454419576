package org.conventionledger.events.deliberation;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/** The objector withdrew an objection without an amendment. */
@Revision("1")
public record ObjectionWithdrawn(String conventionId, String actionId, String objectionId, String reason)
        implements ConventionEvent {}
