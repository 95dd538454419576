package org.conventionledger.query.recruitment;

import java.util.List;

/**
 * The payable list of a session for the finance department, as CSV (RFC 4180: comma separated, CRLF
 * line ends, a field holding a comma, a quote or a line break quoted with quotes doubled). Amounts in
 * euros with two decimals and a point; {@code present} and {@code paid} are {@code yes} or {@code no}.
 * Members appear by id only: names are not in the read store.
 */
final class PayableCsv {

    static final String HEADER = "memberId,present,indemnity,expensesApproved,total,paid";

    private PayableCsv() {
    }

    static String write(List<SessionReport.PayableRow> rows) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (SessionReport.PayableRow row : rows) {
            csv.append(field(row.memberId())).append(',')
                    .append(yesNo(row.present())).append(',')
                    .append(row.indemnity().toPlainString()).append(',')
                    .append(row.expensesApproved().toPlainString()).append(',')
                    .append(row.total().toPlainString()).append(',')
                    .append(yesNo(row.paid())).append("\r\n");
        }
        return csv.toString();
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private static String field(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\r") || value.contains("\n")) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }
}
