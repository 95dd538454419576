package org.conventionledger.query.votation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.query.platform.TestEvents.item;
import static org.conventionledger.query.platform.TestEvents.onlineBallot;
import static org.conventionledger.query.platform.TestEvents.paperTally;
import static org.conventionledger.query.platform.TestEvents.votationClosed;
import static org.conventionledger.query.platform.TestEvents.votationOpened;
import static org.conventionledger.query.platform.TestEvents.votationScheduled;
import static org.conventionledger.query.platform.TestEvents.votes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.conventionledger.platform.identity.Role;
import org.conventionledger.query.platform.AsOfFeed;
import org.conventionledger.query.platform.AsOfView;
import org.conventionledger.query.platform.EventLog;
import org.conventionledger.query.platform.InMemoryLog;
import org.conventionledger.query.platform.LogReplay;
import org.conventionledger.query.platform.Projections;
import org.conventionledger.query.platform.ReadStore;
import org.conventionledger.query.votation.RankingController.Entry;
import org.conventionledger.query.votation.RankingController.RankingView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.ErrorResponseException;

/**
 * A votation's ranking "as of" an instant, rebuilt from the log with {@link RankingChanges}: equal to
 * the live ranking after every event, the hand count at a mid instant, and the live ranking's access.
 */
class RankingAsOfTest {

    private static final String CONVENTION = "conv-lyon";
    private static final String VOTATION = "vot-1";
    private static final Instant T0 = Instant.parse("2025-06-14T08:00:00Z");

    private ReadStore store;
    private AnnotationEventHandlerAdapter projection;
    private RankingController controller;
    private EventLog live;
    private InMemoryLog log;
    private AsOfFeed feed;
    private RankingAsOf asOf;
    private int minute;

    @BeforeEach
    void start() {
        store = ReadStore.start();
        projection = new AnnotationEventHandlerAdapter(
                new RankingProjection(new Projections(store.mongo()), store.mongo(), new LiveRankings(store.mongo())));
        controller = new RankingController(new LiveRankings(store.mongo()), null);
        live = EventLog.jdbc();
        log = new InMemoryLog();
        feed = new AsOfFeed(log.store(), store.mongo(), 3, new RankingAsOf.Counting());
        asOf = new RankingAsOf(
                feed.replay(log.replay(Duration.ofMinutes(10))),
                new LiveRankings(store.mongo()),
                new RankingAsOf.Counting());
        signIn(Role.GARANT);
    }

    @AfterEach
    void stop() {
        SecurityContextHolder.clearContext();
        log.close();
        store.close();
    }

