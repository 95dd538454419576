package org.conventionledger.query.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.events.followup.CouncilAnswer.ADAPTED;
import static org.conventionledger.events.followup.CouncilAnswer.ADOPTED;
import static org.conventionledger.events.followup.CouncilAnswer.REJECTED;
import static org.conventionledger.events.followup.CouncilAnswer.RELAYED;
import static org.conventionledger.events.followup.ImplementationStatus.ABANDONED;
import static org.conventionledger.events.followup.ImplementationStatus.DONE;
import static org.conventionledger.events.followup.ImplementationStatus.IN_PROGRESS;
import static org.conventionledger.events.followup.ImplementationStatus.PLANNED;
import static org.conventionledger.query.platform.TestEvents.actionDrafted;
import static org.conventionledger.query.platform.TestEvents.actionFinalised;
import static org.conventionledger.query.platform.TestEvents.conventionOpened;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.conventionledger.events.deliberation.ActionRevised;
import org.conventionledger.events.followup.CouncilAnswer;
import org.conventionledger.events.followup.CouncilAnswered;
import org.conventionledger.events.followup.ImplementationBudgetRevised;
import org.conventionledger.events.followup.ImplementationPlanned;
import org.conventionledger.events.followup.ImplementationProgressed;
import org.conventionledger.events.followup.ImplementationStatus;
import org.conventionledger.query.followup.FollowUpController.ActionFollowUpView;
import org.conventionledger.query.followup.FollowUpController.BudgetStep;
import org.conventionledger.query.followup.FollowUpController.FollowUpView;
import org.conventionledger.query.followup.FollowUpController.PublicAction;
import org.conventionledger.query.followup.FollowUpController.PublicSummary;
import org.conventionledger.query.followup.FollowUpController.StatusStep;
import org.conventionledger.query.followup.FollowUpController.Totals;
import org.conventionledger.query.platform.EventLog;
import org.conventionledger.query.platform.ProjectionHarness;
import org.conventionledger.query.platform.Projections;
import org.conventionledger.query.platform.ReadStore;
import org.conventionledger.query.votation.LiveRankings;
import org.conventionledger.query.votation.RankingController;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The follow-up read side on a throw-away read store, fed from a test {@link EventLog} through Axon's
 * annotation adapter as the "followup" processor would, and read through the controller on a fixed day.
 */
class FollowUpProjectionTest {

    private static final String CONVENTION = "conv-clermont";
    private static final LocalDate ANSWERED = LocalDate.of(2022, 9, 26);
    private static final LocalDate TODAY = LocalDate.of(2024, 1, 1);

    private ReadStore store;
    private EventLog log;
    private FollowUpProjection projection;
    private AnnotationEventHandlerAdapter handler;
    private FollowUpController controller;

