package org.conventionledger.query.votation;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.conventionledger.events.ConventionEvent;
import org.conventionledger.query.platform.IndexStampingEventStorageEngine;
import org.conventionledger.query.platform.Projections;
import org.conventionledger.query.platform.ReadStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * A measurement, not a timed test: the rankings projection rebuilt from a log of online ballots on one
 * votation, as the service runs it (H2 file event store with the index-stamping engine, a pooled
 * processor of 4 segments on 2 threads sequenced by convention, embedded read store on H2), once with
 * batches of one event (one read and one write per event, as before batching) and once with the
 * service's batch size. Prints {@code REBUILD …} lines; checks only that the ranking is exact.
 *
 * <p>{@code mvn test -pl query-service -Dtest=RankingRebuildMeasurement -Dledger.rebuild.events=100000}
 */
class RankingRebuildMeasurement {

    private static final int BALLOTS = Integer.getInteger("ledger.rebuild.events", 3_000);
    private static final int ACTIONS = 12;
    private static final Instant T0 = Instant.parse("2025-06-14T08:00:00Z");
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @TempDir
    Path dataDir;

    @Test
    void rebuildsTheRankingsOfABallotLoad() throws Exception {
        try (H2LogFile file = H2LogFile.create(dataDir)) {
            Serializer serializer = JacksonSerializer.builder()
                    .objectMapper(Jackson2ObjectMapperBuilder.json().build())
                    .build();
            IndexStampingEventStorageEngine engine = file.engine(serializer);
            write(engine);
            EmbeddedEventStore log =
                    EmbeddedEventStore.builder().storageEngine(engine).build();
            try {
                rebuild(log, 1);
                rebuild(log, 1_000);
            } finally {
                log.shutDown();
            }
        }
    }

    private void rebuild(EmbeddedEventStore log, int batchSize) throws InterruptedException {
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(2);
        try (ReadStore readStore = ReadStore.start(ReadStore.Backend.H2)) {
            RankingProjection projection = new RankingProjection(new Projections(readStore.mongo()), readStore.mongo());
            PooledStreamingEventProcessor processor = PooledStreamingEventProcessor.builder()
                    .name("rankings")
                    .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                            .eventHandlers(projection)
                            .sequencingPolicy(e ->
                                    e.getPayload() instanceof ConventionEvent c ? c.conventionId() : e.getIdentifier())
                            .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                            .build())
                    .messageSource(log)
                    .tokenStore(new InMemoryTokenStore())
                    .transactionManager(NoTransactionManager.INSTANCE)
                    .coordinatorExecutor(coordinator)
                    .workerExecutor(workers)
                    .initialSegmentCount(4)
                    .batchSize(batchSize)
                    .build();
            long start = System.nanoTime();
            long cpuStart = PROCESS.getProcessCpuTime();
            processor.start();
            Ranking ranking;
            do {
                Thread.sleep(20);
                ranking = readStore.mongo().findById("v", Ranking.class);
            } while (ranking == null || ranking.onlineBallots < BALLOTS);
            long millis = Math.max(1, (System.nanoTime() - start) / 1_000_000);
            long cpuMillis = Math.max(1, (PROCESS.getProcessCpuTime() - cpuStart) / 1_000_000);
            processor.shutDown();

            assertThat(ranking.onlineBallots).isEqualTo(BALLOTS);
            // the CPU time (event store, processor and read store all run in this JVM) depends less on
            // what else the machine runs than the wall time does
            System.out.printf(
                    "REBUILD rankings, batch size %d: %d events in %d ms = %d events/s; CPU %d ms = %d events "
                            + "per CPU second; %d writes of the ranking%n",
                    batchSize,
                    BALLOTS + 2,
                    millis,
                    (BALLOTS + 2) * 1000L / millis,
                    cpuMillis,
                    (BALLOTS + 2) * 1000L / cpuMillis,
                    ranking.version + 1);
        } finally {
            coordinator.shutdownNow();
            workers.shutdownNow();
        }
    }

    private static void write(IndexStampingEventStorageEngine engine) {
        RankingReplayOnJdbcTest.appendOpenVotation(engine, ACTIONS, T0);
        RankingReplayOnJdbcTest.appendBallots(
                engine,
                BALLOTS,
                T0,
                i -> List.of(1 + i % ACTIONS, 1 + (i * 7 + 3) % ACTIONS).stream()
                        .distinct()
                        .toList());
    }
}
