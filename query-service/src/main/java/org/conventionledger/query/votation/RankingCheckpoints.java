package org.conventionledger.query.votation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.conventionledger.events.votation.VotationClosed;
import org.conventionledger.events.votation.VotationOpened;
import org.conventionledger.events.votation.VotationScheduled;
import org.conventionledger.query.platform.AsOfCache;
import org.conventionledger.query.platform.EventPosition;
import org.conventionledger.query.platform.LogReplay;
import org.springframework.stereotype.Component;

/**
 * A votation's ranking at each of its daily checkpoints up to a given one, from one replay of the log:
 * each event is counted in the first checkpoint that covers its recording time, and a checkpoint's
 * ranking is the sum of its day and those before. The series is kept in the {@link AsOfCache} (a past
 * checkpoint's series is settled once the clock slack has passed), so the public's daily figures cost
 * one replay per votation and day, not one per request.
 */
@Component
public class RankingCheckpoints {

    /**
     * The ranking at one checkpoint (null before the votation was scheduled), the highest log position
     * it includes (null if none) and the events of the votation it counts.
     */
    public record Checkpoint(Instant at, Ranking ranking, Long lastPosition, long eventsApplied) {}

    /**
     * The checkpoints up to {@code until} that count an event of the votation recorded that day, oldest
     * first. A checkpoint between two of them (a day without any event) shows the same figures as the one
     * before it, so it is not kept: a series is as long as the votation has days with events, however far
     * {@code until} lies.
     */
    public record Series(List<Checkpoint> checkpoints, long eventsRead, boolean settled) {}

    private record Key(String votationId, Instant until) {}

    /** What one day adds: status changes, counts, positions. */
    private static final class Day {
        String status;
        Ranking counted;
        Long lastPosition;
        long applied;
    }

    private final LogReplay replay;
    private final AsOfCache cache;

    public RankingCheckpoints(LogReplay replay, AsOfCache cache) {
        this.replay = replay;
        this.cache = cache;
    }

    /** The series up to the checkpoint {@code until}. */
    public Series series(String votationId, Instant until, Checkpoints checkpoints) {
        return cache.get(new Key(votationId, until), () -> replay(votationId, until, checkpoints), Series::settled);
    }

    private Series replay(String votationId, Instant until, Checkpoints checkpoints) {
        TreeMap<Instant, Day> days = new TreeMap<>();
        Ranking[] scheduled = new Ranking[1];
        LogReplay.Replayed replayed = replay.replay(
                new LogReplay.Bound(until, null),
                RankingChanges.TYPES,
                payload -> votationId.equals(RankingChanges.votationOf(payload)),
                event -> {
                    Day day = days.computeIfAbsent(checkpoints.covering(event.getTimestamp()), k -> new Day());
                    Object payload = event.getPayload();
                    if (payload instanceof VotationScheduled) {
                        scheduled[0] = Ranking.of(votationId);
                        RankingChanges.apply(scheduled[0], payload);
                        day.status = scheduled[0].status;
                    } else if (payload instanceof VotationOpened || payload instanceof VotationClosed) {
                        Ranking status = Ranking.of(votationId);
                        RankingChanges.apply(status, payload);
                        day.status = status.status;
                    } else if (scheduled[0] != null) {
                        if (day.counted == null) {
                            day.counted = scheduled[0].emptyCopy();
                        }
                        RankingChanges.apply(day.counted, payload);
                    }
                    if (event instanceof TrackedEventMessage<?> tracked) {
                        long position = EventPosition.of(tracked, tracked.trackingToken());
                        day.lastPosition = day.lastPosition == null ? position : Math.max(day.lastPosition, position);
                    }
                    day.applied++;
                });
        List<Checkpoint> series = new ArrayList<>();
        if (!days.isEmpty()) {
            Ranking running = null;
            String status = null;
            Long lastPosition = null;
            long applied = 0;
            for (Instant at = days.firstKey(); !at.isAfter(until); at = checkpoints.next(at)) {
                Day day = days.get(at);
                if (day != null) {
                    status = day.status != null ? day.status : status;
                    if (running == null && scheduled[0] != null) {
                        running = scheduled[0].emptyCopy();
                    }
                    if (day.counted != null && running != null) {
                        running.add(day.counted);
                    }
                    lastPosition = day.lastPosition != null ? day.lastPosition : lastPosition;
                    applied += day.applied;
                }
                if (day != null) {
                    Ranking snapshot = null;
                    if (running != null && status != null) {
                        snapshot = running.emptyCopy();
                        snapshot.add(running);
                        snapshot.status = status;
                    }
                    series.add(new Checkpoint(at, snapshot, lastPosition, applied));
                }
            }
        }
        return new Series(List.copyOf(series), replayed.eventsRead(), replayed.settled());
    }

    /** The figures at this checkpoint: those of the last day with events at or before it; null if none. */
    static Checkpoint at(Series series, Instant at) {
        Checkpoint found = null;
        for (Checkpoint checkpoint : series.checkpoints()) {
            if (!checkpoint.at().isAfter(at)) {
                found = checkpoint;
            }
        }
        return found == null ? null : new Checkpoint(at, found.ranking(), found.lastPosition(), found.eventsApplied());
    }

    /** Whether the figures at this checkpoint are published: those of the last day with events before it. */
    static boolean published(Series series, Instant at, Ranking closed, int minimum) {
        Instant day = null;
        for (Checkpoint checkpoint : series.checkpoints()) {
            if (!checkpoint.at().isAfter(at)) {
                day = checkpoint.at();
            }
        }
        return day != null && published(series, closed, minimum).get(day);
    }

    static Map<Instant, Boolean> published(Series series, Ranking closed, int minimum) {
        List<Ranking> rankings =
                series.checkpoints().stream().map(Checkpoint::ranking).toList();
        List<Boolean> published = PublicFigures.published(rankings, closed, minimum);
        Map<Instant, Boolean> byInstant = new TreeMap<>();
        for (int i = 0; i < rankings.size(); i++) {
            byInstant.put(series.checkpoints().get(i).at(), published.get(i));
        }
        return byInstant;
    }
}
