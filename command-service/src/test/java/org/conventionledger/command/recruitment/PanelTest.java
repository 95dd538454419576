package org.conventionledger.command.recruitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;
import static org.conventionledger.command.platform.RuleViolationMatcher.expectRejected;
import static org.conventionledger.command.platform.RuleViolationMatcher.ruleViolation;
import static org.conventionledger.events.Transition.DEMOCRATIC;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conventionledger.command.organisation.Convention;
import org.conventionledger.command.organisation.ConventionFixtures;
import org.conventionledger.command.organisation.PanelRegister;
import org.conventionledger.command.recruitment.SendInvitations.Invitee;
import org.conventionledger.events.Transition;
import org.conventionledger.events.organisation.ConventionOpened;
import org.conventionledger.events.privacy.SealedPersonalData;
import org.conventionledger.events.recruitment.Answer;
import org.conventionledger.events.recruitment.AssemblyCapacitiesSet;
import org.conventionledger.events.recruitment.DrawnResidentNotInvited;
import org.conventionledger.events.recruitment.EngagementContractAdopted;
import org.conventionledger.events.recruitment.InvitationAnswered;
import org.conventionledger.events.recruitment.InvitationReminderSent;
import org.conventionledger.events.recruitment.InvitationSent;
import org.conventionledger.events.recruitment.InvitationsClosed;
import org.conventionledger.events.recruitment.LotteryPanel;
import org.conventionledger.events.recruitment.MemberSeated;
import org.conventionledger.events.recruitment.MemberWithdrew;
import org.conventionledger.events.recruitment.MembershipLost;
import org.conventionledger.events.recruitment.NotInvitedReason;
import org.conventionledger.events.recruitment.PanelDrawn;
import org.conventionledger.events.recruitment.PanelLotteryComputed;
import org.conventionledger.events.recruitment.PanelSelectionDefined;
import org.conventionledger.events.recruitment.QuotaRange;
import org.conventionledger.events.recruitment.ReplacementCalled;
import org.conventionledger.events.recruitment.SelectionChance;
import org.conventionledger.events.recruitment.VolunteerRegistered;
import org.conventionledger.events.recruitment.WithdrawalReason;
import org.conventionledger.rules.selection.Category;
import org.conventionledger.rules.selection.LeximinSelection;
import org.conventionledger.rules.selection.LotteryRecord;
import org.conventionledger.rules.selection.PanelDraw;
import org.conventionledger.rules.selection.PanelLottery;
import org.conventionledger.rules.selection.Quotas;
import org.conventionledger.rules.selection.ValueQuota;
import org.conventionledger.rules.selection.Volunteer;
import org.conventionledger.rules.sortition.SeedCommitment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The panel's recruitment through the convention: invitations to drawn residents, reminders, answers
 * with the volunteers' profiles, the answer deadline, the panel selection (quotas and seed commitment,
 * leximin lottery, draw), assembly capacities, engagement contracts, seating, members leaving
 * (withdrawal, absence rule) and replacements from the reserve.
 *
 * <p>The pool is tiny so the lottery's linear programs are instant: invitations inv-1…inv-6 went to
 * p-1…p-6; p-1…p-5 volunteered, p-6 declined.
 * <pre>
 *   volunteer  gender  age
 *   p-1        f       young
 *   p-2        m       old
 *   p-3        f       old
 *   p-4        m       old
 *   p-5        f       young
 * </pre>
 * The panel has 2 seats, one woman and one man: each woman is selected with probability 1/3, each man
 * with 1/2.
 */
class PanelTest {

    private static final String CONVENTION = "conv-1";
    private static final String ROLL = "electoral-roll";
    private static final String TENANTS = "tenants";
    private static final String SELECTION = "sel-1";
    private static final String SEED = "steering committee, 2024-12-02: 5 2 6 1";
    private static final String COMMITMENT = SeedCommitment.of(SEED);
    /** Drawn at the panel draw itself, after the answers closed: dice rolled before the bailiff. */
    private static final String ENTROPY = "bailiff dice 2024-12-16: 4 4 1 6 3";

    private static final String CONTRACT = "contract-v2";
    private static final LocalDate SENT_ON = LocalDate.of(2024, 11, 4);
    private static final LocalDate REMINDED_ON = LocalDate.of(2024, 11, 14);
    private static final LocalDate ANSWERED_ON = LocalDate.of(2024, 11, 20);
    private static final LocalDate DEADLINE = LocalDate.of(2024, 11, 30);
    private static final LocalDate ADOPTED_ON = LocalDate.of(2024, 12, 10);
    private static final LocalDate SEATED_ON = LocalDate.of(2025, 1, 15);
    private static final LocalDate LEFT_ON = LocalDate.of(2025, 3, 1);

    /** One woman and one man. */
    private static final List<QuotaRange> GENDER =
            List.of(new QuotaRange("gender", "f", 1, 1), new QuotaRange("gender", "m", 1, 1));
    /** One woman and one man, at least one of them young. */
    private static final List<QuotaRange> GENDER_AND_AGE = List.of(
            new QuotaRange("gender", "f", 1, 1),
            new QuotaRange("gender", "m", 1, 1),
            new QuotaRange("age", "young", 1, 2),
            new QuotaRange("age", "old", 0, 2));

    /** The panels' records the lotteries of these tests name, by SHA-256 (ADR-010). */
    private static final Map<String, byte[]> RECORDS = new HashMap<>();

    private FixtureConfiguration<Convention> fixture;
    private RecruitmentRegister recruitment;
    private PanelRegister attendance;
    private LotteryRecords records;

    @BeforeEach
    void setUp() {
        recruitment = mock(RecruitmentRegister.class);
        attendance = mock(PanelRegister.class);
        // the real checks of a record against its hash, over a map standing in for the table
        records = spy(new LotteryRecords(null));
        doAnswer(call -> Optional.ofNullable(RECORDS.get(call.<String>getArgument(0))))
                .when(records)
                .find(anyString());
        doAnswer(call -> RECORDS.put(LotteryRecord.sha256(call.getArgument(1)), call.getArgument(1)))
                .when(records)
                .store(anyString(), any());
        fixture = new AggregateTestFixture<>(Convention.class);
        fixture.registerInjectableResource(recruitment);
        fixture.registerInjectableResource(attendance);
        fixture.registerInjectableResource(records);
    }

    // ---- building blocks: events ------------------------------------------------------------------

    private static ConventionOpened opened() {
        return ConventionFixtures.opened(CONVENTION);
    }

    private static InvitationSent sent(int n) {
        return new InvitationSent(CONVENTION, "inv-" + n, "p-" + n, ROLL, SENT_ON);
    }

    private static InvitationAnswered answered(int n, Answer answer) {
        return new InvitationAnswered(CONVENTION, "inv-" + n, answer, ANSWERED_ON);
    }

    private static Map<String, String> profile(String gender, String age) {
        return Map.of("gender", gender, "age", age);
    }

    private static VolunteerRegistered volunteer(int n, String gender, String age) {
        return new VolunteerRegistered(CONVENTION, "inv-" + n, "p-" + n, profile(gender, age), null, null);
    }

    /** The five volunteers, in the order they answered. */
    private static List<VolunteerRegistered> volunteers() {
        return List.of(
                volunteer(1, "f", "young"),
                volunteer(2, "m", "old"),
                volunteer(3, "f", "old"),
                volunteer(4, "m", "old"),
                volunteer(5, "f", "young"));
    }

    /** Opened, six invitations sent, five accepted with their profiles and one declined; answers still open. */
    private static List<Object> answers(Object... more) {
        List<Object> events = new ArrayList<>();
        events.add(opened());
        for (int n = 1; n <= 6; n++) {
            events.add(sent(n));
        }
        for (VolunteerRegistered volunteer : volunteers()) {
            events.add(new InvitationAnswered(CONVENTION, volunteer.invitationId(), Answer.ACCEPTED, ANSWERED_ON));
            events.add(volunteer);
        }
        events.add(answered(6, Answer.DECLINED));
        return plus(events, more);
    }

    private static InvitationsClosed closed(int unanswered) {
        return new InvitationsClosed(CONVENTION, DEADLINE, unanswered);
    }

    /** The final pool: {@link #answers} and the deadline passed. */
    private static List<Object> pool(Object... more) {
        return plus(answers(closed(0)), more);
    }

    /** The final pool with the selection defined before the deadline, as it must be. */
    private static List<Object> selectedPool(PanelSelectionDefined selection, Object... more) {
        return plus(answers(selection, closed(0)), more);
    }

    private static PanelSelectionDefined selectionDefined(List<QuotaRange> quotas) {
        return new PanelSelectionDefined(CONVENTION, SELECTION, 2, quotas, COMMITMENT);
    }

    /** The lottery over the pool, as {@link LeximinSelection} computes it. */
    private static PanelLotteryComputed lottery(List<QuotaRange> quotas) {
        return lotteryFor(selectionDefined(quotas), volunteers());
    }

    /** The pool with the selection defined and the lottery published, before the draw. */
    private static List<Object> lotteryPublished(List<QuotaRange> quotas, Object... more) {
        return plus(selectedPool(selectionDefined(quotas), lottery(quotas)), more);
    }

