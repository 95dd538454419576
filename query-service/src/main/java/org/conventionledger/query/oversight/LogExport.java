package org.conventionledger.query.oversight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.conventionledger.events.integrity.ChainLink;
import org.conventionledger.events.recruitment.PanelLotteryComputed;
import org.conventionledger.query.platform.EventPosition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Exports the log as JSON Lines, read afresh from the event store (not from the read store), one event
 * per line with every field the integrity chain covers, plus the chain link the ledger recorded for it
 * ({@code chainHash}, null beyond the chain's head). A verifier recomputes the chain from the lines and
 * compares it with the recorded links and with a published seal: any event altered, removed or
 * reordered in the store since it was chained shows as the first position where they differ.
 */
@Component
class LogExport {

    private static final String PANEL_LOTTERY = PanelLotteryComputed.class.getName();
    private static final Logger LOG = LoggerFactory.getLogger(LogExport.class);

    private final EventStore eventStore;
    private final Serializer eventSerializer;
    private final MongoTemplate mongo;
    private final ObjectMapper json;
    private final JdbcTemplate jdbc;

    @Autowired
    LogExport(
            EventStore eventStore,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            MongoTemplate mongo,
            ObjectMapper json,
            ObjectProvider<JdbcTemplate> jdbc) {
        this(eventStore, eventSerializer, mongo, json, jdbc.getIfAvailable());
    }

    /** Without a JDBC store to learn the last position from (tests of the trail on their own). */
    LogExport(EventStore eventStore, Serializer eventSerializer, MongoTemplate mongo, ObjectMapper json) {
        this(eventStore, eventSerializer, mongo, json, (JdbcTemplate) null);
    }

    private LogExport(
            EventStore eventStore,
            Serializer eventSerializer,
            MongoTemplate mongo,
            ObjectMapper json,
            JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.eventSerializer = eventSerializer;
        this.mongo = mongo;
        this.json = json;
    }

    /** Writes every event now in the store, in log order; returns how many. */
    long write(OutputStream out) throws IOException {
        long count = 0;
        Long last = lastPosition(jdbc);
        long position = Long.MIN_VALUE;
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (more(stream, last, position)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                position = EventPosition.of(event, event.trackingToken());
                out.write(json.writeValueAsBytes(line(event)));
                out.write('\n');
                count++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("export interrupted", e);
        }
        out.flush();
        return count;
    }

    /** The highest position in the JDBC store now, or null (no JDBC store, or empty). */
    static Long lastPosition(JdbcTemplate jdbc) {
        return jdbc == null ? null : jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
    }

    /**
     * Whether the stream has another event. {@code hasNextAvailable()} alone answers false whenever the
     * store's reader has not fetched the next batch yet, which cut exports short on a busy machine: until
     * the stream reaches the position that was last when reading began, wait for it.
     */
    static boolean more(BlockingStream<TrackedEventMessage<?>> stream, Long last, long position)
            throws InterruptedException {
        boolean behind = last != null && position < last;
        return behind ? stream.hasNextAvailable(60, TimeUnit.SECONDS) : stream.hasNextAvailable();
    }

    /** The event's fields as the chain and the tree cover them, from what the store holds. */
    static ChainLink.Entry entry(TrackedEventMessage<?> event, Serializer eventSerializer) {
        SerializedObject<byte[]> stored = AuditTrailProjection.stored(event, eventSerializer);
        DomainEventMessage<?> domain = event instanceof DomainEventMessage<?> d ? d : null;
        return new ChainLink.Entry(
                EventPosition.of(event, event.trackingToken()),
                event.getIdentifier(),
                domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(),
                stored.getType().getName(),
                stored.getType().getRevision(),
                ChainSealer.timestamp(event.getTimestamp()),
                AuditTrailProjection.textValues(event.getMetaData()),
                stored.getData(),
                domain == null ? null : domain.getType());
    }

    /** The export's line of an event (with the panel record of a lottery that names one). */
    Map<String, Object> line(TrackedEventMessage<?> event) {
        long position = EventPosition.of(event, event.trackingToken());
        SerializedObject<byte[]> stored = AuditTrailProjection.stored(event, eventSerializer);
        AuditEvent chained = mongo.findById(position, AuditEvent.class);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("position", position);
        line.put("eventId", event.getIdentifier());
        line.put("aggregateId", event instanceof DomainEventMessage<?> d ? d.getAggregateIdentifier() : null);
        line.put("sequence", event instanceof DomainEventMessage<?> d ? d.getSequenceNumber() : null);
        line.put("aggregateType", event instanceof DomainEventMessage<?> d ? d.getType() : null);
        line.put("payloadType", stored.getType().getName());
        line.put("payloadRevision", stored.getType().getRevision());
        line.put("timestamp", ChainSealer.timestamp(event.getTimestamp()));
        line.put("metaData", AuditTrailProjection.textValues(event.getMetaData()));
        line.put("payload", new String(stored.getData(), StandardCharsets.UTF_8));
        line.put("chainHash", chained == null ? null : chained.chainHash());
        line.put("chain", ChainLink.VERSION);
        if (PANEL_LOTTERY.equals(stored.getType().getName())) {
            panelRecord(stored.getData()).ifPresent(record -> line.put("panelRecord", record));
        }
        return line;
    }

    /**
     * The base64 of the panel record a lottery's payload names (ADR-010), as the command side stored it
     * (not checked here: {@code verify-draw} checks it against the hash in the payload, which the chain
     * covers); empty for a lottery with its panels inline, or when this store has no such record — said
     * in the log, since {@code verify-draw} then needs the record from elsewhere.
     */
    private Optional<String> panelRecord(byte[] payload) {
        JsonNode sha256;
        try {
            sha256 = json.readTree(payload).path("panelRecord").path("sha256");
        } catch (IOException e) {
            throw new UncheckedIOException("an unreadable PanelLotteryComputed payload", e);
        }
        if (!sha256.isTextual()) {
            return Optional.empty();
        }
        if (jdbc == null) {
            LOG.warn(
                    "The export carries no panel record for the lottery naming {}: this query service reads no "
                            + "JDBC store (Axon Server). verify-draw takes it with --panel-record from the command "
                            + "service, GET /api/lottery-records/{} (ADR-010).",
                    sha256.asText(),
                    sha256.asText());
            return Optional.empty();
        }
        Optional<String> record;
        try {
            record = jdbc
                    .query(
                            "SELECT record FROM lottery_record WHERE sha256 = ?",
                            (rs, i) -> Base64.getEncoder().encodeToString(rs.getBytes(1)),
                            sha256.asText())
                    .stream()
                    .findFirst();
        } catch (DataAccessException noRecordsTable) {
            record = Optional.empty();
        }
        if (record.isEmpty()) {
            LOG.warn(
                    "The export carries no panel record for the lottery naming {}: the store has none.",
                    sha256.asText());
        }
        return record;
    }
}
