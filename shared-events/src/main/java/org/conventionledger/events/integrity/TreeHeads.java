package org.conventionledger.events.integrity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The texts the ledger's and the garants' Ed25519 keys sign, and the signing and checking of them with
 * the JDK's Ed25519. Public keys travel as Base64 X.509 SubjectPublicKeyInfo, signatures as Base64, a
 * key's fingerprint is the hex SHA-256 of its X.509 bytes. Each text starts with what it is, so a
 * signature over one kind of text can never pass for another kind.
 */
public final class TreeHeads {

    private static final String ED25519 = "Ed25519";

    private TreeHeads() {
    }

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
        try {
            Signature signer = Signature.getInstance(ED25519);
            signer.initSign(key);
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with Ed25519", e);
        }
    }

    /** True if {@code signature} is {@code publicKey}'s Ed25519 signature of {@code text}; false on malformed input. */
    public static boolean verifies(String publicKey, String text, String signature) {
        try {
            Signature verifier = Signature.getInstance(ED25519);
            verifier.initVerify(publicKey(publicKey));
            verifier.update(text.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException malformed) {
            return false;
        }
    }

    /** The Ed25519 public key in {@code base64}, or an {@link IllegalArgumentException} saying why not. */
    public static PublicKey publicKey(String base64) {
        try {
            return KeyFactory.getInstance(ED25519).generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                    .decode(base64)));
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
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
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
