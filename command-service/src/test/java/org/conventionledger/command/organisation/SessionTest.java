package org.conventionledger.command.organisation;

import static org.conventionledger.command.platform.RuleViolationMatcher.expectRejected;
import static org.conventionledger.events.Transition.DEMOCRATIC;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.events.organisation.ExpenseKind.CHILDCARE;
import static org.conventionledger.events.organisation.ExpenseKind.TRAVEL;
import static org.conventionledger.events.organisation.Presence.ABSENT;
import static org.conventionledger.events.organisation.Presence.EXCUSED;
import static org.conventionledger.events.organisation.Presence.PRESENT;
import static org.conventionledger.events.organisation.SessionKind.ASSEMBLY;
import static org.conventionledger.events.organisation.SessionKind.PLENARY;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conventionledger.events.Transition;
import org.conventionledger.events.organisation.AttendanceCorrected;
import org.conventionledger.events.organisation.AttendanceRecorded;
import org.conventionledger.events.organisation.ExpenseApproved;
import org.conventionledger.events.organisation.ExpenseClaimed;
import org.conventionledger.events.organisation.ExpenseKind;
import org.conventionledger.events.organisation.ExpenseRejected;
import org.conventionledger.events.organisation.IndemnitiesPaid;
import org.conventionledger.events.organisation.Presence;
import org.conventionledger.events.organisation.SessionClosed;
import org.conventionledger.events.organisation.SessionKind;
import org.conventionledger.events.organisation.SessionScheduled;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A session: scheduling, attendance and corrections, closing, expense claims and the payment. */
class SessionTest {

    private static final String CONVENTION = "conv-1";
    private static final String SESSION = "ses-2";
    private static final LocalDate STARTS = LocalDate.of(2021, 12, 4);
    private static final LocalDate ENDS = LocalDate.of(2021, 12, 5);
    private static final LocalDate PAID_ON = LocalDate.of(2022, 1, 10);
    private static final BigDecimal INDEMNITY = new BigDecimal("20.00");

    private FixtureConfiguration<Session> fixture;
    private PanelRegister panel;
    private MemberRegister members;

    @BeforeEach
    void setUp() {
        panel = mock(PanelRegister.class);
        members = mock(MemberRegister.class);
        fixture = new AggregateTestFixture<>(Session.class);
        fixture.registerInjectableResource(panel);
        fixture.registerInjectableResource(members);
        when(panel.terms(CONVENTION))
                .thenReturn(
                        Optional.of(new PanelRegister.Terms(CONVENTION, EnumSet.of(ECOLOGICAL, SOCIAL), INDEMNITY)));
        when(panel.terms("elsewhere")).thenReturn(Optional.empty());
        when(members.assemblyOf(anyString(), anyString())).thenReturn(Optional.empty());
        seated("m-1", ECOLOGICAL);
        seated("m-2", ECOLOGICAL);
        seated("m-3", SOCIAL);
    }

    // ---- building blocks -------------------------------------------------------------------------

    private void seated(String member, Transition assembly) {
        when(members.assemblyOf(CONVENTION, member)).thenReturn(Optional.of(assembly));
        when(members.isActive(CONVENTION, member)).thenReturn(true);
    }

    private static ScheduleSession schedule(
            int number, SessionKind kind, Transition assembly, LocalDate startsOn, LocalDate endsOn) {
        return new ScheduleSession(SESSION, CONVENTION, number, kind, assembly, startsOn, endsOn);
    }

    private static SessionScheduled plenary() {
        return new SessionScheduled(CONVENTION, SESSION, 1, PLENARY, null, STARTS, ENDS);
    }

    private static SessionScheduled ecologicalSession() {
        return new SessionScheduled(CONVENTION, SESSION, 2, ASSEMBLY, ECOLOGICAL, STARTS, ENDS);
    }

    private static RecordAttendance attendance(RecordAttendance.Entry... entries) {
        return new RecordAttendance(SESSION, CONVENTION, List.of(entries));
    }

