package org.conventionledger.query.platform;

import java.util.Arrays;
import java.util.List;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;

/**
 * Hands the events of a test {@link EventLog} to projections as their processor would, through Axon's
 * annotation adapter (which routes each event to the handler for its type with its message and tracking
 * token).
 */
public final class ProjectionFeed {

    private final EventLog log;
    private final List<AnnotationEventHandlerAdapter> handlers;

    public ProjectionFeed(EventLog log, Object... projections) {
        this.log = log;
        this.handlers = Arrays.stream(projections).map(AnnotationEventHandlerAdapter::new).toList();
    }

    /** Commits each event to the log and hands it over to the projections. */
    public void append(Object... payloads) {
        for (Object payload : payloads) {
            deliver(log.append(payload));
        }
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
    }

    /** Every event handed over so far, again, in the same order (at-least-once delivery). */
    public void redeliverEverything() {
        log.delivered().forEach(this::deliver);
    }
}
