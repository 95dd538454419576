package org.conventionledger.rules.sortition;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed matching tag that recognises one resident across the lists of a convention.
 *
 * <p>Rule: {@code tag = "p-" + the first 24 hex digits (96 bits) of
 * HMAC-SHA256(secret, conventionId + "|" + matchingKey)}, with the {@link IdentityNormaliser matching
 * key}. The same person on several lists of a convention gets the same tag, so they are drawn at most
 * once; the same person in two conventions gets unrelated tags. The secret (at least
 * {@value #MIN_SECRET_BYTES} bytes) and the tag stay in the person vault: the log carries a random person
 * id that the vault maps the tag to, and erasure deletes that mapping, so knowing the secret, a name and
 * a birth date leads to no id once a person is erased (ADR-003). Tags had the form of person ids because,
 * before, they were the ids.
 */
public final class PersonPseudonym {

    public static final int MIN_SECRET_BYTES = 16;
    public static final String PREFIX = "p-";
    public static final String HOUSEHOLD_PREFIX = "h-";
    /** What a household pseudonym looks like: the only household key the log may carry. */
    public static final String HOUSEHOLD_PATTERN = "h-[0-9a-f]{24}";

    private static final String MAC = "HmacSHA256";

    private final byte[] secret;

    public PersonPseudonym(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException(
                    "The pseudonym secret must be at least " + MIN_SECRET_BYTES + " bytes, found " + secret.length);
        }
        this.secret = secret.clone();
    }

    /** The tag of {@code identity} in convention {@code conventionId}. */
    public String matchingTag(String conventionId, ResidentIdentity identity) {
        return matchingTagOfKey(conventionId, IdentityNormaliser.matchingKey(identity));
    }

    /**
     * The pseudonym of a household key (such as the address) in convention {@code conventionId}:
     * {@code "h-" + the first 24 hex digits of HMAC-SHA256(secret, conventionId + "|household|" +
     * normalise(key))}, normalised as names are ({@link IdentityNormaliser#normalise}: accents, case,
     * punctuation), or null when nothing of the key is left. The panel selection only needs to know which
     * volunteers share a household; keyed, the pseudonym cannot be tested against a list of addresses by
     * anyone without the convention's secret. A person's matching key has three parts and a normalised key
     * has no {@code '|'}, so a household never gets a person's tag.
     */
    public String household(String conventionId, String key) {
        String normalised = IdentityNormaliser.normalise(Objects.requireNonNull(key, "key"));
        if (normalised.isEmpty()) {
            return null;
        }
        return HOUSEHOLD_PREFIX
                + matchingTagOfKey(conventionId, "household|" + normalised).substring(PREFIX.length());
    }

    /** The tag of the person whose {@link IdentityNormaliser#matchingKey matching key} is {@code matchingKey}. */
    public String matchingTagOfKey(String conventionId, String matchingKey) {
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
