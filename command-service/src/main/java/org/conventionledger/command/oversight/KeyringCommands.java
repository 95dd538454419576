package org.conventionledger.command.oversight;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of the {@link Keyring}: the ledger's key, the garants' keys, and the signed tree heads. */
public final class KeyringCommands {

    private KeyringCommands() {}

    /** The ledger publishes its key at start; a no-op if this very key is already the ledger's. */
    public record PublishLedgerKey(
            @TargetAggregateIdentifier String keyringId, String publicKey, String proof, Instant publishedAt) {}

    /** The ledger hands over to a new key, the old one signing the hand-over. */
    public record RotateLedgerKey(
            @TargetAggregateIdentifier String keyringId,
            String publicKey,
            String proof,
            Instant rotatedAt,
            String signature) {}

    /** The ledger appends a head it signed over the tree it computed from the event store. */
    public record SignTreeHead(
            @TargetAggregateIdentifier String keyringId,
            String headId,
            long size,
            long position,
            String root,
            Instant signedAt,
            String reason,
            String signature,
            List<Long> emptyPositions) {

        public SignTreeHead(
                String keyringId,
                String headId,
                long size,
                long position,
                String root,
                Instant signedAt,
                String reason,
                String signature) {
            this(keyringId, headId, size, position, root, signedAt, reason, signature, null);
        }
    }

    /** A garant registers their own key. */
    public record RegisterGarantKey(
            @TargetAggregateIdentifier String keyringId,
            String garantId,
            String publicKey,
            String proof,
            Instant registeredAt) {}

    /** A garant revokes one of their keys. */
    public record RevokeGarantKey(
            @TargetAggregateIdentifier String keyringId,
            String garantId,
            String keyId,
            String reason,
            Instant revokedAt) {}

    /** A garant countersigns a head with a registered key. */
    public record CountersignTreeHead(
            @TargetAggregateIdentifier String keyringId,
            String headId,
            String garantId,
            String keyId,
            String signature) {}
}
