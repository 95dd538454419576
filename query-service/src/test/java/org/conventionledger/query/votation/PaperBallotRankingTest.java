package org.conventionledger.query.votation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.query.platform.TestEvents.item;
import static org.conventionledger.query.platform.TestEvents.onlineBallot;
import static org.conventionledger.query.platform.TestEvents.paperTally;
import static org.conventionledger.query.platform.TestEvents.votationClosed;
import static org.conventionledger.query.platform.TestEvents.votationOpened;
import static org.conventionledger.query.platform.TestEvents.votes;
import static org.conventionledger.query.votation.Caller.anonymous;
import static org.conventionledger.query.votation.Caller.assertRefused;
import static org.conventionledger.query.votation.Caller.signedInAs;

import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.conventionledger.events.votation.BallotItem;
import org.conventionledger.events.votation.BallotRule;
import org.conventionledger.events.votation.Eligibility;
import org.conventionledger.events.votation.PaperBallotRecorded;
import org.conventionledger.events.votation.VotationRules;
import org.conventionledger.events.votation.VotationScheduled;
import org.conventionledger.platform.identity.Role;
import org.conventionledger.query.platform.EventLog;
import org.conventionledger.query.platform.Projections;
import org.conventionledger.query.platform.ReadStore;
import org.conventionledger.query.votation.RankingController.Entry;
import org.conventionledger.query.votation.RankingController.RankingView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.ErrorResponseException;

/**
 * Paper ballots recorded one by one ({@link PaperBallotRecorded}) count in the ranking beside desk
 * tallies and online ballots, once each whatever the re-deliveries; and a votation's rule on running
 * results decides who sees its ranking while it is open.
 */
class PaperBallotRankingTest {

    private static final String CONVENTION = "conv-warsaw";
    private static final String VOTATION = "vot-ochota";
    private static final Instant OPENS = Instant.parse("2025-06-15T00:00:00Z");

    private ReadStore store;
    private RankingController controller;
    private AnnotationEventHandlerAdapter handlers;
    private EventLog log;

