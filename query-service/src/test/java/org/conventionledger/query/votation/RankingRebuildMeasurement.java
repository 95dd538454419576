package org.conventionledger.query.votation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.conventionledger.events.ConventionEvent;
import org.conventionledger.events.recruitment.RecruitmentUpcasters;
import org.conventionledger.query.platform.BulkReplay;
import org.conventionledger.query.platform.IndexStampingEventStorageEngine;
import org.conventionledger.query.platform.JdbcLogPages;
import org.conventionledger.query.platform.LogPages;
import org.conventionledger.query.platform.Projections;
import org.conventionledger.query.platform.ReadStore;
import org.conventionledger.query.platform.StreamPages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * A measurement, not a timed test: the rankings projection rebuilt from a log of online ballots on one
 * votation, as the service runs it (H2 file event store with the index-stamping engine, a pooled
 * processor of 4 segments on 2 threads sequenced by convention, embedded read store on H2), with
 * batches of one event (one read and one write per event, as before batching), with the processor's
 * batch size, and as the service rebuilds ({@link BulkReplay}): reading through Axon's event stream
 * ({@code stream}) or straight from the table ({@code bulk}, {@link JdbcLogPages}). Prints
 * {@code REBUILD …} lines; checks only that the ranking is exact.
 *
 * <p>{@code mvn test -pl query-service -Dtest=RankingRebuildMeasurement -Dledger.rebuild.events=100000}; also
 * {@code -Dledger.rebuild.batch-sizes=1000,bulk,bulk}, {@code -Dledger.rebuild.read-batch=100} (positions
 * per query of the event store), {@code -Dledger.rebuild.tcp=true} (the log read over H2's TCP server) and
 * {@code -Dledger.rebuild.store=postgres} (the log on PostgreSQL, {@code LEDGER_TEST_POSTGRES_*}).
 */
class RankingRebuildMeasurement {

    private static final int BALLOTS = Integer.getInteger("ledger.rebuild.events", 3_000);
    private static final int ACTIONS = 12;
    /** The processor's batch sizes to measure, in turn. */
    private static final String BATCH_SIZES = System.getProperty("ledger.rebuild.batch-sizes", "1,1000,stream,bulk");
    /** The positions the event store reads per query. */
    private static final int READ_BATCH = Integer.getInteger("ledger.rebuild.read-batch", 5_000);
    /** Whether the log is read over H2's TCP server, as the query-service does beside the command-service. */
    private static final boolean TCP = Boolean.getBoolean("ledger.rebuild.tcp");
    /** Whether the log is on PostgreSQL ({@code LEDGER_TEST_POSTGRES_*}) rather than an H2 file. */
    private static final boolean POSTGRES = "postgres".equals(System.getProperty("ledger.rebuild.store"));

    private static final Instant T0 = Instant.parse("2025-06-14T08:00:00Z");
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @TempDir
    Path dataDir;

    @Test
    void rebuildsTheRankingsOfABallotLoad() throws Exception {
        Serializer serializer = JacksonSerializer.builder()
                .objectMapper(Jackson2ObjectMapperBuilder.json().build())
                .build();
        if (POSTGRES) {
            onPostgres(serializer);
            return;
        }
        try (H2LogFile file = H2LogFile.create(dataDir)) {
            write(file.engine(serializer));
            IndexStampingEventStorageEngine engine =
                    TCP ? file.remoteEngine(serializer, READ_BATCH) : file.engine(serializer, READ_BATCH);
            measure(engine, file.connections(TCP), serializer);
        }
    }

    /** The same on PostgreSQL, in a schema of its own dropped afterwards. */
    private void onPostgres(Serializer serializer) throws Exception {
        String url = System.getenv("LEDGER_TEST_POSTGRES_URL");
        String user = System.getenv().getOrDefault("LEDGER_TEST_POSTGRES_USER", "ledger");
        String password = System.getenv().getOrDefault("LEDGER_TEST_POSTGRES_PASSWORD", "");
        String schema = "rebuild_measure_" + System.nanoTime();
        try (Connection admin = DriverManager.getConnection(url, user, password);
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            try {
                String inSchema = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
                ConnectionProvider connections = () -> DriverManager.getConnection(inSchema, user, password);
                try (Connection connection = connections.getConnection();
                        InputStream ddl = getClass().getResourceAsStream("/eventstore/schema-postgresql.sql");
                        Statement create = connection.createStatement()) {
                    String sql = new String(ddl.readAllBytes(), StandardCharsets.UTF_8);
                    for (String part : sql.replaceAll("(?m)^--.*$", "").split(";")) {
                        if (!part.isBlank()) {
                            create.execute(part);
                        }
                    }
                }
                IndexStampingEventStorageEngine engine =
                        new IndexStampingEventStorageEngine(JdbcEventStorageEngine.builder()
                                .batchSize(READ_BATCH)
                                .snapshotSerializer(serializer)
                                .eventSerializer(serializer)
                                .connectionProvider(connections)
                                .transactionManager(NoTransactionManager.INSTANCE)
                                .schema(new EventSchema())
                                .dataType(byte[].class));
                write(engine);
                measure(engine, connections, serializer);
            } finally {
                statement.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private void measure(IndexStampingEventStorageEngine engine, ConnectionProvider connections, Serializer serializer)
            throws Exception {
        EmbeddedEventStore log =
                EmbeddedEventStore.builder().storageEngine(engine).build();
        try {
            for (String batchSize : BATCH_SIZES.split(",")) {
                if ("bulk".equals(batchSize.strip())) {
                    bulk(
                            "REBUILD rankings in bulk",
                            new JdbcLogPages(
                                    connections,
                                    new EventSchema(),
                                    serializer,
                                    RecruitmentUpcasters.chain(),
                                    Duration.ofMinutes(10),
                                    10_000,
                                    Clock.systemUTC()));
                } else if ("stream".equals(batchSize.strip())) {
                    bulk("REBUILD rankings in bulk through Axon's stream", new StreamPages(log, 10_000));
                } else {
                    rebuild(log, Integer.parseInt(batchSize.strip()));
                }
            }
        } finally {
            log.shutDown();
        }
    }

    /** The rebuild as the service runs it: one reader, large batches, then the token handed over. */
    private void bulk(String what, LogPages log) throws Exception {
        try (ReadStore readStore = ReadStore.start(ReadStore.Backend.H2)) {
            RankingProjection projection = new RankingProjection(
                    new Projections(readStore.mongo()), readStore.mongo(), new LiveRankings(readStore.mongo()));
            InMemoryTokenStore tokens = new InMemoryTokenStore();
            tokens.initializeTokenSegments("rankings", 4);
            BulkReplay replay = new BulkReplay(
                    "rankings",
                    SimpleEventHandlerInvoker.builder()
                            .eventHandlers(projection)
                            .sequencingPolicy(e ->
                                    e.getPayload() instanceof ConventionEvent c ? c.conventionId() : e.getIdentifier())
                            .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                            .build(),
                    log,
                    tokens);
            long start = System.nanoTime();
            long cpuStart = PROCESS.getProcessCpuTime();
            replay.run();
            long millis = Math.max(1, (System.nanoTime() - start) / 1_000_000);
            long cpuMillis = Math.max(1, (PROCESS.getProcessCpuTime() - cpuStart) / 1_000_000);
            Ranking ranking = readStore.mongo().findById("v", Ranking.class);

            assertThat(ranking.onlineBallots).isEqualTo(BALLOTS);
            for (int segment = 0; segment < 4; segment++) {
                assertThat(tokens.fetchToken("rankings", segment).position()).hasValue(BALLOTS + 2);
            }
            report(what, "", millis, cpuMillis, ranking.version + 1);
        }
    }

    /** One line of figures for a rebuild of the {@code BALLOTS + 2} events, {@code setting} after the read batch. */
    private static void report(String what, String setting, long millis, long cpuMillis, long rankingWrites) {
        System.out.printf(
                "%s, %s, read batch %d%s: %d events in %d ms = %d events/s; "
                        + "CPU %d ms = %d events per CPU second; %d writes of the ranking%n",
                what,
                POSTGRES ? "PostgreSQL" : TCP ? "over TCP" : "embedded",
                READ_BATCH,
                setting,
                BALLOTS + 2,
                millis,
                (BALLOTS + 2) * 1000L / millis,
                cpuMillis,
                (BALLOTS + 2) * 1000L / cpuMillis,
                rankingWrites);
    }

    private void rebuild(EmbeddedEventStore log, int batchSize) throws InterruptedException {
        ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor();
        ScheduledExecutorService workers = Executors.newScheduledThreadPool(2);
        try (ReadStore readStore = ReadStore.start(ReadStore.Backend.H2)) {
            RankingProjection projection = new RankingProjection(
                    new Projections(readStore.mongo()), readStore.mongo(), new LiveRankings(readStore.mongo()));
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
            report("REBUILD rankings", ", batch size " + batchSize, millis, cpuMillis, ranking.version + 1);
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
