package org.conventionledger.events.votation;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/** A public votation over the finalised actions was scheduled; it is not open yet. */
@Revision("1")
public record VotationScheduled(String conventionId,
                                String votationId,
                                String title,
                                Instant opensAt,
                                Instant closesAt,
                                List<BallotItem> items) implements ConventionEvent {
}
