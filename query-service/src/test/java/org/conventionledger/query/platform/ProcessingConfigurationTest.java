package org.conventionledger.query.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.query.platform.TestEvents.conventionOpened;
import static org.conventionledger.query.platform.TestEvents.invitationSent;
import static org.conventionledger.query.platform.TestEvents.item;
import static org.conventionledger.query.platform.TestEvents.memberSeated;
import static org.conventionledger.query.platform.TestEvents.onlineBallot;
import static org.conventionledger.query.platform.TestEvents.paperTally;
import static org.conventionledger.query.platform.TestEvents.votationClosed;
import static org.conventionledger.query.platform.TestEvents.votationOpened;
import static org.conventionledger.query.platform.TestEvents.votationScheduled;
import static org.conventionledger.query.platform.TestEvents.votes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.conventionledger.events.recruitment.InvitationSent;
import org.conventionledger.events.votation.OnlineBallotCast;
import org.conventionledger.events.votation.VotationScheduled;
import org.conventionledger.query.QueryServiceApplication;
import org.conventionledger.query.dashboard.DashboardController;
import org.conventionledger.query.oversight.AuditEvent;
import org.conventionledger.query.oversight.AuditTrailController;
import org.conventionledger.query.votation.RankingController;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.ErrorResponseException;

/**
 * The query service as it starts by default (H2 file event store and embedded read store under
 * {@code ledger.data-dir}): the processors apply the sequencing policies the projections rely on, and
 * events written to the log reach the read API.
 */
