package org.conventionledger.events.votation;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * The votation opened: ballots are accepted from here on (within the scheduled period).
 *
 * <p>Revision 2 adds {@code displaySeed}; a revision-1 payload reads with it null (no display order was
 * drawn).
 *
 * @param displaySeed the seed of every voter's display order of the actions (see {@link BallotOrder}):
 *                    drawn by the command service with {@code SecureRandom} at opening, or given by the
 *                    organisers (e.g. from a public draw)
 */
@Revision("2")
public record VotationOpened(String conventionId, String votationId, Instant openedAt, String displaySeed)
        implements ConventionEvent {

    /** An opening without display seed, as revision 1 recorded it. */
    public VotationOpened(String conventionId, String votationId, Instant openedAt) {
        this(conventionId, votationId, openedAt, null);
    }
}
