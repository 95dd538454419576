package org.conventionledger.events.integrity;

import java.util.Map;
import java.util.function.Consumer;

/** A mutable copy of a {@link ChainLink.Entry}'s fields, for tests that alter one or two of them. */
final class EntryCopy {
    long position;
    String eventId;
    String aggregateId;
    Long sequence;
    String payloadType;
    String payloadRevision;
    String timestamp;
    Map<String, String> metaData;
    byte[] payload;
    String aggregateType;

    EntryCopy(ChainLink.Entry e) {
        position = e.position();
        eventId = e.eventId();
        aggregateId = e.aggregateId();
        sequence = e.sequence();
        payloadType = e.payloadType();
        payloadRevision = e.payloadRevision();
        timestamp = e.timestamp();
        metaData = e.metaData();
        payload = e.payload();
        aggregateType = e.aggregateType();
    }

    /** {@code e} with what {@code change} sets, every other field as it was. */
    static ChainLink.Entry of(ChainLink.Entry e, Consumer<EntryCopy> change) {
        EntryCopy copy = new EntryCopy(e);
        change.accept(copy);
        return copy.entry();
    }

    ChainLink.Entry entry() {
        return new ChainLink.Entry(
                position,
                eventId,
                aggregateId,
                sequence,
                payloadType,
                payloadRevision,
                timestamp,
                metaData,
                payload,
                aggregateType);
    }
}
