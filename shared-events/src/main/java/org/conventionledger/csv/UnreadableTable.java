package org.conventionledger.csv;

/**
 * A file that cannot be read as a table; the message names the line (1-based, as an editor or the
 * spreadsheet shows it) when one is to blame.
 */
public final class UnreadableTable extends IllegalArgumentException {

    private final int line;

    public UnreadableTable(int line, String message) {
        super(line > 0 ? "line " + line + ": " + message : message);
        this.line = line;
    }

    /** The line the problem is on, 1-based; 0 when it concerns the whole file. */
    public int line() {
        return line;
    }
}
