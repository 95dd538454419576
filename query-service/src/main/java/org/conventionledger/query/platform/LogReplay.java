package org.conventionledger.query.platform;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Reads the log afresh from the event store, in log order, up to a {@link Bound} ("as of" an instant
 * and/or a position), and hands the events a view is interested in to a pure update function. It writes
 * nothing: the live projections and their tokens are untouched, and the view is rebuilt in memory.
 *
 * <p>The log is streamed (the event store fetches it in batches), so memory holds the view being rebuilt,
 * never the log. Only the payloads of the wanted types are deserialized (the type is read from the stored
 * row); the selection by convention or votation is then made on the payload.
 *
 * <p>Recording time is the event's timestamp, set by the command service when the event was applied. It
 * follows the global index only roughly: concurrent transactions commit out of order. The scan therefore
 * goes on past the instant and stops at the first event recorded more than {@code clockSlack} after it
 * (default: the event store's gap timeout, beyond which the projections would have given up on a
 * late event too), or at the first position beyond the asked position.
 *
 * <p>At most {@code ledger.as-of.concurrent-replays} replays (default 2) read the log at once; another
 * waits up to 20 s for its turn, then is answered 503 {@code replays-busy} with {@code Retry-After}.
 */
@Component
public class LogReplay {

    /**
     * Where an "as of" view stops: events recorded at or before {@code instant} (inclusive) and at or
     * before {@code position} (the global index, inclusive); either may be null, not both.
     */
    public record Bound(Instant instant, Long position) {

        public Bound {
            if (instant == null && position == null) {
                throw new IllegalArgumentException("An as-of bound needs an instant or a position");
            }
        }

        /**
         * The bound of the request parameters {@code asOf} (an ISO-8601 instant) and {@code asOfPosition}
         * (a global index, 0 or more), or null when both are absent. A bad value is a 400 problem naming
         * the parameter (codes {@code invalid-asOf}, {@code invalid-asOfPosition}, with {@code parameter}).
         */
        public static Bound parse(String asOf, String asOfPosition) {
            if (asOf == null && asOfPosition == null) {
                return null;
            }
            Instant instant = null;
            if (asOf != null) {
                try {
                    instant = Instant.parse(asOf.strip());
                } catch (DateTimeParseException e) {
                    instant = withOffset(asOf.strip());
                }
                if (instant == null) {
                    throw invalid(
                            "asOf",
                            "Parameter 'asOf' must be an ISO-8601 instant, such as 2022-06-10T12:00:00Z "
                                    + "(an offset such as +02:00 must be URL-encoded as %2B02:00).");
                }
            }
            Long position = null;
            if (asOfPosition != null) {
                try {
                    position = Long.parseLong(asOfPosition.strip());
                } catch (NumberFormatException e) {
                    position = -1L;
                }
                if (position < 0) {
                    throw invalid(
                            "asOfPosition",
                            "Parameter 'asOfPosition' must be a position in the log " + "(a global index, 0 or more).");
                }
            }
            return new Bound(instant, position);
        }

        /** An instant written with an offset and without seconds ({@code 2025-06-11T00:00+02:00}), or null. */
        private static Instant withOffset(String text) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        /** Whether the event at this position, recorded then, is part of the view. */
        public boolean includes(long eventPosition, Instant recordedAt) {
            return (position == null || eventPosition <= position) && (instant == null || !recordedAt.isAfter(instant));
        }

        /** Whether the scan may stop at this event: nothing after it can be included. */
        boolean beyond(long eventPosition, Instant recordedAt, Duration clockSlack) {
            return (position != null && eventPosition > position)
                    || (instant != null && recordedAt.isAfter(instant.plus(clockSlack)));
        }

        @Override
        public String toString() {
            return instant == null
                    ? "position " + position
                    : position == null ? instant.toString() : instant + " and position " + position;
        }
    }

    /**
     * What a replay read: the bound, the last position of the log it included (null if none),
     * how many events it read from the store and how many it applied to the view, and whether the view
     * is settled: no event it would include can still be committed (the bound lies more than the clock
     * slack in the past), so the same request gives the same view forever and may be cached.
     */
    public record Replayed(Bound bound, Long lastPosition, long eventsRead, long eventsApplied, boolean settled) {}

    /** How long a replay waits for one of the permits before it is refused as busy. */
    private static final Duration PERMIT_WAIT = Duration.ofSeconds(20);
    /** How long a read waits for an event the store already holds (a deleted row ends the read then). */
    private static final int HEAD_WAIT_SECONDS = 30;

