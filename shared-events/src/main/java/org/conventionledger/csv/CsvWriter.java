package org.conventionledger.csv;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.FilterWriter;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a CSV export in UTF-8 with Jackson's CSV generator: CRLF line ends, a field quoted only when it
 * holds the separator, a quote or a line break (quotes doubled), the {@link CsvFlavour}'s separator and
 * byte-order mark. Text cells pass through {@link FormulaGuard}; numbers are written as numbers
 * ({@link BigDecimal} in plain notation, with the flavour's decimal separator). {@code null} is an empty field.
 */
public final class CsvWriter implements Closeable, Flushable {

    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    private final Writer out;
    private final SequenceWriter rows;
    private final CsvFlavour flavour;

    private CsvWriter(OutputStream out, CsvFlavour flavour) throws IOException {
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.flavour = flavour;
        if (flavour.byteOrderMark()) {
            this.out.write('\uFEFF');
        }
        // Jackson's strict quoting check looks only at the first character of the line separator, so rows
        // are written with LF (cells' line breaks made LF too, hence quoted) and LF becomes CRLF outside quotes.
        CsvSchema schema =
                CsvSchema.emptySchema().withColumnSeparator(flavour.separator()).withLineSeparator("\n");
        this.rows = MAPPER.writerFor(String[].class).with(schema).writeValues(new CrLf(this.out));
    }

    /** A writer of {@code flavour} onto {@code out}, which it closes when closed. */
    public static CsvWriter open(OutputStream out, CsvFlavour flavour) throws IOException {
        return new CsvWriter(out, flavour);
    }

    /** The whole CSV text of a header and rows, for exports small enough to build in memory. */
    public static byte[] write(CsvFlavour flavour, List<String> header, List<? extends List<?>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvWriter csv = open(bytes, flavour)) {
            csv.row(header);
            for (List<?> row : rows) {
                csv.row(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Writes one row. */
    public CsvWriter row(List<?> cells) throws IOException {
        String[] fields = new String[cells.size()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = field(cells.get(i));
        }
        rows.write(fields);
        return this;
    }

    /** Writes one row. */
    public CsvWriter row(Object... cells) throws IOException {
        return row(java.util.Arrays.asList(cells));
    }

    private String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString().replace('.', flavour.decimalSeparator());
        }
        if (value instanceof Number number) {
            return number.toString().replace('.', flavour.decimalSeparator());
        }
        return FormulaGuard.cell(value.toString()).replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Writes LF outside quoted fields as CRLF. */
    private static final class CrLf extends FilterWriter {

        private boolean quoted;

        CrLf(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == '\n' && !quoted) {
                out.write('\r');
            }
            out.write(c);
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            for (int i = 0; i < length; i++) {
                write(buffer[offset + i]);
            }
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            for (int i = 0; i < length; i++) {
                write(text.charAt(offset + i));
            }
        }
    }

    @Override
    public void flush() throws IOException {
        rows.flush();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        rows.close();
        out.close();
    }
}
