package org.conventionledger.command.recruitment.selection;

import java.util.ArrayList;
import java.util.List;

/**
 * Comma-separated values as spreadsheets write them (RFC 4180): fields may be quoted with {@code "},
 * a quote inside a quoted field is doubled, quoted fields may hold commas and line breaks; lines end with
 * LF, CRLF or CR; a UTF-8 byte order mark is skipped. Cells are trimmed and blank lines skipped, since
 * organisers' exports often carry stray spaces and trailing empty lines.
 */
final class Csv {

    /** One record and the line it starts on. */
    record Row(int line, List<String> cells) {
    }

    private Csv() {
    }

    static List<Row> parse(String text) {
        List<Row> rows = new ArrayList<>();
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        int line = 1;
        int rowLine = 1;
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false;
        while (i < text.length()) {
            char ch = text.charAt(i++);
            if (quoted) {
                if (ch == '"' && i < text.length() && text.charAt(i) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                    afterQuote = true;
                } else {
                    if (ch == '\n' || (ch == '\r' && (i >= text.length() || text.charAt(i) != '\n'))) {
                        line++;
                    }
                    cell.append(ch);
                }
            } else if (ch == ',') {
                cells.add(cell.toString().trim());
                cell.setLength(0);
                afterQuote = false;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i < text.length() && text.charAt(i) == '\n') {
                    i++;
                }
                cells.add(cell.toString().trim());
                addUnlessBlank(rows, rowLine, cells);
                cells = new ArrayList<>();
                cell.setLength(0);
                afterQuote = false;
                rowLine = ++line;
            } else if (ch == '"' && cell.toString().isBlank() && !afterQuote) {
                quoted = true;
                cell.setLength(0);
            } else if (afterQuote && !Character.isWhitespace(ch)) {
                throw new MalformedCsv(line, "unexpected character '" + ch + "' after a closing quote");
            } else if (ch == '"') {
                throw new MalformedCsv(line, "a quote inside an unquoted field (quote the whole field and double the quote)");
            } else {
                cell.append(ch);
            }
        }
        if (quoted) {
            throw new MalformedCsv(rowLine, "a quoted field is not closed");
        }
        cells.add(cell.toString().trim());
        addUnlessBlank(rows, rowLine, cells);
        return rows;
    }

    private static void addUnlessBlank(List<Row> rows, int line, List<String> cells) {
        if (cells.stream().anyMatch(c -> !c.isEmpty())) {
            rows.add(new Row(line, List.copyOf(cells)));
        }
    }
}
