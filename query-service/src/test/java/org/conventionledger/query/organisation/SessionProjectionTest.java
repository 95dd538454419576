package org.conventionledger.query.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.events.organisation.ExpenseKind.CHILDCARE;
import static org.conventionledger.events.organisation.ExpenseKind.MEAL;
import static org.conventionledger.events.organisation.ExpenseKind.TRAVEL;
import static org.conventionledger.events.organisation.Presence.ABSENT;
import static org.conventionledger.events.organisation.Presence.EXCUSED;
import static org.conventionledger.events.organisation.Presence.PRESENT;
import static org.conventionledger.events.organisation.SessionKind.ASSEMBLY;
import static org.conventionledger.events.organisation.SessionKind.PLENARY;
import static org.conventionledger.query.platform.TestEvents.conventionOpened;
import static org.conventionledger.query.recruitment.RecruitmentEvents.day;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.conventionledger.events.recruitment.WithdrawalReason;
import org.conventionledger.query.organisation.SessionReport.PayableRow;
import org.conventionledger.query.organisation.SessionView.AttendanceFigures;
import org.conventionledger.query.organisation.SessionView.ExpenseFigures;
import org.conventionledger.query.organisation.SessionView.Indemnities;
import org.conventionledger.query.platform.EventLog;
import org.conventionledger.query.platform.ReadStore;
import org.conventionledger.query.recruitment.RecruitmentEvents;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;

/**
 * Sessions of a small convention (indemnity €25.00 per session): a plenary before one member was
 * seated and with a corrected presence, an assembly session after another member withdrew; expense
 * claims approved, rejected and pending; a payment.
 */
class SessionProjectionTest {

    private static final String CONVENTION = "conv-clermont";

    @AutoClose
    private SessionReadSide side;

    private final RecruitmentEvents e = new RecruitmentEvents(CONVENTION);

    private Object[] sessions() {
        return new Object[] {
            conventionOpened(CONVENTION, "Convention citoyenne", "Clermont-Ferrand", ECOLOGICAL, SOCIAL),
            e.seated("m-1", "inv-1", ECOLOGICAL, "2025-03-01"),
            e.seated("m-2", "inv-2", ECOLOGICAL, "2025-03-01"),
            e.seated("m-3", "inv-3", SOCIAL, "2025-03-01"),
            e.session("s-1", 1, PLENARY, null, "2025-03-08", "2025-03-09"),
            e.attendance("s-1", "m-1", PRESENT),
            e.attendance("s-1", "m-2", ABSENT),
            e.attendance("s-1", "m-3", EXCUSED),
            e.correction("s-1", "m-2", ABSENT, PRESENT),
            e.claim("c-1", "s-1", "m-1", TRAVEL, "12.4"),
            e.claim("c-2", "s-1", "m-3", CHILDCARE, "30"),
            e.claim("c-3", "s-1", "m-2", MEAL, "8.50"),
            e.claim("c-4", "s-1", "m-1", MEAL, "9.99"),
            e.approved("c-1"),
            e.approved("c-2"),
            e.rejected("c-3", "no receipt"),
            e.sessionClosed("s-1", "2025-03-09"),
            e.paid("s-1", "74.90", "2025-03-31", "m-1", "m-2"),
            e.withdrew("m-2", WithdrawalReason.MOVED_AWAY, "2025-04-01"),
            e.seated("m-4", "inv-4", ECOLOGICAL, "2025-04-15"),
            e.session("s-2", 2, ASSEMBLY, ECOLOGICAL, "2025-05-03", "2025-05-04"),
            e.attendance("s-2", "m-1", PRESENT)
        };
    }

    private List<SessionView> view() {
        return side.sessionController.sessions(CONVENTION);
    }

