package org.conventionledger.query.deliberation;

import org.conventionledger.query.platform.EventLog;
import org.conventionledger.query.platform.ProjectionHarness;
import org.conventionledger.query.platform.ReadStore;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The deliberation read side on a throw-away read store, fed from a test {@link EventLog}: every event is
 * handed to each projection as the "deliberation" processor would, through Axon's annotation adapter
 * (which routes it to the handler for its type with its message and tracking token); the views are read
 * through the controllers.
 */
final class DeliberationReadSide extends ProjectionHarness {

    final ActionHistoryProjection histories;
    final DeliberationDashboardProjection dashboards;
    final JudgmentVoteProjection votes;
    final TopicGroupProjection topics;
    final QuestionHistoryProjection questions;
    final ActionHistoryController historyController;
    final DeliberationDashboardController dashboardController;
    final JudgmentVoteController voteController;
    final TopicGroupController topicController;
    final QuestionHistoryController questionController;

    private DeliberationReadSide(ReadStore store, EventLog log) {
        super(store, log);
        MongoTemplate mongo = store.mongo();
        histories = new ActionHistoryProjection(projections, mongo);
        dashboards = new DeliberationDashboardProjection(projections, mongo);
        votes = new JudgmentVoteProjection(projections, mongo);
        topics = new TopicGroupProjection(projections, mongo);
        questions = new QuestionHistoryProjection(projections, mongo);
        historyController = new ActionHistoryController(mongo);
        dashboardController = new DeliberationDashboardController(mongo);
        voteController = new JudgmentVoteController(mongo);
        topicController = new TopicGroupController(mongo);
        questionController = new QuestionHistoryController(mongo);
        handledBy(histories, dashboards, votes, topics, questions);
    }

    /** On the JDBC store's log (gap-aware tokens, stamped global indexes). */
    static DeliberationReadSide start() {
        return new DeliberationReadSide(ReadStore.start(), EventLog.jdbc());
    }

    static DeliberationReadSide start(ReadStore.Backend backend, EventLog log) {
        return new DeliberationReadSide(ReadStore.start(backend), log);
    }

    void reset() {
        histories.reset();
        dashboards.reset();
        votes.reset();
        topics.reset();
        questions.reset();
    }
}
