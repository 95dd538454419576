package org.conventionledger.query.votation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.conventionledger.events.Transition.DEMOCRATIC;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.query.platform.TestEvents.item;
import static org.conventionledger.query.platform.TestEvents.onlineBallot;
import static org.conventionledger.query.platform.TestEvents.paperTally;
import static org.conventionledger.query.platform.TestEvents.votationClosed;
import static org.conventionledger.query.platform.TestEvents.votationOpened;
import static org.conventionledger.query.platform.TestEvents.votationScheduled;
import static org.conventionledger.query.platform.TestEvents.votes;
import static org.conventionledger.query.votation.Caller.anonymous;
import static org.conventionledger.query.votation.Caller.assertRefused;
import static org.conventionledger.query.votation.Caller.signedInAs;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.conventionledger.events.votation.OnlineBallotCast;
import org.conventionledger.events.votation.PaperTallyRecorded;
import org.conventionledger.events.votation.VotationClosed;
import org.conventionledger.events.votation.VotationOpened;
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

class RankingProjectionTest {

    private static final String CONVENTION = "conv-lyon";
    private static final String VOTATION = "vot-1";

    private ReadStore store;
    private RankingProjection projection;
    private RankingController controller;
    private EventLog log;

    @BeforeEach
    void start() {
        store = ReadStore.start();
        projection =
                new RankingProjection(new Projections(store.mongo()), store.mongo(), new LiveRankings(store.mongo()));
        controller = new RankingController(new LiveRankings(store.mongo()), null);
        log = EventLog.jdbc();
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void stop() {
        SecurityContextHolder.clearContext();
        store.close();
    }

    private void deliver(TrackedEventMessage<?> m) {
        Object payload = m.getPayload();
        TrackingToken token = m.trackingToken();
        if (payload instanceof VotationScheduled e) {
            projection.on(e, m, token);
        } else if (payload instanceof VotationOpened e) {
            projection.on(e, m, token);
        } else if (payload instanceof VotationClosed e) {
            projection.on(e, m, token);
        } else if (payload instanceof PaperTallyRecorded e) {
            projection.on(e, m, token);
        } else if (payload instanceof OnlineBallotCast e) {
            projection.on(e, m, token);
        } else {
            throw new IllegalArgumentException("The ranking does not handle " + payload);
        }
    }

    private void append(Object... payloads) {
        for (Object payload : payloads) {
            deliver(log.append(payload));
        }
    }

    /**
     * Totals: action 3 → 20, action 1 → 12 (8 paper + 4 online), action 4 → 12 (10 + 2), action 2 → 5,
     * action 5 → 0. Ecological: 1, 2, 4; social: 3, 5.
     */
    private void votedOn() {
        append(
                votationScheduled(
                        CONVENTION,
                        VOTATION,
                        "Votation de juin",
                        item(1, ECOLOGICAL),
                        item(2, ECOLOGICAL),
                        item(3, SOCIAL),
                        item(4, ECOLOGICAL),
                        item(5, SOCIAL)),
                votationOpened(CONVENTION, VOTATION),
                paperTally(CONVENTION, VOTATION, "desk-1", votes(1, 5), votes(2, 5), votes(3, 11), votes(4, 6)),
                onlineBallot(CONVENTION, VOTATION, "b-1", 1, 3),
                onlineBallot(CONVENTION, VOTATION, "b-2", 1, 4),
                paperTally(CONVENTION, VOTATION, "desk-2", votes(1, 3), votes(3, 5), votes(4, 4)),
                onlineBallot(CONVENTION, VOTATION, "b-3", 1, 3, 4),
                onlineBallot(CONVENTION, VOTATION, "b-4", 1, 3),
                onlineBallot(CONVENTION, VOTATION, "b-5", 3));
    }

    private void closed() {
        append(votationClosed(CONVENTION, VOTATION));
    }

    @Test
    void actionsAreRankedByTotalVotesHighestFirstAndEqualTotalsShareARank() {
        votedOn();
        closed();

        RankingView view = controller.ranking(VOTATION, null);

        assertThat(view.entries())
                .containsExactly(
                        new Entry(1, 3, "Action 3", "SOCIAL", "Topic of social", 16, 4, 20),
                        new Entry(2, 1, "Action 1", "ECOLOGICAL", "Topic of ecological", 8, 4, 12),
                        new Entry(2, 4, "Action 4", "ECOLOGICAL", "Topic of ecological", 10, 2, 12),
                        new Entry(4, 2, "Action 2", "ECOLOGICAL", "Topic of ecological", 5, 0, 5),
                        new Entry(5, 5, "Action 5", "SOCIAL", "Topic of social", 0, 0, 0));
        assertThat(view.votationId()).isEqualTo(VOTATION);
        assertThat(view.title()).isEqualTo("Votation de juin");
        assertThat(view.status()).isEqualTo("CLOSED");
        assertThat(view.transition()).isNull();
        assertThat(view.paperVotes()).isEqualTo(39);
        assertThat(view.onlineVotes()).isEqualTo(10);
        assertThat(view.totalVotes()).isEqualTo(49);
        assertThat(view.onlineBallots()).isEqualTo(5);
    }

    @Test
    void tiesAreListedByActionNumberWhateverTheBallotOrder() {
        append(
                votationScheduled(
                        CONVENTION, VOTATION, "V", item(7, SOCIAL), item(2, SOCIAL), item(5, SOCIAL), item(9, SOCIAL)),
                votationOpened(CONVENTION, VOTATION),
                paperTally(CONVENTION, VOTATION, "desk-1", votes(9, 3), votes(7, 3), votes(5, 3), votes(2, 1)),
                votationClosed(CONVENTION, VOTATION));

        assertThat(controller.ranking(VOTATION, null).entries())
                .extracting(Entry::rank, Entry::actionNumber)
                .containsExactly(tuple(1, 5), tuple(1, 7), tuple(1, 9), tuple(4, 2));
    }

    @Test
    void theTransitionFilterRanksWithinTheTransition() {
        votedOn();
        closed();

        RankingView ecological = controller.ranking(VOTATION, ECOLOGICAL);
        assertThat(ecological.transition()).isEqualTo("ECOLOGICAL");
        assertThat(ecological.entries())
                .containsExactly(
                        new Entry(1, 1, "Action 1", "ECOLOGICAL", "Topic of ecological", 8, 4, 12),
                        new Entry(1, 4, "Action 4", "ECOLOGICAL", "Topic of ecological", 10, 2, 12),
                        new Entry(3, 2, "Action 2", "ECOLOGICAL", "Topic of ecological", 5, 0, 5));
        assertThat(ecological.paperVotes()).isEqualTo(23);
        assertThat(ecological.onlineVotes()).isEqualTo(6);
        assertThat(ecological.totalVotes()).isEqualTo(29);

        RankingView social = controller.ranking(VOTATION, SOCIAL);
        assertThat(social.entries())
                .extracting(Entry::rank, Entry::actionNumber)
                .containsExactly(tuple(1, 3), tuple(2, 5));
        assertThat(social.totalVotes()).isEqualTo(20);

        RankingView democratic = controller.ranking(VOTATION, DEMOCRATIC);
        assertThat(democratic.entries()).isEmpty();
        assertThat(democratic.totalVotes()).isZero();
    }

    @Test
    void reDeliveryDoesNotDoubleCount() {
        votedOn();
        closed();
        RankingView before = controller.ranking(VOTATION, null);

        log.delivered().forEach(this::deliver);
        log.restartFrom(log.delivered().get(3).trackingToken()).forEach(this::deliver);
        log.restreamFrom(null).forEach(this::deliver);

        assertThat(controller.ranking(VOTATION, null)).isEqualTo(before);
    }

    @Test
    void aClosedVotationsRankingIsPublic() {
        votedOn();
        closed();

        assertThat(controller.ranking(VOTATION, null).entries()).hasSize(5);
        anonymous();
        assertThat(controller.ranking(VOTATION, SOCIAL).entries()).hasSize(2);
        signedInAs(Role.VOTER);
        assertThat(controller.ranking(VOTATION, null).entries()).hasSize(5);
    }

    @Test
    void aRankingThatIsNotClosedRefusesAnonymousCallers() {
        votedOn();

        assertRefused(() -> controller.ranking(VOTATION, null), HttpStatus.UNAUTHORIZED, "code", "unauthenticated");
        anonymous();
        assertThatThrownBy(() -> controller.ranking(VOTATION, ECOLOGICAL))
                .isInstanceOfSatisfying(
                        ErrorResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED));
    }

