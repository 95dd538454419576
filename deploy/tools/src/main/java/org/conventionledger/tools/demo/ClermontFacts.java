package org.conventionledger.tools.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The published facts of the Clermont-Ferrand convention 2021–22, read from the bundled CSV files. */
public final class ClermontFacts {

    public record Action(int number, String transition, String topic, String title) {
    }

    /** One row of the published votation table. */
    public record Result(int rank, int number, int paperVotes, int onlineVotes, int totalVotes) {
    }

    private ClermontFacts() {
    }

    public static List<Action> actions() {
        return read("actions.csv").stream()
                .map(r -> new Action(Integer.parseInt(r.get(0)), r.get(1), r.get(2), r.get(3)))
                .toList();
    }

    public static List<Result> publishedResults() {
        return read("votation-results.csv").stream()
                .map(r -> new Result(Integer.parseInt(r.get(0)), Integer.parseInt(r.get(1)),
                        Integer.parseInt(r.get(2)), Integer.parseInt(r.get(3)), Integer.parseInt(r.get(4))))
                .toList();
    }

    private static List<List<String>> read(String file) {
        var stream = Objects.requireNonNull(ClermontFacts.class.getResourceAsStream("/clermont-2022/" + file), file);
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            List<List<String>> rows = new ArrayList<>();
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(fields(line));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Splits one CSV line: commas separate fields, double quotes protect commas and escape themselves. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