    private static void signIn(Role role) {
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(
                        "someone", "n/a", AuthorityUtils.createAuthorityList("ROLE_" + role.name())));
    }

    private Instant append(Object payload) throws Exception {
        Instant at = T0.plus(Duration.ofMinutes(++minute));
        log.append(payload, at);
        feed.catchUp(2);
        projection.handle(live.append(payload));
        return at;
    }

    /**
     * Hand count. Up to the first paper tally: action 1 has 4 paper + 2 online (b-1, b-3) = 6, action 2
     * has 7 paper + 2 online (b-1, b-2) = 9. At the end: action 1 has 14 + 3 = 17, action 2 has 8 + 4 = 12.
     */
    private static List<Object> votation() {
        return List.of(
                votationScheduled(CONVENTION, VOTATION, "Votation", item(1, SOCIAL), item(2, ECOLOGICAL)),
                votationOpened(CONVENTION, VOTATION),
                onlineBallot(CONVENTION, VOTATION, "b-1", 1, 2),
                onlineBallot(CONVENTION, VOTATION, "b-2", 2),
                onlineBallot(CONVENTION, VOTATION, "b-3", 1),
                paperTally(CONVENTION, VOTATION, "d-1", votes(1, 4), votes(2, 7)),
                onlineBallot(CONVENTION, VOTATION, "b-4", 2),
                onlineBallot(CONVENTION, VOTATION, "b-5", 1, 2),
                paperTally(CONVENTION, VOTATION, "d-2", votes(1, 10), votes(2, 1)),
                votationClosed(CONVENTION, VOTATION));
    }

    @Test
    void afterEveryEventTheRankingAsOfThenIsTheLiveRankingOfThen() throws Exception {
        for (Object event : votation()) {
            // another votation's ballot, recorded just before: not counted
            log.append(
                    onlineBallot(CONVENTION, "vot-other", "x", 1),
                    T0.plus(Duration.ofMinutes(minute)).plusSeconds(30));
            Instant at = append(event);

            assertThat(asOf.ranking(VOTATION, null, new LogReplay.Bound(at, null))
                            .view())
                    .as("after " + event)
                    .isEqualTo(controller.ranking(VOTATION, null));
            assertThat(asOf.ranking(VOTATION, SOCIAL, new LogReplay.Bound(at, null))
                            .view())
                    .isEqualTo(controller.ranking(VOTATION, SOCIAL));
        }
    }

    @Test
    void atAMidInstantTheRankingIsTheHandCountAndDiffersFromTheFinalOne() throws Exception {
        Instant mid = null;
        for (Object event : votation()) {
            Instant at = append(event);
            if (mid == null && event instanceof org.conventionledger.events.votation.PaperTallyRecorded) {
                mid = at.plusSeconds(30);
            }
        }

        AsOfView<RankingView> then = asOf.ranking(VOTATION, null, new LogReplay.Bound(mid, null));
        RankingView now = controller.ranking(VOTATION, null);

        assertThat(then.view().status()).isEqualTo("OPEN");
        assertThat(then.view().entries())
                .extracting(Entry::rank, Entry::actionNumber, Entry::paperVotes, Entry::onlineVotes, Entry::totalVotes)
                .containsExactly(tuple(1, 2, 7L, 2L, 9L), tuple(2, 1, 4L, 2L, 6L));
        assertThat(then.view().totalVotes()).isEqualTo(15);
        assertThat(then.view().onlineBallots()).isEqualTo(3);
        assertThat(then.lastPosition()).isEqualTo(5);
        assertThat(now.status()).isEqualTo("CLOSED");
        assertThat(now.entries())
                .extracting(Entry::actionNumber, Entry::totalVotes)
                .containsExactly(tuple(1, 17L), tuple(2, 12L));
        assertThat(now.totalVotes()).isEqualTo(29);
    }

    @Test
    void accessIsTheLiveRankingsDecidedOnTheLiveStatus() throws Exception {
        List<Object> events = votation();
        for (Object event : events.subList(0, events.size() - 1)) {
            append(event);
        }
        LogReplay.Bound bound = new LogReplay.Bound(T0.plusSeconds(4 * 60), null);

        SecurityContextHolder.clearContext();
        assertStatus(() -> asOf.ranking(VOTATION, null, bound), 401);
        SecurityContextHolder.getContext()
                .setAuthentication(new AnonymousAuthenticationToken(
                        "key", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        assertStatus(() -> asOf.ranking(VOTATION, null, bound), 401);
        signIn(Role.VOTER);
        assertStatus(() -> asOf.ranking(VOTATION, null, bound), 403);
        signIn(Role.MONITOR);
        assertThat(asOf.ranking(VOTATION, null, bound).view().totalVotes()).isEqualTo(3);

        append(events.get(events.size() - 1));
        SecurityContextHolder.clearContext();
        assertThat(asOf.ranking(VOTATION, null, bound).view().status())
                .as("once closed, the ranking of any past instant is public")
                .isEqualTo("OPEN");
    }

    @Test
    void anUnknownVotationOrOneNotScheduledYetIsNotFound() throws Exception {
        append(votation().get(0));
        assertStatus(() -> asOf.ranking("nowhere", null, new LogReplay.Bound(T0.plusSeconds(3600), null)), 404);
        assertStatus(() -> asOf.ranking(VOTATION, null, new LogReplay.Bound(T0, null)), 404);
        assertStatus(() -> asOf.ranking(VOTATION, null, new LogReplay.Bound(null, 0L)), 200);
    }

    private static void assertStatus(Runnable call, int status) {
        if (status == 200) {
            call.run();
            return;
        }
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        ErrorResponseException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(status));
    }
}
