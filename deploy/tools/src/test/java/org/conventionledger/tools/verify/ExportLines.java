package org.conventionledger.tools.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conventionledger.events.integrity.ChainLink;
import org.conventionledger.events.integrity.TreeHeads;
import org.conventionledger.events.integrity.TreeLeaf;

/** The lines of a log export as the verification tests write them, and the heads the ledger signs over them. */
final class ExportLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportLines() {}

    /** The chained fields of an export line. */
    static ChainLink.Entry entry(Map<String, Object> line) {
        @SuppressWarnings("unchecked")
        Map<String, String> meta = (Map<String, String>) line.get("metaData");
        return new ChainLink.Entry(
                (long) line.get("position"),
                (String) line.get("eventId"),
                (String) line.get("aggregateId"),
                (Long) line.get("sequence"),
                (String) line.get("payloadType"),
                "1",
                (String) line.get("timestamp"),
                meta,
                ((String) line.get("payload")).getBytes(StandardCharsets.UTF_8),
                (String) line.get("aggregateType"));
    }

    /** The payload of the ledger key's publication, with the proof that its holder has the private key. */
    static String keyPublished(KeyPair ledger) throws JsonProcessingException {
        String publicKey = TreeHeads.encode(ledger.getPublic());
        String keyId = TreeHeads.fingerprint(publicKey);
        return JSON.writeValueAsString(Map.of(
                "keyringId",
                "ledger-keyring",
                "keyId",
                keyId,
                "publicKey",
                publicKey,
                "proof",
                TreeHeads.sign(ledger.getPrivate(), TreeHeads.possessionText("ledger", keyId)),
                "publishedAt",
                1655658000.0));
    }

    /** A tree head's payload over {@code size} leaves, recorded at {@code position} and signed by {@code ledger}. */
    static Map<String, Object> head(KeyPair ledger, long size, long position, String root, String signedAt) {
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("keyringId", "ledger-keyring");
        head.put("headId", "head-" + size);
        head.put("tree", TreeLeaf.VERSION);
        head.put("size", size);
        head.put("position", position);
        head.put("root", root);
        head.put("signedAt", signedAt);
        head.put("reason", "votation closed");
        head.put("keyId", TreeHeads.fingerprint(TreeHeads.encode(ledger.getPublic())));
        head.put("signature", TreeHeads.sign(ledger.getPrivate(), TreeHeads.headText(size, position, root, signedAt)));
        return head;
    }

    /** The lines as an export file (one JSON object a line) in {@code dir}. */
    static Path write(Path dir, List<Map<String, Object>> lines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> line : lines) {
            text.append(JSON.writeValueAsString(line)).append('\n');
        }
        Path file = dir.resolve("ledger-log.jsonl");
        Files.writeString(file, text);
        return file;
    }
}
