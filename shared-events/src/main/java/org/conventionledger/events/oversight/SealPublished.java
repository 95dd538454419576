package org.conventionledger.events.oversight;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A seal of the log was published: the integrity chain's head at a position (see
 * {@code org.conventionledger.events.integrity.ChainLink}). Anyone holding an export of the log can
 * recompute the chain up to {@code position} and compare it with {@code head}.
 *
 * @param chain  the chain's definition, e.g. "ledger-chain-v1"
 * @param length how many events the chain holds up to and including {@code position}
 * @param reason why it was sealed (on demand, end of a session…)
 */
@Revision("1")
public record SealPublished(
        String sealId, String chain, long position, String head, long length, Instant sealedAt, String reason) {}
