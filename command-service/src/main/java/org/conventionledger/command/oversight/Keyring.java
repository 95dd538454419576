package org.conventionledger.command.oversight;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.conventionledger.command.oversight.KeyringCommands.CountersignTreeHead;
import org.conventionledger.command.oversight.KeyringCommands.PublishLedgerKey;
import org.conventionledger.command.oversight.KeyringCommands.RegisterGarantKey;
import org.conventionledger.command.oversight.KeyringCommands.RevokeGarantKey;
import org.conventionledger.command.oversight.KeyringCommands.RotateLedgerKey;
import org.conventionledger.command.oversight.KeyringCommands.SignTreeHead;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.events.integrity.TreeHeads;
import org.conventionledger.events.integrity.TreeLeaf;
import org.conventionledger.events.oversight.GarantKeyRegistered;
import org.conventionledger.events.oversight.GarantKeyRevoked;
import org.conventionledger.events.oversight.LedgerKeyPublished;
import org.conventionledger.events.oversight.LedgerKeyRotated;
import org.conventionledger.events.oversight.TreeHeadCountersigned;
import org.conventionledger.events.oversight.TreeHeadSigned;

/**
 * The keys that vouch for the log, one per ledger ({@value #ID}): the ledger's signing key and its
 * rotations, the keys garants registered and revoked, and the signed tree heads with their
 * countersignatures. Every signature is checked before it is recorded, so the log never holds one that
 * does not verify; heads only grow, and only a registered, unrevoked garant key countersigns.
 * Changes are rare (a head every few minutes), so one instance is no hot spot.
 */
@Aggregate(cache = "conventionCache")
public class Keyring {

    public static final String ID = "ledger-keyring";
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final String LEDGER = "ledger";

    /** A registered garant key. */
    private record GarantKey(String garantId, String publicKey, boolean revoked) {}

    @AggregateIdentifier
    private String keyringId;

    private String ledgerKeyId;
    private String ledgerPublicKey;
    private long lastSize;
    private final Map<String, String> headTexts = new HashMap<>();
    private final Map<String, GarantKey> garantKeys = new HashMap<>();
    private final Set<String> countersigned = new HashSet<>();

    protected Keyring() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(PublishLedgerKey command) {
        String keyId = keyId(command.publicKey());
        if (ledgerKeyId != null) {
            if (ledgerKeyId.equals(keyId)) {
                return;
            }
            throw RuleViolation.conflict(
                    "ledger-key-differs",
                    "The ledger's key is " + ledgerKeyId
                            + "; a new key must be handed over by the old one (rotation), not published.");
        }
        requirePossession(command.publicKey(), LEDGER, keyId, command.proof());
        apply(new LedgerKeyPublished(
                command.keyringId(),
                keyId,
                command.publicKey(),
                command.proof(),
                required(command.publishedAt(), "publishedAt")));
    }

    @CommandHandler
    void handle(RotateLedgerKey command) {
        requireLedgerKey();
        String keyId = keyId(command.publicKey());
        if (keyId.equals(ledgerKeyId)) {
            throw RuleViolation.unprocessable("same-key", "The new key is the current key.");
        }
        Instant rotatedAt = required(command.rotatedAt(), "rotatedAt");
        if (!TreeHeads.verifies(
                ledgerPublicKey,
                TreeHeads.rotationText(ledgerKeyId, command.publicKey(), rotatedAt.toString()),
                command.signature())) {
            throw RuleViolation.unprocessable(
                    "rotation-not-signed-by-current-key",
                    "signature: the hand-over must be signed by the current ledger key " + ledgerKeyId + ".");
        }
        requirePossession(command.publicKey(), LEDGER, keyId, command.proof());
        apply(new LedgerKeyRotated(
                keyringId, ledgerKeyId, keyId, command.publicKey(), rotatedAt, command.signature(), command.proof()));
    }

    @CommandHandler
    void handle(SignTreeHead command) {
        requireLedgerKey();
        if (command.root() == null || !SHA256_HEX.matcher(command.root()).matches()) {
            throw RuleViolation.unprocessable("invalid-root", "root: a SHA-256 hash in lower-case hex.");
        }
        if (command.size() < 0 || (command.size() == 0) != (command.position() < 0)) {
            throw RuleViolation.unprocessable(
                    "invalid-size",
                    "size and position: the empty tree has position -1," + " any other tree a position of the log.");
        }
        if (command.size() < lastSize) {
            throw RuleViolation.conflict(
                    "tree-shrank",
                    "size: a head of " + command.size() + " events after one of " + lastSize + "; the log only grows.");
        }
        if (headTexts.containsKey(command.headId())) {
            throw RuleViolation.conflict("head-exists", "Head " + command.headId() + " is already signed.");
        }
        if (command.emptyPositions() != null
                && command.emptyPositions().stream().anyMatch(p -> p == null || p > command.position())) {
            throw RuleViolation.unprocessable("invalid-empty-positions", "emptyPositions: positions the head covers.");
        }
        Instant signedAt = required(command.signedAt(), "signedAt");
        String text = TreeHeads.headText(command.size(), command.position(), command.root(), signedAt.toString());
        if (!TreeHeads.verifies(ledgerPublicKey, text, command.signature())) {
            throw RuleViolation.unprocessable(
                    "head-not-signed-by-ledger-key",
                    "signature: the head must be signed by the ledger key " + ledgerKeyId + ".");
        }
        apply(new TreeHeadSigned(
                keyringId,
                command.headId(),
                TreeLeaf.VERSION,
                command.size(),
                command.position(),
                command.root(),
                signedAt,
                command.reason(),
                ledgerKeyId,
                command.signature(),
                command.emptyPositions() == null ? null : List.copyOf(command.emptyPositions())));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterGarantKey command) {
        String keyId = keyId(command.publicKey());
        if (garantKeys.containsKey(keyId) || keyId.equals(ledgerKeyId)) {
            throw RuleViolation.conflict("key-already-registered", "publicKey: this key is already registered.");
        }
        requirePossession(command.publicKey(), command.garantId(), keyId, command.proof());
        apply(new GarantKeyRegistered(
                command.keyringId(),
                command.garantId(),
                keyId,
                command.publicKey(),
                command.proof(),
                required(command.registeredAt(), "registeredAt")));
    }

