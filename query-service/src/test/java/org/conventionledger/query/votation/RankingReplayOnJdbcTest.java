package org.conventionledger.query.votation;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.conventionledger.events.Transition;
import org.conventionledger.events.votation.BallotItem;
import org.conventionledger.events.votation.OnlineBallotCast;
import org.conventionledger.events.votation.VotationOpened;
import org.conventionledger.events.votation.VotationScheduled;
import org.conventionledger.query.platform.IndexStampingEventStorageEngine;
import org.conventionledger.query.platform.LogReplay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The "as of" replay on the real JDBC event store of the embedded default (H2 file, the read side's
 * index-stamping engine, gap-aware tokens): a votation of online ballots is counted exactly, as of its
 * end and as of its middle, by streaming the log.
 *
 * <p>Also the measurement quoted in the README: run with {@code -Dledger.replay.events=100000} to write
 * that many ballots and print how long the replays take ({@code REPLAY …} lines on standard output).
 */
class RankingReplayOnJdbcTest {

    private static final Instant T0 = Instant.parse("2025-06-14T08:00:00Z");
    private static final int BALLOTS = Integer.getInteger("ledger.replay.events", 3_000);
    private static final int ACTIONS = 40;

    @TempDir
    Path dataDir;

    @Test
    void countsTheBallotsOfTheLogAsOfItsEndAndItsMiddle() throws Exception {
        try (H2LogFile file = H2LogFile.create(dataDir)) {
            replay(file);
        }
    }

    private void replay(H2LogFile file) throws Exception {
        Serializer serializer = JacksonSerializer.builder()
                .objectMapper(Jackson2ObjectMapperBuilder.json().build())
                .build();
        IndexStampingEventStorageEngine engine = file.engine(serializer);
        EmbeddedEventStore store =
                EmbeddedEventStore.builder().storageEngine(engine).build();
        try {
            long[] expected = write(engine);
            LogReplay replay = new LogReplay(store, Duration.ofMinutes(10));

            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long start = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            Ranking all = Ranking.of("v");
            LogReplay.Replayed whole = replay.replay(
                    new LogReplay.Bound(T0.plusSeconds(BALLOTS), null),
                    RankingChanges.TYPES,
                    p -> "v".equals(RankingChanges.votationOf(p)),
                    e -> RankingChanges.apply(all, e.getPayload()));
            long wholeMillis = (System.nanoTime() - start) / 1_000_000;
            long wholeCpu = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;

            assertThat(whole.eventsRead()).isEqualTo(BALLOTS + 2);
            assertThat(whole.lastPosition()).isEqualTo(BALLOTS + 2);
            assertThat(all.onlineBallots).isEqualTo(BALLOTS);
            for (int a = 1; a <= ACTIONS; a++) {
                assertThat(all.count(a).onlineVotes).isEqualTo(expected[a]);
            }

            start = System.nanoTime();
            cpu = threads.getCurrentThreadCpuTime();
            Ranking half = Ranking.of("v");
            Instant middle = T0.plusSeconds(BALLOTS / 2).minusMillis(1); // just before ballot number BALLOTS / 2
            LogReplay.Replayed halfway = replay.replay(
                    new LogReplay.Bound(middle, null),
                    RankingChanges.TYPES,
                    p -> "v".equals(RankingChanges.votationOf(p)),
                    e -> RankingChanges.apply(half, e.getPayload()));
            long halfMillis = (System.nanoTime() - start) / 1_000_000;
            long halfCpu = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;

            assertThat(half.status).isEqualTo("OPEN");
            assertThat(half.onlineBallots).isEqualTo(BALLOTS / 2);
            assertThat(halfway.lastPosition()).isEqualTo(BALLOTS / 2 + 2);
            assertThat(halfway.eventsRead())
                    .as("stops 10 minutes of recording time past the middle")
                    .isEqualTo(Math.min(BALLOTS + 2, BALLOTS / 2 + 2 + 600 + 1));

            // wall time depends on the machine's load; the CPU time of the replaying thread much less
            System.out.printf(
                    "REPLAY whole log: %d events read in %d ms (CPU %d ms), %.1f s per 100k events; "
                            + "as of the middle: %d events read in %d ms (CPU %d ms), %.1f s per 100k events%n",
                    whole.eventsRead(),
                    wholeMillis,
                    wholeCpu,
                    wholeMillis / 1000.0 * 100_000 / whole.eventsRead(),
                    halfway.eventsRead(),
                    halfMillis,
                    halfCpu,
                    halfMillis / 1000.0 * 100_000 / halfway.eventsRead());
        } finally {
            store.shutDown();
        }
    }

    /** The votation, then one ballot a second of recording time; returns the votes per action. */
    private static long[] write(IndexStampingEventStorageEngine engine) {
        appendOpenVotation(engine, ACTIONS, T0);
        long[] votes = new long[ACTIONS + 1];
        appendBallots(engine, BALLOTS, T0, i -> {
            List<Integer> choices =
                    List.of(1 + i % ACTIONS, 1 + (i * 7 + 3) % ACTIONS, 1 + (i * 13 + 5) % ACTIONS).stream()
                            .distinct()
                            .toList();
            choices.forEach(c -> votes[c]++);
            return choices;
        });
        return votes;
    }

    /** Appends a votation on {@code actions} actions, scheduled and opened at {@code t0}, as the log's first events. */
    static void appendOpenVotation(IndexStampingEventStorageEngine engine, int actions, Instant t0) {
        List<BallotItem> items = new ArrayList<>();
        Transition[] transitions = Transition.values();
        for (int a = 1; a <= actions; a++) {
            items.add(new BallotItem("action-" + a, a, "Action " + a, transitions[a % transitions.length], "Topic"));
        }
        engine.appendEvents(List.of(
                new GenericDomainEventMessage<>(
                        "Votation",
                        "v",
                        0,
                        new VotationScheduled("c", "v", "Votation", t0, t0.plus(Duration.ofDays(1)), items),
                        null,
                        UUID.randomUUID().toString(),
                        t0.minusSeconds(2)),
                new GenericDomainEventMessage<>(
                        "Votation",
                        "v",
                        1,
                        new VotationOpened("c", "v", t0),
                        null,
                        UUID.randomUUID().toString(),
                        t0.minusSeconds(1))));
    }

    /** Appends {@code count} online ballots on votation "v", one a second from {@code t0}, in batches of 1,000. */
    static void appendBallots(
            IndexStampingEventStorageEngine engine, int count, Instant t0, IntFunction<List<Integer>> choices) {
        appendBallots(engine, count, t0, Duration.ofSeconds(1), choices);
    }

    /** The same, one ballot every {@code apart} of recording time. */
    static void appendBallots(
            IndexStampingEventStorageEngine engine,
            int count,
            Instant t0,
            Duration apart,
            IntFunction<List<Integer>> choices) {
        List<EventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String ballot = "ballot-" + i;
            batch.add(new GenericDomainEventMessage<>(
                    "OnlineBallot",
                    ballot,
                    0,
                    new OnlineBallotCast("c", "v", ballot, "pseudo-" + i, choices.apply(i)),
                    null,
                    UUID.randomUUID().toString(),
                    t0.plus(apart.multipliedBy(i))));
            if (batch.size() == 1_000) {
                engine.appendEvents(batch);
                batch.clear();
            }
        }
        engine.appendEvents(batch);
    }
}
