package org.conventionledger.rules.selection;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads quota categories from the CSV files organisers already have, in either of two layouts told apart
 * by the header row (header names are matched ignoring case and surrounding spaces, in any order):
 * <ul>
 *   <li><b>Sortition Foundation</b> ({@code stratification-app}): {@code feature,value,min,max}, optionally
 *   followed by {@code min_flex,max_flex}, which are accepted and ignored. Here {@code feature} is the
 *   category and {@code value} one of its values.</li>
 *   <li><b>Flanigan et al. replication data</b>: {@code category,feature,min,max}. Here {@code category}
 *   is the category and {@code feature} one of its values.</li>
 * </ul>
 * One row per value; categories keep the order of their first row and values the order of their rows.
 * Min and max are whole numbers {@code >= 0}; a value listed twice in a category is an error. A min above
 * its max is read as written and reported when selecting ({@link InfeasibleQuotas}).
 */
public final class CategoriesCsv {

    private static final List<String> SORTITION_FOUNDATION = List.of("feature", "value", "min", "max");
    private static final Set<String> SORTITION_FOUNDATION_IGNORED = Set.of("min_flex", "max_flex");
    private static final List<String> REPLICATION = List.of("category", "feature", "min", "max");

    private CategoriesCsv() {}

    /** The categories in {@code csv}; throws {@link MalformedCsv} naming the line and column at fault. */
    public static List<Category> parse(String csv) {
        return parse(Csv.parse(csv));
    }

    /**
     * The categories in a file as uploaded (CSV in any usual encoding and separator, or {@code .xlsx}, see
     * {@link org.conventionledger.csv.TableReader}); {@code contentType} and {@code sheet} may be null.
     */
    public static List<Category> parse(InputStream file, String contentType, String sheet) {
        return parse(Csv.parse(file, contentType, sheet));
    }

    private static List<Category> parse(List<Csv.Row> rows) {
        if (rows.isEmpty()) {
            throw new MalformedCsv(
                    1,
                    "the categories file is empty; expected a header "
                            + "feature,value,min,max[,min_flex,max_flex] or category,feature,min,max");
        }
        Csv.Row header = rows.get(0);
        List<String> names =
                header.cells().stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
        boolean sortitionFoundation = names.contains("value");
        List<String> required = sortitionFoundation ? SORTITION_FOUNDATION : REPLICATION;
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            boolean known =
                    required.contains(name) || (sortitionFoundation && SORTITION_FOUNDATION_IGNORED.contains(name));
            if (!known) {
                throw new MalformedCsv(
                        header.line(),
                        i + 1,
                        header.cells().get(i),
                        "unknown column; expected a header feature,value,min,max[,min_flex,max_flex]"
                                + " (Sortition Foundation) or category,feature,min,max");
            }
            if (column.put(name, i) != null) {
                throw new MalformedCsv(header.line(), i + 1, header.cells().get(i), "column appears twice");
            }
        }
        for (String name : required) {
            if (!column.containsKey(name)) {
                throw new MalformedCsv(
                        header.line(),
                        "missing column '" + name + "'; expected a header " + String.join(",", required)
                                + (sortitionFoundation ? "[,min_flex,max_flex]" : ""));
            }
        }
        String categoryColumn = required.get(0);
        String valueColumn = required.get(1);

        List<String> order = new ArrayList<>();
        Map<String, List<ValueQuota>> values = new HashMap<>(); // lookups only; order comes from `order`
        for (Csv.Row row : rows.subList(1, rows.size())) {
            if (row.cells().size() != names.size()) {
                throw new MalformedCsv(
                        row.line(),
                        "expected " + names.size() + " fields like the header, found "
                                + row.cells().size());
            }
            String category = text(row, column.get(categoryColumn), categoryColumn);
            String value = text(row, column.get(valueColumn), valueColumn);
            int min = count(row, column.get("min"), "min");
            int max = count(row, column.get("max"), "max");
            List<ValueQuota> ofCategory = values.get(category);
            if (ofCategory == null) {
                ofCategory = new ArrayList<>();
                values.put(category, ofCategory);
                order.add(category);
            }
            if (ofCategory.stream().anyMatch(q -> q.value().equals(value))) {
                throw new MalformedCsv(
                        row.line(),
                        column.get(valueColumn) + 1,
                        valueColumn,
                        "value '" + value + "' of category '" + category + "' is listed twice");
            }
            ofCategory.add(new ValueQuota(value, min, max));
        }
        if (order.isEmpty()) {
            throw new MalformedCsv(header.line(), "no category rows after the header");
        }
        return order.stream().map(name -> new Category(name, values.get(name))).toList();
    }

    private static String text(Csv.Row row, int column, String name) {
        String text = row.cells().get(column);
        if (text.isEmpty()) {
            throw new MalformedCsv(row.line(), column + 1, name, "must not be empty");
        }
        return text;
    }

    private static int count(Csv.Row row, int column, String name) {
        String text = row.cells().get(column);
        try {
            int count = Integer.parseInt(text);
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below with the other bad counts
        }
        throw new MalformedCsv(row.line(), column + 1, name, "expected a whole number >= 0, found '" + text + "'");
    }
}
