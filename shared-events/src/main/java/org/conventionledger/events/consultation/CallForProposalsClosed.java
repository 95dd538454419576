package org.conventionledger.events.consultation;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * The call was closed by the organisers: no proposal, vote or argument is accepted after it, even
 * before its planned {@code closesAt}. Its results are final.
 */
@Revision("1")
public record CallForProposalsClosed(String conventionId, String callId, Instant closedAt) implements ConventionEvent {}
