package org.conventionledger.csv;

import java.util.List;

/** One row of a table: its cells, trimmed, and the line (of the CSV file or the sheet) it starts on. */
public record TableRow(int line, List<String> cells) {

    public TableRow {
        cells = List.copyOf(cells);
    }

    /** The cell at {@code index}, or empty when the row is shorter. */
    public String cell(int index) {
        return index < cells.size() ? cells.get(index) : "";
    }
}
