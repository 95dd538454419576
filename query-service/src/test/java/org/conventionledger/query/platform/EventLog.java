package org.conventionledger.query.platform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.conventionledger.events.ConventionEvent;
import org.conventionledger.events.deliberation.ActionDrafted;
import org.conventionledger.events.deliberation.ActionFinalised;
import org.conventionledger.events.deliberation.ObjectionLifted;
import org.conventionledger.events.deliberation.ObjectionRaised;
import org.conventionledger.events.votation.OnlineBallotCast;
import org.conventionledger.events.votation.PaperTallyRecorded;
import org.conventionledger.events.votation.VotationClosed;
import org.conventionledger.events.votation.VotationOpened;
import org.conventionledger.events.votation.VotationScheduled;

/**
 * A test double of the event log as an event processor streams it: every appended event gets the next
 * global index and is handed over as a {@link TrackedEventMessage} with the token the real stream would
 * give it.
 * <ul>
 *   <li>{@link #jdbc()}: {@link GapAwareTrackingToken}s, and the event's own index stamped into the
 *   metadata under {@code globalIndex} as {@link IndexStampingEventStorageEngine} does. An index can be
 *   {@link #reserve() reserved} by a slow transaction: the stream passes it as a gap, and the event is
 *   handed over when it {@link #fill fills} the gap.</li>
 *   <li>{@link #axonServer()}: {@link GlobalSequenceTrackingToken}s carrying the exact index, no stamp.</li>
 * </ul>
 * Aggregates are derived from the payload as the command service's aggregates own the events.
 */
public final class EventLog {

    public static final Instant START = Instant.parse("2025-03-02T09:00:00Z");
    private static final int MAX_GAP_OFFSET = 10_000;

    private enum Store {
        JDBC,
        AXON_SERVER
    }

    private final Store store;
    private final long firstIndex;
    private long nextIndex;
    private TrackingToken streamToken;
    private final TreeMap<Long, DomainEventMessage<?>> committed = new TreeMap<>();
    private final List<TrackedEventMessage<?>> delivered = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();

    private EventLog(Store store, long firstIndex) {
        this.store = store;
        this.firstIndex = firstIndex;
        this.nextIndex = firstIndex;
    }

    /** The JDBC event store (H2, PostgreSQL): global indexes start at 1. */
    public static EventLog jdbc() {
        return new EventLog(Store.JDBC, 1);
    }

    /** Axon Server: global indexes start at 0. */
    public static EventLog axonServer() {
        return new EventLog(Store.AXON_SERVER, 0);
    }

    /** Commits the event at the next index and streams it. */
    public TrackedEventMessage<?> append(Object payload) {
        return append(payload, Map.of());
    }

    public TrackedEventMessage<?> append(Object payload, Map<String, ?> metaData) {
        return stream(nextIndex++, payload, metaData);
    }

    /** A slow transaction takes the next index; the stream will pass it as a gap until it is filled. */
    public long reserve() {
        if (store != Store.JDBC) {
            throw new UnsupportedOperationException("Axon Server's log has no gaps");
        }
        return nextIndex++;
    }

    /** The slow transaction commits: the stream hands over its event, filling the gap. */
    public TrackedEventMessage<?> fill(long reservedIndex, Object payload) {
        if (committed.containsKey(reservedIndex) || reservedIndex >= nextIndex) {
            throw new IllegalArgumentException("Index " + reservedIndex + " was not reserved");
        }
        return stream(reservedIndex, payload, Map.of());
    }

    /** Every message handed over so far, in delivery order. */
    public List<TrackedEventMessage<?>> delivered() {
        return List.copyOf(delivered);
    }

    /** The last message handed over. */
    public TrackedEventMessage<?> last() {
        return delivered.get(delivered.size() - 1);
    }

    /**
     * What a processor restarting from {@code start} (null: from the beginning) is handed: the committed
     * events the token does not cover, in index order, with the tokens the stream computes anew.
     */
    public List<TrackedEventMessage<?>> restreamFrom(TrackingToken start) {
        List<TrackedEventMessage<?>> messages = new ArrayList<>();
        TrackingToken token = start;
        for (Map.Entry<Long, DomainEventMessage<?>> entry : committed.entrySet()) {
            long index = entry.getKey();
            if (start != null && LogPosition.of(start).contains(index)) {
                continue;
            }
            token = advance(token, index);
            messages.add(new GenericTrackedDomainEventMessage<>(token, entry.getValue()));
        }
        return messages;
    }

    /**
     * The processor crashed and restarts from the token it stored last ({@code null}: none): the stream
     * hands over again what that token does not cover, and goes on from there.
     */
    public List<TrackedEventMessage<?>> restartFrom(TrackingToken stored) {
        List<TrackedEventMessage<?>> messages = restreamFrom(stored);
        streamToken =
                messages.isEmpty() ? stored : messages.get(messages.size() - 1).trackingToken();
        delivered.addAll(messages);
        return messages;
    }

    private TrackedEventMessage<?> stream(long index, Object payload, Map<String, ?> metaData) {
        String[] aggregate = aggregateOf(payload);
        long sequence = sequences.merge(aggregate[1], 1L, Long::sum) - 1;
        Map<String, Object> meta = new HashMap<>(metaData);
        if (store == Store.JDBC) {
            meta.put(IndexStampingEventStorageEngine.GLOBAL_INDEX, index);
        }
        DomainEventMessage<?> event = new GenericDomainEventMessage<>(
                aggregate[0],
                aggregate[1],
                sequence,
                payload,
                meta,
                UUID.randomUUID().toString(),
                START.plusSeconds(index));
        committed.put(index, event);
        streamToken = advance(streamToken, index);
        TrackedEventMessage<?> message = new GenericTrackedDomainEventMessage<>(streamToken, event);
        delivered.add(message);
        return message;
    }

    private TrackingToken advance(TrackingToken token, long index) {
        if (store == Store.AXON_SERVER) {
            return new GlobalSequenceTrackingToken(index);
        }
        if (token == null) {
            TreeSet<Long> gaps = new TreeSet<>();
            for (long i = firstIndex; i < index; i++) {
                if (!committed.containsKey(i)) {
                    gaps.add(i);
                }
            }
            return GapAwareTrackingToken.newInstance(index, gaps);
        }
        return ((GapAwareTrackingToken) token).advanceTo(index, MAX_GAP_OFFSET);
    }

    private static String[] aggregateOf(Object payload) {
        if (payload instanceof OnlineBallotCast e) {
            return new String[] {"OnlineBallot", e.ballotId()};
        }
        if (payload instanceof VotationScheduled e) {
            return new String[] {"Votation", e.votationId()};
        }
        if (payload instanceof VotationOpened e) {
            return new String[] {"Votation", e.votationId()};
        }
        if (payload instanceof VotationClosed e) {
            return new String[] {"Votation", e.votationId()};
        }
        if (payload instanceof PaperTallyRecorded e) {
            return new String[] {"Votation", e.votationId()};
        }
        if (payload instanceof ActionDrafted e) {
            return new String[] {"Action", e.actionId()};
        }
        if (payload instanceof ActionFinalised e) {
            return new String[] {"Action", e.actionId()};
        }
        if (payload instanceof ObjectionRaised e) {
            return new String[] {"Action", e.actionId()};
        }
        if (payload instanceof ObjectionLifted e) {
            return new String[] {"Action", e.actionId()};
        }
        if (payload instanceof ConventionEvent e) {
            return new String[] {"Convention", e.conventionId()};
        }
        return new String[] {"Test", "test"};
    }
}
