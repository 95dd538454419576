package org.conventionledger.tools.pabulib;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A participatory-budget votation in the Pabulib {@code .pb} format: a META section ({@code key;value}
 * pairs, in file order), a PROJECTS section and a VOTES section, each a header line then rows, all
 * {@code ;}-separated. Fields holding a {@code ;} or a {@code "} are quoted with {@code "}, quotes
 * doubled. Reads CRLF or LF line ends (and a UTF-8 byte order mark); writes LF. Pure: no I/O.
 *
 * @param meta     the META pairs, in file order
 * @param projects the PROJECTS section ({@code project_id} first by convention)
 * @param votes    the VOTES section ({@code voter_id}, {@code vote}, optionally {@code voting_method}…)
 */
public record PabulibFile(Map<String, String> meta, Section projects, Section votes) {

    /** The format of META's {@code date_begin} and {@code date_end}. */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** A section's header and rows; each row maps the header's columns, in header order, to its fields. */
    public record Section(List<String> columns, List<Map<String, String>> rows) {

        public Section {
            columns = List.copyOf(columns);
            rows = rows.stream()
                    .map(r -> Collections.unmodifiableMap(new LinkedHashMap<>(r)))
                    .toList();
        }
    }

    public PabulibFile {
        meta = Collections.unmodifiableMap(new LinkedHashMap<>(meta));
    }

    /** @throws IllegalArgumentException naming the line, for text that is not a {@code .pb} file */
    public static PabulibFile parse(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Map<String, List<List<String>>> sections = new LinkedHashMap<>();
        List<List<String>> current = null;
        String[] lines = body.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            String name = line.strip().toUpperCase(Locale.ROOT);
            if (name.equals("META") || name.equals("PROJECTS") || name.equals("VOTES")) {
                if (sections.containsKey(name)) {
                    throw new IllegalArgumentException("Line " + (i + 1) + ": section " + name + " appears twice");
                }
                current = new ArrayList<>();
                sections.put(name, current);
            } else if (current == null) {
                throw new IllegalArgumentException("Line " + (i + 1) + ": expected META, PROJECTS or VOTES first");
            } else {
                current.add(fields(line, i + 1));
            }
        }
        for (String required : List.of("META", "PROJECTS", "VOTES")) {
            if (!sections.containsKey(required) || sections.get(required).isEmpty()) {
                throw new IllegalArgumentException("Section " + required + " is missing or has no header");
            }
        }
        Map<String, String> meta = new LinkedHashMap<>();
        for (Map<String, String> row : section("META", sections.get("META")).rows()) {
            meta.put(row.get("key"), row.get("value"));
        }
        return new PabulibFile(
                meta, section("PROJECTS", sections.get("PROJECTS")), section("VOTES", sections.get("VOTES")));
    }

    /** The file's text, sections in the order META, PROJECTS, VOTES, LF line ends. */
    public String write() {
        StringBuilder out = new StringBuilder("META\nkey;value\n");
        meta.forEach((key, value) ->
                out.append(field(key)).append(';').append(field(value)).append('\n'));
        write(out, "PROJECTS", projects);
        write(out, "VOTES", votes);
        return out.toString();
    }

    /** The project ids a vote row chose, in the row's order ({@code vote} is comma-separated). */
    public static List<String> choices(Map<String, String> voteRow) {
        String vote = voteRow.get("vote");
        if (vote == null || vote.isBlank()) {
            return List.of();
        }
        return List.of(vote.strip().split("\\s*,\\s*"));
    }

    /** A META date ({@code dd.MM.yyyy}), or the fallback when absent or in another form. */
    public static LocalDate date(String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip(), DATE);
        } catch (DateTimeParseException otherForm) {
            return fallback;
        }
    }

    private static void write(StringBuilder out, String name, Section section) {
        out.append(name).append('\n');
        out.append(String.join(
                        ";", section.columns().stream().map(PabulibFile::field).toList()))
                .append('\n');
        for (Map<String, String> row : section.rows()) {
            List<String> fields = section.columns().stream()
                    .map(c -> field(row.getOrDefault(c, "")))
                    .toList();
            out.append(String.join(";", fields)).append('\n');
        }
    }

    private static Section section(String name, List<List<String>> lines) {
        List<String> columns = lines.get(0).stream().map(String::strip).toList();
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> fields : lines.subList(1, lines.size())) {
            if (fields.size() != columns.size()) {
                throw new IllegalArgumentException("Section " + name + ": a row has " + fields.size()
                        + " fields, the header " + columns.size() + ": " + fields);
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                row.put(columns.get(c), fields.get(c));
            }
            rows.add(row);
        }
        return new Section(columns, rows);
    }

    /** Splits one line on {@code ;} outside quotes. */
    private static List<String> fields(String line, int number) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ';') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("Line " + number + ": a quoted field is not closed");
        }
        fields.add(field.toString());
        return fields;
    }

    private static String field(String value) {
        String text = value == null ? "" : value;
        if (text.indexOf(';') < 0 && text.indexOf('"') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
