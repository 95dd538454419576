package org.conventionledger.command.oversight;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conventionledger.events.integrity.ChainLink;
import org.conventionledger.events.integrity.MerkleFrontier;
import org.conventionledger.events.integrity.TreeHeads;
import org.conventionledger.events.integrity.TreeLeaf;
import org.conventionledger.events.oversight.LedgerKeyPublished;
import org.conventionledger.events.oversight.LedgerKeyRotated;
import org.conventionledger.events.oversight.TreeHeadSigned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Merkle tree over the event store, computed on the command side from the store's own rows in global
 * order ({@link TreeLeaf}), keeping only the frontier ({@link MerkleFrontier}): nothing the read side
 * holds, nor an organiser's rebuild of it, enters a head. A position is taken in once every position
 * before it holds its event or is settled empty: the row after a hole was recorded longer ago than
 * {@code settleAfter}, far longer than any write transaction (an aborted insert leaves its index empty
 * for good).
 *
 * <p>As it reads, it checks every head the log holds against the tree it computed itself (size, root,
 * and the signature under the ledger key the log published), so heads cannot be appended over a log
 * that was rewritten beneath an earlier head: the first mismatch stops all signing for good and is
 * reported ({@link #mismatch()}).
 */
public class LedgerTree {

    private static final Logger log = LoggerFactory.getLogger(LedgerTree.class);
    private static final int BATCH = 1_000;
    private static final String HEAD = TreeHeadSigned.class.getName();
    private static final String KEY_PUBLISHED = LedgerKeyPublished.class.getName();
    private static final String KEY_ROTATED = LedgerKeyRotated.class.getName();

    /** What one signed head claims, read from the log. */
    record Head(long size, long position, String root, String signedAt, String keyId, String signature) {}

    /** A covered prefix of the log: the tree's size, its last position, its root (hex). */
    public record Covered(long size, long position, String root) {}

    private final RowSource rows;
    private final ObjectMapper json;
    private final Duration settleAfter;
    private final Clock clock;
    private final MerkleFrontier frontier = new MerkleFrontier();
    private final Map<Long, String> rootsAtHeadSizes = new HashMap<>();
    private final Map<String, String> ledgerKeys = new HashMap<>();
    /** The last position taken in; JDBC identities start at 1, so nothing is missing before position 1. */
    private long position = 0;
    /** The positions taken in as empty since the last head (aborted inserts): the next head lists them. */
    private final List<Long> emptySinceHead = new ArrayList<>();

    private Instant oldestUnsigned;
    private String mismatch;
    private boolean settling;

    /** The store's rows after a position, in global order. */
    public interface RowSource {

        /** Up to {@code limit} rows after {@code position}. */
        List<Row> after(long position, int limit);

        /** The sizes that the heads already in the store claim (read once, before the tree is rebuilt). */
        List<Long> headSizes();
    }

    /** One stored event: its leaf's fields and what the tree needs to know about it. */
    public record Row(ChainLink.Entry entry, Instant recordedAt) {}

    public LedgerTree(RowSource rows, ObjectMapper json, Duration settleAfter, Clock clock) {
        this.rows = rows;
        this.json = json;
        this.settleAfter = settleAfter;
        this.clock = clock;
        rows.headSizes().forEach(size -> rootsAtHeadSizes.put(size, null));
    }

    /** Takes in every row that is settled now; returns what the tree covers. */
    public synchronized Covered advance() {
        settling = false;
        if (mismatch != null) {
            return covered();
        }
        while (true) {
            List<Row> batch = rows.after(position, BATCH);
            for (Row row : batch) {
                long next = row.entry().position();
                if (next != position + 1
                        && row.recordedAt().isAfter(clock.instant().minus(settleAfter))) {
                    settling = true;
                    return covered();
                }
                take(row);
                if (mismatch != null) {
                    return covered();
                }
            }
            if (batch.size() < BATCH) {
                return covered();
            }
        }
    }

    private void take(Row row) {
        ChainLink.Entry entry = row.entry();
        for (long empty = position + 1; empty < entry.position(); empty++) {
            emptySinceHead.add(empty);
        }
        frontier.append(TreeLeaf.hash(entry));
        position = entry.position();
        if (rootsAtHeadSizes.containsKey(frontier.size())) {
            rootsAtHeadSizes.put(frontier.size(), TreeHeads.hex(frontier.root()));
        }
        String type = entry.payloadType();
        if (HEAD.equals(type)) {
            check(head(entry), entry.position());
        } else {
            if (KEY_PUBLISHED.equals(type) || KEY_ROTATED.equals(type)) {
                JsonNode key = payload(entry);
                ledgerKeys.put(key.path("keyId").asText(), key.path("publicKey").asText());
            }
            if (oldestUnsigned == null) {
                oldestUnsigned = row.recordedAt();
            }
        }
    }

    private void check(Head head, long at) {
        String recomputed = rootsAtHeadSizes.remove(head.size());
        String publicKey = ledgerKeys.get(head.keyId());
        String text = TreeHeads.headText(head.size(), head.position(), head.root(), head.signedAt());
        if (publicKey == null || !TreeHeads.verifies(publicKey, text, head.signature())) {
            fail("the head at position " + at + " is not signed by a ledger key the log published before it");
        } else if (recomputed == null || !recomputed.equals(head.root())) {
            fail("the head at position " + at + " (size " + head.size() + ", up to position " + head.position()
                    + ") does not match the tree of the events now in the store: they were changed, removed,"
                    + " inserted or reordered at or before position " + head.position());
        } else {
            emptySinceHead.removeIf(empty -> empty <= head.position());
        }
        if (mismatch == null && head.size() == frontier.size() - 1) {
            // the head covers every event before it: none waits for a head (after a restart, too)
            oldestUnsigned = null;
        }
    }

    private void fail(String why) {
        mismatch = why;
        log.error("LOG TAMPERING: {}; no tree head will be signed over this log", why);
    }

    /** Marks the current tree as signed: events from now on are the unsigned ones. */
    public synchronized void signed(long size, long position, String root) {
        if (frontier.size() == size) {
            oldestUnsigned = null;
        }
        rootsAtHeadSizes.put(size, root);
        emptySinceHead.removeIf(empty -> empty <= position);
    }

    /** The positions up to {@code upTo} taken in as empty since the last head, in order. */
    public synchronized List<Long> emptyPositions(long upTo) {
        return emptySinceHead.stream().filter(empty -> empty <= upTo).toList();
    }

    /** True when the last {@link #advance()} stopped at a row after a hole that is not settled yet. */
    public synchronized boolean settling() {
        return settling;
    }

    /** When the oldest event the last head does not cover was recorded (null: none). */
    public synchronized Instant oldestUnsigned() {
        return oldestUnsigned;
    }

    public synchronized Covered covered() {
        return new Covered(frontier.size(), frontier.size() == 0 ? -1 : position, TreeHeads.hex(frontier.root()));
    }

    /** Why the log no longer matches its heads, or null. */
    public synchronized String mismatch() {
        return mismatch;
    }

    private Head head(ChainLink.Entry entry) {
        JsonNode head = payload(entry);
        return new Head(
                head.path("size").asLong(),
                head.path("position").asLong(),
                head.path("root").asText(),
                instant(head.get("signedAt")).toString(),
                head.path("keyId").asText(),
                head.path("signature").asText());
    }

    private JsonNode payload(ChainLink.Entry entry) {
        try {
            return json.readTree(entry.payload());
        } catch (IOException e) {
            fail("the event at position " + entry.position() + " is not readable JSON");
            return json.createObjectNode();
        }
    }

    /** An instant as the event serializer writes it: ISO-8601 text or decimal epoch seconds. */
    static Instant instant(JsonNode node) {
        if (node == null || node.isNull()) {
            return Instant.EPOCH;
        }
        if (node.isNumber()) {
            java.math.BigDecimal seconds = node.decimalValue();
            return Instant.ofEpochSecond(
                    seconds.longValue(),
                    seconds.remainder(java.math.BigDecimal.ONE)
                            .movePointRight(9)
                            .longValue());
        }
        return Instant.parse(node.asText());
    }

    /** Reads the rows of Axon's JDBC event table ({@code DomainEventEntry}). */
    public static RowSource jdbc(org.springframework.jdbc.core.JdbcTemplate jdbc, ObjectMapper json) {
        return new RowSource() {
            @Override
            public List<Row> after(long position, int limit) {
                return jdbc.query(
                        con -> {
                            var statement =
                                    con.prepareStatement("SELECT globalIndex, eventIdentifier, aggregateIdentifier,"
                                            + " sequenceNumber, type, payloadType, payloadRevision, payload, "
                                            + "metaData, timeStamp"
                                            + " FROM DomainEventEntry WHERE globalIndex > ? ORDER BY globalIndex");
                            statement.setLong(1, position);
                            statement.setMaxRows(limit);
                            return statement;
                        },
                        (rs, i) -> row(rs, json));
            }

            @Override
            public List<Long> headSizes() {
                List<Long> sizes = new ArrayList<>();
                jdbc.query(
                        "SELECT payload FROM DomainEventEntry WHERE payloadType = ?",
                        rs -> {
                            try {
                                sizes.add(json.readTree(rs.getBytes(1))
                                        .path("size")
                                        .asLong());
                            } catch (IOException unreadable) {
                                // the tree's own check reports it when it reaches this row
                            }
                        },
                        HEAD);
                return sizes;
            }
        };
    }

    private static Row row(ResultSet rs, ObjectMapper json) throws SQLException {
        String timestamp = rs.getString("timeStamp");
        Instant recordedAt = Instant.parse(timestamp);
        byte[] meta = rs.getBytes("metaData");
        Map<String, String> metaData = new LinkedHashMap<>();
        if (meta != null) {
            try {
                json.readTree(meta)
                        .properties()
                        .forEach(e -> metaData.put(
                                e.getKey(),
                                e.getValue().isNull() ? null : e.getValue().asText()));
            } catch (IOException e) {
                metaData.put("unreadable", new String(meta, StandardCharsets.UTF_8));
            }
        }
        long sequence = rs.getLong("sequenceNumber");
        Long sequenceNumber = rs.wasNull() ? null : sequence;
        ChainLink.Entry entry = new ChainLink.Entry(
                rs.getLong("globalIndex"),
                rs.getString("eventIdentifier"),
                rs.getString("aggregateIdentifier"),
                sequenceNumber,
                rs.getString("payloadType"),
                rs.getString("payloadRevision"),
                recordedAt.toString(),
                metaData,
                rs.getBytes("payload"),
                rs.getString("type"));
        return new Row(entry, recordedAt);
    }
}