    @BeforeEach
    void start() {
        store = ReadStore.start();
        handlers = new AnnotationEventHandlerAdapter(
                new RankingProjection(new Projections(store.mongo()), store.mongo(), new LiveRankings(store.mongo())));
        controller = new RankingController(new LiveRankings(store.mongo()), null);
        log = EventLog.jdbc();
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void stop() {
        SecurityContextHolder.clearContext();
        store.close();
    }

    private void append(Object... payloads) throws Exception {
        for (Object payload : payloads) {
            deliver(log.append(payload));
        }
    }

    private void deliver(TrackedEventMessage<?> message) throws Exception {
        handlers.handle(message);
    }

    private static VotationScheduled scheduled(boolean resultsVisibleWhileOpen) {
        List<BallotItem> items = List.of(item(1, SOCIAL), item(2, SOCIAL), item(3, SOCIAL));
        return new VotationScheduled(
                CONVENTION,
                VOTATION,
                "Ochota 2019",
                OPENS,
                OPENS.plusSeconds(15 * 86_400),
                items,
                new VotationRules(Eligibility.NONE, BallotRule.APPROVAL, null, resultsVisibleWhileOpen));
    }

    private static PaperBallotRecorded paperBallot(String voter, Integer... choices) {
        return new PaperBallotRecorded(
                CONVENTION, VOTATION, "ballot-" + voter, "pabulib-paper", voter, List.of(choices));
    }

    /** Action 1: 2 paper (ballots) + 3 paper (tally) + 1 online; action 2: 1 paper + 1 online; action 3: 1 online. */
    private void voted(boolean resultsVisibleWhileOpen) throws Exception {
        append(
                scheduled(resultsVisibleWhileOpen),
                votationOpened(CONVENTION, VOTATION),
                paperBallot("p-1", 1, 2),
                onlineBallot(CONVENTION, VOTATION, "o-1", 1, 2, 3),
                paperBallot("p-2", 1),
                paperTally(CONVENTION, VOTATION, "desk-1", votes(1, 3)));
    }

    @Test
    void eachChoiceOfAPaperBallotIsOnePaperVoteAndEachBallotOnePaperVoter() throws Exception {
        voted(false);
        append(votationClosed(CONVENTION, VOTATION));

        RankingView view = controller.ranking(VOTATION, null);

        assertThat(view.entries())
                .containsExactly(
                        new Entry(1, 1, "Action 1", "SOCIAL", "Topic of social", 5, 1, 6),
                        new Entry(2, 2, "Action 2", "SOCIAL", "Topic of social", 1, 1, 2),
                        new Entry(3, 3, "Action 3", "SOCIAL", "Topic of social", 0, 1, 1));
        assertThat(view.paperBallots()).isEqualTo(2);
        assertThat(view.onlineBallots()).isEqualTo(1);
        assertThat(view.paperVotes()).isEqualTo(6);
    }

    @Test
    void reDeliveredPaperBallotsCountOnce() throws Exception {
        voted(false);
        append(votationClosed(CONVENTION, VOTATION));
        RankingView before = controller.ranking(VOTATION, null);

        for (TrackedEventMessage<?> message : log.delivered()) {
            deliver(message);
        }
        for (TrackedEventMessage<?> message :
                log.restartFrom(log.delivered().get(2).trackingToken())) {
            deliver(message);
        }
        for (TrackedEventMessage<?> message : log.restreamFrom(null)) {
            deliver(message);
        }

        assertThat(controller.ranking(VOTATION, null)).isEqualTo(before);
    }

    @Test
    void aPaperBallotForAnActionNotOnTheVotationFailsAndChangesNothing() throws Exception {
        append(scheduled(false), votationOpened(CONVENTION, VOTATION));
        signedInAs(Role.GARANT);

        assertThatThrownBy(() -> append(paperBallot("p-1", 1, 9))).isInstanceOf(IllegalStateException.class);

        RankingView view = controller.ranking(VOTATION, null);
        assertThat(view.paperBallots()).isZero();
        assertThat(view.totalVotes()).isZero();
    }

    @Test
    void theReplayAsOfAnInstantCountsPaperBallotsLikeTheLiveProjection() {
        assertThat(RankingChanges.TYPES).contains(PaperBallotRecorded.class);
        PaperBallotRecorded ballot = paperBallot("p-1", 2);
        assertThat(RankingChanges.votationOf(ballot)).isEqualTo(VOTATION);
    }

    @Test
    void hiddenRunningResultsAreRefusedToAnonymousCallersNamingTheRule() throws Exception {
        voted(false);
        anonymous();

        assertRefused(
                () -> controller.ranking(VOTATION, null), HttpStatus.UNAUTHORIZED, "rule", "results-hidden-while-open");
    }

    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"VOTER", "PLATFORM"})
    void hiddenRunningResultsAreForbiddenToNonStaffNamingTheRule(Role role) throws Exception {
        voted(false);
        signedInAs(role);

        assertThatThrownBy(() -> controller.ranking(VOTATION, SOCIAL))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
                    assertThat(e.getBody().getProperties())
                            .containsEntry("code", "forbidden")
                            .containsEntry("rule", "results-hidden-while-open");
                });
    }

    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"ORGANISER", "GARANT", "MONITOR"})
    void staffSeeHiddenRunningResults(Role role) throws Exception {
        voted(false);
        signedInAs(role);

        assertThat(controller.ranking(VOTATION, null).totalVotes()).isEqualTo(9);
    }

    @Test
    void visibleRunningResultsArePublicWhileOpen() throws Exception {
        voted(true);
        anonymous();

        RankingView view = controller.ranking(VOTATION, null);
        assertThat(view.status()).isEqualTo("OPEN");
        assertThat(view.totalVotes()).isEqualTo(9);
        signedInAs(Role.VOTER);
        assertThat(controller.ranking(VOTATION, null).paperBallots()).isEqualTo(2);
    }

    @Test
    void aVotationScheduledWithoutRulesHidesItsRunningResults() throws Exception {
        append(
                new VotationScheduled(
                        CONVENTION, VOTATION, "V", OPENS, OPENS.plusSeconds(86_400), List.of(item(1, SOCIAL))),
                votationOpened(CONVENTION, VOTATION));
        signedInAs(Role.VOTER);

        assertThatThrownBy(() -> controller.ranking(VOTATION, null))
                .isInstanceOfSatisfying(
                        ErrorResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN));
    }
}
