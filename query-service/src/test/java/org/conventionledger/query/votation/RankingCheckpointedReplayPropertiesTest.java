package org.conventionledger.query.votation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.query.platform.TestEvents.item;
import static org.conventionledger.query.platform.TestEvents.onlineBallot;
import static org.conventionledger.query.platform.TestEvents.paperTally;
import static org.conventionledger.query.platform.TestEvents.votationClosed;
import static org.conventionledger.query.platform.TestEvents.votationOpened;
import static org.conventionledger.query.platform.TestEvents.votationScheduled;
import static org.conventionledger.query.platform.TestEvents.votes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.conventionledger.query.platform.AsOfFeed;
import org.conventionledger.query.platform.CheckpointedReplay;
import org.conventionledger.query.platform.InMemoryLog;
import org.conventionledger.query.platform.LogReplay;
import org.conventionledger.query.platform.ReadStore;

/**
 * The ranking "as of" any bound, rebuilt from the persisted checkpoints and the log's tail, is the one the
 * full replay of the log gives: same counts, same last position, same events applied, equally settled. The
 * logs are random: ballots of two votations, desk tallies, a close, recording times that go back in
 * time (sometimes by more than the clock slack) or jump ahead; the bounds are random instants, positions
 * or both. The checkpoints are taken as the processor takes them, in random batches, with crashes after a
 * batch's writes (the batch handed over again), in the middle of them (checkpoints written, the writer's
 * progress not), and restarts; the bounds are asked before and after more of the log is appended, with
 * the processor caught up or still behind, by a reader that has seen the earlier checkpoints and by a new
 * one (a restarted service).
 */
class RankingCheckpointedReplayPropertiesTest {

    private static final Instant T0 = Instant.parse("2025-06-14T08:00:00Z");
    private static final Duration SLACK = Duration.ofMinutes(10);

    @Property(tries = 150)
    void asOfAnyBoundTheCheckpointedReplayIsTheFullReplay(
            @ForAll long seed, @ForAll @IntRange(min = 1, max = 9) int every) {
        Random random = new Random(seed);
        try (InMemoryLog log = new InMemoryLog();
                ReadStore store = ReadStore.start()) {
            LogReplay full = log.replay(SLACK);
            AsOfFeed feed = new AsOfFeed(log.store(), store.mongo(), every, new RankingAsOf.Counting());
            List<Object> events = events(random, 10 + random.nextInt(120));
            List<Instant> recorded = recordingTimes(random, events.size());
            int firstPart = random.nextInt(events.size() + 1);
            List<LogReplay.Bound> bounds = bounds(random, recorded, events.size());
            for (int i = 0; i < firstPart; i++) {
                log.append(events.get(i), recorded.get(i));
            }
            takeCheckpoints(random, feed, every, true);
            CheckpointedReplay reader = feed.replay(full);
            for (LogReplay.Bound bound : bounds) {
                assertSame(full, reader, bound);
            }
            for (int i = firstPart; i < events.size(); i++) {
                log.append(events.get(i), recorded.get(i));
            }
            takeCheckpoints(random, feed, every, random.nextBoolean());
            for (LogReplay.Bound bound : bounds) {
                assertSame(full, reader, bound);
                assertSame(full, feed.replay(full), bound);
            }
        }
    }

    /**
     * The processor's work on the log appended so far, in batches of random sizes, with crashes and
     * restarts; up to the head if {@code toTheHead}, else it may stop behind it.
     */
    static void takeCheckpoints(Random random, AsOfFeed feed, int every, boolean toTheHead) {
        while (true) {
            int batch = 1 + random.nextInt(3 * every + 2);
            int kind = random.nextInt(100);
            if (kind < 10) {
                feed.crashBeforeToken(batch);
            } else if (kind < 20) {
                feed.crashBeforeProgress(batch);
            } else if (kind < 25) {
                feed.restart();
            } else if (!toTheHead && kind < 30) {
                return;
            } else if (feed.step(batch) == 0) {
                return;
            }
        }
    }

    private static void assertSame(LogReplay full, CheckpointedReplay checkpointed, LogReplay.Bound bound) {
        assertSame(full, checkpointed, bound, true);
    }

