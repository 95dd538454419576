package org.conventionledger.query.oversight;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Positions of the JDBC log the integrity chain went past because they hold no event and never will:
 * indexes taken by appends that were rolled back (ADR-004). Garants see them beside the chain, so a
 * missing position is always accounted for.
 *
 * @param first     the first abandoned position
 * @param last      the last abandoned position of the run
 * @param settledAt when the chain decided they were abandoned
 */
@Document("abandoned_positions")
record AbandonedPositions(@Id long first, long last, Instant settledAt) {}
