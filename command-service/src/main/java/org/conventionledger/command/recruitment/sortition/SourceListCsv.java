package org.conventionledger.command.recruitment.sortition;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Reads a source list of residents from CSV into {@link ResidentIdentity} rows.
 *
 * <p>Format: UTF-8 text (a leading byte-order mark is ignored), RFC 4180: a header row, then one resident
 * a row, fields separated by commas, a field that holds commas, quotes or line breaks enclosed in double
 * quotes with inner quotes doubled ({@code "Le ""Clos"", bât. B"}); rows end with CRLF or LF. The
 * header names the columns, in any order, case and surrounding spaces ignored: {@code last_name},
 * {@code first_name} and {@code birth_date} are required, {@code address}, {@code postcode},
 * {@code city}, {@code email} and {@code phone} optional, and any other column is rejected so that no
 * data is silently dropped. Every row has as many fields as the header; values are trimmed;
 * {@code birth_date} is {@code yyyy-MM-dd}. Empty lines are skipped.
 *
 * <p>A malformed file raises {@link InvalidCsvException}, whose message gives the line (of the file,
 * from 1) and the column.
 */
public final class SourceListCsv {

    public static final List<String> REQUIRED_COLUMNS = List.of("last_name", "first_name", "birth_date");
    public static final List<String> OPTIONAL_COLUMNS = List.of("address", "postcode", "city", "email", "phone");

    private SourceListCsv() {
    }

    /** A malformed source list: the message says where. */
    public static final class InvalidCsvException extends IllegalArgumentException {

        private final int line;

        InvalidCsvException(int line, String column, String problem) {
            super("line " + line + (column == null ? "" : ", column " + column) + ": " + problem);
            this.line = line;
        }

        /** The line of the file the problem is on, from 1. */
        public int line() {
            return line;
        }
    }

    /** Reads the CSV bytes of {@code in}, which must be UTF-8. */
    public static List<ResidentIdentity> parse(InputStream in) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return parse(new InputStreamReader(in, decoder));
    }

    /** Reads CSV text. */
    public static List<ResidentIdentity> parse(String text) {
        try {
            return parse(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads CSV characters. */
    public static List<ResidentIdentity> parse(Reader reader) throws IOException {
        Records records = new Records(new BufferedReader(reader));
        Records.Row header = records.next(index -> "#" + (index + 1));
        if (header == null) {
            throw new InvalidCsvException(1, null, "the file is empty; expected a header row naming the columns "
                    + columnsHelp());
        }
        List<String> columns = columns(header);
        List<ResidentIdentity> residents = new ArrayList<>();
        Records.Row row;
        while ((row = records.next(index -> index < columns.size() ? columns.get(index) : "#" + (index + 1))) != null) {
            if (row.fields().size() != columns.size()) {
                throw new InvalidCsvException(row.line(), null, row.fields().size() + " fields, the header has "
                        + columns.size());
            }
            residents.add(resident(row, columns));
        }
        return residents;
    }

    private static List<String> columns(Records.Row header) {
        List<String> columns = new ArrayList<>();
        for (String field : header.fields()) {
            String column = field.strip().toLowerCase(Locale.ROOT);
            if (!REQUIRED_COLUMNS.contains(column) && !OPTIONAL_COLUMNS.contains(column)) {
                throw new InvalidCsvException(header.line(), null, "unknown column \"" + field.strip()
                        + "\"; the columns are " + columnsHelp());
            }
            if (columns.contains(column)) {
                throw new InvalidCsvException(header.line(), null, "column " + column + " appears twice");
            }
            columns.add(column);
        }
        for (String required : REQUIRED_COLUMNS) {
            if (!columns.contains(required)) {
                throw new InvalidCsvException(header.line(), null, "the required column " + required
                        + " is missing; the columns are " + columnsHelp());
            }
        }
        return columns;
    }

    private static ResidentIdentity resident(Records.Row row, List<String> columns) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            values.put(columns.get(i), row.fields().get(i).strip());
        }
        for (String required : REQUIRED_COLUMNS) {
            if (values.get(required).isEmpty()) {
                throw new InvalidCsvException(row.line(), required, "a value is required");
            }
        }
        LocalDate birthDate;
        try {
            birthDate = LocalDate.parse(values.get("birth_date"), DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            throw new InvalidCsvException(row.line(), "birth_date", "\"" + values.get("birth_date")
                    + "\" is not a date yyyy-MM-dd");
        }
        return new ResidentIdentity(values.get("last_name"), values.get("first_name"), birthDate,
                values.get("address"), values.get("postcode"), values.get("city"), values.get("email"),
                values.get("phone"));
    }

    private static String columnsHelp() {
        return String.join(", ", REQUIRED_COLUMNS) + " (required), " + String.join(", ", OPTIONAL_COLUMNS)
                + " (optional)";
    }

    /** Splits characters into RFC 4180 rows, remembering the line each row starts on. */
    private static final class Records {

        private static final int END = -1;

        /** The fields of one row and the line of the file it starts on. */
        record Row(int line, List<String> fields) {
        }

        private final Reader in;
        private int line = 1;
        private boolean started;

        Records(Reader in) {
            this.in = in;
        }

        /**
         * The next row that is not an empty line, or null at the end; {@code columnName} names a field by
         * its index, for messages.
         */
        Row next(IntFunction<String> columnName) throws IOException {
            while (true) {
                int start = line;
                int c = read();
                if (c == END) {
                    return null;
                }
                List<String> fields = new ArrayList<>();
                StringBuilder field = new StringBuilder();
                while (true) {
                    if (c == '"' && field.isEmpty()) {
                        int quoteLine = line;
                        c = quoted(field, columnName.apply(fields.size()), quoteLine);
                        if (c != ',' && c != '\n' && c != END) {
                            throw new InvalidCsvException(line, columnName.apply(fields.size()),
                                    "unexpected text after a closing quote (a quote inside a quoted field is written \"\")");
                        }
                    }
                    while (c != ',' && c != '\n' && c != END) {
                        if (c == '"') {
                            throw new InvalidCsvException(line, columnName.apply(fields.size()),
                                    "a quote inside an unquoted field (enclose the field in quotes and double the quote)");
                        }
                        field.append((char) c);
                        c = read();
                    }
                    fields.add(field.toString());
                    field.setLength(0);
                    if (c != ',') {
                        break;
                    }
                    c = read();
                }
                if (fields.size() > 1 || !fields.get(0).isBlank()) {
                    return new Row(start, fields);
                }
            }
        }

        /** Reads a quoted field after its opening quote; returns the character after the closing quote. */
        private int quoted(StringBuilder field, String column, int quoteLine) throws IOException {
            while (true) {
                int c = read();
                if (c == END) {
                    throw new InvalidCsvException(quoteLine, column, "a quoted field is never closed");
                }
                if (c == '"') {
                    int after = read();
                    if (after != '"') {
                        return after;
                    }
                }
                field.append((char) c);
            }
        }

        /**
         * The next character, with CRLF and a lone CR read as one LF (counted as one line); a leading
         * byte-order mark is skipped.
         */
        private int read() throws IOException {
            int c;
            try {
                c = in.read();
                if (!started) {
                    started = true;
                    if (c == '\uFEFF') {
                        c = in.read();
                    }
                }
                if (c == '\r') {
                    in.mark(1);
                    if (in.read() != '\n') {
                        in.reset();
                    }
                    c = '\n';
                }
            } catch (CharacterCodingException e) {
                throw new InvalidCsvException(line, null, "not UTF-8 text");
            }
            if (c == '\n') {
                line++;
            }
            return c;
        }
    }
}