    @CommandHandler
    void handle(RevokeGarantKey command) {
        GarantKey key = garantKeys.get(command.keyId());
        if (key == null || !key.garantId().equals(command.garantId())) {
            throw RuleViolation.notFound(
                    "no-such-garant-key",
                    "keyId: " + command.garantId() + " has registered no key " + command.keyId() + ".");
        }
        if (key.revoked()) {
            throw RuleViolation.conflict("key-already-revoked", "Key " + command.keyId() + " is already revoked.");
        }
        apply(new GarantKeyRevoked(
                keyringId,
                command.garantId(),
                command.keyId(),
                command.reason(),
                required(command.revokedAt(), "revokedAt")));
    }

    @CommandHandler
    void handle(CountersignTreeHead command) {
        String text = headTexts.get(command.headId());
        if (text == null) {
            throw RuleViolation.notFound("no-such-head", "headId: no signed tree head " + command.headId() + ".");
        }
        GarantKey key = garantKeys.get(command.keyId());
        if (key == null || !key.garantId().equals(command.garantId())) {
            throw RuleViolation.unprocessable(
                    "key-not-registered",
                    "keyId: " + command.garantId() + " has registered no key " + command.keyId() + ".");
        }
        if (key.revoked()) {
            throw RuleViolation.unprocessable("key-revoked", "keyId: key " + command.keyId() + " is revoked.");
        }
        if (countersigned.contains(command.headId() + '/' + command.keyId())) {
            throw RuleViolation.conflict(
                    "already-countersigned", "This key has already countersigned head " + command.headId() + ".");
        }
        if (!TreeHeads.verifies(key.publicKey(), text, command.signature())) {
            throw RuleViolation.unprocessable(
                    "signature-does-not-verify",
                    "signature: it does not verify against the head's text with key " + command.keyId() + ".");
        }
        apply(new TreeHeadCountersigned(
                keyringId, command.headId(), command.garantId(), command.keyId(), command.signature()));
    }

    private void requireLedgerKey() {
        if (ledgerKeyId == null) {
            throw RuleViolation.conflict("no-ledger-key", "The ledger has published no key yet.");
        }
    }

    private static String keyId(String publicKey) {
        try {
            TreeHeads.publicKey(publicKey);
        } catch (IllegalArgumentException e) {
            throw RuleViolation.unprocessable(
                    "invalid-public-key", "publicKey: not an Ed25519 public key (X.509 SubjectPublicKeyInfo, Base64).");
        }
        return TreeHeads.fingerprint(publicKey);
    }

    private static void requirePossession(String publicKey, String holder, String keyId, String proof) {
        if (!TreeHeads.verifies(publicKey, TreeHeads.possessionText(holder, keyId), proof)) {
            throw RuleViolation.unprocessable(
                    "no-proof-of-possession",
                    "proof: sign the text \""
                            + TreeHeads.possessionText(holder, keyId).replace("\n", "\\n")
                            + "\" with the key, so that nobody registers a key they do not hold.");
        }
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw RuleViolation.unprocessable(field + "-required", field + " is required.");
        }
        return value;
    }

    @EventSourcingHandler
    void on(LedgerKeyPublished event) {
        keyringId = event.keyringId();
        ledgerKeyId = event.keyId();
        ledgerPublicKey = event.publicKey();
    }

    @EventSourcingHandler
    void on(LedgerKeyRotated event) {
        ledgerKeyId = event.keyId();
        ledgerPublicKey = event.publicKey();
    }

    @EventSourcingHandler
    void on(TreeHeadSigned event) {
        lastSize = event.size();
        headTexts.put(
                event.headId(),
                TreeHeads.headText(
                        event.size(),
                        event.position(),
                        event.root(),
                        event.signedAt().toString()));
    }

    @EventSourcingHandler
    void on(GarantKeyRegistered event) {
        keyringId = event.keyringId();
        garantKeys.put(event.keyId(), new GarantKey(event.garantId(), event.publicKey(), false));
    }

    @EventSourcingHandler
    void on(GarantKeyRevoked event) {
        garantKeys.computeIfPresent(event.keyId(), (id, key) -> new GarantKey(key.garantId(), key.publicKey(), true));
    }

    @EventSourcingHandler
    void on(TreeHeadCountersigned event) {
        countersigned.add(event.headId() + '/' + event.keyId());
    }
}
