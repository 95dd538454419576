package org.conventionledger.command.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a person's personal data with their own key, so that the data can sit in the log and be erased
 * by deleting the key alone.
 *
 * <p>Format {@value #VERSION}: {@code "v1:" + base64(nonce || ciphertext || tag)} (standard base64 with
 * padding), where the key is 32 bytes (AES-256), the nonce 12 random bytes, the cipher AES in GCM mode
 * with a 128-bit tag, the plaintext the UTF-8 bytes of the text, and the associated data the UTF-8 bytes
 * of the person id: data sealed for one person does not open as another's, even under the same key.
 * A fresh random nonce per seal makes two seals of the same text differ, so equal ciphertexts reveal
 * nothing; with one key per person, a key seals far too few texts for random nonces to collide.
 */
public final class PersonalDataCipher {

    public static final String VERSION = "v1";
    public static final int KEY_BYTES = 32;
    private static final String PREFIX = VERSION + ":";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PersonalDataCipher() {}

    /** Sealed data that does not open: the message never includes the data. */
    public static final class CannotOpenException extends RuntimeException {

        CannotOpenException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A new random key for one person. */
    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** {@code plaintext} sealed with {@code key} for person {@code personId}. */
    public static String seal(byte[] key, String personId, String plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, personId, nonce);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /**
     * The text sealed in {@code ciphertext}.
     *
     * @throws CannotOpenException when the ciphertext is not a {@value #VERSION} sealed value, or does not
     *                             open with this key and person id: another key, another person's data, or
     *                             altered data (GCM cannot tell these apart)
     */
    public static String open(byte[] key, String personId, String ciphertext) {
        Objects.requireNonNull(ciphertext, "ciphertext");
        if (!ciphertext.startsWith(PREFIX)) {
            throw new CannotOpenException(
                    "The personal data of " + personId + " is not a " + VERSION + " sealed value", null);
        }
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(ciphertext.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new CannotOpenException("The personal data of " + personId + " is not valid base64", e);
        }
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new CannotOpenException("The personal data of " + personId + " is too short to be sealed", null);
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, personId, Arrays.copyOf(sealed, NONCE_BYTES));
            byte[] plain = cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(plain))
                    .toString();
        } catch (AEADBadTagException e) {
            throw new CannotOpenException(
                    "The personal data of " + personId + " does not open: wrong key, "
                            + "data sealed for another person, or altered data",
                    e);
        } catch (CharacterCodingException e) {
            throw new CannotOpenException("The personal data of " + personId + " is not UTF-8 text", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    private static Cipher cipher(int mode, byte[] key, String personId, byte[] nonce) throws GeneralSecurityException {
        Objects.requireNonNull(key, "key");
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("A personal-data key is " + KEY_BYTES + " bytes, found " + key.length);
        }
        if (personId == null || personId.isBlank()) {
            throw new IllegalArgumentException("The person id is required: it binds the data to its person");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(personId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
