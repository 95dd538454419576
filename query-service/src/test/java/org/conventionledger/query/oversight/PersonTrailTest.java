package org.conventionledger.query.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.conventionledger.query.oversight.TrailFixture.JSON;
import static org.conventionledger.query.oversight.TrailFixture.SERIALIZER;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.conventionledger.events.Transition;
import org.conventionledger.events.deliberation.JudgmentCast;
import org.conventionledger.events.organisation.AttendanceRecorded;
import org.conventionledger.events.organisation.ExpenseApproved;
import org.conventionledger.events.organisation.ExpenseClaimed;
import org.conventionledger.events.organisation.ExpenseKind;
import org.conventionledger.events.organisation.IndemnitiesPaid;
import org.conventionledger.events.organisation.Presence;
import org.conventionledger.events.organisation.SessionClosed;
import org.conventionledger.events.organisation.SessionKind;
import org.conventionledger.events.organisation.SessionScheduled;
import org.conventionledger.events.oversight.PersonalDataErased;
import org.conventionledger.events.oversight.PersonalDataRead;
import org.conventionledger.events.privacy.SealedPersonalData;
import org.conventionledger.events.recruitment.Answer;
import org.conventionledger.events.recruitment.DrawnResident;
import org.conventionledger.events.recruitment.FrozenList;
import org.conventionledger.events.recruitment.InvitationAnswered;
import org.conventionledger.events.recruitment.InvitationReminderSent;
import org.conventionledger.events.recruitment.InvitationSent;
import org.conventionledger.events.recruitment.ListedResident;
import org.conventionledger.events.recruitment.LotteryPanel;
import org.conventionledger.events.recruitment.MemberSeated;
import org.conventionledger.events.recruitment.MemberWithdrew;
import org.conventionledger.events.recruitment.PanelDrawn;
import org.conventionledger.events.recruitment.PanelLotteryComputed;
import org.conventionledger.events.recruitment.ReplacementCalled;
import org.conventionledger.events.recruitment.ResidentsDrawn;
import org.conventionledger.events.recruitment.ResidentsListed;
import org.conventionledger.events.recruitment.SelectionChance;
import org.conventionledger.events.recruitment.SourceListRegistered;
import org.conventionledger.events.recruitment.VolunteerRegistered;
import org.conventionledger.events.recruitment.WithdrawalReason;
import org.conventionledger.query.oversight.PersonTrail.Panel;
import org.conventionledger.query.oversight.PersonTrail.Status;
import org.conventionledger.query.platform.EventLog;
import org.conventionledger.query.platform.ReadStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.web.ErrorResponseException;

/**
 * "What happened to this pseudonym": a convention's recruitment and first session fed to the real trail
 * projection, read back through {@link PersonTrailController}: the summary of each person's way through
 * the draw and only the events concerning them, in log order, without sealed data.
 */
class PersonTrailTest {

    private static final Map<String, String> ORGANISER = Map.of("actorId", "organiser", "actorRole", "ORGANISER");
    private static final String C = "conv-clermont";
    private static final String OTHER = "conv-lyon";
    private static final LocalDate DAY = LocalDate.of(2021, 9, 1);
    private static final String CIPHER = "v1:CIPHER-";

    private ReadStore store;
    private AuditTrailProjection projection;
    private PersonTrailController controller;
    private EventLog log;

