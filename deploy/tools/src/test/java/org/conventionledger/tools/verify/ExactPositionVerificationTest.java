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
import org.conventionledger.events.integrity.EventSignatures;
import org.conventionledger.events.integrity.MerkleTree;
import org.conventionledger.events.integrity.TreeAudit;
import org.conventionledger.events.integrity.TreeHeads;
import org.conventionledger.events.integrity.TreeLeaf;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ledger verify-log} names the very position changed when the events carry the ledger's signature
 * and the heads list their empty positions, from the export alone and with a kept head; on an export from
 * before events were signed it names the heads' range and says why.
 */
class ExactPositionVerificationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIGNED_AT = "2022-06-19T18:00:00.123Z";
    private static final String BALLOT = "org.conventionledger.events.votation.OnlineBallotCast";

    @TempDir
    Path dir;

    private KeyPair ledger;
    private String keyId;

    @BeforeEach
    void keys() throws Exception {
        ledger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        keyId = TreeHeads.fingerprint(TreeHeads.encode(ledger.getPublic()));
    }

    private static Map<String, Object> line(
            long position, String aggregate, long sequence, String type, String payload) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("position", position);
        line.put("eventId", "event-" + position);
        line.put("aggregateId", aggregate);
        line.put("sequence", sequence);
        line.put("aggregateType", aggregate.startsWith("ballot") ? "OnlineBallot" : "Keyring");
        line.put("payloadType", type);
        line.put("payloadRevision", "1");
        line.put("timestamp", "2022-06-19T17:00:0" + (position % 10) + ".123456Z");
        line.put("metaData", new LinkedHashMap<>(Map.of("traceId", "trace-" + position)));
        line.put("payload", payload);
        line.put("chainHash", null);
        line.put("chain", ChainLink.VERSION);
        return line;
    }

    private static ChainLink.Entry entry(Map<String, Object> line) {
        return ExportLines.entry(line);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> signed(Map<String, Object> line) {
        ((Map<String, String>) line.get("metaData"))
                .putAll(EventSignatures.sign(ledger.getPrivate(), keyId, entry(line)));
        return line;
    }

    /** The key at 1, ballots at 2..12 but 6 (an aborted insert), the head over them at 13 listing 6. */
    private List<Map<String, Object>> log(boolean signEvents) throws IOException {
        List<Map<String, Object>> lines = new ArrayList<>();
        lines.add(line(1, "ledger-keyring", 0, TreeAudit.LEDGER_KEY_PUBLISHED, ExportLines.keyPublished(ledger)));
        for (long p = 2; p <= 12; p++) {
            if (p != 6) {
                lines.add(line(p, "ballot-" + p, 0, BALLOT, "{\"ballot\":" + p + ",\"choices\":[" + p % 3 + "]}"));
            }
        }
        if (signEvents) {
            lines.forEach(this::signed);
        }
        List<byte[]> leaves = lines.stream().map(l -> TreeLeaf.hash(entry(l))).toList();
        Map<String, Object> head = head(leaves.size(), 12, TreeHeads.hex(MerkleTree.root(leaves)));
        head.put("emptyPositions", signEvents ? List.of(6) : null);
        Map<String, Object> headLine =
                line(13, "ledger-keyring", 1, TreeAudit.HEAD_SIGNED, JSON.writeValueAsString(head));
        lines.add(signEvents ? signed(headLine) : headLine);
        return lines;
    }

    private Map<String, Object> head(long size, long position, String root) {
        return ExportLines.head(ledger, size, position, root, SIGNED_AT);
    }

    private Path keptHead(List<Map<String, Object>> lines) throws IOException {
        List<byte[]> leaves = lines.stream().map(l -> TreeLeaf.hash(entry(l))).toList();
        Path file = dir.resolve("kept-head.json");
        Files.writeString(
                file, JSON.writeValueAsString(head(leaves.size(), 13, TreeHeads.hex(MerkleTree.root(leaves)))));
        return file;
    }

    private Path write(List<Map<String, Object>> lines) throws IOException {
        return ExportLines.write(dir, lines);
    }

    private static Map<String, Object> verify(int expectedExit, Path export, Path... seals) throws IOException {
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
        assertThat(exit).as(printed + err.toString(StandardCharsets.UTF_8)).isEqualTo(expectedExit);
        return JSON.readValue(printed, new TypeReference<>() {});
    }

    private static List<Long> changed(Map<String, Object> verdict) {
        return ((List<?>) verdict.get("changedPositions"))
                .stream().map(p -> ((Number) p).longValue()).toList();
    }

    private static int at(List<Map<String, Object>> lines, long position) {
        for (int i = 0; i < lines.size(); i++) {
            if (((Number) lines.get(i).get("position")).longValue() == position) {
                return i;
            }
        }
        throw new IllegalArgumentException("no line at " + position);
    }

    @Test
    void aSignedLogVerifies() throws IOException {
        List<Map<String, Object>> lines = log(true);

        Map<String, Object> verdict = verify(LogVerification.INTACT, write(lines), keptHead(lines));

        assertThat(verdict)
                .containsEntry("signedEvents", 12)
                .containsEntry("unsignedEvents", 0)
                .containsEntry("unvouchedEmptyPositions", 0)
                .containsEntry("headsVerified", 2);
        assertThat(changed(verdict)).isEmpty();
    }

    @Test
    void anEditedBallotIsNamedWithAndWithoutTheKeptHead() throws IOException {
        List<Map<String, Object>> lines = log(true);
        Path kept = keptHead(lines);
        lines.get(at(lines, 8)).put("payload", "{\"ballot\":8,\"choices\":[2,99]}");

        for (Map<String, Object> verdict : List.of(verify(1, write(lines)), verify(1, write(lines), kept))) {
            assertThat(changed(verdict)).as(verdict.toString()).containsExactly(8L);
            assertThat(verdict).containsEntry("firstDifference", 1).containsEntry("failingPosition", 12);
            assertThat((String) verdict.get("reason")).startsWith("the event at 8 does not match");
        }
    }

    @Test
    void aDeletedBallotIsNamedWithAndWithoutTheKeptHead() throws IOException {
        List<Map<String, Object>> lines = log(true);
        Path kept = keptHead(lines);
        lines.remove(at(lines, 9));

        assertThat(changed(verify(1, write(lines)))).containsExactly(9L);
        assertThat(changed(verify(1, write(lines), kept))).containsExactly(9L);
    }

    @Test
    void twoSwappedPayloadsAreBothNamed() throws IOException {
        List<Map<String, Object>> lines = log(true);
        Object payload = lines.get(at(lines, 3)).get("payload");
        lines.get(at(lines, 3)).put("payload", lines.get(at(lines, 4)).get("payload"));
        lines.get(at(lines, 4)).put("payload", payload);

        assertThat(changed(verify(1, write(lines)))).containsExactly(3L, 4L);
    }

    @Test
    void anEditAfterTheLastHeadIsNamedThoughEveryHeadMatches() throws IOException {
        List<Map<String, Object>> lines = log(true);
        lines.add(signed(line(14, "ballot-14", 0, BALLOT, "{\"ballot\":14,\"choices\":[1]}")));
        lines.get(at(lines, 14)).put("payload", "{\"ballot\":14,\"choices\":[2]}");

        Map<String, Object> verdict = verify(1, write(lines));

        assertThat(changed(verdict)).containsExactly(14L);
        assertThat(verdict).containsEntry("firstDifference", 14).containsEntry("headsVerified", 1);
    }

    @Test
    void aLogFromBeforeEventsWereSignedGetsTheRangeAndTheReason() throws IOException {
        List<Map<String, Object>> lines = log(false);
        Path kept = keptHead(lines);
        lines.get(at(lines, 8)).put("payload", "{\"ballot\":8,\"choices\":[2,99]}");

        for (Map<String, Object> verdict : List.of(verify(1, write(lines)), verify(1, write(lines), kept))) {
            assertThat(changed(verdict)).isEmpty();
            assertThat(verdict)
                    .containsEntry("unsignedEvents", 12)
                    .containsEntry("unsignedUpTo", 13)
                    .containsEntry("failingPosition", 12);
            assertThat((String) verdict.get("reason")).contains("before events were signed");
        }
    }
}
