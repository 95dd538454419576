package org.conventionledger.query.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * "As of" replays that read only the tail of the log: for each view (a key, such as a votation) a series
 * of checkpoints of its pure state, one every {@code ledger.as-of.checkpoint-every} events of the log
 * (default 2,000), each with the event store's token where it was taken and the earliest and latest
 * recording times of the events read since the one before. A replay as of a bound starts from the
 * latest checkpoint all of whose events the bound includes, passes over the checkpoints whose events it
 * neither includes nor stops at (all recorded after the instant, none more than the clock slack after
 * it), and reads the rest from the log; its view is the one the full replay of {@link LogReplay} gives.
 *
 * <p>A checkpoint holds what had been committed when it was taken: a transaction that committed later
 * with a lower position left a gap in the checkpoint's token, and a stream opened at that token delivers
 * the late event first, so the replay applies it (once: it keeps the positions it applied). Should such
 * a late event be one the replay must stop at, the checkpoints cannot say which of their events the full
 * replay would have left out, and the view is rebuilt by a full replay instead.
 *
 * <p>The series are built by the replays themselves: each replay first extends its view's series to the
 * head of the log (the first replay of a view reads the whole log once). They are kept in memory, for
 * at most {@code ledger.as-of.checkpoints} checkpoints in all (default 50,000), least recently used
 * views out first; a service restart starts them again.
 */
@Component
public class CheckpointedReplay {

    /** A view's state, and how the events of the log change it: the live projection's pure update class. */
    public interface Fold<S> {

        /** The state before the first event of the log. */
        S empty();

        /** An independent copy of the state. */
        S copy(S state);

        /** The payload types that may change the state. */
        Set<Class<?>> types();

        /** Whether this payload (of one of the {@link #types()}) is one of the view's. */
        boolean selects(Object payload);

        /** Applies the event to the state. */
        void apply(S state, EventMessage<?> event);
    }

    /** The view rebuilt, and what was read for it. */
    public record Result<S>(S state, LogReplay.Replayed replayed) {}

    /**
     * The state after every event read up to {@code token} (whose index is {@code position}), the
     * latest recording time among them, and the earliest and latest of those read since the previous
     * checkpoint ({@code interval*}); {@code applied} counts the view's events among them.
     */
    private record Checkpoint<S>(
            TrackingToken token,
            long position,
            Instant latestBefore,
            Instant intervalEarliest,
            Instant intervalLatest,
            Object state,
            long applied) {}

    /** One view's checkpoints, the first being the start of the log; extended under its own lock. */
    private static final class Series {
        final List<Checkpoint<?>> checkpoints = new ArrayList<>();
        /** Where the extension stopped: the state and counts past the last checkpoint. */
        Object pendingState;

        TrackingToken pendingToken;
        long pendingPosition = -1;
        long pendingRead;
        long pendingApplied;
        Instant pendingLatestBefore;
        Instant pendingEarliest;
        Instant pendingLatest;

        void reset() {
            checkpoints.clear();
            pendingState = null;
            pendingToken = null;
            pendingPosition = -1;
            pendingRead = 0;
            pendingApplied = 0;
            pendingLatestBefore = null;
            pendingEarliest = null;
            pendingLatest = null;
        }
    }

    private final EventStore eventStore;
    private final LogReplay fullReplay;
    private final Duration clockSlack;
    private final int every;
    private final Cache<Object, Series> series;

    /**
     * @param fullReplay         the full replay: its event store, clock slack and permits are this one's
     * @param every              events of the log between two checkpoints
     * @param maximumCheckpoints checkpoints kept in memory, all views together
     */
    public CheckpointedReplay(
            LogReplay fullReplay,
            @Value("${ledger.as-of.checkpoint-every:2000}") int every,
            @Value("${ledger.as-of.checkpoints:50000}") long maximumCheckpoints) {
        this.eventStore = fullReplay.eventStore();
        this.fullReplay = fullReplay;
        this.clockSlack = fullReplay.clockSlack();
        this.every = every;
        this.series = Caffeine.newBuilder()
                .maximumWeight(maximumCheckpoints)
                .weigher((Object key, Series s) -> Math.max(1, s.checkpoints.size()))
                .build();
    }

    /**
     * The view of {@code key} as of the bound, from its checkpoints; under the same limit of concurrent
     * replays as {@link LogReplay}. The key names the view's series: the same key, the same fold.
     */
    public <S> Result<S> replay(Object key, LogReplay.Bound bound, Fold<S> fold) {
        return fullReplay.withPermit(() -> {
            Series mine = series.get(key, k -> new Series());
            List<Checkpoint<?>> checkpoints;
            synchronized (mine) {
                try {
                    extend(mine, fold);
                } catch (RuntimeException e) {
                    // an event that failed half-way may have changed the state: the series starts again
                    mine.reset();
                    throw e;
                }
                checkpoints = List.copyOf(mine.checkpoints);
            }
            // weighed again now that it may have grown
            series.put(key, mine);
            Result<S> result = fromCheckpoints(checkpoints, bound, fold);
            if (result != null) {
                return result;
            }
            S state = fold.empty();
            LogReplay.Replayed replayed =
                    fullReplay.scan(bound, fold.types(), fold::selects, event -> fold.apply(state, event));
            return new Result<>(state, replayed);
        });
    }

