package org.conventionledger.query.recruitment;

import java.util.List;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.conventionledger.query.platform.EventLog;
import org.conventionledger.query.platform.Projections;
import org.conventionledger.query.platform.ReadStore;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The recruitment read side on a throw-away read store, fed from a test {@link EventLog}: every event
 * is handed to both projections as the "recruitment" processor would, through Axon's annotation
 * adapter (which routes it to the handler for its type with its message and tracking token); the
 * views are read through the controllers.
 */
final class RecruitmentReadSide implements AutoCloseable {

    final ReadStore store;
    final EventLog log;
    final RecruitmentProjection recruitment;
    final SessionProjection sessions;
    final RecruitmentController recruitmentController;
    final SessionController sessionController;
    private final List<AnnotationEventHandlerAdapter> handlers;

    private RecruitmentReadSide(ReadStore store, EventLog log) {
        this.store = store;
        this.log = log;
        MongoTemplate mongo = store.mongo();
        Projections projections = new Projections(mongo);
        recruitment = new RecruitmentProjection(projections, mongo);
        sessions = new SessionProjection(projections, mongo);
        recruitmentController = new RecruitmentController(mongo);
        sessionController = new SessionController(mongo);
        handlers = List.of(new AnnotationEventHandlerAdapter(recruitment), new AnnotationEventHandlerAdapter(sessions));
    }

    /** On the JDBC store's log (gap-aware tokens, stamped global indexes). */
    static RecruitmentReadSide start() {
        return new RecruitmentReadSide(ReadStore.start(), EventLog.jdbc());
    }

    static RecruitmentReadSide start(ReadStore.Backend backend, EventLog log) {
        return new RecruitmentReadSide(ReadStore.start(backend), log);
    }

    MongoTemplate mongo() {
        return store.mongo();
    }

    /** Commits each event to the log and hands it over to the projections. */
    void append(Object... payloads) {
        for (Object payload : payloads) {
            deliver(log.append(payload));
        }
    }

    /** Commits each event and hands it over twice in a row, as a processor retrying a batch would. */
    void appendTwice(Object... payloads) {
        for (Object payload : payloads) {
            TrackedEventMessage<?> message = log.append(payload);
            deliver(message);
            deliver(message);
        }
    }

    void deliver(TrackedEventMessage<?> message) {
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
    void redeliverEverything() {
        log.delivered().forEach(this::deliver);
    }

    void reset() {
        recruitment.reset();
        sessions.reset();
    }

    @Override
    public void close() {
        store.close();
    }
}
