package org.conventionledger.rules.sortition;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Commitment to a draw's seed: the organiser logs the commitment before the lists are frozen and
 * reveals the seed only at the draw, so the seed cannot have been chosen knowing the lists.
 *
 * <p>Rule: the commitment is the lowercase hex SHA-256 of the seed's UTF-8 bytes, so that a bailiff can
 * check it with {@code printf %s 'SEED' | sha256sum}. A seed is non-blank and at most
 * {@value #MAX_SEED_LENGTH} characters (Unicode code points); it is hashed exactly as given, spaces
 * included.
 */
public final class SeedCommitment {

    public static final int MAX_SEED_LENGTH = 200;

    private static final Pattern HEX_64 = Pattern.compile("[0-9a-fA-F]{64}");

    private SeedCommitment() {}

    /** The commitment to {@code seed}; rejects an invalid seed. */
    public static String of(String seed) {
        return Sha256.hex(requireValidSeed(seed));
    }

    /** Whether {@code seed} is a valid seed whose commitment is {@code commitment} (hex in either case). */
    public static boolean matches(String seed, String commitment) {
        return isValidSeed(seed)
                && isValidCommitment(commitment)
                && of(seed).equals(commitment.toLowerCase(Locale.ROOT));
    }

    public static boolean isValidCommitment(String commitment) {
        return commitment != null && HEX_64.matcher(commitment).matches();
    }

    /** {@code commitment} in lowercase, the form {@code sha256sum} prints; rejects anything but 64 hex digits. */
    public static String requireValidCommitment(String commitment) {
        if (!isValidCommitment(commitment)) {
            throw new IllegalArgumentException(
                    "A seed commitment is the SHA-256 of the seed: 64 hex digits, found " + quoted(commitment));
        }
        return commitment.toLowerCase(Locale.ROOT);
    }

    public static boolean isValidSeed(String seed) {
        return seed != null && !seed.isBlank() && seed.codePointCount(0, seed.length()) <= MAX_SEED_LENGTH;
    }

    /** {@code seed} unchanged; rejects a blank seed or one longer than {@value #MAX_SEED_LENGTH} characters. */
    public static String requireValidSeed(String seed) {
        if (seed == null || seed.isBlank()) {
            throw new IllegalArgumentException("The seed must not be blank");
        }
        if (!isValidSeed(seed)) {
            throw new IllegalArgumentException("The seed must be at most " + MAX_SEED_LENGTH + " characters, found "
                    + seed.codePointCount(0, seed.length()));
        }
        return seed;
    }

    private static String quoted(String text) {
        return text == null ? "nothing" : "\"" + text + "\"";
    }

    /**
     * The randomness a draw runs on: the committed seed, then {@code "|"}, then the public entropy drawn
     * at the draw. Two parties, two moments: the seed is fixed before the lists (or the pool) are final,
     * the entropy only after, so nobody who could still change the lists knew the outcome.
     */
    public static String drawRandomness(String seed, String publicEntropy) {
        requireValidSeed(seed);
        if (publicEntropy == null || publicEntropy.isBlank() || publicEntropy.length() > MAX_SEED_LENGTH) {
            throw new IllegalArgumentException(
                    "The public entropy must not be blank and at most " + MAX_SEED_LENGTH + " characters");
        }
        return seed + "|" + publicEntropy;
    }
}
