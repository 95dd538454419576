package org.conventionledger.query.organisation;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.conventionledger.query.platform.EventLog;
import org.conventionledger.query.platform.ProjectionFeed;
import org.conventionledger.query.platform.Projections;
import org.conventionledger.query.platform.ReadStore;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The sessions' read side on a throw-away read store, fed from a test {@link EventLog} as the
 * "recruitment" processor feeds it; the views are read through the controller.
 */
final class SessionReadSide implements AutoCloseable {

    final ReadStore store;
    final EventLog log;
    final SessionProjection sessions;
    final SessionController sessionController;
    private final ProjectionFeed feed;

    private SessionReadSide(ReadStore store, EventLog log) {
        this.store = store;
        this.log = log;
        MongoTemplate mongo = store.mongo();
        sessions = new SessionProjection(new Projections(mongo), mongo);
        sessionController = new SessionController(mongo);
        feed = new ProjectionFeed(log, sessions);
    }

    /** On the JDBC store's log (gap-aware tokens, stamped global indexes). */
    static SessionReadSide start() {
        return new SessionReadSide(ReadStore.start(), EventLog.jdbc());
    }

    static SessionReadSide start(ReadStore.Backend backend, EventLog log) {
        return new SessionReadSide(ReadStore.start(backend), log);
    }

    MongoTemplate mongo() {
        return store.mongo();
    }

    void append(Object... payloads) {
        feed.append(payloads);
    }

    void appendTwice(Object... payloads) {
        feed.appendTwice(payloads);
    }

    void deliver(TrackedEventMessage<?> message) {
        feed.deliver(message);
    }

    void redeliverEverything() {
        feed.redeliverEverything();
    }

    void reset() {
        sessions.reset();
    }

    @Override
    public void close() {
        store.close();
    }
}
