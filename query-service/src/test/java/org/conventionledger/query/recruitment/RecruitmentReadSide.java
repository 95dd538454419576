package org.conventionledger.query.recruitment;

import org.conventionledger.query.platform.EventLog;
import org.conventionledger.query.platform.ProjectionHarness;
import org.conventionledger.query.platform.ReadStore;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The recruitment read side on a throw-away read store, fed from a test {@link EventLog} as the
 * "recruitment" processor feeds it; the views are read through the controller.
 */
final class RecruitmentReadSide extends ProjectionHarness {

    final RecruitmentProjection recruitment;
    final RecruitmentController recruitmentController;

    private RecruitmentReadSide(ReadStore store, EventLog log) {
        super(store, log);
        MongoTemplate mongo = store.mongo();
        recruitment = new RecruitmentProjection(projections, mongo);
        recruitmentController = new RecruitmentController(mongo);
        handledBy(recruitment);
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
    }
}
