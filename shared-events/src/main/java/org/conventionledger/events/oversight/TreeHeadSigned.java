package org.conventionledger.events.oversight;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * The ledger signed a head of the Merkle tree over its log: the first {@code size} events in global order,
 * the last of them at {@code position}, have root {@code root}. Computed on the command side from the
 * event store itself.
 *
 * @param tree      the tree's definition, {@code ledger-tree-v1}
 * @param reason    why now: the maximum merge delay, a session's close, a votation's close
 * @param keyId     the fingerprint of the ledger key that signed
 * @param signature the key's signature of {@code TreeHeads#headText(size, position, root, signedAt)}
 * @param emptyPositions the positions after the previous head's last and up to {@code position} that held no
 *                  event when the tree took them in (aborted inserts), in order; null in heads signed before
 *                  heads listed them. With the event's own ledger signature, a position emptied later is
 *                  named exactly ({@code EventAudit})
 */
@Revision("1")
public record TreeHeadSigned(
        String keyringId,
        String headId,
        String tree,
        long size,
        long position,
        String root,
        Instant signedAt,
        String reason,
        String keyId,
        String signature,
        List<Long> emptyPositions) {

    /** A head that lists no empty positions (as every head did before they were listed). */
    public TreeHeadSigned(
            String keyringId,
            String headId,
            String tree,
            long size,
            long position,
            String root,
            Instant signedAt,
            String reason,
            String keyId,
            String signature) {
        this(keyringId, headId, tree, size, position, root, signedAt, reason, keyId, signature, null);
    }
}
