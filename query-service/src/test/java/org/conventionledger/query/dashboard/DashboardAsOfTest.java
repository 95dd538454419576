package org.conventionledger.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.query.platform.TestEvents.actionDrafted;
import static org.conventionledger.query.platform.TestEvents.actionFinalised;
import static org.conventionledger.query.platform.TestEvents.conventionOpened;
import static org.conventionledger.query.platform.TestEvents.invitationAnswered;
import static org.conventionledger.query.platform.TestEvents.invitationSent;
import static org.conventionledger.query.platform.TestEvents.item;
import static org.conventionledger.query.platform.TestEvents.memberSeated;
import static org.conventionledger.query.platform.TestEvents.objectionLifted;
import static org.conventionledger.query.platform.TestEvents.objectionRaised;
import static org.conventionledger.query.platform.TestEvents.onlineBallot;
import static org.conventionledger.query.platform.TestEvents.paperTally;
import static org.conventionledger.query.platform.TestEvents.topicChosen;
import static org.conventionledger.query.platform.TestEvents.votationClosed;
import static org.conventionledger.query.platform.TestEvents.votationOpened;
import static org.conventionledger.query.platform.TestEvents.votationScheduled;
import static org.conventionledger.query.platform.TestEvents.votes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.conventionledger.events.recruitment.Answer;
import org.conventionledger.query.dashboard.DashboardController.DashboardView;
import org.conventionledger.query.dashboard.DashboardController.VotationTurnout;
import org.conventionledger.query.platform.AsOfFeed;
import org.conventionledger.query.platform.AsOfView;
import org.conventionledger.query.platform.EventLog;
import org.conventionledger.query.platform.InMemoryLog;
import org.conventionledger.query.platform.LogReplay;
import org.conventionledger.query.platform.Projections;
import org.conventionledger.query.platform.ReadStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

/**
 * The dashboard "as of" an instant, rebuilt from the log with {@link DashboardChanges}: after every
 * event of a convention's life it equals what the live projection showed at that moment, and at a mid
 * instant it shows the figures counted by hand.
 */
class DashboardAsOfTest {

    private static final String LYON = "conv-lyon";
    private static final String OTHER = "conv-other";
    private static final String VOTATION = "vot-1";
    private static final Instant T0 = Instant.parse("2025-06-14T08:00:00Z");

    private ReadStore store;
    private AnnotationEventHandlerAdapter projection;
    private DashboardController controller;
    private EventLog live;
    private InMemoryLog log;
    private AsOfFeed feed;
    private DashboardAsOf asOf;
    private int minute;

    @BeforeEach
    void start() {
        store = ReadStore.start();
        projection = new AnnotationEventHandlerAdapter(
                new DashboardProjection(new Projections(store.mongo()), store.mongo()));
        controller = new DashboardController(store.mongo());
        live = EventLog.jdbc();
        log = new InMemoryLog();
        feed = new AsOfFeed(log.store(), store.mongo(), 3, new DashboardAsOf.Figures());
        asOf = new DashboardAsOf(
                feed.replay(log.replay(Duration.ofMinutes(10))), store.mongo(), new DashboardAsOf.Figures());
    }

    @AfterEach
    void stop() {
        log.close();
        store.close();
    }

    /** One minute after the previous event: to the log, and to the live projection. */
    private Instant append(Object payload) throws Exception {
        Instant at = T0.plus(Duration.ofMinutes(++minute));
        log.append(payload, at);
        feed.catchUp(2);
        projection.handle(live.append(payload));
        return at;
    }

    private static List<Object> life(String conventionId) {
        return List.of(
                conventionOpened(conventionId, "Convention", "Lyon", ECOLOGICAL, SOCIAL),
                invitationSent(conventionId, "inv-1"),
                invitationSent(conventionId, "inv-2"),
                invitationSent(conventionId, "inv-3"),
                invitationAnswered(conventionId, "inv-1", Answer.ACCEPTED),
                invitationAnswered(conventionId, "inv-2", Answer.DECLINED),
                invitationAnswered(conventionId, "inv-3", Answer.NO_ANSWER),
                memberSeated(conventionId, "m-1", SOCIAL),
                topicChosen(conventionId, "t-1", SOCIAL),
                actionDrafted(conventionId, "a-1", 1, SOCIAL),
                actionDrafted(conventionId, "a-2", 2, ECOLOGICAL),
                objectionRaised(conventionId, "a-1", "o-1"),
                objectionLifted(conventionId, "a-1", "o-1"),
                actionFinalised(conventionId, "a-1", 1),
                actionFinalised(conventionId, "a-2", 2),
                votationScheduled(
                        conventionId, VOTATION + conventionId, "Votation", item(1, SOCIAL), item(2, ECOLOGICAL)),
                votationOpened(conventionId, VOTATION + conventionId),
                onlineBallot(conventionId, VOTATION + conventionId, "b-1", 1, 2),
                paperTally(conventionId, VOTATION + conventionId, "d-1", votes(1, 4), votes(2, 7)),
                onlineBallot(conventionId, VOTATION + conventionId, "b-2", 2),
                votationClosed(conventionId, VOTATION + conventionId));
    }

