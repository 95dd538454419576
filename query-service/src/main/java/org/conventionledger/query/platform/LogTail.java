package org.conventionledger.query.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.EventStoreException;

/**
 * The one read loop of the "as of" replays: from a checkpoint of the log to a {@link LogReplay.Bound},
 * passing over the stretches between later checkpoints that the bound neither includes nor stops in. A
 * full replay is this loop from the start of the log ({@link #ORIGIN}) with no checkpoint after it.
 *
 * <p>The events are read through {@link #open}, the one place that reads the store: on the JDBC log straight
 * from its table ({@link JdbcLogPages}) in pages the size of the interval to the next checkpoint, since a
 * request reads about one interval (Axon's stream reads a page of the engine's batch size, 5,000 positions,
 * whatever the interval); elsewhere through the event store's stream.
 */
final class LogTail {

    /** Fewest and most positions a page of the tail reads. */
    static final int MIN_PAGE = 10;

    static final int MAX_PAGE = EventStoreConfiguration.READ_BATCH_SIZE;

    /**
     * A point of the log: the token of the stream there ({@code null} at the start), the highest position
     * read up to it, the latest recording time among those events, the earliest and latest recording
     * times of the events read since the checkpoint before ({@code interval*}), and whether its token
     * waits for none of the positions above the checkpoint before ({@code whole}: every event of those
     * positions committed by then was read in its interval).
     */
    record Checkpoint(
            TrackingToken token,
            long position,
            Instant latestBefore,
            Instant intervalEarliest,
            Instant intervalLatest,
            boolean whole) {}

    /** The start of the log. */
    static final Checkpoint ORIGIN = new Checkpoint(null, -1, null, null, null, true);

    /** The view's events, and where they go. */
    record Selection(Set<Class<?>> types, Predicate<Object> selects, Consumer<EventMessage<?>> apply) {

        boolean wants(EventMessage<?> event) {
            return types.contains(event.getPayloadType()) && selects.test(event.getPayload());
        }
    }

    private LogTail() {}

    /** The latest checkpoint all of whose events the bound includes (0, the start, at least). */
    static int base(List<Checkpoint> checkpoints, LogReplay.Bound bound) {
        int base = 0;
        for (int i = 1; i < checkpoints.size(); i++) {
            Checkpoint c = checkpoints.get(i);
            if ((bound.position() == null || c.position() <= bound.position())
                    && (bound.instant() == null || !c.latestBefore().isAfter(bound.instant()))) {
                base = i;
            }
        }
        return base;
    }

