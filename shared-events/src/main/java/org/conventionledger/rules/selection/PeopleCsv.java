package org.conventionledger.rules.selection;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the pool of volunteers from a CSV file with a header row and one row per volunteer.
 *
 * <p>There must be one column per quota category, named exactly like the category; other columns are
 * allowed and ignored. The id is taken from the first column named {@code id}, {@code person_id} or
 * {@code nationbuilder_id} (in that order of preference, ignoring case); without one, a volunteer's id
 * is their 1-based row number among the data rows. Ids must be unique, and every value must be one of
 * its category's values (exactly, after trimming spaces).
 *
 * <p>An optional column named {@code household} (ignoring case, and unless a category has that name)
 * gives each volunteer a household key, such as their address: at most one volunteer per key is seated
 * (an empty cell means no household). The key is kept only as its SHA-256 digest, so that what the
 * selection holds is a pseudonym, not the address; keys are compared after trimming spaces, ignoring
 * case and runs of spaces.
 */
public final class PeopleCsv {

    private static final List<String> ID_COLUMNS = List.of("id", "person_id", "nationbuilder_id");
    private static final String HOUSEHOLD_COLUMN = "household";

    private PeopleCsv() {}

    /** The volunteers in {@code csv}, in file order; throws {@link MalformedCsv} naming the line and column. */
    public static List<Volunteer> parse(String csv, List<Category> categories) {
        return parse(Csv.parse(csv), categories);
    }

    /**
     * The volunteers in a file as uploaded (CSV in any usual encoding and separator, or {@code .xlsx}, see
     * {@link org.conventionledger.csv.TableReader}); {@code contentType} and {@code sheet} may be null.
     */
    public static List<Volunteer> parse(InputStream file, String contentType, String sheet, List<Category> categories) {
        return parse(Csv.parse(file, contentType, sheet), categories);
    }

    private static List<Volunteer> parse(List<Csv.Row> rows, List<Category> categories) {
        if (rows.isEmpty()) {
            throw new MalformedCsv(1, "the people file is empty; expected a header with a column per category");
        }
        Csv.Row header = rows.get(0);
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String name = header.cells().get(i);
            if (column.put(name, i) != null) {
                throw new MalformedCsv(header.line(), i + 1, name, "column appears twice");
            }
        }
        for (Category category : categories) {
            if (!column.containsKey(category.name())) {
                throw new MalformedCsv(
                        header.line(),
                        "missing column '" + category.name() + "' (one column per category, named like the category)");
            }
        }
        int idColumn = idColumn(header);
        int householdColumn = householdColumn(header, categories);

        List<Volunteer> pool = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Csv.Row row : rows.subList(1, rows.size())) {
            if (row.cells().size() != header.cells().size()) {
                throw new MalformedCsv(
                        row.line(),
                        "expected " + header.cells().size() + " fields like the header, found "
                                + row.cells().size());
            }
            String id = idColumn < 0
                    ? Integer.toString(pool.size() + 1)
                    : row.cells().get(idColumn);
            if (id.isEmpty()) {
                throw new MalformedCsv(row.line(), idColumn + 1, header.cells().get(idColumn), "the id is empty");
            }
            if (!ids.add(id)) {
                throw new MalformedCsv(
                        row.line(), idColumn + 1, header.cells().get(idColumn), "id '" + id + "' appears twice");
            }
            Map<String, String> values = new HashMap<>();
            for (Category category : categories) {
                int c = column.get(category.name());
                String value = row.cells().get(c);
                if (category.indexOf(value) < 0) {
                    throw new MalformedCsv(
                            row.line(),
                            c + 1,
                            category.name(),
                            "'" + value + "' is not a value of category '" + category.name() + "' (expected one of: "
                                    + category.valueNames() + ")");
                }
                values.put(category.name(), value);
            }
            String household = householdColumn < 0 ? "" : row.cells().get(householdColumn);
            pool.add(new Volunteer(id, values, household.isBlank() ? null : pseudonym(household)));
        }
        return pool;
    }

    private static int householdColumn(Csv.Row header, List<Category> categories) {
        for (int i = 0; i < header.cells().size(); i++) {
            String name = header.cells().get(i);
            if (name.equalsIgnoreCase(HOUSEHOLD_COLUMN)
                    && categories.stream().noneMatch(c -> c.name().equals(name))) {
                return i;
            }
        }
        return -1;
    }

    /** The household key's SHA-256 in hex, after normalising spaces and case. */
    private static String pseudonym(String household) {
        String normalised = household.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private static int idColumn(Csv.Row header) {
        for (String name : ID_COLUMNS) {
            for (int i = 0; i < header.cells().size(); i++) {
                if (header.cells().get(i).toLowerCase(Locale.ROOT).equals(name)) {
                    return i;
                }
            }
        }
        return -1;
    }
}