    /**
     * A drawn panel of p-1 (f, young) and p-2 (m, old) with the reserve in the given order. It is written
     * by hand, not computed from {@link #SEED} and {@link #ENTROPY}, so that the seating and replacement
     * rules read plainly.
     */
    private static PanelDrawn drawn(String... reserve) {
        return new PanelDrawn(CONVENTION, SELECTION, SEED, ENTROPY, 0, List.of("p-1", "p-2"), List.of(reserve));
    }

    private static EngagementContractAdopted contract(String version, int allowedAbsences) {
        return new EngagementContractAdopted(CONVENTION, version, allowedAbsences, ADOPTED_ON);
    }

    /**
     * The panel p-1, p-2 drawn under the {@code quotas}, reserve p-4 (m), p-3 (f), p-5 (f); contract-v2
     * (2 unexcused absences allowed) adopted; then the given events.
     */
    private static List<Object> panelDrawn(List<QuotaRange> quotas, Object... more) {
        return plus(lotteryPublished(quotas, drawn("p-4", "p-3", "p-5"), contract(CONTRACT, 2)), more);
    }

    private static List<Object> panelDrawn(Object... more) {
        return panelDrawn(GENDER, more);
    }

    /** {@link #panelDrawn} with mem-1 (p-1) seated in the social assembly and mem-2 (p-2) in the ecological one. */
    private static List<Object> seatedPanel(List<QuotaRange> quotas, Object... more) {
        return plus(panelDrawn(quotas, seated("mem-1", 1, SOCIAL), seated("mem-2", 2, ECOLOGICAL)), more);
    }

    private static List<Object> seatedPanel(Object... more) {
        return seatedPanel(GENDER, more);
    }

    private static MemberSeated seated(String memberId, int invitation, Transition assembly) {
        return new MemberSeated(CONVENTION, memberId, "inv-" + invitation, assembly, CONTRACT, SEATED_ON);
    }

    private static MemberWithdrew withdrew(String memberId) {
        return new MemberWithdrew(CONVENTION, memberId, WithdrawalReason.MOVED_AWAY, LEFT_ON);
    }

    private static ReplacementCalled replacement(String memberId, int by) {
        return new ReplacementCalled(CONVENTION, SELECTION, memberId, "p-" + by, "inv-" + by);
    }

    /** {@code events} with the volunteers of the given invitations registered in {@code household}. */
    private static List<Object> oneHousehold(List<Object> events, String household, int... invitations) {
        Set<String> of = IntStream.of(invitations).mapToObj(n -> "inv-" + n).collect(Collectors.toSet());
        return events.stream()
                .map(e -> e instanceof VolunteerRegistered v && of.contains(v.invitationId())
                        ? new VolunteerRegistered(
                                v.conventionId(), v.invitationId(), v.personId(), v.profile(), null, null, household)
                        : e)
                .toList();
    }

    // ---- building blocks: commands ----------------------------------------------------------------

    private static Invitee invitee(int n, String sourceList) {
        return new Invitee("inv-" + n, "p-" + n, sourceList);
    }

    private static SendInvitations invite(Invitee... invitees) {
        return new SendInvitations(CONVENTION, List.of(invitees), SENT_ON);
    }

    private static RecordInvitationAnswer accept(int n, Map<String, String> profile) {
        return new RecordInvitationAnswer(CONVENTION, "inv-" + n, Answer.ACCEPTED, ANSWERED_ON, profile, null, null);
    }

    /** A household's pseudonym, as {@code PersonPseudonym#household} makes them. */
    private static final String HOUSEHOLD = "h-0123456789abcdef01234567";

    private static RecordInvitationAnswer withHousehold(int n, String household) {
        return new RecordInvitationAnswer(
                CONVENTION, "inv-" + n, Answer.ACCEPTED, ANSWERED_ON, profile("f", "young"), null, null, household);
    }

    private static DefinePanelSelection define(int panelSize, List<QuotaRange> quotas, String commitment) {
        return new DefinePanelSelection(CONVENTION, SELECTION, panelSize, quotas, commitment);
    }

    private static SeatMember seat(String memberId, int invitation, Transition assembly) {
        return new SeatMember(CONVENTION, memberId, "inv-" + invitation, assembly, CONTRACT, SEATED_ON);
    }

    private static SetAssemblyCapacities capacities(Map<Transition, Integer> capacities) {
        return new SetAssemblyCapacities(CONVENTION, capacities);
    }

    /** Residents p-1…p-6 were drawn from the electoral roll; nobody else was drawn. */
    private void drawnFromTheRoll() {
        when(recruitment.drawnFrom(eq(CONVENTION), anyString())).thenReturn(Optional.empty());
        for (int n = 1; n <= 6; n++) {
            when(recruitment.drawnFrom(CONVENTION, "p-" + n)).thenReturn(Optional.of(ROLL));
        }
    }

    // ---- the expected results, from the pure selection classes ---------------------------------------

    private static Quotas quotas(PanelSelectionDefined selection) {
        Map<String, List<ValueQuota>> byCategory = new LinkedHashMap<>();
        selection
                .quotas()
                .forEach(q -> byCategory
                        .computeIfAbsent(q.category(), c -> new ArrayList<>())
                        .add(new ValueQuota(q.value(), q.min(), q.max())));
        return new Quotas(
                selection.panelSize(),
                byCategory.entrySet().stream()
                        .map(e -> new Category(e.getKey(), e.getValue()))
                        .toList());
    }

    private static List<Volunteer> asVolunteers(List<VolunteerRegistered> pool) {
        return pool.stream().map(v -> new Volunteer(v.personId(), v.profile())).toList();
    }

    /** The published lottery; the record of its panels is kept in {@link #RECORDS}. */
    private static PanelLotteryComputed lotteryFor(PanelSelectionDefined selection, List<VolunteerRegistered> pool) {
        PanelLottery lottery = LeximinSelection.select(quotas(selection), asVolunteers(pool));
        PanelLotteries.Published published =
                PanelLotteries.computed(CONVENTION, selection.selectionId(), lottery, pool);
        RECORDS.put(published.event().panelRecord().sha256(), published.record());
        return published.event();
    }

    /** The lottery's panels as revision 1 logged them, inline, with the volunteers' ids. */
    private static List<LotteryPanel> panelsOf(PanelLotteryComputed lottery) {
        return LotteryRecord.decode(RECORDS.get(lottery.panelRecord().sha256())).panels().stream()
                .map(p -> new LotteryPanel(
                        p.probability(),
                        p.members().stream()
                                .map(i -> lottery.chances().get(i).personId())
                                .toList()))
                .toList();
    }

    /** The panel drawn with {@link #SEED} and {@link #ENTROPY}. */
    private static PanelDrawn panelDrawFor(List<QuotaRange> quotas, List<VolunteerRegistered> pool) {
        return panelDrawFor(quotas, pool, ENTROPY);
    }

    /**
     * The panel {@link PanelDraw} picks from the lottery with the combined randomness of {@link #SEED} and
     * {@code entropy}, and the reserve order.
     */
    private static PanelDrawn panelDrawFor(List<QuotaRange> quotas, List<VolunteerRegistered> pool, String entropy) {
        List<Volunteer> volunteers = asVolunteers(pool);
        PanelLottery lottery = LeximinSelection.select(quotas(selectionDefined(quotas)), volunteers);
        String randomness = SeedCommitment.drawRandomness(SEED, entropy);
        int index = PanelDraw.drawIndex(lottery, randomness);
        PanelLottery.Panel panel = lottery.panels().get(index);
        return new PanelDrawn(
                CONVENTION,
                SELECTION,
                SEED,
                entropy,
                index,
                panel.members().stream().map(i -> volunteers.get(i).id()).toList(),
                PanelDraw.reserveOrder(volunteers, panel, randomness).stream()
                        .map(i -> volunteers.get(i).id())
                        .toList());
    }

    private static List<Object> plus(List<Object> given, Object... more) {
        List<Object> all = new ArrayList<>(given);
        all.addAll(Arrays.asList(more));
        return all;
    }

    // ---- invitations -----------------------------------------------------------------------------

    @Nested
    class SendingInvitations {

