package org.conventionledger.query.oversight;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ErrorCategory;
import com.mongodb.bulk.BulkWriteResult;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
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
     * The entries of a batch, inserted in one unordered bulk when it commits. An entry the trail already
     * holds (its batch re-delivered after a crash) is left as it is: its content is a function of its
     * event alone, and it keeps the chain link the chain may have given it meanwhile. When this returns,
     * every entry of the batch is in the trail; otherwise it throws, the batch's token is not stored and
     * the batch is delivered again. (An entry the killed embedded store saved without its index entry is
     * refused at each delivery: the trail stops there rather than passing it; docs/garants.md.)
     */
    static final class AuditEntries implements BatchWrites.Write {

        /** A re-delivered batch needs one more bulk for the entries it did not hold; a third is never needed. */
        private static final int ATTEMPTS = 3;

        private final Map<Long, AuditEvent> entries = new LinkedHashMap<>();

        AuditEntries add(AuditEvent entry) {
            entries.put(entry.position(), entry);
            return this;
        }

        @Override
        public void writeTo(MongoTemplate mongo) {
            Collection<AuditEvent> absent = entries.values();
            for (int attempt = 0; attempt < ATTEMPTS && !absent.isEmpty(); attempt++) {
                if (insert(mongo, absent)) {
                    entries.clear();
                    return;
                }
                absent = absent(mongo);
            }
            if (!absent.isEmpty()) {
                throw new IllegalStateException("The trail's entries at positions "
                        + absent.stream().map(AuditEvent::position).toList()
                        + " could not be written; the batch is delivered again");
            }
            entries.clear();
        }

        /**
         * Inserts the entries; true if the store counted every one as inserted. Only a duplicate key (an
         * entry already there) is tolerated: any other error fails the batch. An unordered bulk goes on past
         * a duplicate, but not every store honours that, hence the check by the caller.
         */
        private static boolean insert(MongoTemplate mongo, Collection<AuditEvent> entries) {
            try {
                BulkWriteResult result = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, AuditEvent.class)
                        .insert(List.copyOf(entries))
                        .execute();
                return result.getInsertedCount() == entries.size();
            } catch (BulkOperationException e) {
                boolean onlyDuplicates = e.getErrors().stream()
                        .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
                if (!onlyDuplicates) {
                    throw e;
                }
                return false;
            }
        }

        /** The entries the trail does not hold, asked by {@code _id} alone (answered from the index). */
        private List<AuditEvent> absent(MongoTemplate mongo) {
            Query query = Query.query(Criteria.where("_id").in(entries.keySet()));
            query.fields().include("_id");
            Set<Long> held = new HashSet<>();
            for (Document document : mongo.find(query, Document.class, mongo.getCollectionName(AuditEvent.class))) {
                held.add(((Number) document.get("_id")).longValue());
            }
            return entries.values().stream()
                    .filter(e -> !held.contains(e.position()))
                    .toList();
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
