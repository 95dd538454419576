package org.conventionledger.query.recruitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.conventionledger.events.Transition.DEMOCRATIC;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.events.organisation.DelegatedRole.SECRETARY;
import static org.conventionledger.events.organisation.DelegatedRole.WATCHER;
import static org.conventionledger.events.recruitment.Answer.ACCEPTED;
import static org.conventionledger.events.recruitment.Answer.DECLINED;
import static org.conventionledger.events.recruitment.Answer.NO_ANSWER;
import static org.conventionledger.query.platform.TestEvents.conventionOpened;
import static org.conventionledger.query.recruitment.RecruitmentEvents.day;
import static org.conventionledger.query.recruitment.RecruitmentEvents.quota;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.conventionledger.events.Transition;
import org.conventionledger.events.recruitment.WithdrawalReason;
import org.conventionledger.query.platform.EventLog;
import org.conventionledger.query.platform.ReadStore;
import org.conventionledger.query.recruitment.RecruitmentView.AssemblySeats;
import org.conventionledger.query.recruitment.RecruitmentView.Funnel;
import org.conventionledger.query.recruitment.RecruitmentView.Point;
import org.conventionledger.query.recruitment.RecruitmentView.ProfileAttrition;
import org.conventionledger.query.recruitment.RecruitmentView.QuotaFigures;
import org.conventionledger.query.recruitment.RecruitmentView.SourceListFigures;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The recruitment view of a small convention from the source lists to attrition: eight people on two
 * lists, six drawn and invited, four volunteers, a panel of three under gender and age quotas, a
 * withdrawal replaced from the reserve, a membership lost.
 */
class RecruitmentProjectionTest {

    private static final String CONVENTION = "conv-clermont";

    @AutoClose
    private RecruitmentReadSide side;

    private final RecruitmentEvents e = new RecruitmentEvents(CONVENTION);

    private List<Object> recruitment() {
        Map<Transition, Integer> capacities = new LinkedHashMap<>();
        capacities.put(ECOLOGICAL, 2);
        capacities.put(SOCIAL, 1);
        capacities.put(DEMOCRATIC, 1);
        return List.of(
                conventionOpened(
                        CONVENTION, "Convention citoyenne", "Clermont-Ferrand", ECOLOGICAL, SOCIAL, DEMOCRATIC),
                e.listRegistered("electoral", "Electoral roll", "electoral-roll"),
                e.listRegistered("tenants", "Social landlord tenants", "social-landlord"),
                e.listed("electoral", 1, "p1", "p2", "p3", "p4"),
                e.listed("electoral", 2, "p5", "p6"),
                e.listed("tenants", 1, "p5", "p6", "p7", "p8"),
                e.frozen("electoral", 6),
                e.frozen("tenants", 4),
                e.drawn(
                        "d-1",
                        "p1",
                        "electoral",
                        "p2",
                        "electoral",
                        "p3",
                        "electoral",
                        "p4",
                        "electoral",
                        "p5",
                        "tenants",
                        "p7",
                        "tenants"),
                e.invited("inv-1", "p1", "electoral"),
                e.invited("inv-2", "p2", "electoral"),
                e.invited("inv-3", "p3", "electoral"),
                e.invited("inv-4", "p4", "electoral"),
                e.invited("inv-5", "p5", "tenants"),
                e.invited("inv-6", "p7", "tenants"),
                e.reminded("inv-2"),
                e.reminded("inv-3"),
                e.reminded("inv-2"),
                e.answered("inv-1", ACCEPTED),
                e.answered("inv-2", ACCEPTED),
                e.answered("inv-3", DECLINED),
                e.answered("inv-4", ACCEPTED),
                e.answered("inv-5", ACCEPTED),
                e.answered("inv-6", NO_ANSWER),
                e.closed("2025-02-28", 1),
                e.volunteer("inv-1", "p1", ECOLOGICAL, "gender", "F", "age", "18-34"),
                e.volunteer("inv-2", "p2", SOCIAL, "gender", "M", "age", "35-64"),
                e.volunteer("inv-4", "p4", null, "gender", "F", "age", "65+"),
                e.volunteer("inv-5", "p5", SOCIAL, "gender", "M", "age", "18-34"),
                e.selection(
                        "sel-1", 3, quota("gender", "F", 1, 2), quota("gender", "M", 1, 2), quota("age", "65+", 1, 1)),
                e.lottery("sel-1", "leximin-v1", 0.5),
                e.panelDrawn("sel-1", List.of("p1", "p2", "p4"), List.of("p5")),
                e.capacities(capacities),
                e.seated("m-1", "inv-1", ECOLOGICAL, "2025-04-01"),
                e.seated("m-2", "inv-2", SOCIAL, "2025-04-01"),
                e.seated("m-4", "inv-4", ECOLOGICAL, "2025-04-01"),
                e.role(ECOLOGICAL, SECRETARY, "m-1"),
                e.role(ECOLOGICAL, WATCHER, "m-4"),
                e.role(SOCIAL, SECRETARY, "m-2"),
                e.withdrew("m-2", WithdrawalReason.PERSONAL, "2025-05-10"),
                e.replacement("sel-1", "m-2", "p5", "inv-5"),
                e.seated("m-5", "inv-5", SOCIAL, "2025-05-20"),
                e.handOver(SOCIAL, SECRETARY, "m-2", "m-5"),
                e.lost("m-4", "2025-06-15"));
    }

