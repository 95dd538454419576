package org.conventionledger.query.votation;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.conventionledger.events.recruitment.RecruitmentUpcasters;
import org.conventionledger.query.platform.AsOfFeed;
import org.conventionledger.query.platform.CheckpointedReplay;
import org.conventionledger.query.platform.EventStoreConfiguration;
import org.conventionledger.query.platform.JdbcLogPages;
import org.conventionledger.query.platform.LogReplay;
import org.conventionledger.query.platform.ReadStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * A measurement, not a timed test: the ranking "as of" random instants of a log of online ballots on
 * one votation (H2 file event store, read over H2's TCP server as the query-service reads it beside the
 * command-service; the embedded read store on its H2 backend), from checkpoints every 1,000 events taken
 * by the {@code as-of-checkpoints} processor's writer. Times the writer over the whole log, the first
 * request after each of several restarts (a reader with nothing in memory), then random instants, in
 * wall time and in CPU time of this JVM (which also runs H2's server and the read store). Prints
 * {@code AS OF …} lines; checks that each view counts the ballots recorded up to its instant.
 *
 * <p>{@code mvn test -pl query-service -Dtest=RankingAsOfMeasurement -Dledger.asof.events=100000}
 */
class RankingAsOfMeasurement {

    private static final int BALLOTS = Integer.getInteger("ledger.asof.events", 20_000);
    private static final int REQUESTS = Integer.getInteger("ledger.asof.requests", 200);
    private static final int RESTARTS = Integer.getInteger("ledger.asof.restarts", 20);
    private static final int EVERY = Integer.getInteger("ledger.asof.every", 1_000);
    private static final int PAGE = Integer.getInteger("ledger.asof.page", EventStoreConfiguration.READ_BATCH_SIZE);
    private static final Instant T0 = Instant.parse("2025-06-14T08:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void asOfRandomInstantsOfABallotLoad() throws Exception {
        try (H2LogFile file = H2LogFile.create(dataDir);
                ReadStore store = ReadStore.start(ReadStore.Backend.H2)) {
            Serializer serializer = JacksonSerializer.builder()
                    .objectMapper(Jackson2ObjectMapperBuilder.json().build())
                    .build();
            RankingReplayOnJdbcTest.appendOpenVotation(file.engine(serializer), 12, T0);
            // ten ballots a second of recording time: the clock slack (10 minutes) spans 6,000 of them
            RankingReplayOnJdbcTest.appendBallots(
                    file.engine(serializer), BALLOTS, T0, Duration.ofMillis(100), i -> List.of(1 + i % 12));
            EmbeddedEventStore log = EmbeddedEventStore.builder()
                    .storageEngine(file.remoteEngine(serializer, PAGE))
                    .build();
            try {
                LogReplay full = new LogReplay(log, Duration.ofMinutes(10));
                AsOfFeed feed = new AsOfFeed(log, store.mongo(), EVERY, new RankingAsOf.Counting());
                Clocks writing = Clocks.start();
                int folded = feed.catchUp(1_000);
                System.out.printf(
                        "AS OF writer: %d events folded, %d checkpoints every %d: %s%n",
                        folded, store.mongo().getCollection("asOfCheckpoints").countDocuments(), EVERY, writing.stop());
                System.out.printf(
                        "AS OF read store: %d state documents, %.0f bytes per checkpoint (checkpoint and states)%n",
                        store.mongo().getCollection("asOfStates").countDocuments(), bytesPerCheckpoint(store));

                Random random = new Random(42);
                // a new reader for each request: nothing in memory, as after a restart
                measure("first request after a restart", RESTARTS, random, () -> feed.replay(full));
                CheckpointedReplay replay = feed.replay(full);
                ballotsAsOf(replay, 0);
                // the tails read straight from the table, over TCP too, in pages sized to the interval
                LogReplay tables = new LogReplay(
                        log,
                        new JdbcLogPages(
                                file.connections(true),
                                new EventSchema(),
                                serializer,
                                RecruitmentUpcasters.chain(),
                                Duration.ofMinutes(10),
                                10_000,
                                Clock.systemUTC()),
                        Duration.ofMinutes(10));
                CheckpointedReplay fromTables = feed.replay(tables);
                ballotsAsOf(fromTables, 0);
                measure(
                        "first request after a restart, tails from the table",
                        RESTARTS,
                        random,
                        () -> feed.replay(tables));
                // the two readers in turns, so that both meet the same load on the machine
                for (int round = 0; round < 2; round++) {
                    measure("random instants, Axon's stream", REQUESTS / 2, random, () -> replay);
                    measure("random instants, tails from the table", REQUESTS / 2, random, () -> fromTables);
                }
                System.out.printf(
                        "AS OF load average %.1f, %d ballots, page %d%n",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), BALLOTS, PAGE);
            } finally {
                log.shutDown();
            }
        }
    }

    /** Times {@code requests} requests at random instants, each on the reader {@code readers} gives. */
    private static void measure(String what, int requests, Random random, Supplier<CheckpointedReplay> readers) {
        double[] wall = new double[requests];
        double[] cpu = new double[requests];
        long read = 0;
        for (int i = 0; i < requests; i++) {
            CheckpointedReplay reader = readers.get();
            int ballots = random.nextInt(BALLOTS);
            Clocks clocks = Clocks.start();
            CheckpointedReplay.Result<Ranking> result = ballotsAsOf(reader, ballots);
            wall[i] = clocks.wallMillis();
            cpu[i] = clocks.cpuMillis();
            read += result.replayed().eventsRead();
            assertThat(result.state().onlineBallots).isEqualTo(ballots);
        }
        report(what, wall, cpu, read / requests);
    }

    /** The ranking as of the instant just before ballot number {@code ballots} was recorded. */
    private static CheckpointedReplay.Result<Ranking> ballotsAsOf(CheckpointedReplay replay, int ballots) {
        // one ballot a tenth of a second: the ballots before number `ballots` are recorded by then
        Instant at = T0.plusMillis(100L * ballots - 1);
        return replay.replay(new RankingAsOf.Counting(), "v", new LogReplay.Bound(at, null));
    }

    private static double bytesPerCheckpoint(ReadStore store) {
        double bytes = 0;
        long checkpoints = 0;
        for (org.bson.Document d :
                store.mongo().getCollection("asOfCheckpoints").find()) {
            bytes += d.toJson().length();
            checkpoints++;
        }
        for (org.bson.Document d : store.mongo().getCollection("asOfStates").find()) {
            bytes += d.toJson().length();
        }
        return checkpoints == 0 ? 0 : bytes / checkpoints;
    }

    private static void report(String what, double[] wall, double[] cpu, long readPerRequest) {
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf(
                "AS OF %s (%d): wall p50 %.1f ms, p99 %.1f ms, max %.1f ms; CPU p50 %.1f ms, p99 %.1f ms,"
                        + " max %.1f ms; %d events read per request on average%n",
                what,
                wall.length,
                wall[wall.length / 2],
                wall[(int) Math.ceil(wall.length * 0.99) - 1],
                wall[wall.length - 1],
                cpu[cpu.length / 2],
                cpu[(int) Math.ceil(cpu.length * 0.99) - 1],
                cpu[cpu.length - 1],
                readPerRequest);
    }

    /** Wall time, and CPU time of the whole JVM (reader, H2's server, read store, garbage collector). */
    private record Clocks(long wallStart, long cpuStart) {

        static Clocks start() {
            return new Clocks(System.nanoTime(), cpu());
        }

        double wallMillis() {
            return (System.nanoTime() - wallStart) / 1e6;
        }

        double cpuMillis() {
            return (cpu() - cpuStart) / 1e6;
        }

        String stop() {
            return String.format("wall %.1f s, CPU %.1f s", wallMillis() / 1000, cpuMillis() / 1000);
        }

        private static long cpu() {
            return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }
    }
}
