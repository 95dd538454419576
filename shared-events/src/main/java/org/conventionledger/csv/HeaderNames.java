package org.conventionledger.csv;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Compares column headers the way people write them: without accents, case, spaces or punctuation, so
 * {@code Prénom(s)}, {@code PRENOMS} and {@code prénoms} are one name ({@code prenoms}), {@code E-mail}
 * and {@code email} too.
 */
public final class HeaderNames {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    private HeaderNames() {}

    /** The comparison key of a header. */
    public static String key(String header) {
        String unmarked = MARKS.matcher(Normalizer.normalize(header, Normalizer.Form.NFKD))
                .replaceAll("");
        return NOT_ALPHANUMERIC
                .matcher(unmarked.replace("œ", "oe").replace("Œ", "oe").toLowerCase(Locale.ROOT))
                .replaceAll("");
    }
}