        @Test
        void residentsDrawnByLotAreInvitedWithTheListTheyWereDrawnFrom() {
            drawnFromTheRoll();
            when(recruitment.drawnFrom(CONVENTION, "p-7")).thenReturn(Optional.of(TENANTS));
            fixture.given(opened())
                    .when(invite(invitee(1, ROLL), new Invitee("inv-7", "p-7", TENANTS)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(sent(1), new InvitationSent(CONVENTION, "inv-7", "p-7", TENANTS, SENT_ON));
        }

        @Test
        void withoutASourceListTheInvitationTakesTheOneTheResidentWasDrawnFrom() {
            drawnFromTheRoll();
            fixture.given(opened()).when(invite(invitee(1, null))).expectEvents(sent(1));
        }

        @Test
        void aResidentNoDrawDrewIsNotInvitedAndNoLetterOfTheBatchIsSent() {
            drawnFromTheRoll();
            expectRejected(
                    fixture.given(opened()).when(invite(invitee(1, ROLL), new Invitee("inv-9", "p-9", ROLL))),
                    422,
                    "not-drawn");
        }

        @Test
        void aResidentDrawnFromAnotherListIsRefused() {
            drawnFromTheRoll();
            expectRejected(fixture.given(opened()).when(invite(invitee(1, TENANTS))), 422, "wrong-source-list");
        }

        @Test
        void anInvitationIdAlreadySentIsRefused() {
            drawnFromTheRoll();
            expectRejected(
                    fixture.given(opened(), sent(1)).when(invite(new Invitee("inv-1", "p-2", ROLL))),
                    409,
                    "invitation-exists");
        }

        @Test
        void aResidentAlreadyInvitedIsRefused() {
            drawnFromTheRoll();
            expectRejected(
                    fixture.given(opened(), sent(1)).when(invite(new Invitee("inv-2", "p-1", ROLL))),
                    409,
                    "resident-already-invited");
        }

        @Test
        void noInvitationIsSentOnceTheAnswersAreClosed() {
            drawnFromTheRoll();
            expectRejected(
                    fixture.given(opened(), sent(1), answered(1, Answer.NO_ANSWER), closed(1))
                            .when(invite(invitee(2, ROLL))),
                    409,
                    "answers-closed");
        }

        @Test
        void theDateOfTheLettersIsRequired() {
            drawnFromTheRoll();
            expectRejected(
                    fixture.given(opened()).when(new SendInvitations(CONVENTION, List.of(invitee(1, ROLL)), null)),
                    422,
                    "sent-on-required");
        }
    }

    @Nested
    class LoggingADrawnResidentNotInvited {

        private RecordDrawnResidentNotInvited notInvited(int n, NotInvitedReason reason) {
            return new RecordDrawnResidentNotInvited(CONVENTION, "p-" + n, reason, SENT_ON);
        }

        private DrawnResidentNotInvited loggedNotInvited(int n) {
            return new DrawnResidentNotInvited(CONVENTION, "p-" + n, ROLL, NotInvitedReason.DECEASED, SENT_ON);
        }

        @Test
        void theReasonIsLoggedWithTheListTheResidentWasDrawnFrom() {
            drawnFromTheRoll();
            fixture.given(opened(), sent(1))
                    .when(notInvited(2, NotInvitedReason.DECEASED))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(loggedNotInvited(2));
        }

        @Test
        void aResidentNoDrawDrewNeedsNoReason() {
            drawnFromTheRoll();
            expectRejected(fixture.given(opened()).when(notInvited(9, NotInvitedReason.MOVED_AWAY)), 422, "not-drawn");
        }

        @Test
        void anInvitedResidentCannotAlsoBeLoggedAsNotInvited() {
            drawnFromTheRoll();
            expectRejected(
                    fixture.given(opened(), sent(1)).when(notInvited(1, NotInvitedReason.DUPLICATE)),
                    409,
                    "resident-already-invited");
        }

        @Test
        void aResidentLoggedAsNotInvitedCannotBeInvitedAfterwards() {
            drawnFromTheRoll();
            expectRejected(
                    fixture.given(opened(), loggedNotInvited(2)).when(invite(invitee(2, ROLL))),
                    409,
                    "resident-not-invited");
        }

        @Test
        void theReasonIsLoggedOnce() {
            drawnFromTheRoll();
            expectRejected(
                    fixture.given(opened(), loggedNotInvited(2)).when(notInvited(2, NotInvitedReason.MOVED_AWAY)),
                    409,
                    "resident-not-invited");
        }

        @Test
        void aReasonIsRequired() {
            drawnFromTheRoll();
            expectRejected(fixture.given(opened()).when(notInvited(2, null)), 422, "reason-required");
        }

        @Test
        void theDateIsRequired() {
            drawnFromTheRoll();
            expectRejected(
                    fixture.given(opened())
                            .when(new RecordDrawnResidentNotInvited(
                                    CONVENTION, "p-2", NotInvitedReason.ADDRESS_UNKNOWN, null)),
                    422,
                    "recorded-on-required");
        }

        /** Once the answers are known, a drawn resident left out can no longer be given a reason after the fact. */
        @Test
        void noReasonIsLoggedOnceTheAnswersAreClosed() {
            drawnFromTheRoll();
            expectRejected(
                    fixture.given(opened(), sent(1), answered(1, Answer.NO_ANSWER), closed(1))
                            .when(notInvited(2, NotInvitedReason.DECEASED)),
                    409,
                    "answers-closed");
        }
    }

    @Nested
    class RemindingAnInvitee {

        @Test
        void aResidentWhoHasNotAnsweredIsReminded() {
            fixture.given(opened(), sent(1))
                    .when(new RemindInvitation(CONVENTION, "inv-1", REMINDED_ON))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new InvitationReminderSent(CONVENTION, "inv-1", REMINDED_ON));
        }

        @Test
        void aSecondReminderIsAllowed() {
            fixture.given(opened(), sent(1), new InvitationReminderSent(CONVENTION, "inv-1", REMINDED_ON))
                    .when(new RemindInvitation(CONVENTION, "inv-1", REMINDED_ON.plusDays(5)))
                    .expectEvents(new InvitationReminderSent(CONVENTION, "inv-1", REMINDED_ON.plusDays(5)));
        }

        @Test
        void anInvitationNeverSentIsNotFound() {
            expectRejected(
                    fixture.given(opened(), sent(1)).when(new RemindInvitation(CONVENTION, "inv-9", REMINDED_ON)),
                    404,
                    "unknown-invitation");
        }

        @Test
        void anAnsweredInvitationIsNotReminded() {
            expectRejected(
                    fixture.given(opened(), sent(1), answered(1, Answer.DECLINED))
                            .when(new RemindInvitation(CONVENTION, "inv-1", REMINDED_ON)),
                    409,
                    "invitation-already-answered");
        }

        @Test
        void nobodyIsRemindedOnceTheAnswersAreClosed() {
            expectRejected(
                    fixture.given(opened(), sent(1), answered(1, Answer.NO_ANSWER), closed(1))
                            .when(new RemindInvitation(CONVENTION, "inv-1", REMINDED_ON)),
                    409,
                    "answers-closed");
        }

        @Test
        void theReminderDateIsRequired() {
            expectRejected(
                    fixture.given(opened(), sent(1)).when(new RemindInvitation(CONVENTION, "inv-1", null)),
                    422,
                    "sent-on-required");
        }
    }

    // ---- answers ---------------------------------------------------------------------------------

    @Nested
    class RecordingAVolunteersFile {

        @Test
        void everyAnswerOfTheBatchIsRecordedInItsOrder() {
            fixture.given(opened(), sent(1), sent(2))
                    .when(new RecordInvitationAnswers(
                            CONVENTION,
                            List.of(
                                    accept(1, profile("f", "young")),
                                    new RecordInvitationAnswer(CONVENTION, "inv-2", Answer.DECLINED, ANSWERED_ON))))
                    .expectEvents(
                            answered(1, Answer.ACCEPTED), volunteer(1, "f", "young"), answered(2, Answer.DECLINED));
        }

        @Test
        void oneRefusedAnswerRecordsNoneOfTheBatch() {
            expectRejected(
                    fixture.given(opened(), sent(1), sent(2))
                            .when(new RecordInvitationAnswers(
                                    CONVENTION, List.of(accept(1, profile("f", "young")), accept(2, null)))),
                    422,
                    "profile-required");
            expectRejected(
                    fixture.given(opened(), sent(1))
                            .when(new RecordInvitationAnswers(
                                    CONVENTION,
                                    List.of(accept(1, profile("f", "young")), accept(9, profile("m", "old"))))),
                    404,
                    "unknown-invitation");
        }

        @Test
        void anInvitationAnsweredTwiceInTheBatchOrAnEmptyBatchIsRefused() {
            expectRejected(
                    fixture.given(opened(), sent(1))
                            .when(new RecordInvitationAnswers(
                                    CONVENTION,
                                    List.of(
                                            accept(1, profile("f", "young")),
                                            new RecordInvitationAnswer(
                                                    CONVENTION, "inv-1", Answer.DECLINED, ANSWERED_ON)))),
                    422,
                    "answer-twice");
            expectRejected(
                    fixture.given(opened(), sent(1)).when(new RecordInvitationAnswers(CONVENTION, List.of())),
                    422,
                    "answers-required");
        }
    }

    @Nested
    class RecordingAnAnswer {

        @Test
        void aVolunteerIsRegisteredWithProfilePreferenceAndSealedNeeds() {
            SealedPersonalData needs = new SealedPersonalData("p-1", "v1:childcare-on-saturdays");
            fixture.given(opened(), sent(1))
                    .when(new RecordInvitationAnswer(
                            CONVENTION, "inv-1", Answer.ACCEPTED, ANSWERED_ON, profile("f", "young"), SOCIAL, needs))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(
                            answered(1, Answer.ACCEPTED),
                            new VolunteerRegistered(CONVENTION, "inv-1", "p-1", profile("f", "young"), SOCIAL, needs));
        }

        /** ADR-003: the household as its pseudonym, which is all the panel selection needs. */
        @Test
        void aVolunteerGivesTheirHouseholdsPseudonym() {
            fixture.given(opened(), sent(1))
                    .when(withHousehold(1, HOUSEHOLD))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(
                            answered(1, Answer.ACCEPTED),
                            new VolunteerRegistered(
                                    CONVENTION, "inv-1", "p-1", profile("f", "young"), null, null, HOUSEHOLD));
        }

