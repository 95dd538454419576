package org.conventionledger.csv;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;

/**
 * Days as French files and ISO write them: {@code 1961-07-03}, {@code 03/07/1961}, {@code 3/7/1961},
 * {@code 03-07-1961}, {@code 03.07.1961} (day before month, as in France; four-digit years only, since
 * {@code 03/07/61} could be 1861 or 1961). Impossible days ({@code 30/02/1990}) are not dates.
 */
public final class Dates {

    private static final List<DateTimeFormatter> FORMS = List.of(
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT));

    /** The forms, for messages. */
    public static final String FORMS_HELP = "a date such as 03/07/1961, 3/7/1961, 03-07-1961, 03.07.1961 or 1961-07-03";

    private Dates() {}

    /** The day {@code text} names, if it is in one of the forms. */
    public static Optional<LocalDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip();
        for (DateTimeFormatter form : FORMS) {
            try {
                return Optional.of(LocalDate.parse(value, form));
            } catch (DateTimeParseException notThisForm) {
                // try the next form
            }
        }
        return Optional.empty();
    }
}
