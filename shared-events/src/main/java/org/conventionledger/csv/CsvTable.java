package org.conventionledger.csv;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A CSV {@link Table} read row by row with Jackson's CSV parser; see {@link TableReader} for the rules. */
final class CsvTable implements Table {

    private final CsvParser parser;
    private final String encoding;
    private final char delimiter;
    private final int maxRows;
    private final TableRow header;
    private int rows;

    private CsvTable(CsvParser parser, String encoding, char delimiter, int maxRows) {
        this.parser = parser;
        this.encoding = encoding;
        this.delimiter = delimiter;
        this.maxRows = maxRows;
        TableRow first = read();
        this.header = first == null ? new TableRow(1, List.of()) : first;
    }

    static Table open(InputStream bytes, Charset charset, int maxRows, int maxLineChars) {
        var decoder = charset.newDecoder()
                .onMalformedInput(utf(charset) ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE)
                .onUnmappableCharacter(utf(charset) ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE);
        Reader text = new InputStreamReader(bytes, decoder);
        return open(text, charset.name(), maxRows, maxLineChars);
    }

    static Table open(Reader text, String encoding, int maxRows, int maxLineChars) {
        try {
            BufferedReader lines = new BufferedReader(new BoundedLines(text, maxLineChars), 8192);
            skipByteOrderMark(lines);
            char delimiter = delimiter(lines, maxLineChars);
            CsvMapper mapper = CsvMapper.builder(CsvFactory.builder()
                            .streamReadConstraints(StreamReadConstraints.builder()
                                    .maxStringLength(maxLineChars)
                                    .build())
                            .build())
                    .enable(CsvParser.Feature.TRIM_SPACES)
                    .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
                    .build();
            CsvParser parser = (CsvParser) mapper.createParser(lines);
            parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(delimiter));
            return new CsvTable(parser, encoding, delimiter, maxRows);
        } catch (IOException e) {
            throw unreadable(e, 0);
        }
    }

    private static boolean utf(Charset charset) {
        return charset.equals(StandardCharsets.UTF_8) || charset.name().startsWith("UTF-16");
    }

    private static void skipByteOrderMark(BufferedReader lines) throws IOException {
        lines.mark(1);
        if (lines.read() != '\uFEFF') {
            lines.reset();
        }
    }

    /** Whichever of ; tab , the first line holds most outside quotes; a comma when none. */
    private static char delimiter(BufferedReader lines, int maxLineChars) throws IOException {
        lines.mark(maxLineChars + 1);
        int semicolons = 0;
        int tabs = 0;
        int commas = 0;
        boolean quoted = false;
        for (int i = 0, c = lines.read(); c != -1 && i < maxLineChars; i++, c = lines.read()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                if (semicolons + tabs + commas > 0) {
                    break;
                }
            } else if (!quoted) {
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
                commas += c == ',' ? 1 : 0;
            }
        }
        lines.reset();
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    @Override
    public TableRow header() {
        return header;
    }

    @Override
    public TableRow next() {
        TableRow row = read();
        if (row != null && ++rows > maxRows) {
            throw new UnreadableTable(row.line(), "more than " + maxRows + " rows; split the file");
        }
        return row;
    }

    private TableRow read() {
        int line = 0;
        try {
            while (true) {
                JsonToken token = parser.nextToken();
                if (token == null) {
                    return null;
                }
                if (token != JsonToken.START_ARRAY) {
                    continue;
                }
                line = 0;
                List<String> cells = new ArrayList<>();
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                    if (cells.isEmpty()) {
                        line = (int) parser.currentTokenLocation().getLineNr();
                    }
                    String text = parser.getValueAsString();
                    cells.add(text == null ? "" : text.strip());
                }
                if (cells.stream().anyMatch(c -> !c.isEmpty())) {
                    return new TableRow(line, cells);
                }
            }
        } catch (IOException e) {
            throw unreadable(e, line);
        }
    }

    /** The problem of a row that starts on {@code rowLine} (0 when unknown: the parser's position is used). */
    private static UnreadableTable unreadable(IOException e, int rowLine) {
        int line = Math.max(rowLine, 1);
        if (rowLine == 0 && e instanceof com.fasterxml.jackson.core.JsonProcessingException processing) {
            JsonLocation location = processing.getLocation();
            if (location != null && location.getLineNr() > 0) {
                line = (int) location.getLineNr();
            }
        }
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof UnreadableTable table) {
                return table;
            }
            if (cause instanceof CharacterCodingException) {
                return new UnreadableTable(
                        line,
                        "not UTF-8 text after all; send it with its charset declared "
                                + "(Content-Type: text/csv; charset=windows-1252)");
            }
            cause = cause.getCause();
        }
        if (e instanceof StreamConstraintsException) {
            return new UnreadableTable(line, "a field is too long");
        }
        String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException p
                ? p.getOriginalMessage()
                : e.getMessage();
        return new UnreadableTable(line, "malformed CSV: " + message);
    }

    @Override
    public String kind() {
        return "csv";
    }

    @Override
    public String encoding() {
        return encoding;
    }

    @Override
    public String delimiter() {
        return delimiter == '\t' ? "tab" : String.valueOf(delimiter);
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // nothing was written; a failed close loses nothing
        }
    }

    /** Refuses a line longer than the bound before the parser buffers it. */
    private static final class BoundedLines extends FilterReader {

        private final int max;
        private int length;
        private int line = 1;

        BoundedLines(Reader in, int max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c != -1) {
                count((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int len) throws IOException {
            int n = super.read(buffer, offset, len);
            for (int i = 0; i < n; i++) {
                count(buffer[offset + i]);
            }
            return n;
        }

        private void count(char c) {
            if (c == '\n') {
                line++;
                length = 0;
            } else if (c == '\r') {
                length = 0;
            } else if (++length > max) {
                throw new UnreadableTable(line, "a line longer than " + max + " characters");
            }
        }
    }
}
