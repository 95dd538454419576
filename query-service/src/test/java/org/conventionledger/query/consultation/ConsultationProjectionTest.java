package org.conventionledger.query.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.conventionledger.events.consultation.Stance.AGAINST;
import static org.conventionledger.events.consultation.Stance.FOR;
import static org.conventionledger.events.consultation.Stance.MIXED;

import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.conventionledger.events.consultation.ArgumentHidden;
import org.conventionledger.events.consultation.ArgumentPosted;
import org.conventionledger.events.consultation.CallForProposalsClosed;
import org.conventionledger.events.consultation.CallForProposalsOpened;
import org.conventionledger.events.consultation.ProposalHidden;
import org.conventionledger.events.consultation.ProposalSubmitted;
import org.conventionledger.events.consultation.ProposalVoted;
import org.conventionledger.query.consultation.ConsultationController.CallView;
import org.conventionledger.query.consultation.ConsultationController.ConsultationView;
import org.conventionledger.query.consultation.ConsultationController.Participation;
import org.conventionledger.query.consultation.ConsultationController.ProposalView;
import org.conventionledger.query.consultation.ConsultationController.PublicProposal;
import org.conventionledger.query.consultation.ConsultationController.PublicResults;
import org.conventionledger.query.organisation.ConventionSummary;
import org.conventionledger.query.platform.EventLog;
import org.conventionledger.query.platform.Projections;
import org.conventionledger.query.platform.ReadStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

class ConsultationProjectionTest {

    private static final String CONVENTION = "conv-clermont";
    private static final String MOBILITY = "call-mobility";
    private static final String FOOD = "call-food";

    private final ConsultationEvents e = new ConsultationEvents(CONVENTION);
    private ReadStore store;
    private ConsultationProjection projection;
    private ConsultationController controller;
    private EventLog log;

