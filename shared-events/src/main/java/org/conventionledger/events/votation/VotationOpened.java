package org.conventionledger.events.votation;

import java.time.Instant;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/** The votation opened: ballots are accepted from here on. */
@Revision("1")
public record VotationOpened(String conventionId,
                             String votationId,
                             Instant openedAt) implements ConventionEvent {
}