    private RecruitmentView view() {
        return side.recruitmentController.recruitment(CONVENTION);
    }

    @Test
    void theFunnelFromTheListsToTheActiveMembers() {
        side = RecruitmentReadSide.start();
        side.append(recruitment().toArray());

        RecruitmentView view = view();

        assertThat(view.funnel())
                .isEqualTo(new Funnel(8, 6, 6, 2, 3, new RecruitmentView.Answers(4, 1, 1), 4, 3, 1, 4, 2));
        assertThat(view.invitationsClosedOn()).isEqualTo(day("2025-02-28"));
        assertThat(view.sourceLists())
                .containsExactly(
                        new SourceListFigures("electoral", "Electoral roll", "electoral-roll", 6, 6, 4, 4, 3, 3),
                        new SourceListFigures(
                                "tenants", "Social landlord tenants", "social-landlord", 4, 4, 2, 2, 1, 1));
    }

    @Test
    void thePanelAgainstItsQuotasAndTheReserve() {
        side = RecruitmentReadSide.start();
        side.append(recruitment().toArray());

        RecruitmentView.PanelFigures panel = view().panel();

        assertThat(panel.selectionId()).isEqualTo("sel-1");
        assertThat(panel.panelSize()).isEqualTo(3);
        assertThat(panel.algorithm()).isEqualTo("leximin-v1");
        assertThat(panel.minProbability()).isEqualTo(0.5);
        assertThat(panel.reserveRemaining()).isZero();
        assertThat(panel.quotas())
                .containsExactly(
                        new QuotaFigures("gender", "F", 1, 2, 2, 1, false, false),
                        new QuotaFigures("gender", "M", 1, 2, 1, 1, false, false),
                        new QuotaFigures("age", "65+", 1, 1, 1, 0, false, true));
    }

    @Test
    void seatsPerAssemblyAgainstCapacity() {
        side = RecruitmentReadSide.start();
        side.append(recruitment().toArray());

        assertThat(view().assemblies())
                .containsExactly(
                        new AssemblySeats("ECOLOGICAL", 2, 2, 1),
                        new AssemblySeats("SOCIAL", 1, 2, 1),
                        new AssemblySeats("DEMOCRATIC", 1, 0, 0));
    }

    @Test
    void attritionOverTimeAndByProfileValue() {
        side = RecruitmentReadSide.start();
        side.append(recruitment().toArray());

        RecruitmentView.Attrition attrition = view().attrition();

        assertThat(attrition.points())
                .containsExactly(
                        new Point(day("2025-04-01"), 3),
                        new Point(day("2025-05-10"), 2),
                        new Point(day("2025-05-20"), 3),
                        new Point(day("2025-06-15"), 2));
        assertThat(attrition.withdrawn()).isEqualTo(1);
        assertThat(attrition.lost()).isEqualTo(1);
        assertThat(attrition.withdrawnByReason())
                .containsExactly(
                        Map.entry("PERSONAL", 1L),
                        Map.entry("PROFESSIONAL", 0L),
                        Map.entry("MOVED_AWAY", 0L),
                        Map.entry("OTHER", 0L));
        assertThat(attrition.byProfile())
                .containsExactly(
                        new ProfileAttrition("age", "18-34", 2, 0),
                        new ProfileAttrition("age", "35-64", 1, 1),
                        new ProfileAttrition("age", "65+", 1, 1),
                        new ProfileAttrition("gender", "F", 2, 1),
                        new ProfileAttrition("gender", "M", 2, 1));
    }

    @Test
    void delegatedRolesFollowTheirHandOver() {
        side = RecruitmentReadSide.start();
        side.append(recruitment().toArray());

        assertThat(view().delegatedRoles())
                .containsExactly(
                        Map.entry("ECOLOGICAL", Map.of("SECRETARY", "m-1", "WATCHER", "m-4")),
                        Map.entry("SOCIAL", Map.of("SECRETARY", "m-5")));
        assertThat(view().delegatedRoles().get("ECOLOGICAL").keySet()).containsExactly("SECRETARY", "WATCHER");
    }

    @ParameterizedTest
    @EnumSource(ReadStore.Backend.class)
    void everyEventDeliveredTwiceGivesTheSameView(ReadStore.Backend backend) {
        side = RecruitmentReadSide.start(backend, EventLog.jdbc());
        side.append(recruitment().toArray());
        RecruitmentView once = view();
        side.close();

        side = RecruitmentReadSide.start(backend, EventLog.jdbc());
        side.appendTwice(recruitment().toArray());

        assertThat(view()).isEqualTo(once);
    }

