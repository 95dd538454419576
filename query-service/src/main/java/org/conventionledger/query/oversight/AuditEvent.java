package org.conventionledger.query.oversight;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One event of the log as the garants read it. Keyed by its position, so writing it again after a
 * crash changes nothing.
 *
 * @param causationId   the message (usually the command) that caused this event
 * @param correlationId the request's trace: every message caused, directly or not, by one request
 * @param storedPayload the payload exactly as the log stores it (JSON), which the integrity chain hashes
 * @param metaData      the event's metadata, canonical (see {@code ChainLink#canonical})
 * @param chainHash     this event's link in the integrity chain, once the chain has reached it
 * @param subjects      whom the event concerns, as {@link Subjects} keys (person, invitation, member and claim
 *                      ids), for the per-person view; derived from the payload, so not shown in the trail
 */
@Document("audit_events")
public record AuditEvent(
        @Id long position,
        String eventId,
        @Indexed String type,
        String payloadType,
        String revision,
        @Indexed String aggregateId,
        String aggregateType,
        Long sequence,
        Instant recordedAt,
        Actor actor,
        String causationId,
        String correlationId,
        Map<String, Object> payload,
        String storedPayload,
        String metaData,
        String chainHash,
        @JsonIgnore @Indexed List<String> subjects) {

    public record Actor(String id, String role) {}

    AuditEvent withChainHash(String hash) {
        return new AuditEvent(
                position,
                eventId,
                type,
                payloadType,
                revision,
                aggregateId,
                aggregateType,
                sequence,
                recordedAt,
                actor,
                causationId,
                correlationId,
                payload,
                storedPayload,
                metaData,
                hash,
                subjects);
    }
}
