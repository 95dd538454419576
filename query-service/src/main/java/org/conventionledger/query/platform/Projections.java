package org.conventionledger.query.platform;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Applies an event to one projection document at most once, turning at-least-once delivery (the read
 * store has no transactions, so a crash between a write and the token update re-delivers events) into
 * exactly-once effects. All events that touch one document must be handled in order on one processing
 * segment, which the processors' sequencing policies guarantee (see {@code ProcessingConfiguration}).
 *
 * <p>Within an event processor's batch, a document is read once and written once, when the batch
 * commits ({@link PendingDocuments}); without a unit of work (a handler called directly), each event is
 * read and written at once.
 */
@Component
public class Projections {

    private final MongoTemplate mongo;

    public Projections(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Loads (or creates) the document, applies the change unless the event was already absorbed, and
     * saves the change together with the absorbed part of the log in one write (optimistically
     * versioned, so a stale writer fails instead of overwriting).
     */
    public <T extends Absorbing> void absorb(
            Class<T> type,
            String id,
            EventMessage<?> event,
            TrackingToken token,
            Supplier<T> create,
            Consumer<T> change) {
        Optional<PendingDocuments> batch = PendingDocuments.ofCurrentBatch(mongo);
        if (batch.isPresent()) {
            absorbInBatch(batch.get(), type, id, event, token, create, change);
            return;
        }
        T stored = mongo.findById(id, type);
        T document = stored == null ? create.get() : stored;
        if (apply(document, event, token, change)) {
            mongo.save(document);
        }
    }

    /** Whether the document exists, or will once the current batch is written. */
    public boolean exists(Class<? extends Absorbing> type, String id) {
        return PendingDocuments.ofCurrentBatch(mongo)
                        .map(batch -> batch.holds(type, id))
                        .orElse(false)
                || mongo.exists(Query.query(Criteria.where("_id").is(id)), type);
    }

    private static <T extends Absorbing> void absorbInBatch(
            PendingDocuments batch,
            Class<T> type,
            String id,
            EventMessage<?> event,
            TrackingToken token,
            Supplier<T> create,
            Consumer<T> change) {
        try {
            if (apply(batch.load(type, id, create), event, token, change)) {
                batch.changed(type, id);
            }
        } catch (RuntimeException e) {
            batch.fail();
            throw e;
        }
    }

    /** The own-index rule of ADR-001: applies the change unless the position covers the event. */
    private static <T extends Absorbing> boolean apply(
            T document, EventMessage<?> event, TrackingToken token, Consumer<T> change) {
        LogPosition absorbed = document.absorbed();
        if (absorbed != null && absorbed.contains(EventPosition.of(event, token))) {
            return false;
        }
        change.accept(document);
        LogPosition seen = LogPosition.of(token);
        document.absorbed(absorbed == null ? seen : absorbed.union(seen));
        return true;
    }
}
