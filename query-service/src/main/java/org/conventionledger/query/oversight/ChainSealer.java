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
 * Extends the integrity chain ({@link ChainLink}) over the garants' trail in global order. It stops at
 * a missing position until that position's event arrives or the position is known to stay empty
 * ({@link GapResolver}), so a late event is chained in its place and never after events that follow
 * it. Each event's link is written on its trail entry, then the head moves: after a crash the chain
 * resumes from the head and rewrites the same links.
 */
@Component
class ChainSealer {

    private static final int BATCH = 1_000;
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {
    };

    private final MongoTemplate mongo;
    private final ObjectMapper json;
    private final GapResolver gaps;

    ChainSealer(MongoTemplate mongo, ObjectMapper json, GapResolver gaps) {
        this.mongo = mongo;
        this.json = json;
        this.gaps = gaps;
    }

    @Scheduled(fixedDelayString = "${ledger.audit.chain-interval:PT2S}")
    void extendInBackground() {
        extend();
    }

    /** Chains every trail entry that can be chained now; returns the head. */
    synchronized ChainHead extend() {
        ChainHead head = head();
        while (true) {
            List<AuditEvent> batch = mongo.find(new Query(Criteria.where("_id").gt(head.position()))
                    .with(Sort.by("_id")).limit(BATCH), AuditEvent.class);
            ChainHead extended = chain(head, batch);
            if (extended.position() != head.position()) {
                mongo.save(extended);
            }
            if (batch.size() < BATCH || extended.position() == head.position()
                    || extended.position() < batch.get(batch.size() - 1).position()) {
                return extended;
            }
            head = extended;
        }
    }

    private ChainHead chain(ChainHead head, List<AuditEvent> batch) {
        long position = head.position();
        String hash = head.hash();
        long length = head.length();
        for (AuditEvent event : batch) {
            boolean next = event.position() == position + 1
                    || (position < gaps.firstPosition() && event.position() == gaps.firstPosition());
            if (!next && !gaps.abandoned(position, event.position(), event.recordedAt())) {
                break;
            }
            hash = ChainLink.hash(hash, entryOf(event));
            mongo.updateFirst(Query.query(Criteria.where("_id").is(event.position())),
                    Update.update("chainHash", hash), AuditEvent.class);
            position = event.position();
            length++;
        }
        return new ChainHead(ChainHead.ID, position, hash, length);
    }

    ChainHead head() {
        ChainHead head = mongo.findById(ChainHead.ID, ChainHead.class);
        return head == null ? ChainHead.genesis() : head;
    }

    ChainLink.Entry entryOf(AuditEvent event) {
        try {
            return new ChainLink.Entry(event.position(), event.eventId(), event.aggregateId(), event.sequence(),
                    event.payloadType(), event.revision(), timestamp(event.recordedAt()),
                    json.readValue(event.metaData(), STRINGS), event.storedPayload().getBytes(StandardCharsets.UTF_8),
                    event.aggregateType());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Unreadable metadata on trail entry " + event.position(), e);
        }
    }

    static String timestamp(Instant instant) {
        return instant.toString();
    }
}