    private static BigDecimal euros(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void attendanceAgainstTheMembersExpectedAtTheTime() {
        side = SessionReadSide.start();
        side.append(sessions());

        List<SessionView> sessions = view();

        assertThat(sessions).extracting(SessionView::sessionId).containsExactly("s-1", "s-2");
        SessionView plenary = sessions.get(0);
        assertThat(plenary.kind()).isEqualTo("PLENARY");
        assertThat(plenary.assembly()).isNull();
        assertThat(plenary.startsOn()).isEqualTo(day("2025-03-08"));
        assertThat(plenary.endsOn()).isEqualTo(day("2025-03-09"));
        assertThat(plenary.closed()).isTrue();
        assertThat(plenary.closedOn()).isEqualTo(day("2025-03-09"));
        assertThat(plenary.attendance()).isEqualTo(new AttendanceFigures(3, 2, 1, 0, 0, 1));
        assertThat(plenary.attendanceRate()).isEqualByComparingTo("0.667");

        SessionView assembly = sessions.get(1);
        assertThat(assembly.assembly()).isEqualTo("ECOLOGICAL");
        assertThat(assembly.closed()).isFalse();
        assertThat(assembly.attendance()).isEqualTo(new AttendanceFigures(2, 1, 0, 0, 1, 0));
        assertThat(assembly.attendanceRate()).isEqualByComparingTo("0.5");
    }

    @Test
    void indemnitiesDueAndPaidAndExpensesByKind() {
        side = SessionReadSide.start();
        side.append(sessions());

        SessionView plenary = view().get(0);

        assertThat(plenary.indemnities())
                .isEqualTo(new Indemnities(
                        euros("25.00"),
                        euros("50.00"),
                        euros("42.40"),
                        euros("92.40"),
                        euros("74.90"),
                        2,
                        day("2025-03-31")));
        assertThat(plenary.expensesByKind())
                .containsExactly(
                        Map.entry("TRAVEL", new ExpenseFigures(0, euros("0.00"), 1, euros("12.40"), 0, euros("0.00"))),
                        Map.entry(
                                "CHILDCARE", new ExpenseFigures(0, euros("0.00"), 1, euros("30.00"), 0, euros("0.00"))),
                        Map.entry("MEAL", new ExpenseFigures(1, euros("9.99"), 0, euros("0.00"), 1, euros("8.50"))),
                        Map.entry("OTHER", new ExpenseFigures(0, euros("0.00"), 0, euros("0.00"), 0, euros("0.00"))));
        assertThat(view().get(1).indemnities().due()).isEqualTo(euros("25.00"));
        assertThat(view().get(1).indemnities().paid()).isEqualTo(euros("0.00"));
    }

    @Test
    void thePayableListHasEveryMemberDueMoney() {
        side = SessionReadSide.start();
        side.append(sessions());

        SessionBook book = side.mongo().findById(CONVENTION, SessionBook.class);
        List<PayableRow> rows = SessionReport.payable(book, book.session("s-1"));

        assertThat(rows)
                .containsExactly(
                        new PayableRow("m-1", true, euros("25.00"), euros("12.40"), euros("37.40"), true),
                        new PayableRow("m-2", true, euros("25.00"), euros("0.00"), euros("25.00"), true),
                        new PayableRow("m-3", false, euros("0.00"), euros("30.00"), euros("30.00"), false));
    }

    @Test
    void thePayableCsvOfASession() {
        side = SessionReadSide.start();
        side.append(sessions());

        ResponseEntity<byte[]> csv = side.sessionController.payable(CONVENTION, "s-1", null);

        assertThat(csv.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("payable-session-1.csv");
        assertThat(new String(csv.getBody(), StandardCharsets.UTF_8)).isEqualTo("""
                memberId,present,indemnity,expensesApproved,total,paid\r
                m-1,yes,25.00,12.40,37.40,yes\r
                m-2,yes,25.00,0.00,25.00,yes\r
                m-3,no,0.00,30.00,30.00,no\r
                """);

        byte[] excel =
                side.sessionController.payable(CONVENTION, "s-1", "excel-fr").getBody();
        assertThat(new String(excel, StandardCharsets.UTF_8)).isEqualTo("""
                \uFEFFmemberId;present;indemnity;expensesApproved;total;paid\r
                m-1;yes;25,00;12,40;37,40;yes\r
                m-2;yes;25,00;0,00;25,00;yes\r
                m-3;no;0,00;30,00;30,00;no\r
                """);
        assertThatThrownBy(() -> side.sessionController.payable(CONVENTION, "s-1", "xls"))
                .isInstanceOfSatisfying(ErrorResponseException.class, ex -> {
                    assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(ex.getBody().getProperties()).containsEntry("code", "invalid-format");
                });
    }

    @ParameterizedTest
    @EnumSource(ReadStore.Backend.class)
    void everyEventDeliveredTwiceGivesTheSameSessions(ReadStore.Backend backend) {
        side = SessionReadSide.start(backend, EventLog.jdbc());
        side.append(sessions());
        List<SessionView> once = view();
        byte[] csv = side.sessionController.payable(CONVENTION, "s-1", null).getBody();
        side.close();

        side = SessionReadSide.start(backend, EventLog.jdbc());
        side.appendTwice(sessions());

        assertThat(view()).isEqualTo(once);
        assertThat(side.sessionController.payable(CONVENTION, "s-1", null).getBody())
                .isEqualTo(csv);
    }

    @Test
    void redeliveryAndRebuildChangeNothing() {
        side = SessionReadSide.start();
        side.append(sessions());
        List<SessionView> before = view();

        side.redeliverEverything();
        side.log.restartFrom(side.log.delivered().get(8).trackingToken()).forEach(side::deliver);
        assertThat(view()).isEqualTo(before);

        side.reset();
        assertThatThrownBy(this::view).isInstanceOf(ErrorResponseException.class);
        side.log.restreamFrom(null).forEach(side::deliver);
        assertThat(view()).isEqualTo(before);
    }

    @Test
    void aCorrectionBackAndForthEndsOnTheLastPresence() {
        side = SessionReadSide.start();
        side.append(
                conventionOpened(CONVENTION, "C", "Clermont-Ferrand", SOCIAL),
                e.seated("m-1", "inv-1", SOCIAL, "2025-03-01"),
                e.session("s-1", 1, ASSEMBLY, SOCIAL, "2025-03-08", "2025-03-09"),
                e.attendance("s-1", "m-1", ABSENT),
                e.correction("s-1", "m-1", ABSENT, EXCUSED),
                e.correction("s-1", "m-1", EXCUSED, PRESENT));

        assertThat(view().get(0).attendance()).isEqualTo(new AttendanceFigures(1, 1, 0, 0, 0, 2));
        assertThat(view().get(0).indemnities().due()).isEqualTo(euros("25.00"));
    }

    @Test
    void aMemberWhoLostMembershipIsNoLongerExpected() {
        side = SessionReadSide.start();
        side.append(
                conventionOpened(CONVENTION, "C", "Clermont-Ferrand", SOCIAL),
                e.seated("m-1", "inv-1", SOCIAL, "2025-03-01"),
                e.seated("m-2", "inv-2", SOCIAL, "2025-03-01"),
                e.session("s-1", 1, PLENARY, null, "2025-03-08", "2025-03-09"),
                e.lost("m-2", "2025-03-20"),
                e.session("s-2", 2, PLENARY, null, "2025-04-05", "2025-04-06"));

        assertThat(view()).extracting(s -> s.attendance().expected()).containsExactly(2L, 1L);
        assertThat(view().get(1).attendance().notRecorded()).isEqualTo(1);
        assertThat(view().get(1).attendanceRate()).isEqualByComparingTo("0");
    }

    @Test
    void aConventionWithoutSessionsHasNone() {
        side = SessionReadSide.start();
        side.append(conventionOpened(CONVENTION, "C", "Clermont-Ferrand", SOCIAL));

        assertThat(view()).isEmpty();
    }

    @Test
    void aDecisionOnAnUnknownClaimFailsItsBatch() {
        side = SessionReadSide.start();
        side.append(conventionOpened(CONVENTION, "C", "Clermont-Ferrand", SOCIAL));

        assertThatThrownBy(() -> side.append(e.approved("c-404")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("c-404");
    }

    @Test
    void anUnknownConventionOrSessionIsNotFound() {
        side = SessionReadSide.start();
        side.append(conventionOpened(CONVENTION, "C", "Clermont-Ferrand", SOCIAL));

        assertNotFound(() -> side.sessionController.sessions("nowhere"), "unknown-convention");
        assertNotFound(() -> side.sessionController.payable("nowhere", "s-1", null), "unknown-convention");
        assertNotFound(() -> side.sessionController.payable(CONVENTION, "s-404", null), "unknown-session");
    }

    private static void assertNotFound(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ErrorResponseException.class, ex -> {
            assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(ex.getBody().getProperties()).containsEntry("code", code);
        });
    }
}
