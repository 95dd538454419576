package org.conventionledger.events.integrity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The integrity chain of the log ({@value #VERSION}): every event, in global order, is hashed together
 * with the hash of the event before it, so altering, removing, inserting or reordering any event
 * changes every hash after it. A seal publishes the chain's head at a position; anyone holding an
 * export of the log can recompute the chain and compare.
 *
 * <p>An event's link is SHA-256 over the UTF-8 bytes of
 * <pre>
 * ledger-chain-v1 LF previous hash (hex) LF position LF event id LF aggregate id LF sequence LF
 * payload type LF payload revision LF timestamp (ISO-8601, as Instant#toString) LF canonical metadata LF
 * aggregate type LF
 * </pre>
 * followed by the payload's UTF-8 JSON text as stored in the log. Canonical metadata is a JSON object
 * of the metadata's entries sorted by key, values as JSON strings, without {@code globalIndex} (which
 * readers add). Absent values are written as the empty string; in the other fields a backslash is
 * written {@code \\} and a line feed {@code \n}, so that no two entries share a header. The hash
 * before the first event is {@link #GENESIS}.
 */
public final class ChainLink {

    public static final String VERSION = "ledger-chain-v1";
    public static final String GENESIS = "0".repeat(64);

    private ChainLink() {}

    /** The event's fields that the chain covers. */
    public record Entry(
            long position,
            String eventId,
            String aggregateId,
            Long sequence,
            String payloadType,
            String payloadRevision,
            String timestamp,
            Map<String, String> metaData,
            byte[] payload,
            String aggregateType) {

        /** An event published outside any aggregate: it has no aggregate type. */
        public Entry(
                long position,
                String eventId,
                String aggregateId,
                Long sequence,
                String payloadType,
                String payloadRevision,
                String timestamp,
                Map<String, String> metaData,
                byte[] payload) {
            this(
                    position,
                    eventId,
                    aggregateId,
                    sequence,
                    payloadType,
                    payloadRevision,
                    timestamp,
                    metaData,
                    payload,
                    null);
        }
    }

    /** The hash (hex) of {@code entry} chained after {@code previousHash}. */
    public static String hash(String previousHash, Entry entry) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            String header = VERSION + '\n' + previousHash + '\n' + fields(entry);
            sha256.update(header.getBytes(StandardCharsets.UTF_8));
            sha256.update(entry.payload());
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * The header lines of {@code entry} after the chain's version and previous hash: position, event id,
     * aggregate id, sequence, payload type, revision, timestamp, canonical metadata, aggregate type.
     */
    static String fields(Entry entry) {
        return entry.position() + "\n" + text(entry.eventId()) + '\n' + text(entry.aggregateId()) + '\n'
                + (entry.sequence() == null ? "" : entry.sequence()) + '\n' + text(entry.payloadType()) + '\n'
                + text(entry.payloadRevision()) + '\n' + text(entry.timestamp()) + '\n' + canonical(entry.metaData())
                + '\n' + text(entry.aggregateType()) + '\n';
    }

    /**
     * The text a seal stands for and a garant signs: chain version, position, head and length, one
     * per line.
     */
    public static String sealText(String chain, long position, String head, long length) {
        return chain + '\n' + position + '\n' + head + '\n' + length + '\n';
    }

    /** Sorted, minimal JSON of string entries, without the readers' {@code globalIndex}. */
    public static String canonical(Map<String, String> metaData) {
        StringBuilder json = new StringBuilder("{");
        boolean first = true;
        for (var entry : new TreeMap<>(metaData == null ? Map.<String, String>of() : metaData).entrySet()) {
            if ("globalIndex".equals(entry.getKey())) {
                continue;
            }
            json.append(first ? "" : ",")
                    .append(quote(entry.getKey()))
                    .append(':')
                    .append(quote(entry.getValue()));
            first = false;
        }
        return json.append('}').toString();
    }

    private static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : (value == null ? "" : value).toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static String text(String value) {
        return value == null ? "" : value.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