        @Test
        void aBlankHouseholdIsRefused() {
            expectRejected(fixture.given(opened(), sent(1)).when(withHousehold(1, " ")), 422, "household-blank");
        }

        /** An address sent as it is, or anything longer than a pseudonym, never reaches the log. */
        @Test
        void aHouseholdThatIsNotAPseudonymIsRefused() {
            expectRejected(
                    fixture.given(opened(), sent(1)).when(withHousehold(1, "12 rue Blatin, 63000 Clermont-Ferrand")),
                    422,
                    "household-not-pseudonym");
            expectRejected(
                    fixture.given(opened(), sent(1)).when(withHousehold(1, HOUSEHOLD + "0".repeat(500))),
                    422,
                    "household-not-pseudonym");
        }

        @Test
        void onlyAVolunteerGivesAHousehold() {
            expectRejected(
                    fixture.given(opened(), sent(1))
                            .when(new RecordInvitationAnswer(
                                    CONVENTION, "inv-1", Answer.DECLINED, ANSWERED_ON, null, null, null, HOUSEHOLD)),
                    422,
                    "profile-not-expected");
        }

        @Test
        void aVolunteerMayGiveNoPreferenceAndNoNeeds() {
            fixture.given(opened(), sent(1))
                    .when(accept(1, profile("f", "young")))
                    .expectEvents(answered(1, Answer.ACCEPTED), volunteer(1, "f", "young"));
        }

        @Test
        void aVolunteerWithoutProfileIsRefused() {
            expectRejected(fixture.given(opened(), sent(1)).when(accept(1, null)), 422, "profile-required");
        }

        @Test
        void anEmptyProfileIsRefused() {
            expectRejected(fixture.given(opened(), sent(1)).when(accept(1, Map.of())), 422, "profile-required");
        }

        @Test
        void aProfileCategoryWithoutValueIsRefused() {
            expectRejected(
                    fixture.given(opened(), sent(1)).when(accept(1, Map.of("gender", "f", "age", " "))),
                    422,
                    "profile-value");
        }

        @Test
        void aProfileValueWithoutCategoryIsRefused() {
            Map<String, String> profile = new HashMap<>();
            profile.put(null, "f");
            expectRejected(fixture.given(opened(), sent(1)).when(accept(1, profile)), 422, "profile-value");
        }

        @Test
        void needsSealedWithAnotherPersonsKeyAreRefused() {
            expectRejected(
                    fixture.given(opened(), sent(1))
                            .when(new RecordInvitationAnswer(
                                    CONVENTION,
                                    "inv-1",
                                    Answer.ACCEPTED,
                                    ANSWERED_ON,
                                    profile("f", "young"),
                                    null,
                                    new SealedPersonalData("p-2", "v1:x"))),
                    422,
                    "needs-sealing");
        }

        @Test
        void aRefusalIsRecordedWithoutVolunteer() {
            fixture.given(opened(), sent(1))
                    .when(new RecordInvitationAnswer(CONVENTION, "inv-1", Answer.DECLINED, ANSWERED_ON))
                    .expectEvents(answered(1, Answer.DECLINED));
        }

        @Test
        void aRefusalWithAProfileIsRefused() {
            expectRejected(
                    fixture.given(opened(), sent(1))
                            .when(new RecordInvitationAnswer(
                                    CONVENTION,
                                    "inv-1",
                                    Answer.DECLINED,
                                    ANSWERED_ON,
                                    profile("f", "young"),
                                    null,
                                    null)),
                    422,
                    "profile-not-expected");
        }

        @Test
        void aRefusalWithAPreferredTransitionIsRefused() {
            expectRejected(
                    fixture.given(opened(), sent(1))
                            .when(new RecordInvitationAnswer(
                                    CONVENTION, "inv-1", Answer.DECLINED, ANSWERED_ON, null, SOCIAL, null)),
                    422,
                    "profile-not-expected");
        }

        @Test
        void noAnswerWithSealedNeedsIsRefused() {
            expectRejected(
                    fixture.given(opened(), sent(1))
                            .when(new RecordInvitationAnswer(
                                    CONVENTION,
                                    "inv-1",
                                    Answer.NO_ANSWER,
                                    ANSWERED_ON,
                                    null,
                                    null,
                                    new SealedPersonalData("p-1", "v1:x"))),
                    422,
                    "profile-not-expected");
        }

        @Test
        void anInvitationIsAnsweredOnce() {
            expectRejected(
                    fixture.given(opened(), sent(1), answered(1, Answer.ACCEPTED), volunteer(1, "f", "young"))
                            .when(accept(1, profile("f", "old"))),
                    409,
                    "invitation-already-answered");
        }

        @Test
        void noAnswerIsRecordedOnceTheAnswersAreClosed() {
            expectRejected(
                    fixture.given(opened(), sent(1), answered(1, Answer.NO_ANSWER), closed(1))
                            .when(accept(1, profile("f", "young"))),
                    409,
                    "answers-closed");
        }

        @Test
        void theDateOfTheAnswerIsRequired() {
            expectRejected(
                    fixture.given(opened(), sent(1))
                            .when(new RecordInvitationAnswer(CONVENTION, "inv-1", Answer.DECLINED, null)),
                    422,
                    "answered-on-required");
        }
    }

    @Nested
    class ClosingTheAnswers {

        @Test
        void everyUnansweredInvitationIsRecordedAsNoAnswerInIdOrderThenTheAnswersClose() {
            fixture.given(
                            opened(),
                            sent(3),
                            sent(1),
                            sent(2),
                            sent(4),
                            answered(2, Answer.DECLINED),
                            selectionDefined(GENDER))
                    .when(new CloseInvitations(CONVENTION, DEADLINE))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(
                            new InvitationAnswered(CONVENTION, "inv-1", Answer.NO_ANSWER, DEADLINE),
                            new InvitationAnswered(CONVENTION, "inv-3", Answer.NO_ANSWER, DEADLINE),
                            new InvitationAnswered(CONVENTION, "inv-4", Answer.NO_ANSWER, DEADLINE),
                            new InvitationsClosed(CONVENTION, DEADLINE, 3));
        }

        @Test
        void whenEveryoneAnsweredOnlyTheClosingIsRecorded() {
            fixture.given(answers(selectionDefined(GENDER)))
                    .when(new CloseInvitations(CONVENTION, DEADLINE))
                    .expectEvents(closed(0));
        }

        @Test
        void theAnswersDoNotCloseBeforeThePanelSelectionIsDefined() {
            expectRejected(
                    fixture.given(answers()).when(new CloseInvitations(CONVENTION, DEADLINE)),
                    409,
                    "selection-not-defined");
        }

        @Test
        void theAnswersCloseOnce() {
            expectRejected(
                    fixture.given(pool()).when(new CloseInvitations(CONVENTION, DEADLINE)), 409, "answers-closed");
        }

        @Test
        void answersToNoInvitationDoNotClose() {
            expectRejected(
                    fixture.given(opened()).when(new CloseInvitations(CONVENTION, DEADLINE)), 422, "no-invitations");
        }

        @Test
        void theDeadlineIsRequired() {
            expectRejected(
                    fixture.given(answers()).when(new CloseInvitations(CONVENTION, null)), 422, "deadline-required");
        }
    }

    // ---- panel selection -------------------------------------------------------------------------

    @Nested
    class DefiningTheSelection {

        @Test
        void theQuotasAndTheSeedCommitmentAreLoggedTheCommitmentInLowerCase() {
            fixture.given(answers())
                    .when(define(2, GENDER, COMMITMENT.toUpperCase()))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(selectionDefined(GENDER));
        }

        @Test
        void aSelectionWithoutQuotasIsAllowed() {
            fixture.given(answers()).when(define(2, List.of(), COMMITMENT)).expectEvents(selectionDefined(List.of()));
        }

        @Test
        void theSelectionIsDefinedOnce() {
            expectRejected(
                    fixture.given(selectedPool(selectionDefined(GENDER))).when(define(3, GENDER, COMMITMENT)),
                    409,
                    "selection-defined");
        }

        @Test
        void theSelectionIsNamed() {
            expectRejected(
                    fixture.given(answers()).when(new DefinePanelSelection(CONVENTION, " ", 2, GENDER, COMMITMENT)),
                    422,
                    "selection-id-required");
        }

        @Test
        void aPanelHasAtLeastOneSeat() {
            expectRejected(fixture.given(answers()).when(define(0, GENDER, COMMITMENT)), 422, "panel-size");
        }

        @Test
        void missingQuotasAreRefused() {
            expectRejected(fixture.given(answers()).when(define(2, null, COMMITMENT)), 422, "quotas-required");
        }

        @Test
        void aQuotaWithoutCategoryIsRefused() {
            expectRejected(
                    fixture.given(answers()).when(define(2, List.of(new QuotaRange(" ", "f", 1, 1)), COMMITMENT)),
                    422,
                    "quota-names");
        }

        @Test
        void aQuotaWithoutValueIsRefused() {
            expectRejected(
                    fixture.given(answers()).when(define(2, List.of(new QuotaRange("gender", null, 1, 1)), COMMITMENT)),
                    422,
                    "quota-names");
        }

