package org.conventionledger.query.oversight;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.conventionledger.events.integrity.ChainLink;
import org.conventionledger.query.platform.EventPosition;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/** What the audit trail's tests share: the services' JSON and serializer, and the chain as a verifier computes it. */
final class TrailFixture {

    /** As Spring Boot configures it: java.time support, dates as ISO text. */
    static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    /** The log's serializer, as the services configure it (JSON). */
    static final Serializer SERIALIZER =
            JacksonSerializer.builder().objectMapper(JSON).build();

    /** The simulated JDBC log numbers events from 1; it is not queried, so no position is abandoned. */
    static final GapResolver SIMULATED_JDBC_LOG = new GapResolver(null, 1, Duration.ofSeconds(30), Clock.systemUTC());

    private TrailFixture() {}

    /** The trail's read API over {@code mongo}; its export would read the event store, which these tests do not use. */
    static AuditTrailController auditTrailController(MongoTemplate mongo) {
        return new AuditTrailController(
                mongo,
                new ChainSealer(mongo, JSON, SIMULATED_JDBC_LOG),
                new LogExport(null, SERIALIZER, mongo, JSON),
                JSON);
    }

    /** The chain recomputed from the messages themselves, as a verifier does from an export. */
    static Map<Long, String> recomputedLinks(List<TrackedEventMessage<?>> messages) {
        TreeMap<Long, TrackedEventMessage<?>> byPosition = new TreeMap<>();
        messages.forEach(m -> byPosition.put(EventPosition.of(m, m.trackingToken()), m));
        Map<Long, String> links = new TreeMap<>();
        String hash = ChainLink.GENESIS;
        for (var e : byPosition.entrySet()) {
            DomainEventMessage<?> m = (DomainEventMessage<?>) e.getValue();
            SerializedObject<byte[]> payload = SERIALIZER.serialize(m.getPayload(), byte[].class);
            Map<String, String> meta = new TreeMap<>();
            m.getMetaData().forEach((k, v) -> meta.put(k, String.valueOf(v)));
            hash = ChainLink.hash(
                    hash,
                    new ChainLink.Entry(
                            e.getKey(),
                            m.getIdentifier(),
                            m.getAggregateIdentifier(),
                            m.getSequenceNumber(),
                            m.getPayloadType().getName(),
                            "1",
                            m.getTimestamp().toString(),
                            meta,
                            payload.getData(),
                            m.getType()));
            links.put(e.getKey(), hash);
        }
        return links;
    }
}