    /** Reads the log from where the series stopped to its head, taking a checkpoint every so many events. */
    @SuppressWarnings("unchecked")
    private <S> void extend(Series mine, Fold<S> fold) {
        if (mine.checkpoints.isEmpty()) {
            mine.checkpoints.add(new Checkpoint<>(null, -1, null, null, null, fold.empty(), 0));
            mine.pendingState = fold.empty();
        }
        S state = (S) mine.pendingState;
        long head = LogReplay.head(eventStore);
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(mine.pendingToken)) {
            while (LogReplay.hasNext(stream, head, mine.pendingPosition)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                Instant recordedAt = event.getTimestamp();
                long position = EventPosition.of(event, event.trackingToken());
                if (fold.types().contains(event.getPayloadType()) && fold.selects(event.getPayload())) {
                    fold.apply(state, event);
                    mine.pendingApplied++;
                }
                mine.pendingToken = event.trackingToken();
                mine.pendingPosition = Math.max(mine.pendingPosition, position);
                mine.pendingLatestBefore = later(mine.pendingLatestBefore, recordedAt);
                mine.pendingEarliest = mine.pendingEarliest == null || recordedAt.isBefore(mine.pendingEarliest)
                        ? recordedAt
                        : mine.pendingEarliest;
                mine.pendingLatest = later(mine.pendingLatest, recordedAt);
                if (++mine.pendingRead == every) {
                    mine.checkpoints.add(new Checkpoint<>(
                            mine.pendingToken,
                            mine.pendingPosition,
                            mine.pendingLatestBefore,
                            mine.pendingEarliest,
                            mine.pendingLatest,
                            fold.copy(state),
                            mine.pendingApplied));
                    mine.pendingRead = 0;
                    mine.pendingEarliest = null;
                    mine.pendingLatest = null;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the log", e);
        }
    }

    /** The view from the checkpoints and the log's tail; null when only a full replay can tell. */
    @SuppressWarnings("unchecked")
    private <S> Result<S> fromCheckpoints(List<Checkpoint<?>> checkpoints, LogReplay.Bound bound, Fold<S> fold) {
        int base = 0;
        for (int i = 1; i < checkpoints.size(); i++) {
            Checkpoint<?> c = checkpoints.get(i);
            if ((bound.position() == null || c.position() <= bound.position())
                    && (bound.instant() == null || !c.latestBefore().isAfter(bound.instant()))) {
                base = i;
            }
        }
        Checkpoint<?> start = checkpoints.get(base);
        S state = fold.copy((S) start.state());
        long applied = start.applied();
        Long last = start.position() < 0 ? null : start.position();
        long read = 0;
        Instant now = Instant.now();
        boolean settled =
                bound.instant() != null && bound.instant().plus(clockSlack).isBefore(now);
        Set<Long> appliedInTail = new HashSet<>();
        long head = LogReplay.head(eventStore);
        int at = base;
        boolean done = false;
        while (!done) {
            while (at + 1 < checkpoints.size() && passable(checkpoints.get(at + 1), bound)) {
                at++;
            }
            Checkpoint<?> from = checkpoints.get(at);
            long furthest = from.position();
            try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(from.token())) {
                done = true;
                while (LogReplay.hasNext(stream, head, furthest)) {
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    read++;
                    long position = EventPosition.of(event, event.trackingToken());
                    furthest = Math.max(furthest, position);
                    Instant recordedAt = event.getTimestamp();
                    if (bound.beyond(position, recordedAt, clockSlack)) {
                        if (position <= checkpoints.get(at).position()) {
                            return null;
                        }
                        settled |= recordedAt.plus(clockSlack).isBefore(now);
                        break;
                    }
                    if (bound.includes(position, recordedAt) && appliedInTail.add(position)) {
                        last = last == null ? position : Math.max(last, position);
                        if (fold.types().contains(event.getPayloadType()) && fold.selects(event.getPayload())) {
                            fold.apply(state, event);
                            applied++;
                        }
                    }
                    if (at + 1 < checkpoints.size()
                            && position >= checkpoints.get(at + 1).position()) {
                        at++;
                        if (at + 1 < checkpoints.size() && passable(checkpoints.get(at + 1), bound)) {
                            done = false;
                            break;
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while reading the log", e);
            }
        }
        return new Result<>(state, new LogReplay.Replayed(bound, last, read, applied, settled));
    }

    /**
     * Whether the events read between the previous checkpoint and this one can be passed over: the bound
     * includes none of them (all recorded after its instant) and none is one to stop at.
     */
    private boolean passable(Checkpoint<?> c, LogReplay.Bound bound) {
        return bound.instant() != null
                && c.intervalEarliest().isAfter(bound.instant())
                && !c.intervalLatest().isAfter(bound.instant().plus(clockSlack))
                && (bound.position() == null || c.position() <= bound.position());
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
