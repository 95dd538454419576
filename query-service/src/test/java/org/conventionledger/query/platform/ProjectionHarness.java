package org.conventionledger.query.platform;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Projections run by hand, as their processor would run them: events committed to a log and handed to every
 * projection that handles them, on a read store of the test's own. A feature's read side names its
 * projections and controllers; a test of one projection hands it over itself ({@link #handle}).
 */
public class ProjectionHarness implements AutoCloseable {

    public final ReadStore store;
    public final EventLog log;
    public final Projections projections;
    private final List<AnnotationEventHandlerAdapter> handlers = new ArrayList<>();

    protected ProjectionHarness(ReadStore store, EventLog log) {
        this.store = store;
        this.log = log;
        this.projections = new Projections(store.mongo());
    }

    /** On an embedded read store and the JDBC store's log (gap-aware tokens, stamped global indexes). */
    public static ProjectionHarness embedded() {
        return new ProjectionHarness(ReadStore.start(), EventLog.jdbc());
    }

    /** Hands events over to this projection too, and returns it. */
    public <P> P handle(P projection) {
        handlers.add(new AnnotationEventHandlerAdapter(projection));
        return projection;
    }

    /** The projections events are handed to, in this order. */
    protected void handledBy(Object... projectionsInOrder) {
        for (Object projection : projectionsInOrder) {
            handle(projection);
        }
    }

    public MongoTemplate mongo() {
        return store.mongo();
    }

    /** Commits each event to the log and hands it over to the projections. */
    public void append(Object... payloads) {
        for (Object payload : payloads) {
            deliver(log.append(payload));
        }
    }

    /** Commits one event, hands it over and returns it (for its timestamp or token). */
    public TrackedEventMessage<?> appendOne(Object payload) {
        TrackedEventMessage<?> message = log.append(payload);
        deliver(message);
        return message;
    }

    /** Commits each event and hands it over twice in a row, as a processor retrying a batch would. */
    public void appendTwice(Object... payloads) {
        for (Object payload : payloads) {
            TrackedEventMessage<?> message = log.append(payload);
            deliver(message);
            deliver(message);
        }
    }

    public void deliver(TrackedEventMessage<?> message) {
        for (AnnotationEventHandlerAdapter handler : handlers) {
            deliver(handler, message);
        }
    }

    /** Hands {@code message} to {@code handler} if it handles it; a checked failure comes back unchecked. */
    public static void deliver(AnnotationEventHandlerAdapter handler, TrackedEventMessage<?> message) {
        if (handler.canHandle(message)) {
            try {
                handler.handle(message);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Every event handed over so far, again, in the same order (at-least-once delivery). */
    public void redeliverEverything() {
        log.delivered().forEach(this::deliver);
    }

    @Override
    public void close() {
        store.close();
    }
}
