package org.conventionledger.events.consultation;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * Moderation: the organisers hid a proposal from the public, for the stated reason. The proposal and
 * its votes stay in the log; nothing is deleted.
 */
@Revision("1")
public record ProposalHidden(String conventionId, String callId, String proposalId, String reason)
        implements ConventionEvent {}
