package org.conventionledger.rules.selection;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.conventionledger.csv.Table;
import org.conventionledger.csv.TableReader;
import org.conventionledger.csv.TableRow;
import org.conventionledger.csv.UnreadableTable;

/**
 * The rows of a categories or people file, read by the ledger's one table reader ({@link TableReader}):
 * RFC 4180 quoting, separator ({@code ,} {@code ;} tab) and encoding recognised, {@code .xlsx} workbooks,
 * cells trimmed and blank lines skipped (organisers' exports often carry stray spaces and trailing empty
 * lines). A file the reader cannot read is a {@link MalformedCsv} naming the line.
 */
final class Csv {

    /** One record and the line it starts on. */
    record Row(int line, List<String> cells) {}

    private Csv() {}

    static List<Row> parse(String text) {
        return rows(() -> TableReader.bounded().open(text));
    }

    /** The rows of a file's bytes, declared as {@code contentType} (may be null); {@code sheet} may be null. */
    static List<Row> parse(InputStream bytes, String contentType, String sheet) {
        return rows(() -> TableReader.bounded().open(bytes, contentType, sheet));
    }

    private interface Opener {
        Table open();
    }

    private static List<Row> rows(Opener opener) {
        List<Row> rows = new ArrayList<>();
        try (Table table = opener.open()) {
            if (table.header().cells().isEmpty()) {
                return rows;
            }
            rows.add(row(table.header()));
            for (TableRow row = table.next(); row != null; row = table.next()) {
                rows.add(row(row));
            }
        } catch (UnreadableTable unreadable) {
            throw new MalformedCsv(Math.max(1, unreadable.line()), stripLine(unreadable));
        }
        return rows;
    }

    private static Row row(TableRow row) {
        return new Row(row.line(), row.cells());
    }

    private static String stripLine(UnreadableTable unreadable) {
        String prefix = "line " + unreadable.line() + ": ";
        String message = unreadable.getMessage();
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