@SpringBootTest(classes = QueryServiceApplication.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ProcessingConfigurationTest extends ReadServiceTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    EventStorageEngine storageEngine;

    @Autowired
    DashboardController dashboards;

    @Autowired
    RankingController rankings;

    @Autowired
    AuditTrailController auditTrail;

    private static EventMessage<?> domainEvent(String aggregateType, String aggregateId, Object payload) {
        return new GenericDomainEventMessage<>(aggregateType, aggregateId, 0, payload);
    }

    private static final EventMessage<?> SCHEDULED =
            domainEvent("Votation", "vot-1", votationScheduled("conv-lyon", "vot-1", "V", item(1, SOCIAL)));
    private static final EventMessage<?> BALLOT =
            domainEvent("OnlineBallot", "ballot-9", onlineBallot("conv-lyon", "vot-1", "ballot-9", 1));
    private static final EventMessage<?> OTHER_CONVENTION =
            domainEvent("Votation", "vot-2", votationScheduled("conv-grenoble", "vot-2", "V", item(1, SOCIAL)));

    @Test
    void theDashboardIsSequencedByConventionAcrossAggregates() {
        assertSequencedByConvention("dashboard");
    }

    @Test
    void theRankingsAreSequencedByConventionAcrossAggregates() {
        assertSequencedByConvention("rankings");
    }

    private void assertSequencedByConvention(String processingGroup) {
        assertThat(SCHEDULED.getPayload()).isInstanceOf(VotationScheduled.class);
        assertThat(BALLOT.getPayload()).isInstanceOf(OnlineBallotCast.class);

        SequencingPolicy<? super EventMessage<?>> policy = processing.sequencingPolicy(processingGroup);
        Object scheduled = policy.getSequenceIdentifierFor(SCHEDULED);
        Object ballot = policy.getSequenceIdentifierFor(BALLOT);

        assertThat(scheduled).isNotNull().isEqualTo(ballot).isEqualTo("conv-lyon");
        assertThat(policy.getSequenceIdentifierFor(OTHER_CONVENTION)).isEqualTo("conv-grenoble");
    }

    @Test
    void theRunningProcessorsHandleAllEventsOfAConventionOnOneSegment() {
        List<Segment> segments = Segment.splitBalanced(Segment.ROOT_SEGMENT, 3);
        assertThat(segments).hasSize(4);
        for (String name : List.of("dashboard", "rankings")) {
            PooledStreamingEventProcessor processor = processing
                    .eventProcessor(name, PooledStreamingEventProcessor.class)
                    .orElseThrow();
            for (Segment segment : segments) {
                assertThat(processor.eventHandlerInvoker().canHandle(BALLOT, segment))
                        .as("%s, segment %s", name, segment)
                        .isEqualTo(processor.eventHandlerInvoker().canHandle(SCHEDULED, segment));
            }
        }
    }

    @Test
    void theAuditTrailUsesOneSequenceForEverything() {
        SequencingPolicy<? super EventMessage<?>> policy = processing.sequencingPolicy("audit-trail");
        EventMessage<?> notAConventionEvent = GenericEventMessage.asEventMessage("something else");

        Object first = policy.getSequenceIdentifierFor(SCHEDULED);
        assertThat(first).isNotNull();
        assertThat(policy.getSequenceIdentifierFor(BALLOT)).isEqualTo(first);
        assertThat(policy.getSequenceIdentifierFor(OTHER_CONVENTION)).isEqualTo(first);
        assertThat(policy.getSequenceIdentifierFor(notAConventionEvent)).isEqualTo(first);
    }

    @Test
    void eachProjectionRunsInItsOwnPooledProcessor() {
        assertThat(processing.eventProcessorByProcessingGroup(ProcessingConfiguration.DASHBOARD))
                .get()
                .isInstanceOf(PooledStreamingEventProcessor.class)
                .extracting(p -> ((PooledStreamingEventProcessor) p).getName())
                .isEqualTo("dashboard");
        assertThat(processing.eventProcessorByProcessingGroup(ProcessingConfiguration.RANKINGS))
                .get()
                .extracting(p -> ((PooledStreamingEventProcessor) p).getName())
                .isEqualTo("rankings");
        assertThat(processing.eventProcessorByProcessingGroup(ProcessingConfiguration.AUDIT_TRAIL))
                .get()
                .extracting(p -> ((PooledStreamingEventProcessor) p).getName())
                .isEqualTo("audit-trail");
        assertThat(processing.eventProcessorByProcessingGroup(ProcessingConfiguration.REFERRALS))
                .get()
                .extracting(p -> ((PooledStreamingEventProcessor) p).getName())
                .isEqualTo("referrals");
    }

    /**
     * ADR-018: an idle processor wakes every 15 s, not Axon's 5 s, for its claims and for unclaimed segments; a
     * claim outlives two missed extensions; with the embedded store the owner's name survives a restart.
     */
    @Test
    void idleProcessorsWakeAsRarelyAsTheAdrSays() {
        assertThat(processing.eventProcessors()).isNotEmpty();
        processing.eventProcessors().forEach((name, processor) -> {
            assertThat(processor).isInstanceOf(PooledStreamingEventProcessor.class);
            assertThat(ReflectionTestUtils.getField(processor, "tokenClaimInterval"))
                    .as("%s: token-claim-interval in application.yml", name)
                    .isEqualTo(15_000L);
            assertThat(ReflectionTestUtils.getField(processor, "claimExtensionThreshold"))
                    .as("%s: claim extension threshold", name)
                    .isEqualTo(15_000L);
        });
        assertThat(ProcessingConfiguration.IDLE_WAKE_UP).isEqualTo(Duration.ofSeconds(15));
        assertThat(ReadStoreConfiguration.CLAIM_TIMEOUT)
                .isEqualTo(Duration.ofSeconds(45))
                .isGreaterThan(ProcessingConfiguration.IDLE_WAKE_UP.multipliedBy(2));
        TokenStore tokens = processing.tokenStore("rankings");
        assertThat(ReflectionTestUtils.getField(tokens, MongoTokenStore.class, "claimTimeout"))
                .isEqualTo(ReadStoreConfiguration.CLAIM_TIMEOUT);
        assertThat(ReflectionTestUtils.getField(tokens, MongoTokenStore.class, "nodeId"))
                .isEqualTo(ReadStoreConfiguration.EMBEDDED_NODE_ID);
    }

    @Test
    void aFailingHandlerFailsItsBatchInsteadOfBeingSkipped() {
        for (String group : List.of("dashboard", "rankings", "referrals", "audit-trail")) {
            assertThat(processing.listenerInvocationErrorHandler(group)).isInstanceOf(PropagatingErrorHandler.class);
        }
    }

    @Test
    void theLogIsReadThroughTheIndexStampingEngine() {
        assertThat(storageEngine).isInstanceOf(IndexStampingEventStorageEngine.class);
        String convention = "conv-stamp-" + UUID.randomUUID();
        eventStore.publish(new GenericDomainEventMessage<>(
                "Convention", convention, 0, invitationSent(convention, "inv-1"), Map.of("actorId", "organiser")));

        List<? extends TrackedEventMessage<?>> stream;
        try (Stream<? extends TrackedEventMessage<?>> events = storageEngine.readEvents(null, false)) {
            stream = events.toList();
        }
        TrackedEventMessage<?> mine = stream.stream()
                .filter(e -> e.getPayload() instanceof InvitationSent sent && convention.equals(sent.conventionId()))
                .findFirst()
                .orElseThrow();
        assertThat(mine.getMetaData()).containsEntry("actorId", "organiser");
        assertThat(mine.getMetaData().get(IndexStampingEventStorageEngine.GLOBAL_INDEX))
                .isInstanceOf(Number.class)
                .extracting(n -> ((Number) n).longValue())
                .isEqualTo(mine.trackingToken().position().orElseThrow());
        assertThat(stream)
                .allSatisfy(e -> assertThat(EventPosition.of(e, e.trackingToken()))
                        .isEqualTo(e.trackingToken().position().orElseThrow()));
    }

    @Test
    void eventsWrittenToTheLogReachTheReadApiWithTheirGlobalIndex() {
        String convention = "conv-e2e-" + UUID.randomUUID();
        String votation = "vot-e2e-" + UUID.randomUUID();
        Map<String, Long> sequences = new HashMap<>();
        List<EventMessage<?>> events = new ArrayList<>();
        Object[][] log = {
            {"Convention", convention, conventionOpened(convention, "Convention e2e", "Lyon", ECOLOGICAL, SOCIAL)},
            {"Convention", convention, invitationSent(convention, "inv-1")},
            {"Convention", convention, memberSeated(convention, "m-1", SOCIAL)},
            {"Votation", votation, votationScheduled(convention, votation, "V", item(1, SOCIAL), item(2, ECOLOGICAL))},
            {"Votation", votation, votationOpened(convention, votation)},
            {"OnlineBallot", "b-1-" + votation, onlineBallot(convention, votation, "b-1", 1, 2)},
            {"Votation", votation, paperTally(convention, votation, "desk-1", votes(1, 4), votes(2, 7))},
            {"OnlineBallot", "b-2-" + votation, onlineBallot(convention, votation, "b-2", 2)},
            {"Votation", votation, votationClosed(convention, votation)},
        };
        for (Object[] entry : log) {
            String aggregateId = (String) entry[1];
            long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
            events.add(new GenericDomainEventMessage<>(
                    (String) entry[0],
                    aggregateId,
                    sequence,
                    entry[2],
                    Map.of("actorId", "organiser", "actorRole", "ORGANISER"),
                    UUID.randomUUID().toString(),
                    Instant.now()));
        }
        eventStore.publish(events);

        DashboardController.VotationTurnout turnout = await(() -> {
            var view = dashboards.dashboard(convention);
            return view.votations().size() == 1
                            && "CLOSED".equals(view.votations().get(0).status())
                    ? view.votations().get(0)
                    : null;
        });
        assertThat(turnout)
                .isEqualTo(new DashboardController.VotationTurnout(votation, "V", "CLOSED", 11, 3, 14, 2, 1, 0));
        assertThat(dashboards.dashboard(convention).membersByTransition())
                .containsEntry("SOCIAL", 1L)
                .containsEntry("ECOLOGICAL", 0L);

        RankingController.RankingView ranking = await(() -> {
            var view = rankings.ranking(votation, null);
            return "CLOSED".equals(view.status()) ? view : null;
        });
        assertThat(ranking.entries())
                .extracting(RankingController.Entry::actionNumber)
                .containsExactly(2, 1);
        assertThat(ranking.totalVotes()).isEqualTo(14);

        List<AuditEvent> trail = await(() -> {
            List<AuditEvent> mine = auditTrail.events(-1, 1000, null, null).events().stream()
                    .filter(e -> convention.equals(e.payload().get("conventionId")))
                    .toList();
            return mine.size() == log.length ? mine : null;
        });
        assertThat(trail)
                .extracting(AuditEvent::eventId)
                .containsExactlyElementsOf(
                        events.stream().map(EventMessage::getIdentifier).toList());
        long first = trail.get(0).position();
        assertThat(first).isPositive();
        for (int i = 0; i < trail.size(); i++) {
            assertThat(trail.get(i).position()).as("position of event %d", i).isEqualTo(first + i);
            assertThat(trail.get(i).actor()).isEqualTo(new AuditEvent.Actor("organiser", "ORGANISER"));
        }
        assertThat(trail.get(5).aggregateType()).isEqualTo("OnlineBallot");
        assertThat(trail.get(5).type()).isEqualTo("OnlineBallotCast");
    }

    /** The probe's value once it has one; a controller's 404 (not projected yet) counts as none. */
    private static <T> T await(Callable<T> probe) {
        return Awaitility.await("the read side to catch up")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .ignoreException(ErrorResponseException.class)
                .until(probe, Objects::nonNull);
    }
}
