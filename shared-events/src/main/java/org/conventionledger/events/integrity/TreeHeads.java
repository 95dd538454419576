package org.conventionledger.events.integrity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * The texts the ledger's and the garants' Ed25519 keys sign, and the signing and checking of them
 * (RFC 8032 Ed25519; keys are the JDK's, the arithmetic Bouncy Castle's, about 16 times faster than the
 * JDK 17 provider, which matters since every appended event is signed). Public keys travel as Base64
 * X.509 SubjectPublicKeyInfo, signatures as Base64, a key's fingerprint is the hex SHA-256 of its X.509
 * bytes. Each text starts with what it is, so a signature over one kind of text can never pass for another
 * kind.
 */
public final class TreeHeads {

    private static final String ED25519 = "Ed25519";
    private static volatile Map.Entry<PrivateKey, Ed25519PrivateKeyParameters> lastPrivate;
    private static volatile Map.Entry<String, Ed25519PublicKeyParameters> lastPublic;

    private TreeHeads() {}

    /**
     * A signed tree head's text: the tree covers the first {@code size} events of the log, the last at
     * global position {@code position} (-1 for the empty tree), and has root {@code rootHex}.
     */
    public static String headText(long size, long position, String rootHex, String timestamp) {
        return TreeLeaf.VERSION + " head\n" + size + '\n' + position + '\n' + rootHex + '\n' + timestamp + '\n';
    }

    /** What the ledger's old key signs to hand over to a new one. */
    public static String rotationText(String oldFingerprint, String newPublicKey, String timestamp) {
        return TreeLeaf.VERSION + " key rotation\n" + oldFingerprint + '\n' + newPublicKey + '\n' + timestamp + '\n';
    }

    /** What a key signs to prove that whoever registers or publishes it holds its private half. */
    public static String possessionText(String holder, String fingerprint) {
        return TreeLeaf.VERSION + " key of\n" + holder + '\n' + fingerprint + '\n';
    }

    /** The Base64 Ed25519 signature of {@code text}. */
    public static String sign(PrivateKey key, String text) {
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateParameters(key));
        signer.update(message, 0, message.length);
        return Base64.getEncoder().encodeToString(signer.generateSignature());
    }

    /** True if {@code signature} is {@code publicKey}'s Ed25519 signature of {@code text}; false on malformed input. */
    public static boolean verifies(String publicKey, String text, String signature) {
        try {
            byte[] message = text.getBytes(StandardCharsets.UTF_8);
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, publicParameters(publicKey));
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(Base64.getDecoder().decode(signature));
        } catch (IOException | RuntimeException malformed) {
            return false;
        }
    }

    /** The key's Bouncy Castle form, kept for the next call: the ledger signs with one key for long. */
    private static Ed25519PrivateKeyParameters privateParameters(PrivateKey key) {
        var known = lastPrivate;
        if (known != null && known.getKey() == key) {
            return known.getValue();
        }
        if (!(key instanceof EdECPrivateKey edec) || edec.getBytes().isEmpty()) {
            throw new IllegalStateException("cannot sign with Ed25519: not an Ed25519 private key");
        }
        Ed25519PrivateKeyParameters parameters =
                new Ed25519PrivateKeyParameters(edec.getBytes().get(), 0);
        lastPrivate = Map.entry(key, parameters);
        return parameters;
    }

    private static Ed25519PublicKeyParameters publicParameters(String publicKey) throws IOException {
        var known = lastPublic;
        if (known != null && known.getKey().equals(publicKey)) {
            return known.getValue();
        }
        if (!(PublicKeyFactory.createKey(Base64.getDecoder().decode(publicKey))
                instanceof Ed25519PublicKeyParameters parameters)) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        lastPublic = Map.entry(publicKey, parameters);
        return parameters;
    }

    /** The Ed25519 public key in {@code base64}, or an {@link IllegalArgumentException} saying why not. */
    public static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance(ED25519)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("not an Ed25519 public key (X.509 SubjectPublicKeyInfo, Base64)", e);
        }
    }

    /** The Base64 X.509 form of {@code key}. */
    public static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** The hex SHA-256 of the key's X.509 bytes. */
    public static String fingerprint(String publicKey) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(Base64.getDecoder().decode(publicKey)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lower-case hex. */
    public static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    /** The bytes of lower-case hex, or an {@link IllegalArgumentException}. */
    public static byte[] unhex(String hex) {
        if (hex == null || !hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 hash in lower-case hex: " + hex);
        }
        return HexFormat.of().parseHex(hex);
    }
}
