package org.conventionledger.query.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The {@code as-of-checkpoints} processor run by hand: a writer ({@link AsOfCheckpointing}) handed the
 * events of a log in batches, each in one unit of work as the pooled processor hands them (its writes
 * done when the batch commits), from a token the test keeps as the processor's token store would.
 */
public final class AsOfFeed {

    private final EventStore log;
    private final MongoTemplate mongo;
    private final int every;
    private final List<AsOfFold<?>> folds;
    private AsOfCheckpointing writer;
    private AnnotationEventHandlerAdapter handler;
    /** The processor's stored token: where a restarted writer is handed the log from. */
    private TrackingToken token;

    public AsOfFeed(EventStore log, MongoTemplate mongo, int every, AsOfFold<?>... folds) {
        this.log = log;
        this.mongo = mongo;
        this.every = every;
        this.folds = List.of(folds);
        restart();
    }

    /** A new writer, as after a restart of the service: nothing in memory, everything from the store. */
    public void restart() {
        writer = new AsOfCheckpointing(new AsOfCheckpoints(mongo), mongo, folds, every);
        handler = new AnnotationEventHandlerAdapter(writer);
    }

    public TrackingToken token() {
        return token;
    }

    /** Hands over the events of the log after the stored token, {@code batch} at a time; returns how many. */
    public int catchUp(int batch) {
        int handed = 0;
        int step;
        while ((step = step(batch)) > 0) {
            handed += step;
        }
        return handed;
    }

    /** Hands over the next {@code batch} events at most and stores their token; returns how many. */
    public int step(int batch) {
        List<TrackedEventMessage<?>> events = next(token, batch);
        if (!events.isEmpty()) {
            handle(events);
            token = events.get(events.size() - 1).trackingToken();
        }
        return events.size();
    }

    /**
     * A crash after a batch's writes, before its token: the service restarts and the batch is handed over
     * again.
     */
    public void crashBeforeToken(int batch) {
        handle(next(token, batch));
        restart();
    }

    /**
     * A crash in the middle of a batch's writes: its checkpoints are written, the writer's progress is
     * not, nor the token; the service restarts.
     */
    public void crashBeforeProgress(int batch) {
        Document progress = mongo.findById(AsOfCheckpoints.FOLDING_ID, Document.class, AsOfCheckpoints.FOLDING);
        handle(next(token, batch));
        if (progress == null) {
            mongo.remove(new Query(), AsOfCheckpoints.FOLDING);
        } else {
            mongo.save(progress, AsOfCheckpoints.FOLDING);
        }
        restart();
    }

    /** The next events of the log after the token, at most {@code max}. */
    public List<TrackedEventMessage<?>> next(TrackingToken after, int max) {
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = log.openStream(after)) {
            while (events.size() < max && stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
                events.add(stream.nextAvailable());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return events;
    }

    /** One batch, in one unit of work: the writes are done when it commits. */
    public void handle(List<? extends EventMessage<?>> events) {
        if (events.isEmpty()) {
            return;
        }
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<>(events));
        var result = unitOfWork.executeWithResult(
                () -> {
                    handler.handle(unitOfWork.getMessage());
                    return null;
                },
                RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw new IllegalStateException(result.exceptionResult());
        }
    }

    /** The writer's rebuild: its reset handler, and the token back to the start of the log. */
    public void reset() {
        writer.reset();
        token = null;
    }

    /** A replay (as a request runs it) on the checkpoints in the store, with a reader of its own. */
    public CheckpointedReplay replay(LogReplay full) {
        return new CheckpointedReplay(full, new AsOfCheckpoints(mongo), new AsOfCache(16));
    }
}