    @Test
    void redeliveryAfterACrashChangesNothing() {
        side = RecruitmentReadSide.start(ReadStore.Backend.MEMORY, EventLog.axonServer());
        side.append(recruitment().toArray());
        RecruitmentView before = view();

        side.redeliverEverything();
        side.log.restartFrom(side.log.delivered().get(20).trackingToken()).forEach(side::deliver);
        side.log.restreamFrom(null).forEach(side::deliver);

        assertThat(view()).isEqualTo(before);
    }

    @Test
    void anAnswerCommittedLateIsCountedOnceWhenItFillsItsGap() {
        side = RecruitmentReadSide.start();
        side.append(
                conventionOpened(CONVENTION, "C", "Clermont-Ferrand", ECOLOGICAL),
                e.invited("inv-1", "p1", "electoral"),
                e.invited("inv-2", "p2", "electoral"));
        long slow = side.log.reserve();
        side.append(e.answered("inv-2", DECLINED), e.reminded("inv-1"));

        TrackedEventMessage<?> late = side.log.fill(slow, e.answered("inv-1", ACCEPTED));
        side.deliver(late);
        side.deliver(late);

        assertThat(view().funnel().answered()).isEqualTo(new RecruitmentView.Answers(1, 1, 0));
        assertThat(view().funnel().reminded()).isEqualTo(1);
    }

    @Test
    void aRebuildFromZeroGivesTheSameView() {
        side = RecruitmentReadSide.start();
        side.append(recruitment().toArray());
        RecruitmentView before = view();

        side.reset();
        assertThatThrownBy(this::view).isInstanceOf(ErrorResponseException.class);
        assertThat(side.mongo().getCollection("recruitment_listed").countDocuments())
                .isZero();
        assertThat(side.mongo().getCollection("recruitment_invitations").countDocuments())
                .isZero();
        side.log.restreamFrom(null).forEach(side::deliver);

        assertThat(view()).isEqualTo(before);
    }

    @Test
    void sealedIdentitiesAndNeedsNeverReachTheReadStore() {
        side = RecruitmentReadSide.start();
        side.append(recruitment().toArray());

        List<String> stored = new ArrayList<>();
        for (String collection : side.mongo().getCollectionNames()) {
            for (Document document : side.mongo().getCollection(collection).find()) {
                stored.add(document.toJson());
            }
        }
        assertThat(stored)
                .isNotEmpty()
                .noneMatch(json -> json.contains(RecruitmentEvents.SEALED))
                .noneMatch(json -> json.contains("ciphertext"));
    }

    @Test
    void aMemberSeatedWithoutAVolunteerProfileTakesTheListOfTheirInvitation() {
        side = RecruitmentReadSide.start();
        side.append(
                conventionOpened(CONVENTION, "C", "Clermont-Ferrand", SOCIAL),
                e.invited("inv-1", "p1", "electoral"),
                e.answered("inv-1", ACCEPTED),
                e.seated("m-1", "inv-1", SOCIAL, "2025-04-01"),
                e.seated("m-9", "inv-unknown", SOCIAL, "2025-04-01"));

        RecruitmentView view = view();

        assertThat(view.funnel().seated()).isEqualTo(2);
        assertThat(view.sourceLists())
                .containsExactly(new SourceListFigures("electoral", null, null, null, 0, 0, 1, 0, 1));
        assertThat(view.attrition().byProfile()).isEmpty();
        assertThat(view.panel()).isNull();
        assertThat(view.assemblies()).containsExactly(new AssemblySeats("SOCIAL", null, 2, 2));
    }

    @Test
    void aDepartureOfAMemberNeverSeatedFailsItsBatch() {
        side = RecruitmentReadSide.start();
        side.append(conventionOpened(CONVENTION, "C", "Clermont-Ferrand", SOCIAL));

        assertThatThrownBy(() -> side.append(e.lost("m-404", "2025-06-01")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("m-404");
    }

    @Test
    void conventionsHaveTheirOwnRecruitment() {
        side = RecruitmentReadSide.start();
        RecruitmentEvents other = new RecruitmentEvents("conv-grenoble");
        side.append(recruitment().toArray());
        side.append(
                conventionOpened("conv-grenoble", "C", "Grenoble", ECOLOGICAL),
                other.listed("electoral", 1, "p1", "p2"),
                other.invited("inv-1", "p1", "electoral"),
                other.reminded("inv-1"));

        Funnel grenoble =
                side.recruitmentController.recruitment("conv-grenoble").funnel();
        assertThat(grenoble.listed()).isEqualTo(2);
        assertThat(grenoble.invited()).isEqualTo(1);
        assertThat(grenoble.reminded()).isEqualTo(1);
        assertThat(view().funnel().listed()).isEqualTo(8);
        assertThat(view().funnel().reminded()).isEqualTo(2);
    }

    @Test
    void anUnknownConventionIsNotFound() {
        side = RecruitmentReadSide.start();

        assertThatThrownBy(this::view).isInstanceOfSatisfying(ErrorResponseException.class, ex -> {
            assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(ex.getBody().getProperties()).containsEntry("code", "unknown-convention");
        });
    }
}