        @Test
        void aQuotaGivenTwiceIsRefused() {
            expectRejected(
                    fixture.given(answers())
                            .when(define(
                                    2,
                                    List.of(
                                            new QuotaRange("gender", "f", 1, 1),
                                            new QuotaRange("gender", "m", 1, 1),
                                            new QuotaRange("gender", "f", 0, 2)),
                                    COMMITMENT)),
                    422,
                    "duplicate-quota");
        }

        @Test
        void aMinimumAboveTheMaximumIsRefused() {
            expectRejected(
                    fixture.given(answers()).when(define(2, List.of(new QuotaRange("gender", "f", 2, 1)), COMMITMENT)),
                    422,
                    "quota-bounds");
        }

        @Test
        void aNegativeMinimumIsRefused() {
            expectRejected(
                    fixture.given(answers()).when(define(2, List.of(new QuotaRange("gender", "f", -1, 1)), COMMITMENT)),
                    422,
                    "quota-bounds");
        }

        @Test
        void aCommitmentThatIsNotASha256IsRefused() {
            expectRejected(fixture.given(answers()).when(define(2, GENDER, "not-a-hash")), 422, "seed-commitment");
        }

        @Test
        void theSelectionCannotBeDefinedOnceTheAnswersAreKnown() {
            expectRejected(fixture.given(pool()).when(define(2, GENDER, COMMITMENT)), 409, "answers-closed");
        }

        @Test
        void theSeedItselfIsNoCommitment() {
            expectRejected(fixture.given(answers()).when(define(2, GENDER, SEED)), 422, "seed-commitment");
        }
    }

    @Nested
    class ComputingTheLottery {

        @Test
        void theLeximinLotteryOverThePoolIsPublished() {
            fixture.given(selectedPool(selectionDefined(GENDER)))
                    .when(new ComputePanelLottery(CONVENTION))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(lottery(GENDER));
        }

        /** The event names the record by its hash, and the record is stored with the event (ADR-010). */
        @Test
        void thePanelsAreStoredAsTheRecordTheEventNames() {
            RECORDS.clear();
            fixture.given(selectedPool(selectionDefined(GENDER)))
                    .when(new ComputePanelLottery(CONVENTION))
                    .expectSuccessfulHandlerExecution();
            PanelLotteryComputed lottery = lottery(GENDER);
            assertThat(lottery.panels()).isEmpty();
            assertThat(lottery.panelRecord().encoding()).isEqualTo(LotteryRecord.ENCODING);
            verify(records)
                    .store(
                            eq(CONVENTION),
                            argThat(bytes -> LotteryRecord.sha256(bytes)
                                    .equals(lottery.panelRecord().sha256())));
        }

        @Test
        void eachWomanIsSelectedWithProbabilityOneThirdAndEachManOneHalf() {
            fixture.given(selectedPool(selectionDefined(GENDER)))
                    .when(new ComputePanelLottery(CONVENTION))
                    .expectEventsMatching(payloadsMatching(
                            exactSequenceOf(predicate(PanelTest::isTheFairGenderLottery), andNoMore())));
        }

        @Test
        void theLotteryIsComputedOnce() {
            expectRejected(
                    fixture.given(lotteryPublished(GENDER)).when(new ComputePanelLottery(CONVENTION)),
                    409,
                    "lottery-computed");
        }

        @Test
        void theSelectionIsDefinedFirst() {
            expectRejected(
                    fixture.given(pool()).when(new ComputePanelLottery(CONVENTION)), 409, "selection-not-defined");
        }

        /** A log from before the rule: the selection came after the answers were known, so no lottery. */
        @Test
        void aSelectionDefinedAfterTheAnswersClosedGetsNoLottery() {
            expectRejected(
                    fixture.given(pool(selectionDefined(GENDER))).when(new ComputePanelLottery(CONVENTION)),
                    409,
                    "selection-after-closure");
        }

        @Test
        void thePoolIsFinalOnlyOnceTheAnswersAreClosed() {
            expectRejected(
                    fixture.given(answers(selectionDefined(GENDER))).when(new ComputePanelLottery(CONVENTION)),
                    409,
                    "answers-open");
        }

        @Test
        void fewerVolunteersThanSeatsAreRefused() {
            expectRejected(
                    fixture.given(selectedPool(new PanelSelectionDefined(CONVENTION, SELECTION, 6, GENDER, COMMITMENT)))
                            .when(new ComputePanelLottery(CONVENTION)),
                    422,
                    "too-few-volunteers");
        }

        @Test
        void quotasThePoolCannotMeetAreRefusedNamingTheCategory() {
            List<QuotaRange> threeYoung = List.of(
                    new QuotaRange("gender", "f", 1, 2),
                    new QuotaRange("gender", "m", 0, 2),
                    new QuotaRange("age", "young", 3, 3),
                    new QuotaRange("age", "old", 0, 3));
            fixture.given(selectedPool(new PanelSelectionDefined(CONVENTION, SELECTION, 3, threeYoung, COMMITMENT)))
                    .when(new ComputePanelLottery(CONVENTION))
                    .expectException(ruleViolation(422, "infeasible-quotas"))
                    .expectExceptionMessage(
                            allOf(containsString("'age'"), containsString("'young'"), not(containsString("'gender'"))))
                    .expectNoEvents();
        }

        /** Both young volunteers are women, so the man cannot be young: each category alone is possible. */
        @Test
        void quotasThatConflictTogetherAreRefusedNamingBothCategories() {
            List<QuotaRange> youngOnly = List.of(
                    new QuotaRange("gender", "f", 1, 1),
                    new QuotaRange("gender", "m", 1, 1),
                    new QuotaRange("age", "young", 2, 2),
                    new QuotaRange("age", "old", 0, 0));
            fixture.given(selectedPool(selectionDefined(youngOnly)))
                    .when(new ComputePanelLottery(CONVENTION))
                    .expectException(ruleViolation(422, "infeasible-quotas"))
                    .expectExceptionMessage(allOf(containsString("'gender'"), containsString("'age'")))
                    .expectNoEvents();
        }

        @Test
        void aVolunteerWithoutAValueOfAQuotaCategoryIsRefused() {
            List<QuotaRange> byDistrict =
                    List.of(new QuotaRange("district", "north", 1, 1), new QuotaRange("district", "south", 1, 1));
            expectRejected(
                    fixture.given(selectedPool(selectionDefined(byDistrict))).when(new ComputePanelLottery(CONVENTION)),
                    422,
                    "volunteer-profiles");
        }
    }

    /** Probabilities add up to the panel size; 1/3 per woman, 1/2 per man; every panel is one woman, one man. */
    private static boolean isTheFairGenderLottery(PanelLotteryComputed lottery) {
        Map<String, String> gender = new HashMap<>();
        volunteers().forEach(v -> gender.put(v.personId(), v.profile().get("gender")));
        double sum = lottery.chances().stream()
                .mapToDouble(SelectionChance::probability)
                .sum();
        boolean fair = lottery.chances().stream()
                .allMatch(c ->
                        Math.abs(c.probability() - (gender.get(c.personId()).equals("f") ? 1.0 / 3 : 0.5)) < 1e-6);
        double panels = panelsOf(lottery).stream()
                .mapToDouble(LotteryPanel::probability)
                .sum();
        boolean quotasMet = panelsOf(lottery).stream()
                .allMatch(p -> p.personIds().size() == 2
                        && p.personIds().stream()
                                        .filter(id -> gender.get(id).equals("f"))
                                        .count()
                                == 1);
        return lottery.algorithm().equals("leximin-v5")
                && lottery.selectionId().equals(SELECTION)
                && lottery.chances().size() == 5
                && Math.abs(sum - 2) < 1e-6
                && fair
                && Math.abs(lottery.minProbability() - 1.0 / 3) < 1e-6
                && Math.abs(panels - 1) < 1e-6
                && quotasMet;
    }

    @Nested
    class DrawingThePanel {

        @Test
        void theRevealedSeedDrawsThePanelPanelDrawPicksAndOrdersTheReserve() {
            PanelDrawn expected = panelDrawFor(GENDER, volunteers());
            assertThat(expected.selected()).hasSize(2);
            assertThat(expected.reserve()).hasSize(3).doesNotContainAnyElementsOf(expected.selected());
            fixture.given(lotteryPublished(GENDER))
                    .when(new DrawPanel(CONVENTION, SEED, ENTROPY))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(expected)
                    .expectResultMessagePayload(expected);
        }

        @Test
        void theDrawnPanelIsOneOfThePublishedLotterysPanels() {
            PanelDrawn expected = panelDrawFor(GENDER, volunteers());
            assertThat(panelsOf(lottery(GENDER)).get(expected.panelIndex()).personIds())
                    .isEqualTo(expected.selected());
        }

        /** A log from before ADR-010 lists the panels in the event: the same lottery draws the same panel. */
        @Test
        void aLotteryLoggedWithItsPanelsInlineIsDrawnAsBefore() {
            PanelLotteryComputed compact = lottery(GENDER);
            PanelLotteryComputed inline = new PanelLotteryComputed(
                    CONVENTION,
                    SELECTION,
                    compact.algorithm(),
                    compact.minProbability(),
                    compact.chances(),
                    panelsOf(compact));
            RECORDS.clear();
            fixture.given(selectedPool(selectionDefined(GENDER), inline))
                    .when(new DrawPanel(CONVENTION, SEED, ENTROPY))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(panelDrawFor(GENDER, volunteers()));
        }

