package org.conventionledger.csv;

import java.io.Closeable;

/**
 * A table being read: its header row, then its data rows one at a time, so that a large file is never
 * held whole. Blank rows are skipped. {@link #next()} throws {@link UnreadableTable} for a malformed row
 * or once more than the allowed number of rows came.
 */
public interface Table extends Closeable {

    /** The header row (trimmed cells); empty for an empty file. */
    TableRow header();

    /** The next data row, or {@code null} at the end. */
    TableRow next();

    /** How the bytes were read, for the organiser: {@code csv}, {@code xlsx}. */
    String kind();

    /** The character encoding recognised, or {@code null} for a spreadsheet. */
    String encoding();

    /** The field separator recognised, or {@code null} for a spreadsheet. */
    String delimiter();

    @Override
    void close();
}
