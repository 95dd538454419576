package org.conventionledger.rules.selection;

/**
 * A categories or people file that cannot be read; the message names the line (1-based, as an editor
 * shows it) and, when one is to blame, the column by number and header name.
 */
public final class MalformedCsv extends IllegalArgumentException {

    private final int line;

    MalformedCsv(int line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    MalformedCsv(int line, int column, String columnName, String message) {
        super("line " + line + ", column " + column + " (" + columnName + "): " + message);
        this.line = line;
    }

    /** The line the problem is on, 1-based. */
    public int line() {
        return line;
    }
}
