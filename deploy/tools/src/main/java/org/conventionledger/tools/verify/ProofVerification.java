package org.conventionledger.tools.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conventionledger.events.integrity.MerkleTree;
import org.conventionledger.events.integrity.TreeHeads;
import org.conventionledger.events.integrity.TreeLeaf;

/**
 * {@code ledger verify-proof --proof FILE [--head FILE]}: checks a proof the read side served, with RFC
 * 9162's verification algorithms ({@link MerkleTree}).
 *
 * <p>An inclusion proof ({@code GET /api/audit/tree/inclusion}) is
 * {@code {"type":"inclusion","tree","leafIndex","size","root","path":[hex…],"event":{an export line}}}: the
 * leaf is recomputed from the event itself, so the proof says that this very event, with this content, is
 * at that place in the tree. A consistency proof ({@code GET /api/audit/tree/consistency}) is
 * {@code {"type":"consistency","tree","first":{"size","root"},"second":{"size","root"},"path":[hex…]}}: the
 * second tree extends the first without rewriting it. With {@code --head}, a signed head the garant holds
 * (as the log holds it), the proof must be about that head: the inclusion proof's tree, or either tree of
 * the consistency proof.
 *
 * <p>Prints {@code {"verified","type","size","root","reason"}}; exits 0 if it verifies, 1 if not, 2 if a
 * file is unreadable.
 */
public final class ProofVerification {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProofVerification() {}

    public static int run(String proofFile, String headFile, PrintStream out, PrintStream err) {
        if (proofFile == null || proofFile.isBlank()) {
            err.println("ledger verify-proof: --proof FILE is required");
            return LogVerification.UNREADABLE;
        }
        JsonNode proof;
        JsonNode head = null;
        try {
            proof = read(proofFile);
            if (headFile != null) {
                head = read(headFile);
            }
        } catch (IOException | LogVerification.Unreadable e) {
            err.println("ledger verify-proof: " + e.getMessage());
            return LogVerification.UNREADABLE;
        }
        Map<String, Object> verdict = new LinkedHashMap<>();
        String reason;
        try {
            if (!TreeLeaf.VERSION.equals(proof.path("tree").asText())) {
                throw new LogVerification.Unreadable("the proof is not about a " + TreeLeaf.VERSION + " tree");
            }
            String type = proof.path("type").asText();
            verdict.put("type", type);
            reason = switch (type) {
                case "inclusion" -> inclusion(proof, head, verdict);
                case "consistency" -> consistency(proof, head, verdict);
                default -> throw new LogVerification.Unreadable("\"type\" must be inclusion or consistency");
            };
        } catch (LogVerification.Unreadable | IllegalArgumentException e) {
            err.println("ledger verify-proof: " + proofFile + ": " + e.getMessage());
            return LogVerification.UNREADABLE;
        }
        verdict.put("verified", reason == null);
        verdict.put("reason", reason == null ? "verified" : reason);
        try {
            out.println(JSON.writeValueAsString(verdict));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return reason == null ? LogVerification.INTACT : LogVerification.NOT_INTACT;
    }

    private static String inclusion(JsonNode proof, JsonNode head, Map<String, Object> verdict) {
        long size = proof.path("size").asLong();
        long index = proof.path("leafIndex").asLong(-1);
        String root = proof.path("root").asText();
        verdict.put("size", size);
        verdict.put("root", root);
        if (!proof.path("event").isObject()) {
            throw new LogVerification.Unreadable("\"event\" (the export line of the event) is missing");
        }
        var event = LogVerification.line(proof.get("event").toString(), "the event")
                .line()
                .entry();
        if (head != null
                && (head.path("size").asLong() != size
                        || !head.path("root").asText().equals(root))) {
            return "the proof is about the tree of " + size + " events, not the head you hold (size "
                    + head.path("size").asLong() + ")";
        }
        boolean included =
                MerkleTree.verifyInclusion(TreeLeaf.hash(event), index, size, path(proof), TreeHeads.unhex(root));
        return included
                ? null
                : "the event at position " + event.position() + " is not leaf " + index + " of the tree of " + size
                        + " events with this root";
    }

    private static String consistency(JsonNode proof, JsonNode head, Map<String, Object> verdict) {
        long firstSize = proof.path("first").path("size").asLong(-1);
        long secondSize = proof.path("second").path("size").asLong(-1);
        String firstRoot = proof.path("first").path("root").asText();
        String secondRoot = proof.path("second").path("root").asText();
        verdict.put("size", secondSize);
        verdict.put("root", secondRoot);
        if (head != null) {
            long size = head.path("size").asLong();
            String root = head.path("root").asText();
            if (!(size == firstSize && root.equals(firstRoot)) && !(size == secondSize && root.equals(secondRoot))) {
                return "neither tree of the proof is the head you hold (size " + size + ", root " + root + ")";
            }
        }
        boolean consistent = MerkleTree.verifyConsistency(
                firstSize, secondSize, TreeHeads.unhex(firstRoot), TreeHeads.unhex(secondRoot), path(proof));
        return consistent
                ? null
                : "the tree of " + secondSize + " events does not extend the tree of " + firstSize
                        + " events with this root: the log was rewritten";
    }

    private static List<byte[]> path(JsonNode proof) {
        if (!proof.path("path").isArray()) {
            throw new LogVerification.Unreadable("\"path\" (the proof's hashes) is missing");
        }
        List<byte[]> path = new ArrayList<>();
        proof.get("path").forEach(node -> path.add(TreeHeads.unhex(node.asText())));
        return path;
    }

    private static JsonNode read(String file) throws IOException {
        try {
            return JSON.readTree(Files.readString(Path.of(file), StandardCharsets.UTF_8));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new LogVerification.Unreadable(file + ": no such file");
        } catch (JsonProcessingException e) {
            throw new LogVerification.Unreadable(file + ": not valid JSON");
        }
    }
}
