package org.conventionledger.csv;

import java.util.regex.Pattern;

/**
 * Neutralises spreadsheet formulas in exported text (CSV injection). Rule, after OWASP's "CSV Injection"
 * guidance: a cell whose text starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return is prefixed with a single quote, which spreadsheets read as "this is text". A cell that is a
 * plain decimal number ({@code -12.50}, {@code +3}, {@code 1,5}) is left alone: it cannot call anything, and
 * a negative amount must stay a number in the finance department's sheet.
 */
public final class FormulaGuard {

    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+([.,]\\d+)?");

    private FormulaGuard() {}

    /** {@code text} as it may safely be written into a cell. */
    public static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        boolean risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        if (!risky || NUMBER.matcher(text).matches()) {
            return text;
        }
        return "'" + text;
    }
}