    @Test
    void afterEveryEventTheViewAsOfThenIsTheLiveViewOfThen() throws Exception {
        List<Object> lyon = life(LYON);
        List<Object> other = life(OTHER);
        for (int i = 0; i < lyon.size(); i++) {
            append(other.get(i));
            Instant at = append(lyon.get(i));

            AsOfView<DashboardView> then = asOf.dashboard(LYON, new LogReplay.Bound(at, null));

            assertThat(then.view()).as("after " + lyon.get(i)).isEqualTo(controller.dashboard(LYON));
            assertThat(then.eventsApplied()).isEqualTo(i + 1);
            assertThat(then.lastPosition()).isEqualTo(2L * i + 1);
            assertThat(then.asOf()).isEqualTo(at);
        }
    }

    @Test
    void atAMidInstantTheFiguresAreTheHandCountAndDifferFromTheLiveOnes() throws Exception {
        Instant mid = null;
        for (Object event : life(LYON)) {
            Instant at = append(event);
            if (event instanceof org.conventionledger.events.votation.PaperTallyRecorded) {
                mid = at.plusSeconds(30);
            }
        }

        DashboardView then =
                asOf.dashboard(LYON, new LogReplay.Bound(mid, null)).view();
        DashboardView now = controller.dashboard(LYON);

        assertThat(then.votations())
                .containsExactly(new VotationTurnout(VOTATION + LYON, "Votation", "OPEN", 11, 2, 13, 1, 1, 0));
        assertThat(now.votations())
                .containsExactly(new VotationTurnout(VOTATION + LYON, "Votation", "CLOSED", 11, 3, 14, 2, 1, 0));
        assertThat(then.invitationsSent()).isEqualTo(3);
        assertThat(then.membersByTransition()).isEqualTo(Map.of("ECOLOGICAL", 0L, "SOCIAL", 1L));
        assertThat(then).isNotEqualTo(now);
    }

    @Test
    void byPositionTheLastIncludedPositionGivesTheSameView() throws Exception {
        Instant mid = null;
        List<Object> events = life(LYON);
        for (int i = 0; i < events.size(); i++) {
            Instant at = append(events.get(i));
            if (i == 8) {
                mid = at;
            }
        }
        AsOfView<DashboardView> byInstant = asOf.dashboard(LYON, new LogReplay.Bound(mid, null));
        AsOfView<DashboardView> byPosition = asOf.dashboard(LYON, new LogReplay.Bound(null, byInstant.lastPosition()));

        assertThat(byInstant.lastPosition()).isEqualTo(8);
        assertThat(byPosition.view()).isEqualTo(byInstant.view());
        assertThat(byPosition.view().topicsChosen()).isEqualTo(1);
        assertThat(byPosition.view().actionsDrafted()).isZero();
        assertThat(byPosition.asOf()).isNull();
        assertThat(byPosition.asOfPosition()).isEqualTo(8);
    }

    @Test
    void anUnknownConventionOrOneNotOpenedYetIsNotFound() throws Exception {
        append(life(LYON).get(0));
        log.append(invitationSent(OTHER, "inv-1"), T0.plusSeconds(90)); // in the log, not projected (yet)

        for (String conventionId : List.of("nowhere", OTHER)) {
            assertThatThrownBy(() -> asOf.dashboard(conventionId, new LogReplay.Bound(T0.plusSeconds(3600), null)))
                    .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                        assertThat(e.getStatusCode().value()).isEqualTo(404);
                        assertThat(e.getBody().getProperties()).containsEntry("code", "unknown-convention");
                    });
        }
        assertThatThrownBy(() -> asOf.dashboard(LYON, new LogReplay.Bound(T0, null)))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(404);
                    assertThat(e.getBody().getDetail()).contains("as of " + T0);
                });
    }
}
