package org.conventionledger.query.oversight;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.conventionledger.events.integrity.ChainLink;
import org.conventionledger.query.platform.BatchWrites;
import org.conventionledger.query.platform.EventPosition;
import org.conventionledger.query.platform.ProcessingConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Copies every event of the log into the garants' trail, keyed by its position, with the payload as
 * stored, so that {@link ChainSealer} can chain it, and whom it concerns ({@link Subjects}), so that a
 * person's events can be found by an indexed query. Within a processor's batch the entries are written
 * together when the batch commits ({@link BatchWrites}).
 */
@Component
@ProcessingGroup(ProcessingConfiguration.AUDIT_TRAIL)
class AuditTrailProjection {

    private static final TypeReference<Map<String, Object>> AS_MAP = new TypeReference<>() {};

    private final MongoTemplate mongo;
    private final ObjectMapper json;
    private final Serializer eventSerializer;
    private LogTree tree;

    AuditTrailProjection(
            MongoTemplate mongo, ObjectMapper json, @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.mongo = mongo;
        this.json = json;
        this.eventSerializer = eventSerializer;
    }

    /** The tree check a rebuild triggers (optional: slices of the context in tests run without it). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void checkTreeOnRebuild(LogTree tree) {
        this.tree = tree;
    }

    @EventHandler(payloadType = Object.class)
    void on(EventMessage<?> event, TrackingToken token) {
        MetaData meta = event.getMetaData();
        String aggregateId = null;
        String aggregateType = null;
        Long sequence = null;
        if (event instanceof DomainEventMessage<?> domain) {
            aggregateId = domain.getAggregateIdentifier();
            aggregateType = domain.getType();
            sequence = domain.getSequenceNumber();
        }
        long position = EventPosition.of(event, token);
        SerializedObject<byte[]> stored = stored(event, eventSerializer);
        String payloadType = stored.getType().getName();
        String type = payloadType.substring(Math.max(payloadType.lastIndexOf('.'), payloadType.lastIndexOf('$')) + 1);
        Map<String, Object> payload = readPayload(stored);
        AuditEvent entry = new AuditEvent(
                position,
                event.getIdentifier(),
                type,
                payloadType,
                stored.getType().getRevision(),
                aggregateId,
                aggregateType,
                sequence,
                event.getTimestamp(),
                new AuditEvent.Actor(text(meta.get("actorId")), text(meta.get("actorRole"))),
                text(meta.get("correlationId")),
                text(meta.get("traceId")),
                payload,
                new String(stored.getData(), StandardCharsets.UTF_8),
                ChainLink.canonical(textValues(meta)),
                null,
                Subjects.of(type, payload));
        BatchWrites.ofCurrentBatch(mongo, AuditEntries.class, AuditEntries::new)
                .ifPresentOrElse(
                        batch -> batch.add(entry),
                        () -> new AuditEntries().add(entry).writeTo(mongo));
    }

    /**
     * The entries of a batch, written in one ordered bulk when it commits. An entry written again (a
     * re-delivery after a crash) keeps the chain hash the chain gave it.
     */
    static final class AuditEntries implements BatchWrites.Write {

        private final Map<Long, AuditEvent> entries = new LinkedHashMap<>();

        AuditEntries add(AuditEvent entry) {
            entries.put(entry.position(), entry);
            return this;
        }

        @Override
        public void writeTo(MongoTemplate mongo) {
            if (entries.isEmpty()) {
                return;
            }
            Map<Long, String> chained = new HashMap<>();
            // by _id alone, which the embedded store answers from its index (with another condition it scans)
            Query written = Query.query(Criteria.where("_id").in(entries.keySet()));
            written.fields().include("chainHash");
            for (Document document : mongo.find(written, Document.class, mongo.getCollectionName(AuditEvent.class))) {
                if (document.getString("chainHash") != null) {
                    chained.put(((Number) document.get("_id")).longValue(), document.getString("chainHash"));
                }
            }
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.ORDERED, AuditEvent.class);
            for (AuditEvent entry : entries.values()) {
                bulk.replaceOne(
                        Query.query(Criteria.where("_id").is(entry.position())),
                        entry.withChainHash(chained.get(entry.position())),
                        FindAndReplaceOptions.options().upsert());
            }
            bulk.execute();
            entries.clear();
        }
    }

    /**
     * The payload as a document, read from the stored JSON rather than from the Java object, so that an
     * event of a type this version does not know (during an upgrade, say) is still recorded.
     */
    private Map<String, Object> readPayload(SerializedObject<byte[]> stored) {
        try {
            return json.readerFor(AS_MAP)
                    .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .readValue(stored.getData());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(
                    "The log holds a payload that is not a JSON object: " + stored.getType(), e);
        }
    }

    /** The payload as the log stores it (no re-serialization when the serializer is the log's). */
    static SerializedObject<byte[]> stored(EventMessage<?> event, Serializer eventSerializer) {
        return event.serializePayload(eventSerializer, byte[].class);
    }

    static Map<String, String> textValues(MetaData meta) {
        Map<String, String> values = new TreeMap<>();
        meta.forEach((key, value) -> values.put(key, value == null ? null : value.toString()));
        return values;
    }

    /**
     * A rebuild starts the trail, its chain and the seals taken at the end of each session afresh, and
     * checks the store against every signed tree head in the log: the chain is re-computed from what the
     * store holds now, the heads say what it held when they were signed.
     */
    @ResetHandler
    void reset() {
        mongo.dropCollection(AuditEvent.class);
        mongo.dropCollection(ChainHead.class);
        mongo.dropCollection(SessionSeal.class);
        if (mongo.collectionExists(AbandonedPositions.class)) {
            // most logs never abandon a position; the embedded store reports dropping a missing collection
            mongo.dropCollection(AbandonedPositions.class);
        }
        if (tree != null) {
            tree.checkSoon();
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
