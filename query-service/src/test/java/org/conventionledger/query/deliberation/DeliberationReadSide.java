package org.conventionledger.query.deliberation;

import java.util.List;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.conventionledger.query.platform.EventLog;
import org.conventionledger.query.platform.Projections;
import org.conventionledger.query.platform.ReadStore;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The deliberation read side on a throw-away read store, fed from a test {@link EventLog}: every event is
 * handed to each projection as the "deliberation" processor would, through Axon's annotation adapter
 * (which routes it to the handler for its type with its message and tracking token); the views are read
 * through the controllers.
 */
final class DeliberationReadSide implements AutoCloseable {

    final ReadStore store;
    final EventLog log;
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
    private final List<AnnotationEventHandlerAdapter> handlers;

    private DeliberationReadSide(ReadStore store, EventLog log) {
        this.store = store;
        this.log = log;
        MongoTemplate mongo = store.mongo();
        Projections projections = new Projections(mongo);
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
        handlers = List.of(new AnnotationEventHandlerAdapter(histories), new AnnotationEventHandlerAdapter(dashboards),
                new AnnotationEventHandlerAdapter(votes), new AnnotationEventHandlerAdapter(topics),
                new AnnotationEventHandlerAdapter(questions));
    }

    /** On the JDBC store's log (gap-aware tokens, stamped global indexes). */
    static DeliberationReadSide start() {
        return new DeliberationReadSide(ReadStore.start(), EventLog.jdbc());
    }

    static DeliberationReadSide start(ReadStore.Backend backend, EventLog log) {
        return new DeliberationReadSide(ReadStore.start(backend), log);
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

    /** Commits one event, hands it over and returns it (for its timestamp or token). */
    TrackedEventMessage<?> appendOne(Object payload) {
        TrackedEventMessage<?> message = log.append(payload);
        deliver(message);
        return message;
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
        histories.reset();
        dashboards.reset();
        votes.reset();
        topics.reset();
        questions.reset();
    }

    @Override
    public void close() {
        store.close();
    }
}
