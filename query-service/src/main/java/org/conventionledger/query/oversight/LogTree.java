package org.conventionledger.query.oversight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.conventionledger.events.integrity.ChainLink;
import org.conventionledger.events.integrity.MerkleTree;
import org.conventionledger.events.integrity.TreeAudit;
import org.conventionledger.events.integrity.TreeHeads;
import org.conventionledger.events.integrity.TreeLeaf;
import org.conventionledger.events.oversight.SealPublished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The Merkle tree of the log on the read side, recomputed from the event store itself (never from the
 * trail in the read store): checks every signed tree head, key rotation and countersignature the log
 * holds ({@link TreeAudit}) at start and whenever the garants' trail is rebuilt, so a rebuild over a store
 * changed beneath a head cannot launder it; a mismatch is reported on the health (DOWN), a metric
 * ({@code ledger.tree.mismatch}), the API ({@code GET /api/audit/tree}) and an ERROR line. Also builds
 * inclusion and consistency proofs.
 */
@Component
public class LogTree implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(LogTree.class);
    private static final String SEAL_PUBLISHED = SealPublished.class.getName();

    private final EventStore eventStore;
    private final Serializer eventSerializer;
    private final ObjectMapper json;
    private final LogExport export;
    private final JdbcTemplate jdbc;
    private final Counter mismatches;
    private final ExecutorService checks = Executors.newSingleThreadExecutor(r -> new Thread(r, "tree-check"));
    private volatile TreeAudit.Verdict verdict;

    LogTree(
            EventStore eventStore,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            ObjectMapper json,
            LogExport export,
            MeterRegistry meters,
            ObjectProvider<JdbcTemplate> jdbc) {
        this.jdbc = jdbc.getIfAvailable();
        this.eventStore = eventStore;
        this.eventSerializer = eventSerializer;
        this.json = json;
        this.export = export;
        this.mismatches = Counter.builder("ledger.tree.mismatches")
                .description("checks of the log that found it departing from a signed tree head")
                .register(meters);
        Gauge.builder("ledger.tree.mismatch", () -> verdict != null && !verdict.intact() ? 1 : 0)
                .description("1 while the event store does not match a signed tree head in the log")
                .register(meters);
    }

    @EventListener(ApplicationReadyEvent.class)
    void checkAtStart() {
        checkSoon();
    }

    @PreDestroy
    void stop() {
        checks.shutdownNow();
    }

    /** Checks the log against its heads in the background (after a rebuild of the trail, say). */
    public void checkSoon() {
        checks.submit(() -> {
            try {
                check();
            } catch (RuntimeException e) {
                log.warn("The check of the log against its tree heads failed to run: {}", e.toString());
            }
        });
    }

    /** Recomputes the tree from the event store and checks every head in the log; returns the verdict. */
    public TreeAudit.Verdict check() {
        List<Long> sizes = new ArrayList<>();
        read(entry -> {
            if (TreeAudit.HEAD_SIGNED.equals(entry.payloadType())) {
                sizes.add(TreeAudit.head(fields(entry)).size());
            }
            return true;
        });
        TreeAudit audit = new TreeAudit(sizes);
        read(entry -> {
            audit.append(entry, TreeAudit.KEYRING_EVENTS.contains(entry.payloadType()) ? fields(entry) : Map.of());
            return true;
        });
        TreeAudit.Verdict result = audit.verdict();
        if (!result.intact()) {
            mismatches.increment();
            log.error(
                    "LOG TAMPERING: the event store does not match the signed tree heads in the log: {}"
                            + " (first position that may differ: {})",
                    result.reason(),
                    result.firstDifference());
        }
        verdict = result;
        return result;
    }

    /** The last check's verdict (null before the first check ends). */
    public TreeAudit.Verdict verdict() {
        return verdict;
    }

    @Override
    public Health health() {
        TreeAudit.Verdict current = verdict;
        if (current == null) {
            return Health.unknown().withDetail("treeHeads", "not checked yet").build();
        }
        if (!current.intact()) {
            return Health.down()
                    .withDetail("treeHeads", current.reason())
                    .withDetail("firstDifference", current.firstDifference())
                    .build();
        }
        return Health.up()
                .withDetail("treeSize", current.size())
                .withDetail("headsVerified", current.headsVerified())
                .build();
    }

    /**
     * The signed heads in the log, in log order, as the log holds them ({@code signedAt} as the signed text
     * writes it), with the position of the head's own event: what a garant countersigns and keeps.
     */
    public List<Map<String, Object>> heads() {
        List<Map<String, Object>> heads = new ArrayList<>();
        read(entry -> {
            if (TreeAudit.HEAD_SIGNED.equals(entry.payloadType())) {
                Map<String, Object> head = new LinkedHashMap<>(fields(entry));
                TreeAudit.Head signed = TreeAudit.head(fields(entry));
                head.put("size", signed.size());
                head.put("position", signed.position());
                head.put("signedAt", signed.signedAt());
                head.put("loggedAt", entry.position());
                heads.add(head);
            }
            return true;
        });
        return heads;
    }

    /**
     * The seals published in the log ({@code SealPublished}), in log order, as the log holds them: what a
     * garant countersigns ({@code ChainLink#sealText} of chain, position, head and length).
     */
    public List<Map<String, String>> seals() {
        List<Map<String, String>> seals = new ArrayList<>();
        read(entry -> {
            if (SEAL_PUBLISHED.equals(entry.payloadType())) {
                seals.add(fields(entry));
            }
            return true;
        });
        return seals;
    }

    /** The keys garants registered and revoked, in log order. */
    public List<Map<String, String>> garantKeys() {
        List<Map<String, String>> keys = new ArrayList<>();
        read(entry -> {
            if (TreeAudit.GARANT_KEY_REGISTERED.equals(entry.payloadType())
                    || TreeAudit.GARANT_KEY_REVOKED.equals(entry.payloadType())) {
                Map<String, String> key = fields(entry);
                key.put(
                        "event",
                        entry.payloadType().substring(entry.payloadType().lastIndexOf('.') + 1));
                key.put("position", String.valueOf(entry.position()));
                keys.add(key);
            }
            return true;
        });
        return keys;
    }

    /** An inclusion proof of the event at {@code position} (or with {@code eventId}) in the tree of {@code size}. */
    public Map<String, Object> inclusion(Long position, String eventId, long size) {
        List<byte[]> leaves = new ArrayList<>();
        Object[] found = new Object[2];
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            Long last = LogExport.lastPosition(jdbc);
            long at = Long.MIN_VALUE;
            while (leaves.size() < size && LogExport.more(stream, last, at)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                ChainLink.Entry entry = LogExport.entry(event, eventSerializer);
                at = entry.position();
                if (found[0] == null
                        && ((position != null && entry.position() == position)
                                || (eventId != null && eventId.equals(entry.eventId())))) {
                    found[0] = leaves.size();
                    found[1] = export.line(event);
                }
                leaves.add(TreeLeaf.hash(entry));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (leaves.size() < size) {
            throw new IllegalArgumentException("size: the log holds " + leaves.size() + " events, fewer than " + size);
        }
        if (found[0] == null) {
            throw new IllegalArgumentException("position/eventId: no such event among the first " + size + " events");
        }
        int index = (int) found[0];
        Map<String, Object> proof = new LinkedHashMap<>();
        proof.put("type", "inclusion");
        proof.put("tree", TreeLeaf.VERSION);
        proof.put("leafIndex", index);
        proof.put("size", size);
        proof.put("root", TreeHeads.hex(MerkleTree.root(leaves)));
        proof.put(
                "path",
                MerkleTree.inclusionProof(leaves, index, (int) size).stream()
                        .map(TreeHeads::hex)
                        .toList());
        proof.put("event", found[1]);
        return proof;
    }

    /** A consistency proof between the trees of {@code from} and {@code to} events. */
    public Map<String, Object> consistency(long from, long to) {
        if (from < 0 || from > to) {
            throw new IllegalArgumentException("from, to: 0 <= from <= to");
        }
        List<byte[]> leaves = new ArrayList<>();
        read(entry -> {
            leaves.add(TreeLeaf.hash(entry));
            return leaves.size() < to;
        });
        if (leaves.size() < to) {
            throw new IllegalArgumentException("to: the log holds " + leaves.size() + " events, fewer than " + to);
        }
        Map<String, Object> proof = new LinkedHashMap<>();
        proof.put("type", "consistency");
        proof.put("tree", TreeLeaf.VERSION);
        proof.put("first", Map.of("size", from, "root", TreeHeads.hex(MerkleTree.root(leaves, 0, (int) from))));
        proof.put("second", Map.of("size", to, "root", TreeHeads.hex(MerkleTree.root(leaves, 0, (int) to))));
        proof.put(
                "path",
                MerkleTree.consistencyProof(leaves, (int) from, (int) to).stream()
                        .map(TreeHeads::hex)
                        .toList());
        return proof;
    }

    /** Every event in the store, in log order, until {@code more} says stop. */
    private void read(Predicate<ChainLink.Entry> more) {
        Long last = LogExport.lastPosition(jdbc);
        long position = Long.MIN_VALUE;
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (LogExport.more(stream, last, position)) {
                ChainLink.Entry entry = LogExport.entry(stream.nextAvailable(), eventSerializer);
                position = entry.position();
                if (!more.test(entry)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the log", e);
        }
    }

    private Map<String, String> fields(ChainLink.Entry entry) {
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            JsonNode payload = json.readTree(entry.payload());
            payload.properties()
                    .forEach(e -> fields.put(
                            e.getKey(),
                            e.getValue().isNull() ? null : e.getValue().asText()));
        } catch (IOException unreadable) {
            // an unreadable keyring event has no facts: the audit reports the head or key as unverified
        }
        return fields;
    }
}
