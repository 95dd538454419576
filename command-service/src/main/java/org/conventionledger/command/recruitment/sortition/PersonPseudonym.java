package org.conventionledger.command.recruitment.sortition;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pseudonymous person id the log carries instead of a name.
 *
 * <p>Rule: {@code personId = "p-" + the first 24 hex digits (96 bits) of
 * HMAC-SHA256(secret, conventionId + "|" + matchingKey)}, with the {@link IdentityNormaliser matching
 * key}. The same person on several lists of a convention gets the same id, so they are drawn at most
 * once; the same person in two conventions gets unrelated ids, so conventions cannot be linked. The
 * secret (at least {@value #MIN_SECRET_BYTES} bytes, kept outside the log) is what stops anyone who knows
 * a name and a birth date from recomputing the id.
 */
public final class PersonPseudonym {

    public static final int MIN_SECRET_BYTES = 16;
    public static final String PREFIX = "p-";
    private static final String MAC = "HmacSHA256";

    private final byte[] secret;

    public PersonPseudonym(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("The pseudonym secret must be at least " + MIN_SECRET_BYTES
                    + " bytes, found " + secret.length);
        }
        this.secret = secret.clone();
    }

    /** The id of {@code identity} in convention {@code conventionId}. */
    public String personId(String conventionId, ResidentIdentity identity) {
        return personIdOfKey(conventionId, IdentityNormaliser.matchingKey(identity));
    }

    /** The id of the person whose {@link IdentityNormaliser#matchingKey matching key} is {@code matchingKey}. */
    public String personIdOfKey(String conventionId, String matchingKey) {
        if (conventionId == null || conventionId.isBlank() || conventionId.indexOf('|') >= 0) {
            // a '|' in the convention id would let two (convention, key) pairs hash the same text
            throw new IllegalArgumentException("The convention id must be non-blank and without '|'");
        }
        Objects.requireNonNull(matchingKey, "matchingKey");
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(new SecretKeySpec(secret, MAC));
            byte[] tag = mac.doFinal((conventionId + "|" + matchingKey).getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(Arrays.copyOf(tag, 12));
        } catch (GeneralSecurityException e) {
            // every Java platform must provide HmacSHA256
            throw new IllegalStateException(e);
        }
    }
}
