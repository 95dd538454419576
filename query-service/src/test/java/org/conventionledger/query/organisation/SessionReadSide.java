package org.conventionledger.query.organisation;

import org.conventionledger.query.platform.EventLog;
import org.conventionledger.query.platform.ProjectionHarness;
import org.conventionledger.query.platform.ReadStore;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The sessions' read side on a throw-away read store, fed from a test {@link EventLog} as the
 * "recruitment" processor feeds it; the views are read through the controller.
 */
final class SessionReadSide extends ProjectionHarness {

    final SessionProjection sessions;
    final SessionController sessionController;

    private SessionReadSide(ReadStore store, EventLog log) {
        super(store, log);
        MongoTemplate mongo = store.mongo();
        sessions = new SessionProjection(projections, mongo);
        sessionController = new SessionController(mongo);
        handledBy(sessions);
    }

    /** On the JDBC store's log (gap-aware tokens, stamped global indexes). */
    static SessionReadSide start() {
        return new SessionReadSide(ReadStore.start(), EventLog.jdbc());
    }

    static SessionReadSide start(ReadStore.Backend backend, EventLog log) {
        return new SessionReadSide(ReadStore.start(backend), log);
    }

    void reset() {
        sessions.reset();
    }
}
