package org.conventionledger.events.oversight;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * The ledger handed over to a new signing key. The old key vouches for the new one, so a garant who
 * trusted the first published key can follow every rotation from the log alone.
 *
 * @param signature the previous key's signature of {@code TreeHeads#rotationText(previousKeyId, publicKey,
 *                  rotatedAt)}
 * @param proof     the new key's signature of {@code TreeHeads#possessionText("ledger", keyId)}
 */
@Revision("1")
public record LedgerKeyRotated(
        String keyringId,
        String previousKeyId,
        String keyId,
        String publicKey,
        Instant rotatedAt,
        String signature,
        String proof) {}