        @Test
        void aDrawRefusesALotteryWhoseRecordIsMissing() {
            List<Object> given = lotteryPublished(GENDER);
            RECORDS.clear();
            expectRejected(
                    fixture.given(given).when(new DrawPanel(CONVENTION, SEED, ENTROPY)), 409, "lottery-record-missing");
        }

        @Test
        void aDrawRefusesALotteryWhoseRecordWasAltered() {
            List<Object> given = lotteryPublished(GENDER);
            String sha256 = lottery(GENDER).panelRecord().sha256();
            byte[] altered = RECORDS.get(sha256).clone();
            altered[altered.length - 1] ^= 1;
            RECORDS.put(sha256, altered);
            expectRejected(
                    fixture.given(given).when(new DrawPanel(CONVENTION, SEED, ENTROPY)), 409, "lottery-record-altered");
        }

        @Test
        void aSeedNotMatchingTheCommitmentIsRefused() {
            expectRejected(
                    fixture.given(lotteryPublished(GENDER)).when(new DrawPanel(CONVENTION, SEED + ".", ENTROPY)),
                    422,
                    "seed-mismatch");
        }

        @Test
        void aBlankSeedIsRefused() {
            expectRejected(
                    fixture.given(lotteryPublished(GENDER)).when(new DrawPanel(CONVENTION, "", ENTROPY)),
                    422,
                    "seed-required");
        }

        @Test
        void anotherEntropyWithTheSameSeedDrawsAnotherReserveOrder() {
            String otherDice = "bailiff dice 2024-12-16: 2 5 5 1 6";
            PanelDrawn expected = panelDrawFor(GENDER, volunteers(), otherDice);
            PanelDrawn withEntropy = panelDrawFor(GENDER, volunteers());
            assertThat(List.of(expected.panelIndex(), expected.reserve()))
                    .isNotEqualTo(List.of(withEntropy.panelIndex(), withEntropy.reserve()));
            fixture.given(lotteryPublished(GENDER))
                    .when(new DrawPanel(CONVENTION, SEED, otherDice))
                    .expectEvents(expected);
        }

        @Test
        void aBlankPublicEntropyIsRefused() {
            expectRejected(
                    fixture.given(lotteryPublished(GENDER)).when(new DrawPanel(CONVENTION, SEED, "  ")),
                    422,
                    "public-entropy-required");
        }

        @Test
        void aMissingPublicEntropyIsRefused() {
            expectRejected(
                    fixture.given(lotteryPublished(GENDER)).when(new DrawPanel(CONVENTION, SEED, null)),
                    422,
                    "public-entropy-required");
        }

        @Test
        void aPublicEntropyLongerThan200CharactersIsRefused() {
            expectRejected(
                    fixture.given(lotteryPublished(GENDER)).when(new DrawPanel(CONVENTION, SEED, "3".repeat(201))),
                    422,
                    "public-entropy-required");
        }

        @Test
        void thePublicEntropyIsRequiredBeforeTheSeedIsCheckedAgainstTheCommitment() {
            expectRejected(
                    fixture.given(lotteryPublished(GENDER)).when(new DrawPanel(CONVENTION, SEED + ".", "")),
                    422,
                    "public-entropy-required");
        }

        @Test
        void aBlankSeedIsReportedBeforeAMissingEntropy() {
            expectRejected(
                    fixture.given(lotteryPublished(GENDER)).when(new DrawPanel(CONVENTION, " ", null)),
                    422,
                    "seed-required");
        }

        @Test
        void theLotteryIsPublishedFirst() {
            expectRejected(
                    fixture.given(selectedPool(selectionDefined(GENDER)))
                            .when(new DrawPanel(CONVENTION, SEED, ENTROPY)),
                    409,
                    "lottery-not-computed");
        }

        @Test
        void theSelectionIsDefinedFirst() {
            expectRejected(
                    fixture.given(pool()).when(new DrawPanel(CONVENTION, SEED, ENTROPY)), 409, "selection-not-defined");
        }

        @Test
        void aSelectionDefinedAfterTheAnswersClosedIsNotDrawn() {
            expectRejected(
                    fixture.given(pool(selectionDefined(GENDER), lottery(GENDER)))
                            .when(new DrawPanel(CONVENTION, SEED, ENTROPY)),
                    409,
                    "selection-after-closure");
        }

        @Test
        void thePanelIsDrawnOnce() {
            expectRejected(
                    fixture.given(lotteryPublished(GENDER, panelDrawFor(GENDER, volunteers())))
                            .when(new DrawPanel(CONVENTION, SEED, ENTROPY)),
                    409,
                    "panel-drawn");
        }
    }

    // ---- capacities and contracts ----------------------------------------------------------------

    @Nested
    class SettingCapacities {

        @Test
        void eachAssemblyGetsItsSeats() {
            fixture.given(opened())
                    .when(capacities(Map.of(ECOLOGICAL, 24, SOCIAL, 24)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new AssemblyCapacitiesSet(CONVENTION, Map.of(ECOLOGICAL, 24, SOCIAL, 24)));
        }

        @Test
        void capacitiesMayBeChangedDownToTheSittingMembers() {
            fixture.given(seatedPanel(new AssemblyCapacitiesSet(CONVENTION, Map.of(SOCIAL, 24))))
                    .when(capacities(Map.of(SOCIAL, 1)))
                    .expectEvents(new AssemblyCapacitiesSet(CONVENTION, Map.of(SOCIAL, 1)));
        }

        @Test
        void anAssemblyTheConventionDoesNotHoldIsRefused() {
            expectRejected(
                    fixture.given(opened()).when(capacities(Map.of(SOCIAL, 24, DEMOCRATIC, 22))),
                    422,
                    "unknown-assembly");
        }

        @Test
        void anAssemblyWithoutSeatsIsRefused() {
            expectRejected(fixture.given(opened()).when(capacities(Map.of(SOCIAL, 0))), 422, "capacity");
        }

        @Test
        void noCapacityIsRefused() {
            expectRejected(fixture.given(opened()).when(capacities(Map.of())), 422, "capacities-required");
        }

        @Test
        void fewerSeatsThanSittingMembersAreRefused() {
            expectRejected(
                    fixture.given(panelDrawn(seated("mem-1", 1, SOCIAL), seated("mem-2", 2, SOCIAL)))
                            .when(capacities(Map.of(SOCIAL, 1))),
                    422,
                    "capacity-below-members");
        }

        @Test
        void membersWhoLeftDoNotCountAgainstTheSeats() {
            fixture.given(panelDrawn(seated("mem-1", 1, SOCIAL), seated("mem-2", 2, SOCIAL), withdrew("mem-2")))
                    .when(capacities(Map.of(SOCIAL, 1)))
                    .expectEvents(new AssemblyCapacitiesSet(CONVENTION, Map.of(SOCIAL, 1)));
        }
    }

    @Nested
    class AdoptingAContract {

        @Test
        void aContractVersionIsAdoptedWithItsAbsenceRule() {
            fixture.given(opened())
                    .when(new AdoptEngagementContract(CONVENTION, CONTRACT, 2, ADOPTED_ON))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(contract(CONTRACT, 2));
        }

        @Test
        void aContractMayAllowNoUnexcusedAbsence() {
            fixture.given(opened(), contract(CONTRACT, 2))
                    .when(new AdoptEngagementContract(CONVENTION, "contract-v3", 0, ADOPTED_ON))
                    .expectEvents(contract("contract-v3", 0));
        }

        @Test
        void aVersionIsAdoptedOnce() {
            expectRejected(
                    fixture.given(opened(), contract(CONTRACT, 2))
                            .when(new AdoptEngagementContract(CONVENTION, CONTRACT, 3, ADOPTED_ON)),
                    409,
                    "contract-exists");
        }

        @Test
        void negativeAllowedAbsencesAreRefused() {
            expectRejected(
                    fixture.given(opened()).when(new AdoptEngagementContract(CONVENTION, CONTRACT, -1, ADOPTED_ON)),
                    422,
                    "absence-rule");
        }

        @Test
        void theVersionIsNamed() {
            expectRejected(
                    fixture.given(opened()).when(new AdoptEngagementContract(CONVENTION, " ", 2, ADOPTED_ON)),
                    422,
                    "version-required");
        }

        @Test
        void theAdoptionDateIsRequired() {
            expectRejected(
                    fixture.given(opened()).when(new AdoptEngagementContract(CONVENTION, CONTRACT, 2, null)),
                    422,
                    "adopted-on-required");
        }
    }

    // ---- seating ---------------------------------------------------------------------------------

    @Nested
    class SeatingAMember {

        @Test
        void aVolunteerOnTheDrawnPanelTakesASeatUnderAnAdoptedContract() {
            fixture.given(panelDrawn())
                    .when(seat("mem-1", 1, SOCIAL))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(seated("mem-1", 1, SOCIAL));
        }

        @Test
        void theLastFreeSeatOfAnAssemblyIsTaken() {
            fixture.given(panelDrawn(
                            new AssemblyCapacitiesSet(CONVENTION, Map.of(SOCIAL, 2)), seated("mem-2", 2, SOCIAL)))
                    .when(seat("mem-1", 1, SOCIAL))
                    .expectEvents(seated("mem-1", 1, SOCIAL));
        }