    private static RecordAttendance.Entry entry(String member, Presence presence) {
        return new RecordAttendance.Entry(member, presence);
    }

    private static AttendanceRecorded recorded(String member, Presence presence) {
        return new AttendanceRecorded(CONVENTION, SESSION, member, presence);
    }

    private static SessionClosed closed() {
        return new SessionClosed(CONVENTION, SESSION, ENDS);
    }

    /** A plenary the member attended, closed and paid. */
    private static Object[] paidFor(String member) {
        return new Object[] {
            plenary(),
            recorded(member, PRESENT),
            closed(),
            new IndemnitiesPaid(CONVENTION, SESSION, List.of(member), INDEMNITY, PAID_ON)
        };
    }

    private static ClaimExpense claim(String claimId, String member, ExpenseKind kind, String amount) {
        return new ClaimExpense(
                SESSION, CONVENTION, claimId, member, kind, amount == null ? null : new BigDecimal(amount));
    }

    private static ExpenseClaimed claimed(String claimId, String member, String amount) {
        return new ExpenseClaimed(CONVENTION, claimId, SESSION, member, TRAVEL, new BigDecimal(amount));
    }

    private static ExpenseApproved approved(String claimId) {
        return new ExpenseApproved(CONVENTION, claimId);
    }

    private static PayIndemnities pay(LocalDate paidOn) {
        return new PayIndemnities(SESSION, CONVENTION, paidOn);
    }

    // ---- scheduling --------------------------------------------------------------------------------

    @Nested
    class Scheduling {

        @Test
        void aPlenaryNamesNoAssembly() {
            fixture.givenNoPriorActivity()
                    .when(schedule(1, PLENARY, null, STARTS, ENDS))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(plenary());
        }

        @Test
        void anAssemblySessionNamesOneOfTheConventionsAssemblies() {
            fixture.givenNoPriorActivity()
                    .when(schedule(2, ASSEMBLY, ECOLOGICAL, STARTS, ENDS))
                    .expectEvents(ecologicalSession());
        }

        @Test
        void aOneDaySessionEndsTheDayItStarts() {
            fixture.givenNoPriorActivity()
                    .when(schedule(1, PLENARY, null, STARTS, STARTS))
                    .expectEvents(new SessionScheduled(CONVENTION, SESSION, 1, PLENARY, null, STARTS, STARTS));
        }

        @Test
        void theNumberIsOneOrMore() {
            expectRejected(
                    fixture.givenNoPriorActivity().when(schedule(0, PLENARY, null, STARTS, ENDS)),
                    422,
                    "invalid-number");
        }

        @Test
        void theKindIsRequired() {
            expectRejected(
                    fixture.givenNoPriorActivity().when(schedule(1, null, null, STARTS, ENDS)), 422, "kind-required");
        }

        @Test
        void aPlenaryNamingAnAssemblyIsRefused() {
            expectRejected(
                    fixture.givenNoPriorActivity().when(schedule(1, PLENARY, SOCIAL, STARTS, ENDS)),
                    422,
                    "assembly-not-allowed");
        }

        @Test
        void anAssemblySessionWithoutAnAssemblyIsRefused() {
            expectRejected(
                    fixture.givenNoPriorActivity().when(schedule(2, ASSEMBLY, null, STARTS, ENDS)),
                    422,
                    "assembly-required");
        }

        @Test
        void datesAreRequired() {
            expectRejected(
                    fixture.givenNoPriorActivity().when(schedule(1, PLENARY, null, STARTS, null)),
                    422,
                    "dates-required");
        }

        @Test
        void aSessionDoesNotEndBeforeItStarts() {
            expectRejected(
                    fixture.givenNoPriorActivity().when(schedule(1, PLENARY, null, ENDS, STARTS)),
                    422,
                    "session-dates");
        }

