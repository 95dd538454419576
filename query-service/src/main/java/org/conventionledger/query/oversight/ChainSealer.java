package org.conventionledger.query.oversight;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.LongStream;
import org.conventionledger.events.integrity.ChainLink;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
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
 * it; positions it goes past are recorded as {@link AbandonedPositions}. Each event's link is written on its trail
 * entry, then the head moves: after a crash the chain
 * resumes from the head and rewrites the same links.
 *
 * <p>When the chain reaches a {@code SessionClosed} event it records a {@link SessionSeal}: the head at
 * that position, which the garants can verify against an export and publish like any seal.
 */
@Component
class ChainSealer {

    private static final int BATCH = 1_000;
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {};

    static final String SESSION_CLOSED = "org.conventionledger.events.organisation.SessionClosed";
    private static final String SESSION_SCHEDULED = "SessionScheduled";

    private final MongoTemplate mongo;
    private final ObjectMapper json;
    private final GapResolver gaps;
    private final Clock clock;

    @Autowired
    ChainSealer(MongoTemplate mongo, ObjectMapper json, GapResolver gaps) {
        this(mongo, json, gaps, Clock.systemUTC());
    }

    ChainSealer(MongoTemplate mongo, ObjectMapper json, GapResolver gaps, Clock clock) {
        this.mongo = mongo;
        this.json = json;
        this.gaps = gaps;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ledger.audit.chain-interval:PT2S}")
    void extendInBackground() {
        extend();
    }

    /** Chains every trail entry that can be chained now; returns the head. */
    synchronized ChainHead extend() {
        ChainHead head = head();
        while (true) {
            List<AuditEvent> batch = entriesAfter(head.position());
            ChainHead extended = chain(head, batch);
            if (extended.position() != head.position()) {
                mongo.save(extended);
            }
            if (batch.isEmpty()
                    || extended.position() == head.position()
                    || extended.position() < batch.get(batch.size() - 1).position()) {
                return extended;
            }
            head = extended;
        }
    }

    /**
     * The trail's entries at the next {@value #BATCH} positions from the first one after {@code after}
     * that the log holds, in order. Asked by position rather than as a range: MongoDB answers both from
     * the {@code _id} index, the embedded store only the former (a range would scan the whole trail).
     */
    private List<AuditEvent> entriesAfter(long after) {
        OptionalLong from = gaps.nextPosition(after);
        if (from.isEmpty()) {
            return List.of();
        }
        List<Long> positions = LongStream.range(from.getAsLong(), from.getAsLong() + BATCH)
                .boxed()
                .toList();
        return mongo.find(new Query(Criteria.where("_id").in(positions)).with(Sort.by("_id")), AuditEvent.class);
    }

    private ChainHead chain(ChainHead head, List<AuditEvent> batch) {
        long position = head.position();
        String hash = head.hash();
        long length = head.length();
        // the links are written before the head that covers them; a crash in between recomputes the same links
        BulkOperations links = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, AuditEvent.class);
        for (AuditEvent event : batch) {
            boolean next = event.position() == position + 1
                    || (position < gaps.firstPosition() && event.position() == gaps.firstPosition());
            if (!next) {
                if (!gaps.abandoned(position, event.position(), event.recordedAt())) {
                    break;
                }
                long first = Math.max(position + 1, gaps.firstPosition());
                if (first < event.position()) {
                    mongo.save(new AbandonedPositions(first, event.position() - 1, clock.instant()));
                }
            }
            hash = ChainLink.hash(hash, entryOf(event));
            links.updateOne(Query.query(Criteria.where("_id").is(event.position())), Update.update("chainHash", hash));
            position = event.position();
            length++;
            if (SESSION_CLOSED.equals(event.payloadType())) {
                sealSession(event, hash, length);
            }
        }
        if (position != head.position()) {
            links.execute();
        }
        return new ChainHead(ChainHead.ID, position, hash, length);
    }

    /** Records the seal at a session's end once; a second pass (after a crash) keeps the first. */
    private void sealSession(AuditEvent closed, String head, long length) {
        if (mongo.exists(Query.query(Criteria.where("_id").is(closed.position())), SessionSeal.class)) {
            return;
        }
        Map<String, Object> payload = closed.payload() == null ? Map.of() : closed.payload();
        String conventionId = text(payload.get("conventionId"));
        String sessionId = text(payload.get("sessionId"));
        try {
            mongo.insert(new SessionSeal(
                    closed.position(),
                    ChainLink.VERSION,
                    head,
                    length,
                    clock.instant(),
                    conventionId,
                    sessionId,
                    sessionNumber(conventionId, sessionId)));
        } catch (DuplicateKeyException alreadySealed) {
            // another instance sealed it first, with the same head
        }
    }

    /** The session's number, from the {@code SessionScheduled} event already chained before it. */
    private Integer sessionNumber(String conventionId, String sessionId) {
        if (sessionId == null) {
            return null;
        }
        Criteria scheduled = Criteria.where("type")
                .is(SESSION_SCHEDULED)
                .and("payload.sessionId")
                .is(sessionId);
        if (conventionId != null) {
            scheduled = scheduled.and("payload.conventionId").is(conventionId);
        }
        AuditEvent event = mongo.findOne(Query.query(scheduled).with(Sort.by("_id")), AuditEvent.class);
        Object number = event == null || event.payload() == null
                ? null
                : event.payload().get("number");
        if (number instanceof Number n) {
            return n.intValue();
        }
        try {
            return number == null ? null : Integer.valueOf(number.toString());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    ChainHead head() {
        ChainHead head = mongo.findById(ChainHead.ID, ChainHead.class);
        return head == null ? ChainHead.genesis() : head;
    }

    ChainLink.Entry entryOf(AuditEvent event) {
        try {
            return new ChainLink.Entry(
                    event.position(),
                    event.eventId(),
                    event.aggregateId(),
                    event.sequence(),
                    event.payloadType(),
                    event.revision(),
                    timestamp(event.recordedAt()),
                    json.readValue(event.metaData(), STRINGS),
                    event.storedPayload().getBytes(StandardCharsets.UTF_8),
                    event.aggregateType());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Unreadable metadata on trail entry " + event.position(), e);
        }
    }

    static String timestamp(Instant instant) {
        return instant.toString();
    }
}
