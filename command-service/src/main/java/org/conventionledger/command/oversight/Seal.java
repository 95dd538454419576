package org.conventionledger.command.oversight;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.events.integrity.ChainLink;
import org.conventionledger.events.oversight.SealCountersigned;
import org.conventionledger.events.oversight.SealPublished;

/**
 * A published seal of the log and the garants' countersignatures. A countersignature is accepted only
 * if it verifies against the seal's text with the key it comes with, so the log never holds a
 * signature that does not check out.
 */
@Aggregate
public class Seal {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    @AggregateIdentifier
    private String sealId;

    private String text;
    private final Set<String> signers = new HashSet<>();

    protected Seal() {
        // for Axon
    }

    @CommandHandler
    public Seal(PublishSeal command) {
        if (!ChainLink.VERSION.equals(command.chain())) {
            throw RuleViolation.unprocessable(
                    "unknown-chain",
                    "This ledger seals chains of version " + ChainLink.VERSION + ", not " + command.chain() + ".");
        }
        if (command.head() == null || !SHA256_HEX.matcher(command.head()).matches()) {
            throw RuleViolation.unprocessable("invalid-head", "A seal's head is a SHA-256 hash in lower-case hex.");
        }
        if (command.position() < -1 || command.length() < 0 || (command.length() == 0) != (command.position() == -1)) {
            throw RuleViolation.unprocessable(
                    "invalid-position",
                    "A seal's position and length describe a chain: position -1 with length 0, or both beyond.");
        }
        if (command.sealedAt() == null) {
            throw RuleViolation.unprocessable("sealed-at-required", "Say when the seal was taken.");
        }
        apply(new SealPublished(
                command.sealId(),
                command.chain(),
                command.position(),
                command.head(),
                command.length(),
                command.sealedAt(),
                command.reason()));
    }

    @CommandHandler
    public void handle(CountersignSeal command) {
        byte[] keyBytes = decode(command.publicKey(), "invalid-public-key", "publicKey");
        byte[] signature = decode(command.signature(), "invalid-signature", "signature");
        String fingerprint = fingerprint(keyBytes);
        if (signers.contains(fingerprint)) {
            throw RuleViolation.conflict(
                    "already-countersigned", "This key has already countersigned seal " + sealId + ".");
        }
        if (!verifies(keyBytes, signature)) {
            throw RuleViolation.unprocessable(
                    "signature-does-not-verify",
                    "The signature does not verify against" + " the seal's text with this Ed25519 key.");
        }
        apply(new SealCountersigned(sealId, command.signer(), command.publicKey(), fingerprint, command.signature()));
    }

    @EventSourcingHandler
    void on(SealPublished event) {
        sealId = event.sealId();
        text = ChainLink.sealText(event.chain(), event.position(), event.head(), event.length());
    }

    @EventSourcingHandler
    void on(SealCountersigned event) {
        signers.add(event.fingerprint());
    }

    private boolean verifies(byte[] keyBytes, byte[] signature) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(keyBytes));
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException notAnEd25519Key) {
            throw RuleViolation.unprocessable(
                    "invalid-public-key",
                    "publicKey is not an Ed25519 public key (X.509 SubjectPublicKeyInfo, Base64).");
        }
    }

    private static byte[] decode(String base64, String code, String field) {
        try {
            if (base64 == null || base64.isBlank()) {
                throw new IllegalArgumentException("blank");
            }
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw RuleViolation.unprocessable(code, "'" + field + "' must be Base64.");
        }
    }

    private static String fingerprint(byte[] keyBytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(keyBytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