    @Test
    void aScheduledVotationsRankingRefusesAnonymousCallersToo() {
        append(votationScheduled(CONVENTION, VOTATION, "V", item(1, SOCIAL)));
        anonymous();

        assertThatThrownBy(() -> controller.ranking(VOTATION, null))
                .isInstanceOfSatisfying(
                        ErrorResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED));
    }

    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"VOTER", "PLATFORM"})
    void aRankingThatIsNotClosedIsForbiddenToOtherRoles(Role role) {
        votedOn();
        signedInAs(role);

        assertRefused(() -> controller.ranking(VOTATION, null), HttpStatus.FORBIDDEN, "code", "forbidden");
    }

    @ParameterizedTest
    @EnumSource(
            value = Role.class,
            names = {"ORGANISER", "GARANT", "MONITOR"})
    void aRankingThatIsNotClosedIsShownToStaff(Role role) {
        votedOn();
        signedInAs(role);

        RankingView view = controller.ranking(VOTATION, null);
        assertThat(view.status()).isEqualTo("OPEN");
        assertThat(view.entries()).extracting(Entry::actionNumber).containsExactly(3, 1, 4, 2, 5);
    }

    @Test
    void anUnknownVotationIsNotFoundEvenForAnonymousCallers() {
        assertRefused(() -> controller.ranking("nowhere", null), HttpStatus.NOT_FOUND, "code", "unknown-votation");
    }

    @Test
    void aBallotForAnActionNotOnTheVotationFailsAndChangesNothing() {
        append(votationScheduled(CONVENTION, VOTATION, "V", item(1, SOCIAL)), votationOpened(CONVENTION, VOTATION));
        signedInAs(Role.GARANT);

        TrackedEventMessage<?> stray = log.append(onlineBallot(CONVENTION, VOTATION, "b-1", 1, 8));
        assertThatThrownBy(() -> deliver(stray)).isInstanceOf(IllegalStateException.class);

        RankingView view = controller.ranking(VOTATION, null);
        assertThat(view.onlineBallots()).isZero();
        assertThat(view.totalVotes()).isZero();
    }

    @Test
    void axonRoutesEachEventToItsAnnotatedHandlerWithItsToken() throws Exception {
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
        handlers.handle(log.append(votationScheduled(CONVENTION, VOTATION, "V", item(1, SOCIAL))));
        TrackedEventMessage<?> ballot = log.append(onlineBallot(CONVENTION, VOTATION, "b-1", 1));
        handlers.handle(ballot);
        handlers.handle(ballot);
        handlers.handle(log.append(votationClosed(CONVENTION, VOTATION)));

        assertThat(controller.ranking(VOTATION, null).entries())
                .containsExactly(new Entry(1, 1, "Action 1", "SOCIAL", "Topic of social", 0, 1, 1));
        assertThat(controller.ranking(VOTATION, null).onlineBallots()).isEqualTo(1L);
    }
}
