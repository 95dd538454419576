package org.conventionledger.events.votation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The order in which one voter sees the actions of a votation: a random order, the same every time the
 * voter looks, different from voter to voter, and reproducible by anyone holding the log.
 *
 * <p>Each action's sort key is {@code SHA-256(seed + "|" + voterPseudonym + "|" + actionNumber)} over
 * the UTF-8 bytes (the action number in decimal, no padding); actions are shown by increasing key,
 * comparing the 32 digest bytes as unsigned numbers (that is, by the lower-case hex digest as text), ties
 * (never seen in practice) by action number. The seed is {@link VotationOpened#displaySeed()}; the
 * pseudonym is the one the voter's ballot carries ({@link OnlineBallotCast#voterPseudonym()}). A garant
 * re-running this over the log gets each voter's order exactly.
 */
public final class BallotOrder {

    private BallotOrder() {}

    /** The action numbers in the order this voter sees them. */
    public static List<Integer> of(String seed, String voterPseudonym, Collection<Integer> actionNumbers) {
        if (seed == null || voterPseudonym == null) {
            throw new IllegalArgumentException("A display order needs the votation's seed and the voter's pseudonym");
        }
        Map<Integer, String> keys = actionNumbers.stream()
                .distinct()
                .collect(Collectors.toMap(Function.identity(), n -> key(seed, voterPseudonym, n)));
        return keys.keySet().stream()
                .sorted(Comparator.<Integer, String>comparing(keys::get).thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    /** One action's sort key for this voter: the lower-case hex SHA-256 of {@code seed|pseudonym|number}. */
    public static String key(String seed, String voterPseudonym, int actionNumber) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((seed + "|" + voterPseudonym + "|" + actionNumber).getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(64);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