    private final EventStore eventStore;
    /** The log's table read directly for the tails of the checkpointed replays; null to read the store's stream. */
    private final LogPages pages;

    private final Duration clockSlack;
    private final Semaphore permits;
    private final Duration permitWait;

    /**
     * @param clockSlack  how far past the instant, in recording time, the scan goes on
     * @param concurrency how many replays may read the log at once: each one reads the store from its
     *                    start, so a burst of "as of" requests (the ranking of a closed votation is
     *                    public) must not starve the projections and the write side of the database
     */
    @Autowired
    public LogReplay(
            EventStore eventStore,
            ObjectProvider<LogPages> jdbcLog,
            @Value("${ledger.as-of.clock-slack:${ledger.eventstore.gap-timeout:PT10M}}") Duration clockSlack,
            @Value("${ledger.as-of.concurrent-replays:2}") int concurrency) {
        this(eventStore, jdbcLog.getIfAvailable(), clockSlack, concurrency, PERMIT_WAIT);
    }

    LogReplay(EventStore eventStore, LogPages pages, Duration clockSlack, int concurrency, Duration permitWait) {
        this.eventStore = eventStore;
        this.pages = pages;
        this.clockSlack = clockSlack;
        this.permits = new Semaphore(concurrency, true);
        this.permitWait = permitWait;
    }

    /** A replay over this store with the default slack (the gap timeout's) and two replays at a time. */
    public LogReplay(EventStore eventStore, Duration clockSlack) {
        this(eventStore, null, clockSlack, 2, PERMIT_WAIT);
    }

    /** The same, the tails of the checkpointed replays read from {@code pages} (the log's table). */
    public LogReplay(EventStore eventStore, LogPages pages, Duration clockSlack) {
        this(eventStore, pages, clockSlack, 2, PERMIT_WAIT);
    }

    /**
     * Streams the log from its start to the bound and applies to the view each event of one of the
     * {@code types} whose payload {@code selects}; returns what was read.
     */
    public Replayed replay(
            Bound bound, Set<Class<?>> types, Predicate<Object> selects, Consumer<EventMessage<?>> apply) {
        return withPermit(() -> scan(bound, types, selects, apply));
    }

    EventStore eventStore() {
        return eventStore;
    }

    LogPages pages() {
        return pages;
    }

    Duration clockSlack() {
        return clockSlack;
    }

    /** Runs the replay once one of the permits is free; 503 {@code replays-busy} if none frees in time. */
    <T> T withPermit(Supplier<T> replay) {
        try {
            if (!permits.tryAcquire(permitWait.toMillis(), TimeUnit.MILLISECONDS)) {
                ErrorResponseException busy = ProblemResponses.error(
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "replays-busy",
                        "Other \"as of\" views are being rebuilt from the log; try again in a moment.");
                busy.getHeaders().set("Retry-After", "10");
                throw busy;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted();
        }
        try {
            return replay.get();
        } finally {
            permits.release();
        }
    }

    Replayed scan(Bound bound, Set<Class<?>> types, Predicate<Object> selects, Consumer<EventMessage<?>> apply) {
        return LogTail.read(
                eventStore,
                pages,
                clockSlack,
                bound,
                List.of(LogTail.ORIGIN),
                0,
                0,
                new LogTail.Selection(types, selects, apply));
    }

    /** The position of the newest event in the store as the read begins; -1 when it holds none. */
    static long head(EventStore eventStore) {
        TrackingToken head = eventStore.createHeadToken();
        return head == null ? -1 : LogPosition.of(head).index();
    }

    /**
     * Whether the stream holds another event. Up to the head the store had when the read began, it waits for
     * it: the embedded store hands a reader that reaches its shared cache over to a producer thread, and a
     * moment with nothing available there is not the end of the log (a replay that took it for the end
     * missed events). Past that head, only what is there now.
     */
    static boolean hasNext(BlockingStream<TrackedEventMessage<?>> stream, long head, long furthestRead)
            throws InterruptedException {
        return furthestRead < head
                ? stream.hasNextAvailable(HEAD_WAIT_SECONDS, TimeUnit.SECONDS)
                : stream.hasNextAvailable();
    }

    static ErrorResponseException interrupted() {
        return ProblemResponses.error(
                HttpStatus.SERVICE_UNAVAILABLE, "replay-interrupted", "The replay of the log was interrupted.");
    }

    static ErrorResponseException invalid(String parameter, String detail) {
        ErrorResponseException error = ProblemResponses.error(HttpStatus.BAD_REQUEST, "invalid-" + parameter, detail);
        error.getBody().setProperty("parameter", parameter);
        return error;
    }
}
