package org.conventionledger.query.oversight;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.conventionledger.events.integrity.ChainLink;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Extends the integrity chain ({@link ChainLink}) over the garants' trail in global order, up to the
 * settled position, so that a late event filling a gap is chained in its place and never after
 * events that follow it. Each event's link is written on its trail entry, then the head moves: after
 * a crash the chain resumes from the head and rewrites the same links.
 */
@Component
class ChainSealer {

    private static final int BATCH = 1_000;
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {
    };

    private final MongoTemplate mongo;
    private final ObjectMapper json;

    ChainSealer(MongoTemplate mongo, ObjectMapper json) {
        this.mongo = mongo;
        this.json = json;
    }

    @Scheduled(fixedDelayString = "${ledger.audit.chain-interval:PT2S}")
    void extendInBackground() {
        extend();
    }

    /** Chains every settled trail entry not chained yet; returns the head. */
    synchronized ChainHead extend() {
        ChainHead head = head();
        AuditProgress progress = mongo.findById(AuditProgress.ID, AuditProgress.class);
        long settled = progress == null ? -1 : progress.settled();
        while (head.position() < settled) {
            List<AuditEvent> batch = mongo.find(new Query(Criteria.where("_id").gt(head.position()).lte(settled))
                    .with(Sort.by("_id")).limit(BATCH), AuditEvent.class);
            if (batch.isEmpty()) {
                break;
            }
            String hash = head.hash();
            for (AuditEvent event : batch) {
                hash = ChainLink.hash(hash, entryOf(event));
                mongo.updateFirst(Query.query(Criteria.where("_id").is(event.position())),
                        Update.update("chainHash", hash), AuditEvent.class);
            }
            head = new ChainHead(ChainHead.ID, batch.get(batch.size() - 1).position(), hash, head.length() + batch.size());
            mongo.save(head);
        }
        return head;
    }

    ChainHead head() {
        ChainHead head = mongo.findById(ChainHead.ID, ChainHead.class);
        return head == null ? ChainHead.genesis() : head;
    }

    ChainLink.Entry entryOf(AuditEvent event) {
        try {
            return new ChainLink.Entry(event.position(), event.eventId(), event.aggregateId(), event.sequence(),
                    event.payloadType(), event.revision(), timestamp(event.recordedAt()),
                    json.readValue(event.metaData(), STRINGS), event.storedPayload().getBytes(StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Unreadable metadata on trail entry " + event.position(), e);
        }
    }

    static String timestamp(Instant instant) {
        return instant.toString();
    }
}
