package org.conventionledger.query.oversight;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The seal the chain recorded by itself when it reached a {@code SessionClosed} event: the integrity
 * chain's head at that event's position. Keyed by the position, written once: after a crash the chain
 * rewrites the same links and the seal keeps the time it was first taken.
 *
 * @param chain         the chain's definition ({@code ChainLink.VERSION})
 * @param head          the chain's head at {@code position}, the {@code SessionClosed} event included
 * @param length        how many events the chain holds up to and including {@code position}
 * @param sealedAt      when the chain reached the position
 * @param sessionNumber the session's number, from its {@code SessionScheduled} event (null if the trail has none)
 */
@Document("session_seals")
record SessionSeal(
        @Id long position,
        String chain,
        String head,
        long length,
        Instant sealedAt,
        @Indexed String conventionId,
        String sessionId,
        Integer sessionNumber) {}