        @Test
        void anInvitationNeverSentIsNotFound() {
            expectRejected(fixture.given(panelDrawn()).when(seat("mem-1", 9, SOCIAL)), 404, "unknown-invitation");
        }

        @Test
        void aResidentWhoHasNotAnsweredCannotBeSeated() {
            expectRejected(
                    fixture.given(opened(), sent(1), contract(CONTRACT, 2)).when(seat("mem-1", 1, SOCIAL)),
                    409,
                    "invitation-not-accepted");
        }

        @Test
        void aResidentWhoDeclinedCannotBeSeated() {
            expectRejected(fixture.given(panelDrawn()).when(seat("mem-6", 6, SOCIAL)), 409, "invitation-not-accepted");
        }

        @Test
        void aResidentWhoLetTheDeadlinePassCannotBeSeated() {
            expectRejected(
                    fixture.given(opened(), sent(1), answered(1, Answer.NO_ANSWER), closed(1), contract(CONTRACT, 2))
                            .when(seat("mem-1", 1, SOCIAL)),
                    409,
                    "invitation-not-accepted");
        }

        @Test
        void nobodyIsSeatedBeforeThePanelIsDrawn() {
            expectRejected(
                    fixture.given(lotteryPublished(GENDER, contract(CONTRACT, 2)))
                            .when(seat("mem-1", 1, SOCIAL)),
                    409,
                    "panel-not-drawn");
        }

        @Test
        void aVolunteerInTheReserveIsNotSeated() {
            expectRejected(fixture.given(panelDrawn()).when(seat("mem-3", 3, SOCIAL)), 409, "not-selected");
        }

        @Test
        void aVolunteerIsSeatedOnlyOnce() {
            expectRejected(
                    fixture.given(panelDrawn(seated("mem-1", 1, SOCIAL))).when(seat("mem-9", 1, ECOLOGICAL)),
                    409,
                    "already-seated");
        }

        @Test
        void aMemberWhoLeftIsNotSeatedAgain() {
            expectRejected(
                    fixture.given(panelDrawn(seated("mem-1", 1, SOCIAL), withdrew("mem-1")))
                            .when(seat("mem-9", 1, SOCIAL)),
                    409,
                    "already-seated");
        }

        @Test
        void aMemberIdAlreadySeatedIsRefused() {
            expectRejected(
                    fixture.given(panelDrawn(seated("mem-1", 1, SOCIAL))).when(seat("mem-1", 2, SOCIAL)),
                    409,
                    "member-exists");
        }

        @Test
        void aContractVersionNeverAdoptedIsRefused() {
            expectRejected(
                    fixture.given(panelDrawn())
                            .when(new SeatMember(CONVENTION, "mem-1", "inv-1", SOCIAL, "contract-v9", SEATED_ON)),
                    422,
                    "unknown-contract");
        }

        @Test
        void theSignedContractVersionIsRequired() {
            expectRejected(
                    fixture.given(panelDrawn())
                            .when(new SeatMember(CONVENTION, "mem-1", "inv-1", SOCIAL, " ", SEATED_ON)),
                    422,
                    "contract-version-required");
        }

        @Test
        void aFullAssemblyTakesNoMoreMembers() {
            expectRejected(
                    fixture.given(panelDrawn(
                                    new AssemblyCapacitiesSet(CONVENTION, Map.of(SOCIAL, 1, ECOLOGICAL, 1)),
                                    seated("mem-2", 2, SOCIAL)))
                            .when(seat("mem-1", 1, SOCIAL)),
                    409,
                    "assembly-full");
        }

        @Test
        void anotherAssemblyMayStillHaveSeats() {
            fixture.given(panelDrawn(
                            new AssemblyCapacitiesSet(CONVENTION, Map.of(SOCIAL, 1, ECOLOGICAL, 1)),
                            seated("mem-2", 2, SOCIAL)))
                    .when(seat("mem-1", 1, ECOLOGICAL))
                    .expectEvents(seated("mem-1", 1, ECOLOGICAL));
        }

        @Test
        void aSeatFreedByAMemberWhoLeftIsTakenAgain() {
            fixture.given(panelDrawn(
                            new AssemblyCapacitiesSet(CONVENTION, Map.of(SOCIAL, 1)),
                            seated("mem-2", 2, SOCIAL),
                            withdrew("mem-2")))
                    .when(seat("mem-1", 1, SOCIAL))
                    .expectEvents(seated("mem-1", 1, SOCIAL));
        }

        @Test
        void anAssemblyTheConventionDoesNotHoldIsRefused() {
            expectRejected(fixture.given(panelDrawn()).when(seat("mem-1", 1, DEMOCRATIC)), 422, "unknown-assembly");
        }

        @Test
        void aMissingAssemblyIsRefused() {
            expectRejected(fixture.given(panelDrawn()).when(seat("mem-1", 1, null)), 422, "unknown-assembly");
        }

        @Test
        void theSeatingDateIsRequired() {
            expectRejected(
                    fixture.given(panelDrawn())
                            .when(new SeatMember(CONVENTION, "mem-1", "inv-1", SOCIAL, CONTRACT, null)),
                    422,
                    "seated-on-required");
        }
    }

    // ---- members leaving -------------------------------------------------------------------------

    @Nested
    class WithdrawingAMember {

        @Test
        void aMemberWithdrawsForACoarseReason() {
            fixture.given(seatedPanel())
                    .when(new WithdrawMember(CONVENTION, "mem-1", WithdrawalReason.MOVED_AWAY, LEFT_ON))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(withdrew("mem-1"));
        }

        @Test
        void anUnknownMemberIsNotFound() {
            expectRejected(
                    fixture.given(seatedPanel())
                            .when(new WithdrawMember(CONVENTION, "mem-9", WithdrawalReason.PERSONAL, LEFT_ON)),
                    404,
                    "unknown-member");
        }

        @Test
        void aMemberWhoWithdrewDoesNotWithdrawAgain() {
            expectRejected(
                    fixture.given(seatedPanel(withdrew("mem-1")))
                            .when(new WithdrawMember(CONVENTION, "mem-1", WithdrawalReason.PERSONAL, LEFT_ON)),
                    409,
                    "member-left");
        }

        @Test
        void aMemberWhoLostMembershipDoesNotWithdraw() {
            expectRejected(
                    fixture.given(seatedPanel(new MembershipLost(CONVENTION, "mem-1", 3, 2, CONTRACT, LEFT_ON)))
                            .when(new WithdrawMember(CONVENTION, "mem-1", WithdrawalReason.PERSONAL, LEFT_ON)),
                    409,
                    "member-left");
        }

        @Test
        void theReasonIsRequired() {
            expectRejected(
                    fixture.given(seatedPanel()).when(new WithdrawMember(CONVENTION, "mem-1", null, LEFT_ON)),
                    422,
                    "reason-required");
        }

        @Test
        void theDateIsRequired() {
            expectRejected(
                    fixture.given(seatedPanel())
                            .when(new WithdrawMember(CONVENTION, "mem-1", WithdrawalReason.OTHER, null)),
                    422,
                    "withdrew-on-required");
        }
    }

    @Nested
    class ApplyingTheAbsenceRule {

        @Test
        void beyondTheAllowedAbsencesMembershipIsLost() {
            when(attendance.unexcusedAbsences(CONVENTION, "mem-1")).thenReturn(3);
            fixture.given(seatedPanel())
                    .when(new ApplyAbsenceRule(CONVENTION, "mem-1", LEFT_ON))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new MembershipLost(CONVENTION, "mem-1", 3, 2, CONTRACT, LEFT_ON));
        }

        @Test
        void theAllowedAbsencesAreNotEnough() {
            when(attendance.unexcusedAbsences(CONVENTION, "mem-1")).thenReturn(2);
            expectRejected(
                    fixture.given(seatedPanel()).when(new ApplyAbsenceRule(CONVENTION, "mem-1", LEFT_ON)),
                    409,
                    "absence-rule-not-met");
        }

        @Test
        void theRuleIsTheOneOfTheContractTheMemberSigned() {
            when(attendance.unexcusedAbsences(CONVENTION, "mem-1")).thenReturn(1);
            fixture.given(panelDrawn(
                            contract("contract-v3", 0),
                            new MemberSeated(CONVENTION, "mem-1", "inv-1", SOCIAL, "contract-v3", SEATED_ON)))
                    .when(new ApplyAbsenceRule(CONVENTION, "mem-1", LEFT_ON))
                    .expectEvents(new MembershipLost(CONVENTION, "mem-1", 1, 0, "contract-v3", LEFT_ON));
        }

        @Test
        void anUnknownMemberIsNotFound() {
            expectRejected(
                    fixture.given(seatedPanel()).when(new ApplyAbsenceRule(CONVENTION, "mem-9", LEFT_ON)),
                    404,
                    "unknown-member");
        }

        @Test
        void aMemberWhoLeftIsNotStruckOff() {
            when(attendance.unexcusedAbsences(CONVENTION, "mem-1")).thenReturn(5);
            expectRejected(
                    fixture.given(seatedPanel(withdrew("mem-1")))
                            .when(new ApplyAbsenceRule(CONVENTION, "mem-1", LEFT_ON)),
                    409,
                    "member-left");
        }