    /**
     * Applies the view's events from checkpoint {@code base} (whose view counted {@code appliedAtBase}) to
     * the bound, and returns what was read; null when only a full replay can tell: an event committed
     * late below a checkpoint is one to stop at, and the checkpoints cannot say which of their events the
     * full replay would have left out.
     */
    static LogReplay.Replayed read(
            EventStore store,
            LogPages pages,
            Duration clockSlack,
            LogReplay.Bound bound,
            List<Checkpoint> checkpoints,
            int base,
            long appliedAtBase,
            Selection view) {
        Checkpoint start = checkpoints.get(base);
        long applied = appliedAtBase;
        Long last = start.position() < 0 ? null : start.position();
        long read = 0;
        Instant now = Instant.now();
        boolean settled =
                bound.instant() != null && bound.instant().plus(clockSlack).isBefore(now);
        // a stream opened again further on hands over the late events below its token once more
        Set<Long> appliedPositions = new HashSet<>();
        long head = LogReplay.head(store);
        int at = base;
        boolean done = false;
        while (!done) {
            while (at + 1 < checkpoints.size() && passable(checkpoints.get(at + 1), bound, clockSlack)) {
                at++;
            }
            if (at + 1 < checkpoints.size() && stopsIn(checkpoints.get(at + 1), bound, clockSlack)) {
                break;
            }
            Checkpoint from = checkpoints.get(at);
            long furthest = from.position();
            long until = at + 1 < checkpoints.size() ? checkpoints.get(at + 1).position() : head;
            try (BlockingStream<TrackedEventMessage<?>> stream =
                    open(store, pages, from.token(), pageFor(until - from.position()), view)) {
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
                        // every position before this one was taken before it was, so is committed by now
                        settled |= recordedAt.plus(clockSlack).isBefore(now);
                        break;
                    }
                    boolean reopens = at + 1 < checkpoints.size();
                    if (bound.includes(position, recordedAt) && !appliedPositions.contains(position)) {
                        if (reopens) {
                            appliedPositions.add(position);
                        }
                        last = last == null ? position : Math.max(last, position);
                        if (view.wants(event)) {
                            view.apply().accept(event);
                            applied++;
                        }
                    }
                    if (reopens && position >= checkpoints.get(at + 1).position()) {
                        at++;
                        if (at + 1 < checkpoints.size()
                                && (passable(checkpoints.get(at + 1), bound, clockSlack)
                                        || stopsIn(checkpoints.get(at + 1), bound, clockSlack))) {
                            done = false;
                            break;
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw LogReplay.interrupted();
            }
        }
        return new LogReplay.Replayed(bound, last, read, applied, settled);
    }

    /**
     * The log from just after the token (from its start if null), gaps of the token included: from the
     * {@code pages} if there are, in pages of {@code positions}, else through the store's stream.
     */
    static BlockingStream<TrackedEventMessage<?>> open(
            EventStore store, LogPages pages, TrackingToken token, int positions, Selection view) {
        return pages == null
                ? store.openStream(token)
                : new PagedStream(pages.from(token, positions, view.types()::contains));
    }

    /** A page for a stretch of {@code positions} positions, within {@link #MIN_PAGE} and {@link #MAX_PAGE}. */
    static int pageFor(long positions) {
        return (int) Math.max(MIN_PAGE, Math.min(MAX_PAGE, positions));
    }

    /** A reading of the {@link LogPages} as a stream: a page is read when the one before is used up. */
    private static final class PagedStream implements BlockingStream<TrackedEventMessage<?>> {

        private final LogPages.Reading reading;
        private final ArrayDeque<TrackedEventMessage<?>> page = new ArrayDeque<>();
        private final List<TrackedEventMessage<?>> next = new ArrayList<>();
        private boolean ended;

        PagedStream(LogPages.Reading reading) {
            this.reading = reading;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return fill() ? Optional.of(page.peek()) : Optional.empty();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) {
            // rows are read from the table directly: what a page does not find is not there yet
            return fill();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() {
            if (!fill()) {
                throw new NoSuchElementException();
            }
            return page.poll();
        }

        @Override
        public void close() {
            reading.close();
        }

        private boolean fill() {
            while (page.isEmpty() && !ended) {
                try {
                    ended = !reading.next(next);
                } catch (Exception e) {
                    throw new EventStoreException("Could not read the log", e);
                }
                page.addAll(next);
                next.clear();
            }
            return !page.isEmpty();
        }
    }

    /**
     * Whether the events read between the previous checkpoint and this one can be passed over: the bound
     * includes none of them (all recorded after its instant) and none is one to stop at.
     */
    /**
     * Whether the full replay stops among the events read between the previous checkpoint and this one
     * and includes none of them, so the replay can end at the previous one without reading them: all
     * were recorded after the instant, one more than the slack after it, and none came later (the
     * checkpoint waited for no position above the previous one). Whatever came late below the previous
     * checkpoint has been read by then, in log order, as the full replay reads it.
     */
    private static boolean stopsIn(Checkpoint c, LogReplay.Bound bound, Duration clockSlack) {
        return bound.instant() != null
                && c.whole()
                && c.intervalEarliest().isAfter(bound.instant())
                && c.intervalLatest().isAfter(bound.instant().plus(clockSlack));
    }

    private static boolean passable(Checkpoint c, LogReplay.Bound bound, Duration clockSlack) {
        return bound.instant() != null
                && c.intervalEarliest().isAfter(bound.instant())
                && !c.intervalLatest().isAfter(bound.instant().plus(clockSlack))
                && (bound.position() == null || c.position() <= bound.position());
    }
}
