package org.conventionledger.events.integrity;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ledger's signature on each event ({@value #VERSION}), made by the command side as it appends the
 * event and carried in the event's metadata ({@value #KEY_ID}, {@value #SIGNATURE}). The ledger key
 * (the one that signs tree heads) signs the text {@code ledger-event-v1 LF hex(SHA-256(content))}, where
 * the content is
 * <pre>
 * event id LF aggregate id LF sequence LF payload type LF payload revision LF timestamp LF
 * canonical metadata LF aggregate type LF
 * </pre>
 * followed by the payload's bytes as stored. The global position is not in it (the store assigns it
 * after signing), nor are the two signature entries of the metadata. The timestamp counts to the
 * millisecond, as every event store keeps it. An event outside any aggregate (no aggregate type) is
 * signed without aggregate id and sequence, which the JDBC store fills in for it.
 *
 * <p>So whoever changes a stored event's content without the ledger's private key breaks its signature,
 * and the check names that very event, where a tree head only names a range.
 */
public final class EventSignatures {

    public static final String VERSION = "ledger-event-v1";
    /** Metadata entry: the fingerprint of the ledger key that signed the event. */
    public static final String KEY_ID = "ledgerKeyId";
    /** Metadata entry: the Base64 Ed25519 signature. */
    public static final String SIGNATURE = "ledgerSignature";

    private EventSignatures() {}

    /** The text the ledger key signs for {@code entry} (its position is ignored). */
    public static String text(ChainLink.Entry entry) {
        boolean inAggregate = entry.aggregateType() != null;
        Map<String, String> metaData = new LinkedHashMap<>(entry.metaData() == null ? Map.of() : entry.metaData());
        metaData.remove(KEY_ID);
        metaData.remove(SIGNATURE);
        String fields = text(entry.eventId())
                + '\n'
                + (inAggregate ? text(entry.aggregateId()) : "")
                + '\n'
                + (inAggregate && entry.sequence() != null ? entry.sequence() : "")
                + '\n'
                + text(entry.payloadType())
                + '\n'
                + text(entry.payloadRevision())
                + '\n'
                + text(millis(entry.timestamp()))
                + '\n'
                + ChainLink.canonical(metaData)
                + '\n'
                + text(entry.aggregateType())
                + '\n';
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        content.writeBytes(fields.getBytes(StandardCharsets.UTF_8));
        content.writeBytes(entry.payload());
        try {
            return VERSION
                    + '\n'
                    + TreeHeads.hex(MessageDigest.getInstance("SHA-256").digest(content.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** The metadata entries that sign {@code entry} with {@code key} (fingerprint {@code keyId}). */
    public static Map<String, String> sign(PrivateKey key, String keyId, ChainLink.Entry entry) {
        return Map.of(KEY_ID, keyId, SIGNATURE, TreeHeads.sign(key, text(entry)));
    }

    /** True if the entry carries a signature at all. */
    public static boolean signed(ChainLink.Entry entry) {
        return entry.metaData() != null && entry.metaData().get(SIGNATURE) != null;
    }

    /** True if the entry's signature is {@code publicKey}'s over its content. */
    public static boolean verifies(String publicKey, ChainLink.Entry entry) {
        return signed(entry)
                && TreeHeads.verifies(publicKey, text(entry), entry.metaData().get(SIGNATURE));
    }

    /** An ISO-8601 instant to the millisecond, as {@code Instant#toString} writes it (other text unchanged). */
    static String millis(String timestamp) {
        if (timestamp == null) {
            return null;
        }
        try {
            return Instant.parse(timestamp).truncatedTo(ChronoUnit.MILLIS).toString();
        } catch (DateTimeParseException notAnInstant) {
            return timestamp;
        }
    }

    private static String text(String value) {
        return value == null ? "" : value.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
