package org.conventionledger.query.platform;

import java.util.ArrayList;
import java.util.List;
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
 * processor: the log is read in large pages ({@link LogPages}; on JDBC straight from the table,
 * {@link JdbcLogPages}), only the events the projection handles are deserialized, and each page's are
 * handed to its handlers in one unit of work, so each document is read and written once per page
 * ({@link PendingDocuments}). At the head, the token of the last event read (with the gaps it still waits
 * for) is stored for every segment of the processor, which then goes on from there: an event it is
 * handed again is recognised by the documents' positions (ADR-001), and none is skipped, since the token
 * still waits for the gaps.
 */
public final class BulkReplay {

    /** Positions read per page, their events handled in one unit of work. */
    static final int EVENTS_PER_WRITE = 10_000;

    private final String processor;
    private final EventHandlerInvoker handlers;
    private final LogPages log;
    private final TokenStore tokens;
    private volatile long position = -1;

    public BulkReplay(String processor, EventHandlerInvoker handlers, LogPages log, TokenStore tokens) {
        this.processor = processor;
        this.handlers = handlers;
        this.log = log;
        this.tokens = tokens;
    }

    /** Reading through Axon's event stream. */
    public BulkReplay(String processor, EventHandlerInvoker handlers, EventStore eventStore, TokenStore tokens) {
        this(processor, handlers, new StreamPages(eventStore, EVENTS_PER_WRITE), tokens);
    }

    /** The highest position read so far, -1 before the first. */
    public long position() {
        return position;
    }

    /** Replays the log up to its head, then hands the processor the token where it stopped. */
    public void run() throws Exception {
        TrackingToken last;
        try (LogPages.Reading reading = log.fromStart(handlers::canHandleType)) {
            List<TrackedEventMessage<?>> page = new ArrayList<>(EVENTS_PER_WRITE);
            while (reading.next(page)) {
                handle(page);
                page.clear();
                position = reading.token().position().orElse(position);
            }
            last = reading.token();
        }
        if (last != null) {
            for (int segment : tokens.fetchSegments(processor)) {
                tokens.storeToken(last, processor, segment);
                tokens.releaseClaim(processor, segment);
            }
        }
    }

    private void handle(List<? extends EventMessage<?>> batch) throws Exception {
        if (batch.isEmpty()) {
            return;
        }
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(List.copyOf(batch));
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
