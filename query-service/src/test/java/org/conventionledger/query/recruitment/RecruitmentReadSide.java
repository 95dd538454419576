package org.conventionledger.query.recruitment;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.conventionledger.query.platform.EventLog;
import org.conventionledger.query.platform.ProjectionFeed;
import org.conventionledger.query.platform.Projections;
import org.conventionledger.query.platform.ReadStore;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The recruitment read side on a throw-away read store, fed from a test {@link EventLog} as the
 * "recruitment" processor feeds it; the views are read through the controller.
 */
final class RecruitmentReadSide implements AutoCloseable {

    final ReadStore store;
    final EventLog log;
    final RecruitmentProjection recruitment;
    final RecruitmentController recruitmentController;
    private final ProjectionFeed feed;

    private RecruitmentReadSide(ReadStore store, EventLog log) {
        this.store = store;
        this.log = log;
        MongoTemplate mongo = store.mongo();
        recruitment = new RecruitmentProjection(new Projections(mongo), mongo);
        recruitmentController = new RecruitmentController(mongo);
        feed = new ProjectionFeed(log, recruitment);
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
        recruitment.reset();
    }

    @Override
    public void close() {
        store.close();
    }
}
