package org.conventionledger.query.votation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.conventionledger.query.platform.CheckpointedReplay;
import org.conventionledger.query.platform.LogReplay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * A measurement, not a timed test: the ranking "as of" random instants of a log of online ballots on
 * one votation (H2 file event store, read over H2's TCP server as the query-service reads it beside the
 * command-service), from checkpoints every 2,000 events as the service does. The first request reads
 * the whole log to take the checkpoints and is timed apart. Prints {@code AS OF …} lines; checks that
 * each view counts the ballots recorded up to its instant.
 *
 * <p>{@code mvn test -pl query-service -Dtest=RankingAsOfMeasurement -Dledger.asof.events=200000}
 */
class RankingAsOfMeasurement {

    private static final int BALLOTS = Integer.getInteger("ledger.asof.events", 20_000);
    private static final int REQUESTS = Integer.getInteger("ledger.asof.requests", 200);
    private static final Instant T0 = Instant.parse("2025-06-14T08:00:00Z");

    @TempDir
    Path dataDir;

    @Test
    void asOfRandomInstantsOfABallotLoad() throws Exception {
        try (H2LogFile file = H2LogFile.create(dataDir)) {
            Serializer serializer = JacksonSerializer.builder()
                    .objectMapper(Jackson2ObjectMapperBuilder.json().build())
                    .build();
            RankingReplayOnJdbcTest.appendOpenVotation(file.engine(serializer), 12, T0);
            // ten ballots a second of recording time: the clock slack (10 minutes) spans 6,000 of them
            RankingReplayOnJdbcTest.appendBallots(
                    file.engine(serializer), BALLOTS, T0, Duration.ofMillis(100), i -> List.of(1 + i % 12));
            EmbeddedEventStore log = EmbeddedEventStore.builder()
                    .storageEngine(file.remoteEngine(serializer, 5_000))
                    .build();
            try {
                CheckpointedReplay replay =
                        new CheckpointedReplay(new LogReplay(log, Duration.ofMinutes(10)), 2_000, 50_000);
                RankingAsOf.Counting counting = new RankingAsOf.Counting("v");
                long start = System.nanoTime();
                Ranking all = replay.replay(counting, new LogReplay.Bound(T0.plusSeconds(BALLOTS), null), counting)
                        .state();
                long firstMillis = (System.nanoTime() - start) / 1_000_000;
                assertThat(all.onlineBallots).isEqualTo(BALLOTS);

                Random random = new Random(42);
                double[] millis = new double[REQUESTS];
                long read = 0;
                for (int i = 0; i < REQUESTS; i++) {
                    int ballots = random.nextInt(BALLOTS);
                    // one ballot a tenth of a second: the ballots before number `ballots` are recorded by then
                    Instant at = T0.plusMillis(100L * ballots - 1);
                    start = System.nanoTime();
                    CheckpointedReplay.Result<Ranking> result =
                            replay.replay(counting, new LogReplay.Bound(at, null), counting);
                    millis[i] = (System.nanoTime() - start) / 1e6;
                    read += result.replayed().eventsRead();
                    assertThat(result.state().onlineBallots).isEqualTo(ballots);
                }
                Arrays.sort(millis);
                System.out.printf(
                        "AS OF %d ballots: first request %d ms (checkpoints taken); %d instants: p50 %.1f ms, "
                                + "p99 %.1f ms, max %.1f ms, %d events read per request on average%n",
                        BALLOTS,
                        firstMillis,
                        REQUESTS,
                        millis[REQUESTS / 2],
                        millis[(int) Math.ceil(REQUESTS * 0.99) - 1],
                        millis[REQUESTS - 1],
                        read / REQUESTS);
            } finally {
                log.shutDown();
            }
        }
    }
}
