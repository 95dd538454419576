package org.conventionledger.query.votation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.conventionledger.events.recruitment.RecruitmentUpcasters;
import org.conventionledger.query.platform.AsOfFeed;
import org.conventionledger.query.platform.CheckpointedReplay;
import org.conventionledger.query.platform.IndexStampingEventStorageEngine;
import org.conventionledger.query.platform.JdbcLogPages;
import org.conventionledger.query.platform.LogReplay;
import org.conventionledger.query.platform.ReadStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Checkpoints taken while transactions were still committing, on the real JDBC log: ballots whose rows
 * were missing when the checkpoints were taken (gaps in their tokens) are committed afterwards, and the
 * ranking as of any bound, rebuilt from the checkpoints, still counts them as the full replay does.
 */
class RankingCheckpointedReplayOnJdbcTest {

    private static final int BALLOTS = 60;
    /** Recent enough for the event store to keep waiting for the gaps (its gap timeout, below). */
    private static final Instant T0 = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);

    @TempDir
    Path dataDir;

    /**
     * The checkpointed replays read their tails through Axon's stream, or straight from the table in pages of
     * a few positions (so that the late rows come in later pages, and the token's gaps are asked again with
     * each); the full replay they are compared with reads Axon's stream.
     */
    @ParameterizedTest(name = "tails read from the table: {0}")
    @ValueSource(booleans = {false, true})
    void lateCommitsBelowACheckpointAreCountedAsTheFullReplayCountsThem(boolean fromTable) throws Exception {
        try (H2LogFile file = H2LogFile.create(dataDir)) {
            Serializer serializer = JacksonSerializer.builder()
                    .objectMapper(Jackson2ObjectMapperBuilder.json().build())
                    .build();
            RankingReplayOnJdbcTest.appendOpenVotation(file.engine(serializer), 2, T0);
            RankingReplayOnJdbcTest.appendBallots(
                    file.engine(serializer), BALLOTS, T0, i -> i % 3 == 0 ? List.of(1, 2) : List.of(1 + i % 2));
            String url = "jdbc:h2:file:" + dataDir.resolve("eventstore") + ";AUTO_SERVER=TRUE";
            try (Connection connection = DriverManager.getConnection(url, "sa", "");
                    Statement sql = connection.createStatement()) {
                // three transactions still committing: their positions are taken, their rows not visible
                sql.execute("CREATE TABLE late AS SELECT * FROM DomainEventEntry WHERE globalIndex IN (5, 6, 31)");
                sql.execute("DELETE FROM DomainEventEntry WHERE globalIndex IN (5, 6, 31)");

                IndexStampingEventStorageEngine engine =
                        new IndexStampingEventStorageEngine(JdbcEventStorageEngine.builder()
                                .snapshotSerializer(serializer)
                                .eventSerializer(serializer)
                                .connectionProvider(() -> DriverManager.getConnection(url, "sa", ""))
                                .transactionManager(NoTransactionManager.INSTANCE)
                                .schema(new EventSchema())
                                .dataType(byte[].class)
                                .gapTimeout(Integer.MAX_VALUE)
                                .maxGapOffset(Integer.MAX_VALUE));
                EmbeddedEventStore store =
                        EmbeddedEventStore.builder().storageEngine(engine).build();
                try (ReadStore readStore = ReadStore.start()) {
                    LogReplay full = new LogReplay(store, Duration.ofMinutes(10));
                    LogReplay tails = fromTable
                            ? new LogReplay(
                                    store,
                                    new JdbcLogPages(
                                            () -> DriverManager.getConnection(url, "sa", ""),
                                            new EventSchema(),
                                            serializer,
                                            RecruitmentUpcasters.chain(),
                                            Duration.ofMinutes(10),
                                            1_000,
                                            Clock.systemUTC()),
                                    Duration.ofMinutes(10))
                            : full;
                    AsOfFeed feed = new AsOfFeed(store, readStore.mongo(), 4, new RankingAsOf.Counting());
                    feed.catchUp(7);
                    CheckpointedReplay checkpointed = feed.replay(tails);
                    assertThat(ballotsAsOf(checkpointed, BALLOTS)).isEqualTo(BALLOTS - 3);

                    sql.execute("INSERT INTO DomainEventEntry SELECT * FROM late");

                    // the checkpoints still wait for the late rows; then the processor hands them over,
                    // once again after a crash, and a restarted service reads the new checkpoints
                    assertSameAtEveryBound(full, checkpointed);
                    feed.crashBeforeToken(5);
                    feed.catchUp(5);
                    assertSameAtEveryBound(full, checkpointed);
                    assertSameAtEveryBound(full, feed.replay(tails));
                    assertThat(ballotsAsOf(checkpointed, BALLOTS)).isEqualTo(BALLOTS);
                } finally {
                    store.shutDown();
                }
            }
        }
    }

    private static void assertSameAtEveryBound(LogReplay full, CheckpointedReplay checkpointed) {
        for (long second = -1; second <= BALLOTS + 1; second++) {
            assertSame(full, checkpointed, new LogReplay.Bound(T0.plusSeconds(second), null));
        }
        for (long position = 0; position <= BALLOTS + 2; position += 5) {
            assertSame(full, checkpointed, new LogReplay.Bound(null, position));
        }
    }

    private static long ballotsAsOf(CheckpointedReplay checkpointed, long second) {
        return checkpointed
                .replay(new RankingAsOf.Counting(), "v", new LogReplay.Bound(T0.plusSeconds(second), null))
                .state()
                .onlineBallots;
    }

    private static void assertSame(LogReplay full, CheckpointedReplay checkpointed, LogReplay.Bound bound) {
        RankingCheckpointedReplayPropertiesTest.assertSame(full, checkpointed, bound, false);
    }
}
