package org.conventionledger.query.organisation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * A session as the read API shows it: attendance against the members expected, what is due to the
 * members and what was paid, and the expense claims per kind. Amounts in euros with two decimals.
 *
 * @param attendanceRate present / expected, three decimals; null when nobody was expected
 * @param expensesByKind every {@code ExpenseKind}, claims and amounts per status
 */
public record SessionView(
        String sessionId,
        int number,
        String kind,
        String assembly,
        LocalDate startsOn,
        LocalDate endsOn,
        boolean closed,
        LocalDate closedOn,
        AttendanceFigures attendance,
        BigDecimal attendanceRate,
        Indemnities indemnities,
        Map<String, ExpenseFigures> expensesByKind) {

    /**
     * {@code expected}: the members of the session's assembly (every member for a plenary) seated by its
     * last day and not gone before its first, and anyone whose presence was recorded;
     * {@code notRecorded}: expected members without a recorded presence.
     */
    public record AttendanceFigures(
            long expected, long present, long excused, long absent, long notRecorded, int corrections) {}

    /**
     * {@code due}: the indemnity per session for each member present plus the approved expenses;
     * {@code paid}: the totals of the payments recorded for the session.
     */
    public record Indemnities(
            BigDecimal perSession,
            BigDecimal indemnities,
            BigDecimal expensesApproved,
            BigDecimal due,
            BigDecimal paid,
            long membersPaid,
            LocalDate lastPaidOn) {}

    public record ExpenseFigures(
            long pendingClaims,
            BigDecimal pending,
            long approvedClaims,
            BigDecimal approved,
            long rejectedClaims,
            BigDecimal rejected) {}
}
