package org.conventionledger.command.recruitment;

import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.rules.sortition.SeedCommitment;

/** What any draw needs revealed before it runs: the committed seed and the public entropy. */
final class SeedReveal {

    private SeedReveal() {}

    static void check(String seed, String publicEntropy) {
        if (seed == null || seed.isBlank()) {
            throw RuleViolation.unprocessable("seed-required", "Reveal the seed.");
        }
        if (publicEntropy == null
                || publicEntropy.isBlank()
                || publicEntropy.length() > SeedCommitment.MAX_SEED_LENGTH) {
            throw RuleViolation.unprocessable(
                    "public-entropy-required",
                    "Give the public entropy drawn at the draw (e.g. dice rolled before the bailiff), at most "
                            + SeedCommitment.MAX_SEED_LENGTH + " characters.");
        }
    }
}
