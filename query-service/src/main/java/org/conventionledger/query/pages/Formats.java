package org.conventionledger.query.pages;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Numbers and dates as the reader's language writes them, used by the templates as {@code @fmt}:
 * {@code 12 994} and {@code 19 juin 2022} in French, {@code 12,994} and {@code June 19, 2022} in English.
 * Times are shown in the city's zone (Europe/Paris).
 */
@Component("fmt")
public class Formats {

    public static final ZoneId CITY = ZoneId.of("Europe/Paris");

    public String number(Number n) {
        if (n == null) {
            return "—";
        }
        return NumberFormat.getIntegerInstance(locale()).format(n);
    }

    public String percent(double share) {
        NumberFormat format = NumberFormat.getPercentInstance(locale());
        format.setMaximumFractionDigits(1);
        return format.format(share);
    }

    public String date(Object value) {
        LocalDate day =
                value instanceof Instant i ? i.atZone(CITY).toLocalDate() : value instanceof LocalDate d ? d : null;
        return day == null
                ? "—"
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(locale())
                        .format(day);
    }

    public String dateTime(Instant instant) {
        if (instant == null) {
            return "—";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.MEDIUM)
                .withLocale(locale())
                .format(instant.atZone(CITY));
    }

    private static Locale locale() {
        return PagesWeb.supported(LocaleContextHolder.getLocale());
    }
}
