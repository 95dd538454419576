package org.conventionledger.query.recruitment;

import org.conventionledger.query.platform.EventLog;
import org.conventionledger.query.platform.ProjectionHarness;
import org.conventionledger.query.platform.ReadStore;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The recruitment read side on a throw-away read store, fed from a test {@link EventLog}: every event
 * is handed to both projections as the "recruitment" processor would, through Axon's annotation
 * adapter (which routes it to the handler for its type with its message and tracking token); the
 * views are read through the controllers.
 */
final class RecruitmentReadSide extends ProjectionHarness {

    final RecruitmentProjection recruitment;
    final SessionProjection sessions;
    final RecruitmentController recruitmentController;
    final SessionController sessionController;

    private RecruitmentReadSide(ReadStore store, EventLog log) {
        super(store, log);
        MongoTemplate mongo = store.mongo();
        recruitment = new RecruitmentProjection(projections, mongo);
        sessions = new SessionProjection(projections, mongo);
        recruitmentController = new RecruitmentController(mongo);
        sessionController = new SessionController(mongo);
        handledBy(recruitment, sessions);
    }

    /** On the JDBC store's log (gap-aware tokens, stamped global indexes). */
    static RecruitmentReadSide start() {
        return new RecruitmentReadSide(ReadStore.start(), EventLog.jdbc());
    }

    static RecruitmentReadSide start(ReadStore.Backend backend, EventLog log) {
        return new RecruitmentReadSide(ReadStore.start(backend), log);
    }

    void reset() {
        recruitment.reset();
        sessions.reset();
    }
}
