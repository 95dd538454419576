package org.conventionledger.csv;

import java.util.Locale;

/**
 * The two shapes of CSV the ledger writes: standard RFC 4180 (comma, no byte-order mark) for programs,
 * and {@code excel-fr} (semicolon, UTF-8 byte-order mark) which a spreadsheet set up for France opens in
 * columns with its accents intact, and whose decimal numbers use a comma ({@code 12,50}) so that they stay
 * numbers there. Both end lines with CRLF.
 */
public enum CsvFlavour {
    STANDARD(',', false),
    EXCEL_FR(';', true);

    /** The query parameter value that asks for {@link #EXCEL_FR}. */
    public static final String EXCEL_FR_NAME = "excel-fr";

    private final char separator;
    private final boolean byteOrderMark;

    CsvFlavour(char separator, boolean byteOrderMark) {
        this.separator = separator;
        this.byteOrderMark = byteOrderMark;
    }

    public char separator() {
        return separator;
    }

    public boolean byteOrderMark() {
        return byteOrderMark;
    }

    /** The decimal separator of numbers written in this flavour. */
    public char decimalSeparator() {
        return this == EXCEL_FR ? ',' : '.';
    }

    /**
     * The flavour a request names: absent, blank, {@code csv} or {@code standard} is {@link #STANDARD},
     * {@code excel-fr} is {@link #EXCEL_FR} (any case); anything else is an {@link IllegalArgumentException}.
     */
    public static CsvFlavour of(String name) {
        String value = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "csv", "standard" -> STANDARD;
            case EXCEL_FR_NAME -> EXCEL_FR;
            default -> throw new IllegalArgumentException("format must be csv or " + EXCEL_FR_NAME);
        };
    }
}
