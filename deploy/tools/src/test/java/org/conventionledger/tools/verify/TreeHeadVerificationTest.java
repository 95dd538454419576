package org.conventionledger.tools.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conventionledger.events.integrity.ChainLink;
import org.conventionledger.events.integrity.MerkleTree;
import org.conventionledger.events.integrity.TreeAudit;
import org.conventionledger.events.integrity.TreeHeads;
import org.conventionledger.events.integrity.TreeLeaf;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ledger verify-log} on exports that hold signed tree heads (no kept file needed; kept heads checked
 * too) and {@code ledger verify-proof} on the proofs the read side serves.
 */
class TreeHeadVerificationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIGNED_AT = "2022-06-19T18:00:00.123Z";

    @TempDir
    Path dir;

    private KeyPair ledger;
    private KeyPair garant;

    @BeforeEach
    void keys() throws Exception {
        ledger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        garant = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    private static Map<String, Object> line(long position, String type, String payload) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("position", position);
        line.put("eventId", "event-" + position);
        line.put("aggregateId", type.contains("oversight") ? "ledger-keyring" : "conv-clermont");
        line.put("sequence", position);
        line.put("aggregateType", type.contains("oversight") ? "Keyring" : "Convention");
        line.put("payloadType", type);
        line.put("payloadRevision", "1");
        line.put("timestamp", "2022-06-19T17:00:0" + (position % 10) + "Z");
        line.put("metaData", Map.of("actorId", "organiser", "actorRole", "ORGANISER"));
        line.put("payload", payload);
        line.put("chainHash", null);
        line.put("chain", ChainLink.VERSION);
        return line;
    }

    private static ChainLink.Entry entry(Map<String, Object> line) {
        return ExportLines.entry(line);
    }

    /** The key, ballots at positions 2..12 (no 6: an aborted insert), a head over them, a countersignature. */
    private List<Map<String, Object>> log() throws IOException {
        List<Map<String, Object>> lines = new ArrayList<>();
        lines.add(line(1, TreeAudit.LEDGER_KEY_PUBLISHED, ExportLines.keyPublished(ledger)));
        for (long p = 2; p <= 12; p++) {
            if (p != 6) {
                lines.add(line(
                        p,
                        "org.conventionledger.events.votation.OnlineBallotCast",
                        "{\"conventionId\":\"conv-clermont\",\"ballot\":" + p + ",\"grade\":\"Bien\"}"));
            }
        }
        List<byte[]> leaves = lines.stream().map(l -> TreeLeaf.hash(entry(l))).toList();
        String root = TreeHeads.hex(MerkleTree.root(leaves));
        Map<String, Object> head = head(leaves.size(), 12, root);
        lines.add(line(13, TreeAudit.HEAD_SIGNED, JSON.writeValueAsString(head)));
        String garantKey = TreeHeads.encode(garant.getPublic());
        String garantId = TreeHeads.fingerprint(garantKey);
        lines.add(line(
                14,
                TreeAudit.GARANT_KEY_REGISTERED,
                JSON.writeValueAsString(Map.of(
                        "keyringId",
                        "ledger-keyring",
                        "garantId",
                        "garant",
                        "keyId",
                        garantId,
                        "publicKey",
                        garantKey,
                        "proof",
                        TreeHeads.sign(garant.getPrivate(), TreeHeads.possessionText("garant", garantId)),
                        "registeredAt",
                        SIGNED_AT))));
        lines.add(line(
                15,
                TreeAudit.HEAD_COUNTERSIGNED,
                JSON.writeValueAsString(Map.of(
                        "keyringId",
                        "ledger-keyring",
                        "headId",
                        head.get("headId"),
                        "garantId",
                        "garant",
                        "keyId",
                        garantId,
                        "signature",
                        TreeHeads.sign(garant.getPrivate(), TreeHeads.headText(leaves.size(), 12, root, SIGNED_AT))))));
        return lines;
    }

    private Map<String, Object> head(long size, long position, String root) {
        return ExportLines.head(ledger, size, position, root, SIGNED_AT);
    }

    private Path write(List<Map<String, Object>> lines) throws IOException {
        return ExportLines.write(dir, lines);
    }

    /** A head a garant kept: the whole log's tree, signed by the ledger. */
    private Path keptHead(List<Map<String, Object>> lines) throws IOException {
        List<byte[]> leaves = lines.stream().map(l -> TreeLeaf.hash(entry(l))).toList();
        Path file = dir.resolve("kept-head.json");
        String root = TreeHeads.hex(MerkleTree.root(leaves));
        Files.writeString(file, JSON.writeValueAsString(head(leaves.size(), 15, root)));
        return file;
    }

    private record Run(int exit, Map<String, Object> verdict, String err) {}

    private static Run verify(Path export, Path... seals) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> kept = new ArrayList<>();
        for (Path seal : seals) {
            kept.add(seal.toString());
        }
        int exit = LogVerification.run(
                export.toString(),
                kept,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        return new Run(
                exit,
                printed.isBlank() ? Map.of() : JSON.readValue(printed, new TypeReference<>() {}),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anExportWithItsHeadsVerifiesFromItselfAndWithAKeptHead() throws IOException {
        List<Map<String, Object>> lines = log();
        Path kept = keptHead(lines);

        Run alone = verify(write(lines));
        assertThat(alone.exit()).as(alone.err() + alone.verdict()).isZero();
        assertThat(alone.verdict())
                .containsEntry("intact", true)
                .containsEntry("headsVerified", 1)
                .containsEntry("countersignaturesVerified", 1)
                .containsEntry("treeSize", 14);
        assertThat(verify(write(lines), kept).verdict()).containsEntry("headsVerified", 2);
    }

    @Test
    void aDeletedBallotIsFoundFromTheExportAloneAndWithTheKeptHead() throws IOException {
        List<Map<String, Object>> lines = log();
        Path kept = keptHead(lines);
        lines.remove(4); // the ballot at position 5

        Run alone = verify(write(lines));
        assertThat(alone.exit()).isEqualTo(LogVerification.NOT_INTACT);
        assertThat(alone.verdict()).containsEntry("intact", false).containsEntry("failingPosition", 12);
        assertThat(((Number) alone.verdict().get("firstDifference")).longValue())
                .isLessThanOrEqualTo(5);
        assertThat((String) alone.verdict().get("reason")).contains("head at 13");

        Run withKept = verify(write(lines), kept);
        assertThat(withKept.exit()).isEqualTo(1);
    }

    @Test
    void anEditedPayloadOrTwoSwappedRowsAreFound() throws IOException {
        List<Map<String, Object>> edited = log();
        edited.get(3).put("payload", ((String) edited.get(3).get("payload")).replace("Bien", "Excellent"));
        assertThat(verify(write(edited)).exit()).isEqualTo(1);

        List<Map<String, Object>> swapped = log();
        Object payload = swapped.get(2).get("payload");
        swapped.get(2).put("payload", swapped.get(3).get("payload"));
        swapped.get(3).put("payload", payload);
        Run run = verify(write(swapped));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.verdict()).containsEntry("failingPosition", 12);
    }

    @Test
    void aChangeAfterTheLastHeadInTheLogIsFoundWithTheKeptHead() throws IOException {
        List<Map<String, Object>> lines = log();
        Path kept = keptHead(lines);
        lines.get(13).put("metaData", Map.of("actorId", "someone-else", "actorRole", "GARANT"));

        assertThat(verify(write(lines)).exit())
                .as("no head in the log covers position 15")
                .isZero();
        Run withKept = verify(write(lines), kept);
        assertThat(withKept.exit()).isEqualTo(1);
        assertThat(withKept.verdict()).containsEntry("failingPosition", 15);
    }

    @Test
    void aForgedHeadOrCountersignatureInTheLogIsFound() throws Exception {
        List<Map<String, Object>> lines = log();
        KeyPair stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Map<String, Object> countersignature =
                JSON.readValue((String) lines.get(13).get("payload"), new TypeReference<>() {});
        countersignature.put("signature", TreeHeads.sign(stranger.getPrivate(), "anything"));
        lines.get(13).put("payload", JSON.writeValueAsString(countersignature));

        Run run = verify(write(lines));
        assertThat(run.exit()).isEqualTo(1);
        assertThat((String) run.verdict().get("reason")).contains("countersignature");
    }

    @Test
    void aKeptHeadOfAnotherTreeVersionIsUnreadable() throws IOException {
        List<Map<String, Object>> lines = log();
        Path kept = dir.resolve("odd.json");
        Files.writeString(kept, "{\"tree\":\"ledger-tree-v0\",\"size\":1}");

        Run run = verify(write(lines), kept);
        assertThat(run.exit()).isEqualTo(LogVerification.UNREADABLE);
        assertThat(run.err()).contains("odd.json").contains("ledger-tree-v0");
    }

    private int verifyProof(Map<String, Object> proof, Map<String, Object> head) throws IOException {
        Path proofFile = dir.resolve("proof.json");
        Files.writeString(proofFile, JSON.writeValueAsString(proof));
        String headFile = null;
        if (head != null) {
            headFile = dir.resolve("head.json").toString();
            Files.writeString(Path.of(headFile), JSON.writeValueAsString(head));
        }
        return ProofVerification.run(
                proofFile.toString(),
                headFile,
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()));
    }

    @Test
    void inclusionAndConsistencyProofsVerifyAndTamperedOnesDoNot() throws IOException {
        List<Map<String, Object>> lines = log();
        List<byte[]> leaves = lines.stream().map(l -> TreeLeaf.hash(entry(l))).toList();
        Map<String, Object> head = head(leaves.size(), 15, TreeHeads.hex(MerkleTree.root(leaves)));
        Map<String, Object> inclusion = new LinkedHashMap<>();
        inclusion.put("type", "inclusion");
        inclusion.put("tree", TreeLeaf.VERSION);
        inclusion.put("leafIndex", 4);
        inclusion.put("size", leaves.size());
        inclusion.put("root", head.get("root"));
        inclusion.put(
                "path",
                MerkleTree.inclusionProof(leaves, 4, leaves.size()).stream()
                        .map(TreeHeads::hex)
                        .toList());
        inclusion.put("event", lines.get(4));

        assertThat(verifyProof(inclusion, head)).isZero();
        assertThat(verifyProof(inclusion, head(3, 4, (String) head.get("root"))))
                .isEqualTo(1);
        Map<String, Object> otherEvent = new LinkedHashMap<>(inclusion);
        otherEvent.put("event", lines.get(5));
        assertThat(verifyProof(otherEvent, null)).isEqualTo(1);
        Map<String, Object> edited = new LinkedHashMap<>(inclusion);
        Map<String, Object> event = new LinkedHashMap<>(lines.get(4));
        event.put("payload", ((String) event.get("payload")).replace("Bien", "Passable"));
        edited.put("event", event);
        assertThat(verifyProof(edited, null)).isEqualTo(1);

        Map<String, Object> consistency = new LinkedHashMap<>();
        consistency.put("type", "consistency");
        consistency.put("tree", TreeLeaf.VERSION);
        consistency.put("first", Map.of("size", 6, "root", TreeHeads.hex(MerkleTree.root(leaves.subList(0, 6)))));
        consistency.put("second", Map.of("size", leaves.size(), "root", head.get("root")));
        consistency.put(
                "path",
                MerkleTree.consistencyProof(leaves, 6, leaves.size()).stream()
                        .map(TreeHeads::hex)
                        .toList());
        assertThat(verifyProof(consistency, head)).isZero();
        Map<String, Object> rewritten = new LinkedHashMap<>(consistency);
        rewritten.put("first", Map.of("size", 6, "root", TreeHeads.hex(MerkleTree.root(leaves.subList(1, 7)))));
        assertThat(verifyProof(rewritten, null)).isEqualTo(1);
        consistency.put("type", "other");
        assertThat(verifyProof(consistency, null)).isEqualTo(2);
    }
}