    /**
     * The checkpointed replay shows what the full replay shows as of {@code bound}: figures, last position and
     * events applied, and whether the answer is settled if {@code settledToo}.
     */
    static void assertSame(LogReplay full, CheckpointedReplay checkpointed, LogReplay.Bound bound, boolean settledToo) {
        Ranking expected = Ranking.of("v");
        LogReplay.Replayed replayed = full.replay(
                bound,
                RankingChanges.TYPES,
                p -> "v".equals(RankingChanges.votationOf(p)),
                e -> RankingChanges.apply(expected, e.getPayload()));
        CheckpointedReplay.Result<Ranking> actual = checkpointed.replay(new RankingAsOf.Counting(), "v", bound);
        assertThat(figures(actual.state())).as("as of %s", bound).isEqualTo(figures(expected));
        assertThat(actual.replayed().lastPosition()).as("as of %s", bound).isEqualTo(replayed.lastPosition());
        assertThat(actual.replayed().eventsApplied()).as("as of %s", bound).isEqualTo(replayed.eventsApplied());
        if (settledToo) {
            assertThat(actual.replayed().settled()).as("as of %s", bound).isEqualTo(replayed.settled());
        }
    }

    /** Everything a ranking shows, as one string. */
    static String figures(Ranking r) {
        StringBuilder figures = new StringBuilder()
                .append(r.status)
                .append(' ')
                .append(r.onlineBallots)
                .append(' ')
                .append(r.paperBallots)
                .append(' ')
                .append(r.desksTallied);
        for (Ranking.Count c : r.counts) {
            figures.append(" [")
                    .append(c.actionNumber)
                    .append(' ')
                    .append(c.onlineVotes)
                    .append(' ')
                    .append(c.paperVotes)
                    .append(']');
        }
        return figures.toString();
    }

    private static List<Object> events(Random random, int count) {
        List<Object> events = new ArrayList<>();
        events.add(votationScheduled("c", "v", "Votation", item(1, SOCIAL), item(2, ECOLOGICAL)));
        events.add(votationOpened("c", "v"));
        while (events.size() < count) {
            int kind = random.nextInt(100);
            int n = events.size();
            if (kind < 70) {
                events.add(
                        random.nextBoolean()
                                ? onlineBallot("c", "v", "b-" + n, 1 + random.nextInt(2))
                                : onlineBallot("c", "v", "b-" + n, 1, 2));
            } else if (kind < 82) {
                events.add(onlineBallot("c", "w", "b-" + n, 1));
            } else if (kind < 97) {
                events.add(paperTally("c", "v", "d-" + n, votes(1, random.nextInt(9)), votes(2, random.nextInt(9))));
            } else {
                events.add(votationClosed("c", "v"));
            }
        }
        return events;
    }

    /**
     * The votation scheduled and opened an hour before the first ballot (a ballot counts on a votation
     * scheduled before it), then mostly forward, now and then back (at times by more than the slack) or
     * far ahead.
     */
    private static List<Instant> recordingTimes(Random random, int count) {
        List<Instant> times = new ArrayList<>(List.of(T0.minusSeconds(3600), T0.minusSeconds(3599)));
        Instant clock = T0;
        for (int i = 2; i < count; i++) {
            int kind = random.nextInt(100);
            if (kind < 5) {
                clock = clock.plusSeconds(700 + random.nextInt(1500));
                times.add(clock);
            } else if (kind < 20) {
                times.add(clock.minusSeconds(random.nextInt(900)));
            } else {
                clock = clock.plusSeconds(random.nextInt(120));
                times.add(clock);
            }
        }
        return times;
    }

    private static List<LogReplay.Bound> bounds(Random random, List<Instant> recorded, int events) {
        Instant last = recorded.stream().max(Instant::compareTo).orElse(T0);
        long span = Duration.between(T0, last).toSeconds() + 1_200;
        List<LogReplay.Bound> bounds = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Instant instant = T0.plusSeconds(random.nextLong(span) - 100);
            Long position = (long) random.nextInt(events + 2);
            int kind = random.nextInt(10);
            bounds.add(
                    kind < 6
                            ? new LogReplay.Bound(instant, null)
                            : kind < 8 ? new LogReplay.Bound(null, position) : new LogReplay.Bound(instant, position));
        }
        // exactly a recording time, and exactly a position: the bounds are inclusive
        bounds.add(new LogReplay.Bound(recorded.get(random.nextInt(recorded.size())), null));
        return bounds;
    }
}
