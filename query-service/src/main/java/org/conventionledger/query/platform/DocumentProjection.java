package org.conventionledger.query.platform;

import java.util.function.Consumer;
import java.util.function.Function;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.conventionledger.events.ConventionEvent;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A projection that keeps one kind of document, each event changing one of them exactly once
 * ({@link Projections#absorb}): a handler says only which document and what changes. Documents are either
 * made by the first event for their id, or opened by one event the handler creates them with, any other
 * event for an unknown id then failing its batch (it came out of order).
 */
public abstract class DocumentProjection<T extends Absorbing> {

    protected final Projections projections;
    protected final MongoTemplate mongo;
    private final Class<T> type;
    private final Function<String, T> create;
    private final String unknown;

    /** For documents the first event for their id makes, as {@code create} makes them. */
    protected DocumentProjection(
            Projections projections, MongoTemplate mongo, Class<T> type, Function<String, T> create) {
        this(projections, mongo, type, create, null);
    }

    /**
     * For documents their handlers open: {@code unknown} is what an event for an unknown id fails with,
     * {@code %s} standing for the id (e.g. {@code "Action %s was not drafted (yet) on the read side"}).
     */
    protected DocumentProjection(Projections projections, MongoTemplate mongo, Class<T> type, String unknown) {
        this(projections, mongo, type, null, unknown);
    }

    private DocumentProjection(
            Projections projections, MongoTemplate mongo, Class<T> type, Function<String, T> create, String unknown) {
        this.projections = projections;
        this.mongo = mongo;
        this.type = type;
        this.create = create;
        this.unknown = unknown;
    }

    protected void update(String id, EventMessage<?> message, TrackingToken token, Consumer<T> change) {
        projections.absorb(
                type,
                id,
                message,
                token,
                () -> {
                    if (create == null) {
                        throw new IllegalStateException(unknown.formatted(id));
                    }
                    return create.apply(id);
                },
                change);
    }

    /** The document of the event's convention. */
    protected void update(ConventionEvent event, EventMessage<?> message, TrackingToken token, Consumer<T> change) {
        update(event.conventionId(), message, token, change);
    }
}