        @Test
        void theConventionMustExist() {
            expectRejected(
                    fixture.givenNoPriorActivity()
                            .when(new ScheduleSession(SESSION, "elsewhere", 1, PLENARY, null, STARTS, ENDS)),
                    404,
                    "unknown-convention");
        }

        @Test
        void theAssemblyMustBeOneOfTheConventions() {
            expectRejected(
                    fixture.givenNoPriorActivity().when(schedule(2, ASSEMBLY, DEMOCRATIC, STARTS, ENDS)),
                    422,
                    "unknown-assembly");
        }

        @Test
        void aNumberIsUsedOncePerConvention() {
            when(panel.sessionNumberTaken(CONVENTION, 1, null)).thenReturn(true);
            expectRejected(
                    fixture.givenNoPriorActivity().when(schedule(1, PLENARY, null, STARTS, ENDS)),
                    409,
                    "session-number-taken");
        }
    }

    // ---- attendance --------------------------------------------------------------------------------

    @Nested
    class RecordingAttendance {

        @Test
        void eachMemberOfTheBatchGetsOneRecord() {
            fixture.given(plenary())
                    .when(attendance(entry("m-1", PRESENT), entry("m-2", EXCUSED), entry("m-3", ABSENT)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(recorded("m-1", PRESENT), recorded("m-2", EXCUSED), recorded("m-3", ABSENT));
        }

        @Test
        void laterBatchesAddOtherMembers() {
            fixture.given(plenary(), recorded("m-1", PRESENT))
                    .when(attendance(entry("m-3", PRESENT)))
                    .expectEvents(recorded("m-3", PRESENT));
        }

        @Test
        void anAssemblySessionRecordsItsOwnMembers() {
            fixture.given(ecologicalSession())
                    .when(attendance(entry("m-1", PRESENT), entry("m-2", ABSENT)))
                    .expectEvents(recorded("m-1", PRESENT), recorded("m-2", ABSENT));
        }

        @Test
        void aSessionOfAnotherConventionIsNotFound() {
            expectRejected(
                    fixture.given(plenary())
                            .when(new RecordAttendance(SESSION, "conv-2", List.of(entry("m-1", PRESENT)))),
                    404,
                    "unknown-session");
        }

        @Test
        void anEmptyBatchIsRefused() {
            expectRejected(fixture.given(plenary()).when(attendance()), 422, "attendance-required");
        }

        @Test
        void eachEntryNamesAMember() {
            expectRejected(
                    fixture.given(plenary()).when(attendance(entry("m-1", PRESENT), entry(" ", PRESENT))),
                    422,
                    "member-required");
        }

        @Test
        void eachEntryGivesAPresence() {
            expectRejected(fixture.given(plenary()).when(attendance(entry("m-1", null))), 422, "presence-required");
        }

        @Test
        void aMemberIsListedOnceInABatch() {
            expectRejected(
                    fixture.given(plenary()).when(attendance(entry("m-1", PRESENT), entry("m-1", ABSENT))),
                    422,
                    "duplicate-member");
        }

        @Test
        void aPresenceIsRecordedOncePerMember() {
            expectRejected(
                    fixture.given(plenary(), recorded("m-1", ABSENT))
                            .when(attendance(entry("m-2", PRESENT), entry("m-1", PRESENT))),
                    409,
                    "attendance-recorded");
        }

        @Test
        void onlySeatedMembersAreRecorded() {
            expectRejected(
                    fixture.given(plenary()).when(attendance(entry("m-1", PRESENT), entry("m-9", PRESENT))),
                    422,
                    "not-a-member");
        }

        @Test
        void aMemberWhoLeftIsNotRecorded() {
            when(members.isActive(CONVENTION, "m-2")).thenReturn(false);
            expectRejected(
                    fixture.given(plenary()).when(attendance(entry("m-1", PRESENT), entry("m-2", PRESENT))),
                    409,
                    "member-inactive");
        }

        @Test
        void anAssemblySessionRefusesMembersOfAnotherAssembly() {
            expectRejected(
                    fixture.given(ecologicalSession()).when(attendance(entry("m-1", PRESENT), entry("m-3", PRESENT))),
                    422,
                    "wrong-assembly");
        }

        @Test
        void nothingIsRecordedOnceTheSessionIsClosed() {
            expectRejected(
                    fixture.given(plenary(), closed()).when(attendance(entry("m-1", PRESENT))), 409, "session-closed");
        }
    }

    @Nested
    class CorrectingAttendance {

        private CorrectAttendance correct(String member, Presence presence, String reason) {
            return new CorrectAttendance(SESSION, CONVENTION, member, presence, reason);
        }

        @Test
        void aCorrectionKeepsThePreviousPresence() {
            fixture.given(plenary(), recorded("m-1", ABSENT))
                    .when(correct("m-1", EXCUSED, "Medical certificate received"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new AttendanceCorrected(
                            CONVENTION, SESSION, "m-1", ABSENT, EXCUSED, "Medical certificate received"));
        }

        @Test
        void aCorrectedPresenceCanBeCorrectedAgain() {
            fixture.given(
                            plenary(),
                            recorded("m-1", ABSENT),
                            new AttendanceCorrected(CONVENTION, SESSION, "m-1", ABSENT, EXCUSED, "Certificate"))
                    .when(correct("m-1", PRESENT, "Arrived late, signed the sheet"))
                    .expectEvents(new AttendanceCorrected(
                            CONVENTION, SESSION, "m-1", EXCUSED, PRESENT, "Arrived late, signed the sheet"));
        }

        @Test
        void onlyARecordedPresenceIsCorrected() {
            expectRejected(
                    fixture.given(plenary(), recorded("m-1", ABSENT)).when(correct("m-2", EXCUSED, "Certificate")),
                    404,
                    "attendance-not-recorded");
        }

        @Test
        void theCorrectedPresenceIsRequired() {
            expectRejected(
                    fixture.given(plenary(), recorded("m-1", ABSENT)).when(correct("m-1", null, "Certificate")),
                    422,
                    "presence-required");
        }

        @Test
        void correctingToTheSamePresenceIsRefused() {
            expectRejected(
                    fixture.given(plenary(), recorded("m-1", ABSENT)).when(correct("m-1", ABSENT, "Certificate")),
                    422,
                    "presence-unchanged");
        }

        @Test
        void aCorrectionSaysWhy() {
            expectRejected(
                    fixture.given(plenary(), recorded("m-1", ABSENT)).when(correct("m-1", EXCUSED, " ")),
                    422,
                    "reason-required");
        }

        @Test
        void attendanceIsFinalOnceClosed() {
            expectRejected(
                    fixture.given(plenary(), recorded("m-1", ABSENT), closed())
                            .when(correct("m-1", EXCUSED, "Certificate")),
                    409,
                    "session-closed");
        }

        @Test
        void aSessionOfAnotherConventionIsNotFound() {
            expectRejected(
                    fixture.given(plenary(), recorded("m-1", ABSENT))
                            .when(new CorrectAttendance(SESSION, "conv-2", "m-1", EXCUSED, "Certificate")),
                    404,
                    "unknown-session");
        }
    }

    // ---- closing -----------------------------------------------------------------------------------

    @Nested
    class Closing {

        @Test
        void aSessionClosesOnItsLastDay() {
            fixture.given(plenary(), recorded("m-1", PRESENT))
                    .when(new CloseSession(SESSION, CONVENTION, ENDS))
                    .expectEvents(closed());
        }

        @Test
        void aSessionClosesOnce() {
            expectRejected(
                    fixture.given(plenary(), closed()).when(new CloseSession(SESSION, CONVENTION, ENDS)),
                    409,
                    "session-closed");
        }

        @Test
        void theClosingDateIsRequired() {
            expectRejected(
                    fixture.given(plenary()).when(new CloseSession(SESSION, CONVENTION, null)), 422, "date-required");
        }

        @Test
        void aSessionDoesNotCloseBeforeItStarts() {
            expectRejected(
                    fixture.given(plenary()).when(new CloseSession(SESSION, CONVENTION, STARTS.minusDays(1))),
                    422,
                    "closed-before-start");
        }

        @Test
        void aSessionOfAnotherConventionIsNotFound() {
            expectRejected(
                    fixture.given(plenary()).when(new CloseSession(SESSION, "conv-2", ENDS)), 404, "unknown-session");
        }
    }

    // ---- expenses ----------------------------------------------------------------------------------

    @Nested
    class ClaimingExpenses {

        @Test
        void aMemberPresentClaimsAnExpenseInCents() {
            fixture.given(plenary(), recorded("m-1", PRESENT))
                    .when(claim("c-1", "m-1", CHILDCARE, "35.5"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(
                            new ExpenseClaimed(CONVENTION, "c-1", SESSION, "m-1", CHILDCARE, new BigDecimal("35.50")));
        }

        @Test
        void theCapItselfIsAllowed() {
            fixture.given(plenary(), recorded("m-1", PRESENT))
                    .when(claim("c-1", "m-1", TRAVEL, "1000"))
                    .expectEvents(claimed("c-1", "m-1", "1000.00"));
        }

        @Test
        void aCorrectedPresenceCounts() {
            fixture.given(
                            plenary(),
                            recorded("m-1", ABSENT),
                            new AttendanceCorrected(
                                    CONVENTION, SESSION, "m-1", ABSENT, PRESENT, "Signed the sheet late"))
                    .when(claim("c-1", "m-1", TRAVEL, "12.40"))
                    .expectEvents(claimed("c-1", "m-1", "12.40"));
        }

        @Test
        void aMemberNotRecordedPresentDoesNotClaim() {
            expectRejected(
                    fixture.given(plenary(), recorded("m-1", EXCUSED)).when(claim("c-1", "m-1", TRAVEL, "12.40")),
                    422,
                    "member-not-present");
        }

        @Test
        void aMemberNotRecordedAtAllDoesNotClaim() {
            expectRejected(
                    fixture.given(plenary()).when(claim("c-1", "m-1", TRAVEL, "12.40")), 422, "member-not-present");
        }

        @Test
        void theClaimNamesAMember() {
            expectRejected(
                    fixture.given(plenary(), recorded("m-1", PRESENT)).when(claim("c-1", null, TRAVEL, "12.40")),
                    422,
                    "member-required");
        }

        @Test
        void theKindIsRequired() {
            expectRejected(
                    fixture.given(plenary(), recorded("m-1", PRESENT)).when(claim("c-1", "m-1", null, "12.40")),
                    422,
                    "kind-required");
        }

        @Test
        void theAmountIsRequired() {
            expectRejected(
                    fixture.given(plenary(), recorded("m-1", PRESENT)).when(claim("c-1", "m-1", TRAVEL, null)),
                    422,
                    "invalid-amount");
        }

        @Test
        void aZeroAmountIsRefused() {
            expectRejected(
                    fixture.given(plenary(), recorded("m-1", PRESENT)).when(claim("c-1", "m-1", TRAVEL, "0.00")),
                    422,
                    "invalid-amount");
        }

        @Test
        void aNegativeAmountIsRefused() {
            expectRejected(
                    fixture.given(plenary(), recorded("m-1", PRESENT)).when(claim("c-1", "m-1", TRAVEL, "-5")),
                    422,
                    "invalid-amount");
        }

        @Test
        void fractionsOfACentAreRefused() {
            expectRejected(
                    fixture.given(plenary(), recorded("m-1", PRESENT)).when(claim("c-1", "m-1", TRAVEL, "12.405")),
                    422,
                    "invalid-amount");
        }

        @Test
        void anAmountAboveTheCapIsRefused() {
            expectRejected(
                    fixture.given(plenary(), recorded("m-1", PRESENT)).when(claim("c-1", "m-1", TRAVEL, "1000.01")),
                    422,
                    "amount-above-cap");
        }

        @Test
        void aClaimIdIsUsedOnce() {
            expectRejected(
                    fixture.given(plenary(), recorded("m-1", PRESENT), claimed("c-1", "m-1", "12.40"))
                            .when(claim("c-1", "m-1", TRAVEL, "8.00")),
                    409,
                    "claim-exists");
        }

        @Test
        void noClaimAfterThePayment() {
            expectRejected(
                    fixture.given(paidFor("m-1")).when(claim("c-1", "m-1", TRAVEL, "12.40")), 409, "indemnities-paid");
        }

        @Test
        void aSessionOfAnotherConventionIsNotFound() {
            expectRejected(
                    fixture.given(plenary(), recorded("m-1", PRESENT))
                            .when(new ClaimExpense(SESSION, "conv-2", "c-1", "m-1", TRAVEL, BigDecimal.TEN)),
                    404,
                    "unknown-session");
        }
    }

    @Nested
    class DecidingClaims {

        @Test
        void aPendingClaimIsApproved() {
            fixture.given(plenary(), recorded("m-1", PRESENT), claimed("c-1", "m-1", "12.40"))
                    .when(new ApproveExpense(SESSION, CONVENTION, "c-1"))
                    .expectEvents(approved("c-1"));
        }

        @Test
        void aPendingClaimIsRejectedWithAReason() {
            fixture.given(plenary(), recorded("m-1", PRESENT), claimed("c-1", "m-1", "12.40"))
                    .when(new RejectExpense(SESSION, CONVENTION, "c-1", "No ticket attached"))
                    .expectEvents(new ExpenseRejected(CONVENTION, "c-1", "No ticket attached"));
        }

        @Test
        void anUnknownClaimIsNotFound() {
            expectRejected(
                    fixture.given(plenary()).when(new ApproveExpense(SESSION, CONVENTION, "c-9")),
                    404,
                    "unknown-claim");
        }

        @Test
        void anUnknownClaimIsNotRejectedEither() {
            expectRejected(
                    fixture.given(plenary()).when(new RejectExpense(SESSION, CONVENTION, "c-9", "No ticket")),
                    404,
                    "unknown-claim");
        }

        @Test
        void anApprovedClaimIsNotApprovedAgain() {
            expectRejected(
                    fixture.given(plenary(), recorded("m-1", PRESENT), claimed("c-1", "m-1", "12.40"), approved("c-1"))
                            .when(new ApproveExpense(SESSION, CONVENTION, "c-1")),
                    409,
                    "claim-decided");
        }

        @Test
        void anApprovedClaimIsNotRejected() {
            expectRejected(
                    fixture.given(plenary(), recorded("m-1", PRESENT), claimed("c-1", "m-1", "12.40"), approved("c-1"))
                            .when(new RejectExpense(SESSION, CONVENTION, "c-1", "Second thoughts")),
                    409,
                    "claim-decided");
        }

        @Test
        void aRejectedClaimIsNotApproved() {
            expectRejected(
                    fixture.given(
                                    plenary(),
                                    recorded("m-1", PRESENT),
                                    claimed("c-1", "m-1", "12.40"),
                                    new ExpenseRejected(CONVENTION, "c-1", "No ticket"))
                            .when(new ApproveExpense(SESSION, CONVENTION, "c-1")),
                    409,
                    "claim-decided");
        }

        @Test
        void aRejectionSaysWhy() {
            expectRejected(
                    fixture.given(plenary(), recorded("m-1", PRESENT), claimed("c-1", "m-1", "12.40"))
                            .when(new RejectExpense(SESSION, CONVENTION, "c-1", null)),
                    422,
                    "reason-required");
        }

        @Test
        void aSessionOfAnotherConventionIsNotFound() {
            expectRejected(
                    fixture.given(plenary(), recorded("m-1", PRESENT), claimed("c-1", "m-1", "12.40"))
                            .when(new ApproveExpense(SESSION, "conv-2", "c-1")),
                    404,
                    "unknown-session");
        }
    }

    // ---- payment -----------------------------------------------------------------------------------

    @Nested
    class PayingIndemnities {

        @Test
        void theMembersPresentGetTheIndemnityAndApprovedClaimsArePaid() {
            fixture.given(
                            plenary(),
                            recorded("m-1", PRESENT),
                            recorded("m-2", ABSENT),
                            recorded("m-3", PRESENT),
                            claimed("c-1", "m-1", "12.40"),
                            approved("c-1"),
                            claimed("c-2", "m-3", "30.00"),
                            new ExpenseRejected(CONVENTION, "c-2", "No ticket"),
                            closed())
                    .when(pay(PAID_ON))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new IndemnitiesPaid(
                            CONVENTION, SESSION, List.of("m-1", "m-3"), new BigDecimal("52.40"), PAID_ON))
                    .expectResultMessagePayload(new IndemnitiesPaid(
                            CONVENTION, SESSION, List.of("m-1", "m-3"), new BigDecimal("52.40"), PAID_ON));
        }

        @Test
        void anApprovedClaimIsPaidEvenIfThePresenceWasCorrectedSince() {
            fixture.given(
                            plenary(),
                            recorded("m-1", PRESENT),
                            recorded("m-2", PRESENT),
                            claimed("c-1", "m-1", "12.40"),
                            approved("c-1"),
                            new AttendanceCorrected(CONVENTION, SESSION, "m-1", PRESENT, EXCUSED, "Left at 9am"),
                            closed())
                    .when(pay(PAID_ON))
                    .expectEvents(new IndemnitiesPaid(
                            CONVENTION, SESSION, List.of("m-2", "m-1"), new BigDecimal("32.40"), PAID_ON));
        }

        @Test
        void theSessionIsPaidOnTheDayItCloses() {
            fixture.given(plenary(), recorded("m-1", PRESENT), closed())
                    .when(pay(ENDS))
                    .expectEvents(new IndemnitiesPaid(CONVENTION, SESSION, List.of("m-1"), INDEMNITY, ENDS));
        }

        @Test
        void anOpenSessionIsNotPaid() {
            expectRejected(
                    fixture.given(plenary(), recorded("m-1", PRESENT)).when(pay(PAID_ON)), 409, "session-not-closed");
        }

        @Test
        void aSessionIsPaidOnce() {
            expectRejected(fixture.given(paidFor("m-1")).when(pay(PAID_ON)), 409, "indemnities-paid");
        }

        @Test
        void thePaymentDateIsRequired() {
            expectRejected(
                    fixture.given(plenary(), recorded("m-1", PRESENT), closed()).when(pay(null)), 422, "date-required");
        }

        @Test
        void aSessionIsNotPaidBeforeItCloses() {
            expectRejected(
                    fixture.given(plenary(), recorded("m-1", PRESENT), closed()).when(pay(ENDS.minusDays(1))),
                    422,
                    "paid-before-close");
        }

        @Test
        void pendingClaimsAreDecidedFirst() {
            expectRejected(
                    fixture.given(plenary(), recorded("m-1", PRESENT), claimed("c-1", "m-1", "12.40"), closed())
                            .when(pay(PAID_ON)),
                    409,
                    "claims-pending");
        }

        @Test
        void nothingPayableIsRefused() {
            expectRejected(
                    fixture.given(plenary(), recorded("m-1", ABSENT), recorded("m-2", EXCUSED), closed())
                            .when(pay(PAID_ON)),
                    409,
                    "nothing-payable");
        }

        @Test
        void aSessionOfAnotherConventionIsNotFound() {
            expectRejected(
                    fixture.given(plenary(), recorded("m-1", PRESENT), closed())
                            .when(new PayIndemnities(SESSION, "conv-2", PAID_ON)),
                    404,
                    "unknown-session");
        }
    }
}
