package org.conventionledger.rules.sortition;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The matching key that recognises one person on several source lists despite the lists' spelling
 * habits ("DUPONT-Éléonore" on the electoral roll, "Dupont Eleonore" at the landlord's).
 *
 * <p>Rule: the key is {@code normalise(lastName) + "|" + normalise(firstName) + "|" + birthDate}
 * (birth date as {@code yyyy-MM-dd}), where {@code normalise}
 * <ol>
 *   <li>decomposes the text (Unicode NFD) and removes the combining marks, so accents go:
 *   {@code é → e}, {@code ç → c};</li>
 *   <li>spells out the ligatures NFD leaves whole: {@code œ → oe}, {@code æ → ae}, {@code ß → ss};</li>
 *   <li>lower-cases (locale-independent);</li>
 *   <li>turns every run of characters that are neither letters nor digits — hyphens, apostrophes,
 *   punctuation, whitespace — into one space, and trims.</li>
 * </ol>
 * A normalised name therefore never contains {@code |}, so the key splits back unambiguously. Names that
 * normalise to nothing (only punctuation) are rejected. Text sent composed (NFC) or decomposed gives the same
 * key (step 1). The last name is the birth name: a usage name, when a file gives one too, is not part of the
 * key. Why accents are dropped, and what still does not match, is in docs/recruitment.md ("Same person, any
 * file"); the rule is unchanged since the first import, so stored pseudonyms stay valid.
 */
public final class IdentityNormaliser {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private IdentityNormaliser() {}

    /** The matching key of {@code identity}. */
    public static String matchingKey(ResidentIdentity identity) {
        return nonEmpty(normalise(identity.lastName()), "last name") + "|"
                + nonEmpty(normalise(identity.firstName()), "first name") + "|" + identity.birthDate();
    }

    /** {@code text} without accents, case, punctuation or extra spaces. */
    public static String normalise(String text) {
        String unmarked =
                MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        String spelled = unmarked.replace("œ", "oe")
                .replace("Œ", "OE")
                .replace("æ", "ae")
                .replace("Æ", "AE")
                .replace("ß", "ss");
        return SEPARATORS
                .matcher(spelled.toLowerCase(Locale.ROOT))
                .replaceAll(" ")
                .strip();
    }

    private static String nonEmpty(String normalised, String what) {
        if (normalised.isEmpty()) {
            throw new IllegalArgumentException("The " + what + " has no letter or digit");
        }
        return normalised;
    }
}
