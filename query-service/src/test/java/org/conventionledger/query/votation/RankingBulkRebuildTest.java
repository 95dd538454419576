package org.conventionledger.query.votation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.conventionledger.events.ConventionEvent;
import org.conventionledger.events.Transition;
import org.conventionledger.events.recruitment.RecruitmentUpcasters;
import org.conventionledger.events.votation.OnlineBallotCast;
import org.conventionledger.query.platform.BulkReplay;
import org.conventionledger.query.platform.JdbcLogPages;
import org.conventionledger.query.platform.LogPages;
import org.conventionledger.query.platform.Projections;
import org.conventionledger.query.platform.ReadStore;
import org.conventionledger.query.platform.StreamPages;
import org.conventionledger.query.platform.TestEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The rebuild in batches ({@link BulkReplay}) while ballots keep coming: it replays the log to its head,
 * hands its token to the processor, and the processor goes on from there; the ranking then counts every
 * ballot of the log exactly once, none lost in the handover, none counted twice.
 */
class RankingBulkRebuildTest {

    private static final int BEFORE = 12_000;
    private static final int DURING = 3_000;

    @Test
    void ballotsCastDuringTheRebuildAreCountedOnceAfterTheHandover() throws Exception {
        EmbeddedEventStore log = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine())
                .build();
        try {
            rebuildWhileVoting(log, new StreamPages(log, 1_000));
        } finally {
            log.shutDown();
        }
    }

    /** The same on the H2 file log, read straight from its table as the service reads it ({@link JdbcLogPages}). */
    @Test
    void onTheJdbcLogReadFromItsTableBallotsCastDuringTheRebuildAreCountedOnce(@TempDir Path dataDir) throws Exception {
        try (H2LogFile file = H2LogFile.create(dataDir)) {
            Serializer serializer = JacksonSerializer.builder()
                    .objectMapper(Jackson2ObjectMapperBuilder.json().build())
                    .build();
            EmbeddedEventStore log = EmbeddedEventStore.builder()
                    .storageEngine(file.engine(serializer))
                    .build();
            try {
                rebuildWhileVoting(
                        log,
                        new JdbcLogPages(
                                file.connections(false),
                                new EventSchema(),
                                serializer,
                                RecruitmentUpcasters.chain(),
                                Duration.ofMinutes(10),
                                1_000,
                                Clock.systemUTC()));
            } finally {
                log.shutDown();
            }
        }
    }

    private static void rebuildWhileVoting(EmbeddedEventStore log, LogPages pages) throws Exception {
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(2);
        try (ReadStore store = ReadStore.start()) {
            log.publish(new GenericDomainEventMessage<>(
                    "Votation",
                    "v",
                    0,
                    TestEvents.votationScheduled("c", "v", "Votation", TestEvents.item(1, Transition.SOCIAL))));
            for (int i = 0; i < BEFORE; i += 500) {
                List<EventMessage<?>> batch = new ArrayList<>();
                for (int j = i; j < i + 500; j++) {
                    batch.add(ballot(j));
                }
                log.publish(batch);
            }
            RankingProjection projection = new RankingProjection(
                    new Projections(store.mongo()), store.mongo(), new LiveRankings(store.mongo()));
            SimpleEventHandlerInvoker handlers = SimpleEventHandlerInvoker.builder()
                    .eventHandlers(projection)
                    .sequencingPolicy(
                            e -> e.getPayload() instanceof ConventionEvent c ? c.conventionId() : e.getIdentifier())
                    .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                    .build();
            InMemoryTokenStore tokens = new InMemoryTokenStore();
            tokens.initializeTokenSegments("rankings", 4);
            BulkReplay replay = new BulkReplay("rankings", handlers, pages, tokens);

            Thread voters = new Thread(() -> {
                for (int i = BEFORE; i < BEFORE + DURING; i++) {
                    log.publish(ballot(i));
                }
            });
            voters.start();
            replay.run();
            for (int segment = 0; segment < 4; segment++) {
                assertThat(tokens.fetchToken("rankings", segment).position().orElse(-1))
                        .as("the processor goes on from where the replay stopped, not from the start")
                        .isGreaterThanOrEqualTo(BEFORE);
            }
            PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                    .name("rankings")
                    .eventHandlerInvoker(handlers)
                    .messageSource(log)
                    .tokenStore(tokens)
                    .transactionManager(NoTransactionManager.INSTANCE)
                    .coordinatorExecutor(coordinator)
                    .workerExecutor(workers)
                    .initialSegmentCount(4)
                    .batchSize(1_000)
                    .build();
            processor.start();
            voters.join();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            Ranking ranking = store.mongo().findById("v", Ranking.class);
            while ((ranking == null || ranking.onlineBallots < BEFORE + DURING)
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
                ranking = store.mongo().findById("v", Ranking.class);
            }
            // the processor's first batches come again over what the replay counted, if they overlap
            Thread.sleep(500);
            ranking = store.mongo().findById("v", Ranking.class);
            processor.shutDown();

            assertThat(replay.position()).isGreaterThanOrEqualTo(BEFORE);
            assertThat(ranking.onlineBallots).isEqualTo(BEFORE + DURING);
            assertThat(ranking.count(1).onlineVotes).isEqualTo(BEFORE + DURING);
        } finally {
            coordinator.shutdownNow();
            workers.shutdownNow();
        }
    }

    private static GenericDomainEventMessage<OnlineBallotCast> ballot(int i) {
        return new GenericDomainEventMessage<>(
                "OnlineBallot", "ballot-" + i, 0, TestEvents.onlineBallot("c", "v", "ballot-" + i, 1));
    }
}
