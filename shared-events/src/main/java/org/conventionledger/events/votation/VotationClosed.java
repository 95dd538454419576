package org.conventionledger.events.votation;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/** The votation closed: no ballot nor tally is accepted any more and results are final. */
@Revision("1")
public record VotationClosed(String conventionId, String votationId, Instant closedAt) implements ConventionEvent {}