    private void start(ReadStore.Backend backend) {
        store = ReadStore.start(backend);
        log = EventLog.jdbc();
        projection = new FollowUpProjection(new Projections(store.mongo()), store.mongo());
        handler = new AnnotationEventHandlerAdapter(projection);
        controller = new FollowUpController(
                store.mongo(),
                new RankingController(new LiveRankings(store.mongo()), null),
                Clock.fixed(Instant.parse("2024-01-01T10:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        if (store != null) {
            store.close();
        }
    }

    private void append(int deliveries, Object... payloads) {
        for (Object payload : payloads) {
            TrackedEventMessage<?> message = log.append(payload);
            for (int i = 0; i < deliveries; i++) {
                deliver(message);
            }
        }
    }

    private void deliver(TrackedEventMessage<?> message) {
        ProjectionHarness.deliver(handler, message);
    }

    private static CouncilAnswered answered(String actionId, CouncilAnswer answer, String relayedTo, String reason) {
        return new CouncilAnswered(CONVENTION, actionId, answer, relayedTo, reason, "DEL-2022-118", ANSWERED);
    }

    private static ImplementationProgressed progressed(
            String actionId, ImplementationStatus status, String note, LocalDate on) {
        return new ImplementationProgressed(CONVENTION, actionId, status, note, on);
    }

    /**
     * Six actions drafted, five finalised: 1 adopted, planned, revised and done; 2 relayed, planned and
     * abandoned; 3 rejected; 4 adapted, not planned yet; 5 not answered yet; 6 never finalised.
     */
    private void clermont(int deliveries) {
        append(
                deliveries,
                conventionOpened(CONVENTION, "Convention citoyenne", "Clermont-Ferrand", ECOLOGICAL, SOCIAL),
                actionDrafted(CONVENTION, "a-1", 1, ECOLOGICAL),
                actionDrafted(CONVENTION, "a-2", 2, ECOLOGICAL),
                actionDrafted(CONVENTION, "a-3", 3, SOCIAL),
                actionDrafted(CONVENTION, "a-4", 4, SOCIAL),
                actionDrafted(CONVENTION, "a-5", 5, SOCIAL),
                actionDrafted(CONVENTION, "a-6", 6, SOCIAL),
                new ActionRevised(CONVENTION, "a-1", 2, "Free buses on Saturdays", "The city funds it.", "Amendment"),
                actionFinalised(CONVENTION, "a-5", 5),
                actionFinalised(CONVENTION, "a-4", 4),
                actionFinalised(CONVENTION, "a-3", 3),
                actionFinalised(CONVENTION, "a-2", 2),
                actionFinalised(CONVENTION, "a-1", 1),
                answered("a-1", ADOPTED, null, null),
                answered("a-2", RELAYED, "Clermont Auvergne Métropole", null),
                answered("a-3", REJECTED, null, "Beyond the city's means"),
                answered("a-4", ADAPTED, null, "Phased over two years"),
                new ImplementationPlanned(
                        CONVENTION,
                        "a-1",
                        "Mobility department",
                        new BigDecimal("120000.00"),
                        LocalDate.of(2024, 6, 30),
                        LocalDate.of(2022, 11, 15)),
                new ImplementationPlanned(
                        CONVENTION,
                        "a-2",
                        "Métropole, transport department",
                        new BigDecimal("0.00"),
                        null,
                        LocalDate.of(2022, 12, 1)),
                progressed("a-1", IN_PROGRESS, "Tender launched", LocalDate.of(2023, 1, 10)),
                new ImplementationBudgetRevised(
                        CONVENTION,
                        "a-1",
                        new BigDecimal("150000.50"),
                        "Tender above estimate",
                        LocalDate.of(2023, 2, 1)),
                progressed("a-2", ABANDONED, "The métropole declined", LocalDate.of(2023, 3, 1)),
                progressed("a-1", DONE, null, LocalDate.of(2023, 11, 30)));
    }

    private static Totals expectedTotals() {
        return new Totals(
                5,
                1,
                Map.of(ADOPTED, 1L, ADAPTED, 1L, RELAYED, 1L, REJECTED, 1L),
                1,
                Map.of(PLANNED, 0L, IN_PROGRESS, 0L, DONE, 1L, ABANDONED, 1L));
    }

    private void expectTheMonitoringBodysView() {
        FollowUpView view = controller.followUp(CONVENTION);

        assertThat(view.conventionId()).isEqualTo(CONVENTION);
        assertThat(view.title()).isEqualTo("Convention citoyenne");
        assertThat(view.totals()).isEqualTo(expectedTotals());
        assertThat(view.budget()).isEqualByComparingTo("150000.50");
        assertThat(view.actions()).extracting(ActionFollowUpView::number).containsExactly(1, 2, 3, 4, 5);
        assertThat(view.actions().get(0))
                .isEqualTo(new ActionFollowUpView(
                        "a-1",
                        1,
                        "Free buses on Saturdays",
                        "ECOLOGICAL",
                        "Topic 1",
                        null,
                        ADOPTED,
                        null,
                        null,
                        "DEL-2022-118",
                        ANSWERED,
                        462L,
                        "Mobility department",
                        LocalDate.of(2024, 6, 30),
                        DONE,
                        List.of(
                                new StatusStep(PLANNED, null, LocalDate.of(2022, 11, 15)),
                                new StatusStep(IN_PROGRESS, "Tender launched", LocalDate.of(2023, 1, 10)),
                                new StatusStep(DONE, null, LocalDate.of(2023, 11, 30))),
                        new BigDecimal("150000.50"),
                        List.of(
                                new BudgetStep(new BigDecimal("120000.00"), null, LocalDate.of(2022, 11, 15)),
                                new BudgetStep(
                                        new BigDecimal("150000.50"),
                                        "Tender above estimate",
                                        LocalDate.of(2023, 2, 1)))));
        assertThat(view.actions().get(1))
                .isEqualTo(new ActionFollowUpView(
                        "a-2",
                        2,
                        "Action 2",
                        "ECOLOGICAL",
                        "Topic 1",
                        null,
                        RELAYED,
                        "Clermont Auvergne Métropole",
                        null,
                        "DEL-2022-118",
                        ANSWERED,
                        462L,
                        "Métropole, transport department",
                        null,
                        ABANDONED,
                        List.of(
                                new StatusStep(PLANNED, null, LocalDate.of(2022, 12, 1)),
                                new StatusStep(ABANDONED, "The métropole declined", LocalDate.of(2023, 3, 1))),
                        new BigDecimal("0.00"),
                        List.of(new BudgetStep(new BigDecimal("0.00"), null, LocalDate.of(2022, 12, 1)))));
        assertThat(view.actions().get(2))
                .isEqualTo(new ActionFollowUpView(
                        "a-3",
                        3,
                        "Action 3",
                        "SOCIAL",
                        "Topic 1",
                        null,
                        REJECTED,
                        null,
                        "Beyond the city's means",
                        "DEL-2022-118",
                        ANSWERED,
                        462L,
                        null,
                        null,
                        null,
                        List.of(),
                        null,
                        List.of()));
        assertThat(view.actions().get(3).answer()).isEqualTo(ADAPTED);
        assertThat(view.actions().get(3).reason()).isEqualTo("Phased over two years");
        assertThat(view.actions().get(3).status()).isNull();
        assertThat(view.actions().get(4))
                .isEqualTo(new ActionFollowUpView(
                        "a-5",
                        5,
                        "Action 5",
                        "SOCIAL",
                        "Topic 1",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        null,
                        List.of()));
    }

    @ParameterizedTest
    @EnumSource(ReadStore.Backend.class)
    void theMonitoringBodySeesEveryFinalisedActionWithItsHistory(ReadStore.Backend backend) {
        start(backend);
        clermont(1);

        expectTheMonitoringBodysView();
    }

    @ParameterizedTest
    @EnumSource(ReadStore.Backend.class)
    void thePublicSummaryHasAnswersAndStatusesOnly(ReadStore.Backend backend) throws Exception {
        start(backend);
        clermont(1);

        PublicSummary summary = controller.summary(CONVENTION);

        assertThat(summary.totals()).isEqualTo(expectedTotals());
        assertThat(summary.actions())
                .containsExactly(
                        new PublicAction(1, "Free buses on Saturdays", ADOPTED, DONE),
                        new PublicAction(2, "Action 2", RELAYED, ABANDONED),
                        new PublicAction(3, "Action 3", REJECTED, null),
                        new PublicAction(4, "Action 4", ADAPTED, null),
                        new PublicAction(5, "Action 5", null, null));
        String json = new ObjectMapper().writeValueAsString(summary);
        assertThat(json).doesNotContain("Tender", "métropole declined", "Mobility department", "150000", "DEL-2022");
    }

    @Test
    void eachEventDeliveredTwiceGivesTheSameView() {
        start(ReadStore.Backend.MEMORY);
        clermont(2);

        expectTheMonitoringBodysView();

        log.restartFrom(log.delivered().get(5).trackingToken()).forEach(this::deliver);
        expectTheMonitoringBodysView();
    }

    @Test
    void anUnknownConventionIsNotFound() {
        start(ReadStore.Backend.MEMORY);
        append(1, actionDrafted("conv-unopened", "a-1", 1, ECOLOGICAL));

        for (String convention : List.of("nowhere", "conv-unopened")) {
            assertThatThrownBy(() -> controller.followUp(convention))
                    .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                        assertThat(e.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
                        assertThat(e.getBody().getProperties()).containsEntry("code", "unknown-convention");
                    });
            assertThatThrownBy(() -> controller.summary(convention)).isInstanceOf(ErrorResponseException.class);
        }
    }

    @Test
    void aConventionWithoutFinalisedActionsHasAnEmptyFollowUp() {
        start(ReadStore.Backend.MEMORY);
        append(
                1,
                conventionOpened(CONVENTION, "Convention citoyenne", "Clermont-Ferrand", ECOLOGICAL),
                actionDrafted(CONVENTION, "a-1", 1, ECOLOGICAL));

        FollowUpView view = controller.followUp(CONVENTION);

        assertThat(view.actions()).isEmpty();
        assertThat(view.totals().actions()).isZero();
        assertThat(view.totals().byAnswer()).containsOnlyKeys(CouncilAnswer.values());
        assertThat(view.budget()).isEqualByComparingTo("0");
    }

    @Test
    void resetForgetsTheFollowUp() {
        start(ReadStore.Backend.MEMORY);
        clermont(1);

        projection.reset();

        assertThatThrownBy(() -> controller.followUp(CONVENTION)).isInstanceOf(ErrorResponseException.class);
    }
}