    @BeforeEach
    void start() {
        store = ReadStore.start();
        projection = new AuditTrailProjection(store.mongo(), JSON, SERIALIZER);
        controller = new PersonTrailController(store.mongo());
        log = EventLog.jdbc();
        recruitmentAndAFirstSession();
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private long append(Object payload) {
        TrackedEventMessage<?> message = log.append(payload, ORGANISER);
        projection.on(message, message.trackingToken());
        return log.delivered().size();
    }

    private static SealedPersonalData sealed(String personId) {
        return new SealedPersonalData(personId, CIPHER + personId);
    }

    private static ResidentsListed listed(String convention, String list, String... people) {
        return new ResidentsListed(
                convention,
                list,
                1,
                java.util.Arrays.stream(people)
                        .map(p -> new ListedResident(p, sealed(p)))
                        .toList());
    }

    /** p-a is seated and stays; p-b declines and is erased; p-c is seated and withdraws; p-d replaces p-c. */
    private void recruitmentAndAFirstSession() {
        append(new SourceListRegistered(C, "roll", "Electoral roll", "electoral-roll"));
        append(new SourceListRegistered(C, "tenants", "Tenants", "social-landlord"));
        append(listed(C, "roll", "p-a", "p-b", "p-c", "p-d"));
        append(listed(C, "tenants", "p-a", "p-e"));
        append(listed(OTHER, "roll", "p-z"));
        append(new ResidentsDrawn(
                C,
                "draw-1",
                "seed",
                "dice",
                "dice at the draw",
                "v1",
                List.of(new FrozenList("roll", 4, "f1"), new FrozenList("tenants", 2, "f2")),
                List.of(
                        new DrawnResident("p-a", "roll"), new DrawnResident("p-b", "roll"),
                        new DrawnResident("p-c", "roll"), new DrawnResident("p-d", "roll"))));
        for (String p : List.of("a", "b", "c", "d")) {
            append(new InvitationSent(C, "letter-" + p, "p-" + p, "roll", DAY));
        }
        // another convention numbers its letters alike: its letter-a is not p-a's
        append(new InvitationSent(OTHER, "letter-a", "p-z", "roll", DAY));
        append(new InvitationAnswered(OTHER, "letter-a", Answer.DECLINED, DAY.plusDays(3)));
        append(new InvitationReminderSent(C, "letter-a", DAY.plusDays(7)));
        append(new InvitationAnswered(C, "letter-a", Answer.ACCEPTED, DAY.plusDays(9)));
        append(new InvitationAnswered(C, "letter-b", Answer.DECLINED, DAY.plusDays(9)));
        append(new InvitationAnswered(C, "letter-c", Answer.ACCEPTED, DAY.plusDays(9)));
        append(new InvitationAnswered(C, "letter-d", Answer.ACCEPTED, DAY.plusDays(9)));
        append(new VolunteerRegistered(
                C, "letter-a", "p-a", Map.of("gender", "F", "age", "30-44"), Transition.SOCIAL, sealed("p-a")));
        append(new VolunteerRegistered(C, "letter-c", "p-c", Map.of("gender", "M", "age", "45-59"), null, null));
        append(new VolunteerRegistered(C, "letter-d", "p-d", Map.of("gender", "M", "age", "45-59"), null, null));
        append(new PanelLotteryComputed(
                C,
                "sel",
                "leximin-v1",
                0.625,
                List.of(
                        new SelectionChance("p-a", "letter-a", 1.0),
                        new SelectionChance("p-c", "letter-c", 0.625),
                        new SelectionChance("p-d", "letter-d", 0.375)),
                List.of(
                        new LotteryPanel(0.625, List.of("p-a", "p-c")),
                        new LotteryPanel(0.375, List.of("p-a", "p-d")))));
        append(new PanelDrawn(C, "sel", "seed", "dice", 0, List.of("p-a", "p-c"), List.of("p-d")));
        append(new MemberSeated(C, "m-a", "letter-a", Transition.SOCIAL, "v1", DAY.plusDays(20)));
        append(new MemberSeated(C, "m-c", "letter-c", Transition.SOCIAL, "v1", DAY.plusDays(20)));
        append(new SessionScheduled(C, "s-1", 1, SessionKind.PLENARY, null, DAY.plusDays(30), DAY.plusDays(31)));
        append(new AttendanceRecorded(C, "s-1", "m-a", Presence.PRESENT));
        append(new AttendanceRecorded(C, "s-1", "m-c", Presence.ABSENT));
        append(new ExpenseClaimed(C, "claim-1", "s-1", "m-a", ExpenseKind.TRAVEL, new BigDecimal("12.50")));
        append(new ExpenseApproved(C, "claim-1"));
        append(new IndemnitiesPaid(C, "s-1", List.of("m-a"), new BigDecimal("32.50"), DAY.plusDays(40)));
        append(new SessionClosed(C, "s-1", DAY.plusDays(31)));
        append(new JudgmentCast(C, "vote-1", "m-a", List.of(4, 2)));
        append(new MemberWithdrew(C, "m-c", WithdrawalReason.MOVED_AWAY, DAY.plusDays(45)));
        append(new ReplacementCalled(C, "sel", "m-c", "p-d", "letter-d"));
        append(new MemberSeated(C, "m-d", "letter-d", Transition.SOCIAL, "v1", DAY.plusDays(50)));
        append(new PersonalDataRead(C, "invitation-letters", List.of("p-a", "p-b", "p-c", "p-d")));
        append(new PersonalDataErased(C, "p-b", "GDPR art. 17", DAY.plusDays(60)));
    }

    private static List<String> types(PersonTrail.View view) {
        return view.events().stream().map(PersonTrail.Entry::type).toList();
    }

    @Test
    void aSeatedMembersWholeWayInLogOrder() {
        PersonTrail.View view = controller.person("p-a");

        assertThat(view.personId()).isEqualTo("p-a");
        PersonTrail.Summary s = view.summary();
        assertThat(s.lists()).containsExactly("roll", "tenants");
        assertThat(s.drawnFrom()).isEqualTo("roll");
        assertThat(s.invitationId()).isEqualTo("letter-a");
        assertThat(s.answer()).isEqualTo("ACCEPTED");
        assertThat(s.volunteer()).isTrue();
        assertThat(s.selectionProbability()).isEqualTo(1.0);
        assertThat(s.panel()).isEqualTo(Panel.SELECTED);
        assertThat(s.reservePosition()).isNull();
        assertThat(s.memberId()).isEqualTo("m-a");
        assertThat(s.status()).isEqualTo(Status.SEATED);
        assertThat(s.erased()).isFalse();
        assertThat(types(view))
                .containsExactly(
                        "ResidentsListed",
                        "ResidentsListed",
                        "ResidentsDrawn",
                        "InvitationSent",
                        "InvitationReminderSent",
                        "InvitationAnswered",
                        "VolunteerRegistered",
                        "PanelLotteryComputed",
                        "PanelDrawn",
                        "MemberSeated",
                        "AttendanceRecorded",
                        "ExpenseClaimed",
                        "ExpenseApproved",
                        "IndemnitiesPaid",
                        "JudgmentCast",
                        "PersonalDataRead");
        assertThat(view.events())
                .extracting(PersonTrail.Entry::position)
                .isSorted()
                .doesNotHaveDuplicates();
        assertThat(view.events())
                .allSatisfy(e -> assertThat(e.actor()).isEqualTo(new AuditEvent.Actor("organiser", "ORGANISER")));
        assertThat(view.events()).allSatisfy(e -> assertThat(e.payload()).containsEntry("conventionId", C));
        assertThat(view.truncated()).isFalse();
    }

    @Test
    void excerptsShowThePersonsOwnPartAndNoSealedData() throws Exception {
        PersonTrail.View view = controller.person("p-a");

        Map<String, Object> listedExcerpt = view.events().get(0).payload();
        assertThat(listedExcerpt)
                .containsEntry("listId", "roll")
                .containsEntry("residents", 4)
                .doesNotContainKey("personIds");
        Map<String, Object> lottery = view.events().get(7).payload();
        assertThat(lottery)
                .containsEntry("probability", 1.0)
                .containsEntry("volunteers", 3)
                .containsEntry("panels", 2);
        Map<String, Object> volunteer = view.events().get(6).payload();
        assertThat(volunteer)
                .containsEntry("needs", PersonTrail.SEALED)
                .containsEntry("profile", Map.of("gender", "F", "age", "30-44"));
        String json = JSON.writeValueAsString(view);
        assertThat(json)
                .doesNotContain(CIPHER)
                .doesNotContain("ciphertext")
                .doesNotContain("p-b")
                .doesNotContain("p-e");
    }

    @Test
    void onlyTheirOwnInvitationAndMemberAreFollowed() {
        PersonTrail.View view = controller.person("p-a");

        assertThat(view.events()).noneMatch(e -> OTHER.equals(e.payload().get("conventionId")));
        assertThat(view.events()).noneMatch(e -> "m-c".equals(e.payload().get("memberId")));
        assertThat(view.events()).noneMatch(e -> "letter-b".equals(e.payload().get("invitationId")));
    }

    @Test
    void aReserveVolunteerCalledToReplaceAMember() {
        PersonTrail.View view = controller.person("p-d");

        PersonTrail.Summary s = view.summary();
        assertThat(s.panel()).isEqualTo(Panel.RESERVE);
        assertThat(s.reservePosition()).isEqualTo(1);
        assertThat(s.selectionProbability()).isEqualTo(0.375);
        assertThat(s.replacementFor()).isEqualTo("m-c");
        assertThat(s.memberId()).isEqualTo("m-d");
        assertThat(s.status()).isEqualTo(Status.SEATED);
        assertThat(types(view)).endsWith("PanelDrawn", "ReplacementCalled", "MemberSeated", "PersonalDataRead");
        assertThat(view.events().get(types(view).indexOf("PanelDrawn")).payload())
                .containsEntry("outcome", Panel.RESERVE)
                .containsEntry("reservePosition", 1);
    }

    @Test
    void aMemberWhoWithdrewAndWasReplaced() {
        PersonTrail.View view = controller.person("p-c");

        assertThat(view.summary().memberId()).isEqualTo("m-c");
        assertThat(view.summary().status()).isEqualTo(Status.WITHDREW);
        assertThat(types(view))
                .containsSubsequence("MemberSeated", "AttendanceRecorded", "MemberWithdrew", "ReplacementCalled");
        assertThat(types(view)).doesNotContain("ExpenseClaimed", "JudgmentCast", "IndemnitiesPaid");
    }

    @Test
    void aResidentWhoDeclinedAndWasErased() {
        PersonTrail.Summary s = controller.person("p-b").summary();

        assertThat(s.answer()).isEqualTo("DECLINED");
        assertThat(s.status()).isEqualTo(Status.DECLINED);
        assertThat(s.volunteer()).isFalse();
        assertThat(s.selectionProbability()).isNull();
        assertThat(s.panel()).as("the panel was drawn without them").isEqualTo(Panel.NOT_SELECTED);
        assertThat(s.memberId()).isNull();
        assertThat(s.erased()).isTrue();
    }

    @Test
    void aResidentOnlyListed() {
        PersonTrail.View view = controller.person("p-e");

        assertThat(view.summary().lists()).containsExactly("tenants");
        assertThat(view.summary().drawnFrom()).isNull();
        assertThat(view.summary().invitationId()).isNull();
        assertThat(view.summary().status()).isEqualTo(Status.LISTED);
        assertThat(types(view)).containsExactly("ResidentsListed");
    }

    @Test
    void beforeThePanelIsDrawnThereIsNoPanelOutcome() {
        PersonTrail.View view = controller.person("p-z");

        assertThat(view.summary().panel()).isNull();
        assertThat(view.summary().answer()).isEqualTo("DECLINED");
        assertThat(types(view)).containsExactly("ResidentsListed", "InvitationSent", "InvitationAnswered");
    }

    @Test
    void anUnknownPersonIsAProblem() {
        assertThatThrownBy(() -> controller.person("p-nobody"))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(404);
                    assertThat(e.getBody().getProperties()).containsEntry("code", "unknown-person");
                });
    }

    @Test
    void entriesWrittenBeforeSubjectsExistedAreFilledWithoutAReplay() {
        PersonTrail.View before = controller.person("p-a");
        store.mongo().updateMulti(new Query(), new Update().unset("subjects"), AuditEvent.class);
        assertThatThrownBy(() -> controller.person("p-a")).isInstanceOf(ErrorResponseException.class);

        SubjectsBackfill backfill = new SubjectsBackfill(store.mongo());
        assertThat(backfill.fill()).isEqualTo(log.delivered().size());
        assertThat(backfill.fill()).as("nothing left").isZero();

        assertThat(controller.person("p-a")).isEqualTo(before);
    }

    @Test
    void aRebuildOfTheTrailFillsTheSubjectsAgain() {
        PersonTrail.View before = controller.person("p-d");

        projection.reset();
        assertThatThrownBy(() -> controller.person("p-d")).isInstanceOf(ErrorResponseException.class);
        log.restreamFrom(null).forEach(m -> projection.on(m, m.trackingToken()));

        assertThat(controller.person("p-d")).isEqualTo(before);
        assertThat(store.mongo().findAll(AuditEvent.class))
                .allSatisfy(e -> assertThat(e.subjects()).isNotNull());
    }
}
