package org.conventionledger.query.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

/**
 * A real (embedded, in-memory) Axon event store for tests of the "as of" replay: events are appended
 * with the recording time the test chooses, and the replay streams them back as from the JDBC store
 * (in append order, each with its global position, here from 0 like Axon Server's).
 */
public final class InMemoryLog implements AutoCloseable {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private long appended;

    public EventStore store() {
        return store;
    }

    /** A replay over this log, with the given slack for recording times out of log order. */
    public LogReplay replay(Duration clockSlack) {
        return new LogReplay(store, clockSlack);
    }

    /** Appends the event, recorded at that instant; returns its position in the log. */
    public long append(Object payload, Instant recordedAt) {
        store.publish(new GenericDomainEventMessage<>(
                "Test",
                "agg-" + UUID.randomUUID(),
                0,
                payload,
                null,
                UUID.randomUUID().toString(),
                recordedAt));
        return appended++;
    }

    @Override
    public void close() {
        store.shutDown();
    }
}
