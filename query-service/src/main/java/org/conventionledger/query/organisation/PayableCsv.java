package org.conventionledger.query.organisation;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.conventionledger.csv.CsvFlavour;
import org.conventionledger.csv.CsvWriter;

/**
 * The payable list of a session for the finance department, as CSV written by {@link CsvWriter}: standard
 * (comma separated, CRLF line ends, quoting where needed) or {@code excel-fr} (semicolons, a UTF-8
 * byte-order mark, decimal commas). Amounts in euros with two decimals, written as numbers; {@code present}
 * and {@code paid} are {@code yes} or {@code no}. Members appear by id only: names are not in the read store.
 */
final class PayableCsv {

    static final List<String> COLUMNS =
            List.of("memberId", "present", "indemnity", "expensesApproved", "total", "paid");
    static final String HEADER = String.join(",", COLUMNS);

    private PayableCsv() {}

    static String write(List<SessionReport.PayableRow> rows) {
        return new String(write(CsvFlavour.STANDARD, rows), StandardCharsets.UTF_8);
    }

    static byte[] write(CsvFlavour flavour, List<SessionReport.PayableRow> rows) {
        return CsvWriter.write(
                flavour,
                COLUMNS,
                rows.stream()
                        .map(row -> List.<Object>of(
                                row.memberId(),
                                yesNo(row.present()),
                                row.indemnity(),
                                row.expensesApproved(),
                                row.total(),
                                yesNo(row.paid())))
                        .toList());
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }
}
