package org.conventionledger.query.organisation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.conventionledger.events.organisation.ExpenseKind;
import org.conventionledger.events.organisation.SessionKind;
import org.conventionledger.query.organisation.SessionView.AttendanceFigures;
import org.conventionledger.query.organisation.SessionView.ExpenseFigures;
import org.conventionledger.query.organisation.SessionView.Indemnities;

/** Counts a stored {@link SessionBook} into session views and payable lists. */
final class SessionReport {

    /** One member due money for a session. */
    record PayableRow(
            String memberId,
            boolean present,
            BigDecimal indemnity,
            BigDecimal expensesApproved,
            BigDecimal total,
            boolean paid) {}

    private static final String PRESENT = "PRESENT";

    private SessionReport() {}

    /** Every session, by number. */
    static List<SessionView> sessions(SessionBook book) {
        return book.sessions.stream()
                .sorted(Comparator.comparingInt((SessionBook.Session s) -> s.number)
                        .thenComparing(s -> s.sessionId))
                .map(s -> session(book, s))
                .toList();
    }

    static SessionView session(SessionBook book, SessionBook.Session session) {
        long present = count(session, PRESENT);
        long expected = expected(book, session).size();
        AttendanceFigures attendance = new AttendanceFigures(
                expected,
                present,
                count(session, "EXCUSED"),
                count(session, "ABSENT"),
                expected - session.attendance.size(),
                session.corrections);
        BigDecimal rate = expected == 0
                ? null
                : BigDecimal.valueOf(present).divide(BigDecimal.valueOf(expected), 3, RoundingMode.HALF_UP);

        BigDecimal perSession = Euros.of(book.indemnityPerSession);
        BigDecimal indemnities = perSession.multiply(BigDecimal.valueOf(present));
        BigDecimal approved = sum(claims(book, session, "APPROVED"));
        BigDecimal paid =
                session.payments.stream().map(p -> Euros.of(p.total)).reduce(BigDecimal.ZERO, BigDecimal::add);
        long membersPaid = session.payments.stream()
                .flatMap(p -> p.memberIds.stream())
                .distinct()
                .count();
        LocalDate lastPaidOn = session.payments.stream()
                .map(p -> date(p.paidOn))
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null);

        Map<String, ExpenseFigures> byKind = new LinkedHashMap<>();
        for (ExpenseKind kind : ExpenseKind.values()) {
            List<SessionBook.Claim> pending = ofKind(claims(book, session, "PENDING"), kind);
            List<SessionBook.Claim> approvedOfKind = ofKind(claims(book, session, "APPROVED"), kind);
            List<SessionBook.Claim> rejected = ofKind(claims(book, session, "REJECTED"), kind);
            byKind.put(
                    kind.name(),
                    new ExpenseFigures(
                            pending.size(),
                            Euros.shown(sum(pending)),
                            approvedOfKind.size(),
                            Euros.shown(sum(approvedOfKind)),
                            rejected.size(),
                            Euros.shown(sum(rejected))));
        }

        return new SessionView(
                session.sessionId,
                session.number,
                session.kind,
                session.assembly,
                date(session.startsOn),
                date(session.endsOn),
                session.closedOn != null,
                date(session.closedOn),
                attendance,
                rate,
                new Indemnities(
                        Euros.shown(perSession),
                        Euros.shown(indemnities),
                        Euros.shown(approved),
                        Euros.shown(indemnities.add(approved)),
                        Euros.shown(paid),
                        membersPaid,
                        lastPaidOn),
                byKind);
    }

    /** Members present (the indemnity) or with approved expenses, by member id. */
    static List<PayableRow> payable(SessionBook book, SessionBook.Session session) {
        BigDecimal perSession = Euros.of(book.indemnityPerSession);
        Set<String> paid = new TreeSet<>();
        session.payments.forEach(p -> paid.addAll(p.memberIds));
        List<SessionBook.Claim> approved = claims(book, session, "APPROVED").toList();
        Set<String> due = new TreeSet<>();
        session.attendance.stream().filter(a -> PRESENT.equals(a.presence)).forEach(a -> due.add(a.memberId));
        approved.forEach(c -> due.add(c.memberId));
        return due.stream()
                .map(memberId -> {
                    boolean present = session.attendanceOf(memberId)
                            .filter(a -> PRESENT.equals(a.presence))
                            .isPresent();
                    BigDecimal indemnity = present ? perSession : BigDecimal.ZERO;
                    BigDecimal expenses = sum(approved.stream().filter(c -> c.memberId.equals(memberId)));
                    return new PayableRow(
                            memberId,
                            present,
                            Euros.shown(indemnity),
                            Euros.shown(expenses),
                            Euros.shown(indemnity.add(expenses)),
                            paid.contains(memberId));
                })
                .toList();
    }

    /**
     * Who was expected, "at the time": members of the session's assembly (all for a plenary) seated by
     * its last day and not gone before its first day, plus anyone with a recorded presence (a recorded
     * member was expected, whatever the dates say).
     */
    private static Set<String> expected(SessionBook book, SessionBook.Session session) {
        LocalDate first = date(session.startsOn);
        LocalDate last = session.endsOn != null ? date(session.endsOn) : first;
        boolean plenary = SessionKind.PLENARY.name().equals(session.kind);
        Set<String> expected = new TreeSet<>();
        for (SessionBook.Enrolment member : book.members) {
            boolean inAssembly = plenary || Objects.equals(member.assembly, session.assembly);
            boolean seated = last == null
                    || member.seatedOn == null
                    || !date(member.seatedOn).isAfter(last);
            boolean notGone = member.leftOn == null
                    || (first != null && !date(member.leftOn).isBefore(first));
            if (inAssembly && seated && notGone) {
                expected.add(member.memberId);
            }
        }
        session.attendance.forEach(a -> expected.add(a.memberId));
        return expected;
    }

    private static long count(SessionBook.Session session, String presence) {
        return session.attendance.stream()
                .filter(a -> presence.equals(a.presence))
                .count();
    }

    private static Stream<SessionBook.Claim> claims(SessionBook book, SessionBook.Session session, String status) {
        return book.claims.stream().filter(c -> session.sessionId.equals(c.sessionId) && status.equals(c.status));
    }

    private static List<SessionBook.Claim> ofKind(Stream<SessionBook.Claim> claims, ExpenseKind kind) {
        return claims.filter(c -> kind.name().equals(c.kind)).toList();
    }

    private static BigDecimal sum(List<SessionBook.Claim> claims) {
        return sum(claims.stream());
    }

    private static BigDecimal sum(Stream<SessionBook.Claim> claims) {
        return claims.map(c -> Euros.of(c.amount)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }
}
