package org.conventionledger.tools.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.conventionledger.csv.Table;
import org.conventionledger.csv.TableReader;
import org.conventionledger.csv.TableRow;

/** The published facts of the Clermont-Ferrand convention 2021–22, read from the bundled CSV files. */
public final class ClermontFacts {

    public record Action(int number, String transition, String topic, String title) {}

    /** One row of the published votation table. */
    public record Result(int rank, int number, int paperVotes, int onlineVotes, int totalVotes) {}

    private ClermontFacts() {}

    public static List<Action> actions() {
        return read("actions.csv").stream()
                .map(r -> new Action(Integer.parseInt(r.get(0)), r.get(1), r.get(2), r.get(3)))
                .toList();
    }

    public static List<Result> publishedResults() {
        return read("votation-results.csv").stream()
                .map(r -> new Result(
                        Integer.parseInt(r.get(0)),
                        Integer.parseInt(r.get(1)),
                        Integer.parseInt(r.get(2)),
                        Integer.parseInt(r.get(3)),
                        Integer.parseInt(r.get(4))))
                .toList();
    }

    /** The data rows of a bundled CSV file, read by the ledger's table reader. */
    private static List<List<String>> read(String file) {
        var stream = Objects.requireNonNull(ClermontFacts.class.getResourceAsStream("/clermont-2022/" + file), file);
        List<List<String>> rows = new ArrayList<>();
        try (Table table = TableReader.bounded().open(stream, "text/csv; charset=utf-8", null)) {
            for (TableRow row = table.next(); row != null; row = table.next()) {
                rows.add(row.cells());
            }
        }
        return rows;
    }
}
