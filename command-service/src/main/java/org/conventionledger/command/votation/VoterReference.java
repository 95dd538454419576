package org.conventionledger.command.votation;

import com.ibm.icu.text.Normalizer2;
import java.util.regex.Pattern;
import org.conventionledger.command.platform.RuleViolation;

/**
 * A voter's canonical reference: the one string per person that every channel (a voter signing in, the
 * voting platform relaying them, a paper desk checking them off) turns into the same keyed pseudonym, so
 * that one person meets one ballot stream per votation. The reference itself is the one the register of
 * eligible voters or the city's identity provider gives the person (docs/votation.md, "Who is a voter");
 * this class only makes spelling variants of it equal.
 *
 * <p>Rule: Unicode {@code NFKC_Casefold} (Unicode Standard, section 3.13, the normalisation behind
 * caseless identifier matching), which makes compatibility forms equal (full-width letters, ligatures,
 * composed and decomposed accents), folds case fully ({@code ß} and {@code SS}) and drops default-ignorable
 * characters (zero-width spaces, soft hyphens); then every run of white space (Unicode's White_Space,
 * no-break spaces included) becomes one space, and the ends are trimmed. Accents are kept: {@code Hélène}
 * and {@code Helene} are two references, because dropping them would merge distinct people whose names
 * differ only by an accent and refuse the second one a vote, while a desk that mistypes an accent can
 * correct it from the register.
 *
 * @param canonical the reference, normalised on construction; never blank, never logged
 */
public record VoterReference(String canonical) {

    /** The longest canonical reference (the requests' own bound). */
    public static final int MAX_LENGTH = 256;
    /** The longest text normalised, which bounds the work (white space may shrink it a lot). */
    private static final int MAX_RAW_LENGTH = 4 * MAX_LENGTH;

    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
    private static final Pattern EDGES = Pattern.compile("^\\s+|\\s+$", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    /**
     * Normalises what it is given, so that every reference is canonical however it was made.
     *
     * @throws RuleViolation 422 {@code voter-ref-required} for a missing or blank reference,
     *                       {@code invalid-voter-ref} for one too long or holding control characters
     */
    public VoterReference {
        if (canonical == null || canonical.isBlank()) {
            throw RuleViolation.unprocessable("voter-ref-required", "The voter's reference is missing or blank.");
        }
        if (canonical.length() > MAX_RAW_LENGTH) {
            throw tooLong();
        }
        String folded = NFKC_CASEFOLD.normalize(canonical);
        canonical = WHITE_SPACE.matcher(EDGES.matcher(folded).replaceAll("")).replaceAll(" ");
        if (CONTROL.matcher(canonical).find()) {
            throw RuleViolation.unprocessable("invalid-voter-ref", "A voter's reference holds no control characters.");
        }
        if (canonical.isEmpty()) {
            throw RuleViolation.unprocessable(
                    "voter-ref-required", "The voter's reference has nothing but invisible characters.");
        }
        if (canonical.length() > MAX_LENGTH) {
            throw tooLong();
        }
    }

    /** The canonical reference of {@code raw}, as sent by a channel. */
    public static VoterReference of(String raw) {
        return new VoterReference(raw);
    }

    private static RuleViolation tooLong() {
        return RuleViolation.unprocessable(
                "invalid-voter-ref", "A voter's reference has at most " + MAX_LENGTH + " characters once normalised.");
    }

    /** Kept out of any message that might reach a log. */
    @Override
    public String toString() {
        return "VoterReference[…]";
    }
}