        @Test
        void theDateIsRequired() {
            when(attendance.unexcusedAbsences(CONVENTION, "mem-1")).thenReturn(3);
            expectRejected(
                    fixture.given(seatedPanel()).when(new ApplyAbsenceRule(CONVENTION, "mem-1", null)),
                    422,
                    "applied-on-required");
        }

        /** Seated before engagement contracts were logged: there is no absence rule to apply. */
        @Test
        void aMemberSeatedUnderAContractTheLogDoesNotHoldHasNoAbsenceRule() {
            when(attendance.unexcusedAbsences(CONVENTION, "mem-1")).thenReturn(3);
            expectRejected(
                    fixture.given(opened(), sent(1), answered(1, Answer.ACCEPTED), seated("mem-1", 1, SOCIAL))
                            .when(new ApplyAbsenceRule(CONVENTION, "mem-1", LEFT_ON)),
                    409,
                    "contract-not-adopted");
        }
    }

    // ---- replacements ----------------------------------------------------------------------------

    @Nested
    class CallingAReplacement {

        /** p-1 (f) left: p-4, first in the reserve, is a man and would make two; p-3 keeps one of each. */
        @Test
        void theFirstReserveVolunteerKeepingTheQuotasIsCalled() {
            fixture.given(seatedPanel(withdrew("mem-1")))
                    .when(new CallReplacement(CONVENTION, "mem-1"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(replacement("mem-1", 3))
                    .expectResultMessagePayload(replacement("mem-1", 3));
        }

        @Test
        void aManIsReplacedByTheFirstManOfTheReserve() {
            fixture.given(seatedPanel(new MembershipLost(CONVENTION, "mem-2", 3, 2, CONTRACT, LEFT_ON)))
                    .when(new CallReplacement(CONVENTION, "mem-2"))
                    .expectEvents(replacement("mem-2", 4));
        }

        /**
         * Gender and age: p-1 (f, young) left and the panel needs a young member. p-3 (f, old) keeps every
         * maximum but not the minimum of young members; p-5 (f, young), further in the reserve, keeps all.
         */
        @Test
        void aVolunteerMeetingEveryQuotaIsPreferredToAnEarlierOneOnlyWithinTheMaximums() {
            fixture.given(seatedPanel(GENDER_AND_AGE, withdrew("mem-1")))
                    .when(new CallReplacement(CONVENTION, "mem-1"))
                    .expectEvents(replacement("mem-1", 5));
        }

        /** p-5 replaced p-1 and left in turn: of p-4 (m) and p-3 (f, old), only p-3 keeps the maximums. */
        @Test
        void withoutAVolunteerMeetingEveryQuotaTheFirstWithinTheMaximumsIsCalled() {
            fixture.given(seatedPanel(
                            GENDER_AND_AGE,
                            withdrew("mem-1"),
                            replacement("mem-1", 5),
                            seated("mem-5", 5, SOCIAL),
                            withdrew("mem-5")))
                    .when(new CallReplacement(CONVENTION, "mem-5"))
                    .expectEvents(replacement("mem-5", 3));
        }

        @Test
        void theReplacementIsSeatedInTheSeatTheMemberLeft() {
            fixture.given(seatedPanel(
                            new AssemblyCapacitiesSet(CONVENTION, Map.of(SOCIAL, 1, ECOLOGICAL, 1)),
                            withdrew("mem-1"),
                            replacement("mem-1", 3)))
                    .when(seat("mem-3", 3, SOCIAL))
                    .expectEvents(seated("mem-3", 3, SOCIAL));
        }

        @Test
        void aMemberWhoStillSitsIsNotReplaced() {
            expectRejected(
                    fixture.given(seatedPanel()).when(new CallReplacement(CONVENTION, "mem-1")), 409, "member-active");
        }

        @Test
        void aMemberIsReplacedOnce() {
            expectRejected(
                    fixture.given(seatedPanel(withdrew("mem-1"), replacement("mem-1", 3)))
                            .when(new CallReplacement(CONVENTION, "mem-1")),
                    409,
                    "already-replaced");
        }

        @Test
        void anUnknownMemberIsNotFound() {
            expectRejected(
                    fixture.given(seatedPanel()).when(new CallReplacement(CONVENTION, "mem-9")), 404, "unknown-member");
        }

        /** p-3 keeps the quotas but shares a household with p-2, who still sits: p-5 is called instead. */
        @Test
        void aReserveVolunteerOfASeatedMembersHouseholdIsSkipped() {
            fixture.given(oneHousehold(seatedPanel(withdrew("mem-1")), HOUSEHOLD, 2, 3))
                    .when(new CallReplacement(CONVENTION, "mem-1"))
                    .expectEvents(replacement("mem-1", 5));
        }

        /**
         * p-2 was drawn but is not seated yet: their place on the panel is theirs, so is their household. The
         * quotas count the seated only (nobody once p-1 left): p-4, first in the reserve, keeps every maximum
         * but is of p-2's household, so p-3, next, is called.
         */
        @Test
        void aReserveVolunteerOfTheHouseholdOfSomeoneDrawnButNotSeatedIsSkipped() {
            fixture.given(oneHousehold(panelDrawn(seated("mem-1", 1, SOCIAL), withdrew("mem-1")), HOUSEHOLD, 2, 4))
                    .when(new CallReplacement(CONVENTION, "mem-1"))
                    .expectEvents(replacement("mem-1", 3));
        }

        /** The leaver's household is no longer on the panel: p-3, of p-1's household, replaces p-1. */
        @Test
        void theLeaversHousemateMayReplaceThem() {
            fixture.given(oneHousehold(seatedPanel(withdrew("mem-1")), HOUSEHOLD, 1, 3))
                    .when(new CallReplacement(CONVENTION, "mem-1"))
                    .expectEvents(replacement("mem-1", 3));
        }

        /** p-2 (m) left; p-4, the only man of the reserve, is of p-1's household, and p-1 sits. */
        @Test
        void whenOnlyHousematesOfTheSeatedKeepTheQuotasTheReserveIsExhausted() {
            expectRejected(
                    fixture.given(oneHousehold(seatedPanel(withdrew("mem-2")), HOUSEHOLD, 1, 4))
                            .when(new CallReplacement(CONVENTION, "mem-2")),
                    409,
                    "reserve-exhausted");
        }

        /** A log written before replacements heeded households called p-3, of sitting p-2's household. */
        @Test
        void aVolunteerIsNotSeatedBesideAMemberOfTheirHousehold() {
            expectRejected(
                    fixture.given(oneHousehold(
                                    seatedPanel(withdrew("mem-1"), replacement("mem-1", 3)), HOUSEHOLD, 2, 3))
                            .when(seat("mem-3", 3, SOCIAL)),
                    409,
                    "household-seated");
        }

        /** p-2 (m) left and p-4, the only man of the reserve, replaced him and left too: only women remain. */
        @Test
        void whenNoReserveVolunteerKeepsTheQuotasTheReserveIsExhausted() {
            expectRejected(
                    fixture.given(seatedPanel(
                                    withdrew("mem-2"),
                                    replacement("mem-2", 4),
                                    seated("mem-4", 4, ECOLOGICAL),
                                    withdrew("mem-4")))
                            .when(new CallReplacement(CONVENTION, "mem-4")),
                    409,
                    "reserve-exhausted");
        }
    }

    // ---- the whole recruitment, by commands ---------------------------------------------------------

    @Test
    void fromTheInvitationsToTheFirstSeatCommandByCommand() {
        drawnFromTheRoll();
        when(recruitment.drawnFrom(CONVENTION, "p-0")).thenReturn(Optional.of(ROLL)); // never answers
        PanelDrawn expected = panelDrawFor(GENDER, volunteers());
        String first = expected.selected().get(0);
        int invitation = Integer.parseInt(first.substring("p-".length()));
        List<Object> commands = new ArrayList<>();
        commands.add(invite(
                invitee(1, ROLL),
                invitee(2, ROLL),
                invitee(3, null),
                invitee(4, ROLL),
                invitee(5, ROLL),
                invitee(6, ROLL),
                invitee(0, ROLL)));
        for (VolunteerRegistered volunteer : volunteers()) {
            commands.add(new RecordInvitationAnswer(
                    CONVENTION,
                    volunteer.invitationId(),
                    Answer.ACCEPTED,
                    ANSWERED_ON,
                    volunteer.profile(),
                    null,
                    null));
        }
        commands.add(new RecordInvitationAnswer(CONVENTION, "inv-6", Answer.DECLINED, ANSWERED_ON));
        commands.add(define(2, GENDER, COMMITMENT));
        commands.add(new CloseInvitations(CONVENTION, DEADLINE));
        commands.add(new ComputePanelLottery(CONVENTION));
        commands.add(new DrawPanel(CONVENTION, SEED, ENTROPY));
        commands.add(new AdoptEngagementContract(CONVENTION, CONTRACT, 2, ADOPTED_ON));
        commands.add(capacities(Map.of(SOCIAL, 1, ECOLOGICAL, 1)));
        fixture.given(opened())
                .andGivenCommands(commands)
                .when(seat("mem-1", invitation, SOCIAL))
                .expectSuccessfulHandlerExecution()
                .expectEvents(seated("mem-1", invitation, SOCIAL));
    }
}
