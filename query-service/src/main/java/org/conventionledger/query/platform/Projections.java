package org.conventionledger.query.platform;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Applies an event to one projection document at most once, turning at-least-once delivery (the read
 * store has no transactions, so a crash between a write and the token update re-delivers events) into
 * exactly-once effects. All events that touch one document must be handled in order on one processing
 * segment, which the processors' sequencing policies guarantee (see {@code ProcessingConfiguration}).
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
    public <T extends Absorbing> void absorb(Class<T> type, String id, EventMessage<?> event, TrackingToken token,
                                             Supplier<T> create, Consumer<T> change) {
        T document = mongo.findById(id, type);
        if (document == null) {
            document = create.get();
        } else if (document.absorbed() != null && document.absorbed().contains(EventPosition.of(event, token))) {
            return;
        }
        change.accept(document);
        LogPosition seen = LogPosition.of(token);
        document.absorbed(document.absorbed() == null ? seen : document.absorbed().union(seen));
        mongo.save(document);
    }
}