    @BeforeEach
    void start() {
        store = ReadStore.start();
        projection = new ConsultationProjection(new Projections(store.mongo()), store.mongo());
        controller = new ConsultationController(store.mongo());
        log = EventLog.jdbc();
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private void deliver(TrackedEventMessage<?> m) {
        Object payload = m.getPayload();
        TrackingToken token = m.trackingToken();
        if (payload instanceof CallForProposalsOpened p) {
            projection.on(p, m, token);
        } else if (payload instanceof CallForProposalsClosed p) {
            projection.on(p, m, token);
        } else if (payload instanceof ProposalSubmitted p) {
            projection.on(p, m, token);
        } else if (payload instanceof ProposalHidden p) {
            projection.on(p, m, token);
        } else if (payload instanceof ProposalVoted p) {
            projection.on(p, m, token);
        } else if (payload instanceof ArgumentPosted p) {
            projection.on(p, m, token);
        } else if (payload instanceof ArgumentHidden p) {
            projection.on(p, m, token);
        } else {
            throw new IllegalArgumentException("The consultation does not handle " + payload);
        }
    }

    private void append(Object... payloads) {
        for (Object payload : payloads) {
            deliver(log.append(payload));
        }
    }

    /**
     * Mobility: p1 by r1 (for: r2, r3, r4 → changed to mixed; against: r5) net +2; p2 by r2 (against: r1,
     * r3; for: r4) net −1; p3 by r1 hidden (for: r6). Food: p4 by r7 (for: r1). Arguments: a1 by r2 on
     * p1 (FOR), a2 by r5 on p1 (AGAINST, hidden), a3 by r1 on p2 (AGAINST).
     */
    private void consulted() {
        append(
                e.callOpened(MOBILITY, "Mobilité"),
                e.callOpened(FOOD, "Alimentation"),
                e.submitted(MOBILITY, "p1", "r1"),
                e.submitted(MOBILITY, "p2", "r2"),
                e.voted(MOBILITY, "p1", "r2", FOR, null),
                e.voted(MOBILITY, "p1", "r3", FOR, null),
                e.argued(MOBILITY, "p1", "a1", "r2", FOR),
                e.voted(MOBILITY, "p1", "r4", AGAINST, null),
                e.voted(MOBILITY, "p2", "r1", AGAINST, null),
                e.voted(MOBILITY, "p1", "r5", AGAINST, null),
                e.argued(MOBILITY, "p1", "a2", "r5", AGAINST),
                e.voted(MOBILITY, "p1", "r4", MIXED, AGAINST),
                e.voted(MOBILITY, "p2", "r3", FOR, null),
                e.voted(MOBILITY, "p2", "r3", AGAINST, FOR),
                e.voted(MOBILITY, "p2", "r4", FOR, null),
                e.argued(MOBILITY, "p2", "a3", "r1", AGAINST),
                e.submitted(MOBILITY, "p3", "r1"),
                e.voted(MOBILITY, "p3", "r6", FOR, null),
                e.proposalHidden(MOBILITY, "p3", "Names a neighbour"),
                e.argumentHidden(MOBILITY, "p1", "a2", "Insulting"),
                e.submitted(FOOD, "p4", "r7"),
                e.voted(FOOD, "p4", "r1", FOR, null));
        // (p1 also gets r4 → MIXED above; p1 net = 2 for − 1 against)
    }

    @Test
    void resultsPerCallAndProposalWithVotesPerStanceArgumentsAndParticipation() {
        consulted();

        ConsultationView view = controller.consultation(CONVENTION);
        assertThat(view.calls()).extracting(CallView::callId).containsExactlyInAnyOrder(MOBILITY, FOOD);
        CallView mobility = view.calls().stream()
                .filter(c -> c.callId().equals(MOBILITY))
                .findFirst()
                .orElseThrow();
        assertThat(mobility.topicTitle()).isEqualTo("Mobilité");
        assertThat(mobility.criteria()).containsExactly("Feasible within the mandate");
        assertThat(mobility.status()).isEqualTo("OPEN");
        assertThat(mobility.proposals())
                .extracting(
                        ProposalView::rank,
                        ProposalView::proposalId,
                        ProposalView::forVotes,
                        ProposalView::mixedVotes,
                        ProposalView::againstVotes,
                        ProposalView::votes,
                        ProposalView::netScore,
                        ProposalView::voteChanges,
                        ProposalView::argumentsPosted,
                        ProposalView::argumentsHidden,
                        ProposalView::hidden)
                .containsExactly(
                        tuple(1, "p1", 2L, 1L, 1L, 4L, 1L, 1L, 2L, 1L, false),
                        tuple(2, "p2", 1L, 0L, 2L, 3L, -1L, 1L, 1L, 0L, false),
                        tuple(null, "p3", 1L, 0L, 0L, 1L, 1L, 0L, 0L, 0L, true));
        assertThat(mobility.proposals().get(2).hiddenReason()).isEqualTo("Names a neighbour");
        assertThat(mobility.proposals().get(0).arguments())
                .extracting(a -> a.argumentId(), a -> a.stance(), a -> a.hidden(), a -> a.hiddenReason())
                .containsExactly(tuple("a1", "FOR", false, null), tuple("a2", "AGAINST", true, "Insulting"));
        assertThat(mobility.proposalsSubmitted()).isEqualTo(3);
        assertThat(mobility.proposalsHidden()).isEqualTo(1);
        assertThat(mobility.votes()).isEqualTo(8);
        assertThat(mobility.argumentsPosted()).isEqualTo(3);
        assertThat(mobility.argumentsHidden()).isEqualTo(1);
        // proposers r1, r2; voters r1..r6; arguers r1, r2, r5
        assertThat(mobility.participation()).isEqualTo(new Participation(6, 2, 6, 3));

        assertThat(view.totals().calls()).isEqualTo(2);
        assertThat(view.totals().proposalsSubmitted()).isEqualTo(4);
        assertThat(view.totals().votes()).isEqualTo(9);
        assertThat(view.totals().forVotes()
                        + view.totals().mixedVotes()
                        + view.totals().againstVotes())
                .isEqualTo(9);
        assertThat(view.totals().voteChanges()).isEqualTo(2);
        assertThat(view.totals().argumentsPosted()).isEqualTo(3);
        // convention-wide: r1..r7 took part (r1 in both calls counts once); proposers r1, r2, r7
        assertThat(view.participation()).isEqualTo(new Participation(7, 3, 6, 3));
    }

    @Test
    void thePublicResultsLeaveHiddenProposalsAndArgumentsOut() {
        consulted();

        PublicResults results = controller.results(MOBILITY);
        assertThat(results.results())
                .extracting(
                        PublicProposal::rank,
                        PublicProposal::proposalId,
                        PublicProposal::netScore,
                        PublicProposal::argumentsPosted)
                .containsExactly(tuple(1, "p1", 1L, 1L), tuple(2, "p2", -1L, 1L));
        assertThat(results.results().get(0).arguments())
                .extracting(a -> a.argumentId())
                .containsExactly("a1");
        assertThat(results.proposals()).isEqualTo(2);
        assertThat(results.votes()).isEqualTo(7);
        assertThat(results.status()).isEqualTo("OPEN");
        assertThat(results.participation().residents()).isEqualTo(6);
        assertThat(results.toString()).doesNotContain("Names a neighbour", "Insulting", "r1", "r2");
    }

    @Test
    void equalNetScoresShareARankAndMoreVotesComeFirst() {
        append(
                e.callOpened(FOOD, "Alimentation"),
                e.submitted(FOOD, "p1", "r1"),
                e.submitted(FOOD, "p2", "r2"),
                e.submitted(FOOD, "p3", "r3"),
                e.voted(FOOD, "p2", "r1", FOR, null),
                e.voted(FOOD, "p2", "r3", MIXED, null),
                e.voted(FOOD, "p1", "r2", FOR, null),
                e.voted(FOOD, "p3", "r1", AGAINST, null));

        assertThat(controller.results(FOOD).results())
                .extracting(PublicProposal::rank, PublicProposal::proposalId)
                .containsExactly(tuple(1, "p2"), tuple(1, "p1"), tuple(3, "p3"));
    }

    @Test
    void eventsDeliveredTwiceGiveTheSameView() {
        consulted();
        ConsultationView before = controller.consultation(CONVENTION);
        PublicResults publicBefore = controller.results(MOBILITY);

        log.delivered().forEach(this::deliver);
        log.restartFrom(log.delivered().get(9).trackingToken()).forEach(this::deliver);
        log.restreamFrom(null).forEach(this::deliver);

        assertThat(controller.consultation(CONVENTION)).isEqualTo(before);
        assertThat(controller.results(MOBILITY)).isEqualTo(publicBefore);
    }

    @Test
    void aVoteChangeMovesTheCountAndTheResidentsStanceEvenWhenAnOldVoteComesAgain() {
        append(e.callOpened(FOOD, "Alimentation"), e.submitted(FOOD, "p1", "r1"));
        TrackedEventMessage<?> first = log.append(e.voted(FOOD, "p1", "r2", FOR, null));
        deliver(first);
        append(e.voted(FOOD, "p1", "r2", AGAINST, FOR), e.voted(FOOD, "p1", "r2", MIXED, AGAINST));

        deliver(first);

        ProposalView p1 =
                controller.consultation(CONVENTION).calls().get(0).proposals().get(0);
        assertThat(p1.forVotes()).isZero();
        assertThat(p1.againstVotes()).isZero();
        assertThat(p1.mixedVotes()).isEqualTo(1);
        assertThat(p1.voteChanges()).isEqualTo(2);
        ResidentStance stance = store.mongo().findById(ResidentStance.idOf("p1", "r2"), ResidentStance.class);
        assertThat(stance.stance).isEqualTo("MIXED");
        assertThat(store.mongo().findAll(ResidentStance.class)).hasSize(1);
    }

    @Test
    void aVoteThatFillsAGapLateIsCountedOnce() {
        append(e.callOpened(FOOD, "Alimentation"), e.submitted(FOOD, "p1", "r1"));
        long slow = log.reserve();
        append(e.voted(FOOD, "p1", "r3", AGAINST, null));
        deliver(log.fill(slow, e.voted(FOOD, "p1", "r2", FOR, null)));
        log.restreamFrom(null).forEach(this::deliver);

        ProposalView p1 =
                controller.consultation(CONVENTION).calls().get(0).proposals().get(0);
        assertThat(p1.votes()).isEqualTo(2);
        assertThat(p1.netScore()).isZero();
        assertThat(controller.consultation(CONVENTION).participation().voters()).isEqualTo(2);
    }

    @Test
    void onAxonServerTheTokensIndexIsTheEventsOwn() {
        log = EventLog.axonServer();
        consulted();
        ConsultationView before = controller.consultation(CONVENTION);
        log.restreamFrom(null).forEach(this::deliver);
        assertThat(controller.consultation(CONVENTION)).isEqualTo(before);
        assertThat(before.totals().votes()).isEqualTo(9);
    }

    @Test
    void aCallsStatusFollowsItsWindowAndItsClose() {
        append(
                e.callOpened(MOBILITY, "Mobilité"),
                e.callOpened(FOOD, "Alimentation", ConsultationEvents.CLOSES.minusSeconds(60)));
        assertThat(controller.results(MOBILITY).status()).isEqualTo("OPEN");
        assertThat(controller.results(FOOD).status()).isEqualTo("UPCOMING");
        append(e.callClosed(MOBILITY));
        assertThat(controller.results(MOBILITY).status()).isEqualTo("CLOSED");
        assertThat(controller.results(MOBILITY).closedAt())
                .isEqualTo(e.callClosed(MOBILITY).closedAt());
    }

    @Test
    void anUnknownConventionOrCallIsNotFoundAndAConventionWithoutCallsHasAnEmptyConsultation() {
        assertThatThrownBy(() -> controller.consultation("nowhere"))
                .isInstanceOfSatisfying(ErrorResponseException.class, ex -> {
                    assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(ex.getBody().getProperties()).containsEntry("code", "unknown-convention");
                });
        assertThatThrownBy(() -> controller.results("nowhere"))
                .isInstanceOfSatisfying(ErrorResponseException.class, ex -> {
                    assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
                    assertThat(ex.getBody().getProperties()).containsEntry("code", "unknown-call");
                });
        store.mongo().save(new ConventionSummary(CONVENTION, "Convention", "Clermont-Ferrand", List.of("SOCIAL"), 6));
        ConsultationView empty = controller.consultation(CONVENTION);
        assertThat(empty.calls()).isEmpty();
        assertThat(empty.participation()).isEqualTo(new Participation(0, 0, 0, 0));
    }

    @Test
    void anArgumentHiddenBeforeItWasPostedFailsItsBatchAndChangesNothing() {
        append(e.callOpened(FOOD, "Alimentation"), e.submitted(FOOD, "p1", "r1"));
        TrackedEventMessage<?> stray = log.append(e.argumentHidden(FOOD, "p1", "a-9", "Spam"));
        assertThatThrownBy(() -> deliver(stray)).isInstanceOf(IllegalStateException.class);
        assertThat(controller
                        .consultation(CONVENTION)
                        .calls()
                        .get(0)
                        .proposals()
                        .get(0)
                        .argumentsHidden())
                .isZero();
    }

    @ParameterizedTest
    @EnumSource(ReadStore.Backend.class)
    void theStoredViewsWorkOnBothEmbeddedBackends(ReadStore.Backend backend) {
        store.close();
        store = ReadStore.start(backend);
        projection = new ConsultationProjection(new Projections(store.mongo()), store.mongo());
        controller = new ConsultationController(store.mongo());
        consulted();
        assertThat(controller.consultation(CONVENTION).participation()).isEqualTo(new Participation(7, 3, 6, 3));
        assertThat(controller.results(MOBILITY).results()).hasSize(2);
    }

    @Test
    void axonRoutesEachEventToItsAnnotatedHandlerWithItsToken() throws Exception {
        AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
        handlers.handle(log.append(e.callOpened(FOOD, "Alimentation")));
        handlers.handle(log.append(e.submitted(FOOD, "p1", "r1")));
        TrackedEventMessage<?> vote = log.append(e.voted(FOOD, "p1", "r2", FOR, null));
        handlers.handle(vote);
        handlers.handle(vote);
        handlers.handle(log.append(e.argued(FOOD, "p1", "a1", "r2", FOR)));
        handlers.handle(log.append(e.argumentHidden(FOOD, "p1", "a1", "Spam")));
        handlers.handle(log.append(e.proposalHidden(FOOD, "p1", "Duplicate")));
        handlers.handle(log.append(e.callClosed(FOOD)));

        CallView call = controller.consultation(CONVENTION).calls().get(0);
        assertThat(call.status()).isEqualTo("CLOSED");
        assertThat(call.proposals()).singleElement().satisfies(p -> {
            assertThat(p.forVotes()).isEqualTo(1);
            assertThat(p.hidden()).isTrue();
            assertThat(p.argumentsHidden()).isEqualTo(1);
        });
    }
}
