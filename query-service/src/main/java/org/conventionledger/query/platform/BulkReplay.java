package org.conventionledger.query.platform;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;

/**
 * One projection replayed from the start of the log to its head by a single reader, instead of by its
 * processor: the log is read in large pages, only the events the projection handles are deserialized,
 * and they are handed to its handlers {@value #EVENTS_PER_WRITE} at a time in one unit of work, so each
 * document is read and written once per batch ({@link PendingDocuments}). At the head, the token of the
 * last event read (with the gaps it still waits for) is stored for every segment of the processor, which
 * then goes on from there: an event it is handed again is recognised by the documents' positions
 * (ADR-001), and none is skipped, since the token still waits for the gaps.
 */
public final class BulkReplay {

    /** Events handled in one unit of work: the documents of a projection are written once per batch. */
    static final int EVENTS_PER_WRITE = 10_000;

    private final String processor;
    private final EventHandlerInvoker handlers;
    private final EventStore eventStore;
    private final TokenStore tokens;
    private volatile long position = -1;

    public BulkReplay(String processor, EventHandlerInvoker handlers, EventStore eventStore, TokenStore tokens) {
        this.processor = processor;
        this.handlers = handlers;
        this.eventStore = eventStore;
        this.tokens = tokens;
    }

    /** The highest position read so far, -1 before the first. */
    public long position() {
        return position;
    }

    /** Replays the log up to its head, then hands the processor the token where it stopped. */
    public void run() throws Exception {
        TrackingToken last = null;
        List<EventMessage<?>> batch = new ArrayList<>(EVENTS_PER_WRITE);
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            boolean more = true;
            while (more) {
                more = false;
                long reached = position;
                int read = 0;
                while (read++ < EVENTS_PER_WRITE && stream.hasNextAvailable()) {
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    last = event.trackingToken();
                    reached = Math.max(reached, last.position().orElse(reached));
                    if (handlers.canHandleType(event.getPayloadType())) {
                        batch.add(event);
                    }
                    more = true;
                }
                handle(batch);
                batch.clear();
                position = reached;
            }
        }
        if (last != null) {
            for (int segment : tokens.fetchSegments(processor)) {
                tokens.storeToken(last, processor, segment);
                tokens.releaseClaim(processor, segment);
            }
        }
    }

    private void handle(List<EventMessage<?>> batch) throws Exception {
        if (batch.isEmpty()) {
            return;
        }
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        ResultMessage<Object> result = unitOfWork.executeWithResult(
                () -> {
                    handlers.handle(unitOfWork.getMessage(), Segment.ROOT_SEGMENT);
                    return null;
                },
                RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw new IllegalStateException(
                    "Replaying " + processor + " failed at position " + position, result.exceptionResult());
        }
    }
}
