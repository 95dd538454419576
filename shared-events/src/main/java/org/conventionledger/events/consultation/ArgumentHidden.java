package org.conventionledger.events.consultation;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * Moderation: the organisers hid an argument from the public, for the stated reason. The argument
 * stays in the log; nothing is deleted.
 */
@Revision("1")
public record ArgumentHidden(String conventionId, String callId, String proposalId, String argumentId, String reason)
        implements ConventionEvent {}
