package org.conventionledger.query.oversight;

import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.conventionledger.query.platform.EventPosition;
import org.conventionledger.query.platform.ProcessingConfiguration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Copies every event of the log, in log order, into the garants' trail. */
@Component
@ProcessingGroup(ProcessingConfiguration.AUDIT_TRAIL)
class AuditTrailProjection {

    private static final TypeReference<Map<String, Object>> AS_MAP = new TypeReference<>() {
    };

    private final MongoTemplate mongo;
    private final ObjectMapper json;

    AuditTrailProjection(MongoTemplate mongo, ObjectMapper json) {
        this.mongo = mongo;
        this.json = json;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event, TrackingToken token) {
        MetaData meta = event.getMetaData();
        String aggregateId = null;
        String aggregateType = null;
        Long sequence = null;
        if (event instanceof DomainEventMessage<?> domain) {
            aggregateId = domain.getAggregateIdentifier();
            aggregateType = domain.getType();
            sequence = domain.getSequenceNumber();
        }
        mongo.save(new AuditEvent(EventPosition.of(event, token), event.getIdentifier(),
                event.getPayloadType().getSimpleName(), event.getPayloadType().getName(), revisionOf(event),
                aggregateId, aggregateType, sequence, event.getTimestamp(),
                new AuditEvent.Actor(text(meta.get("actorId")), text(meta.get("actorRole"))),
                text(meta.get("correlationId")), text(meta.get("traceId")),
                json.convertValue(payload, AS_MAP)));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(AuditEvent.class);
    }

    private static String revisionOf(EventMessage<?> event) {
        var revision = event.getPayloadType().getAnnotation(org.axonframework.serialization.Revision.class);
        return revision == null ? null : revision.value();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
