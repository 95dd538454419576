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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.conventionledger.events.integrity.ChainLink;
import org.conventionledger.tools.LedgerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ledger verify-log --export FILE --seal FILE}: a garant's check of an export against a seal. */
class LogVerificationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Positions of the log (4 is a gap: an aborted transaction's number). */
    private static final long[] POSITIONS = {1, 2, 3, 5, 6};

    @TempDir
    Path dir;

    /** What one run printed. */
    record Run(int exitCode, String out, String err) {

        Map<String, Object> verdict() throws IOException {
            Map<String, Object> verdict = JSON.readValue(out, new TypeReference<>() {});
            assertThat(verdict)
                    .containsOnlyKeys(
                            "intact",
                            "checked",
                            "firstDifference",
                            "failingPosition",
                            "reason",
                            "head",
                            "treeSize",
                            "treeRoot",
                            "headsVerified",
                            "countersignaturesVerified",
                            "changedPositions",
                            "events",
                            "signedEvents",
                            "unsignedEvents",
                            "unsignedUpTo",
                            "unvouchedEmptyPositions");
            return verdict;
        }
    }

    /** The lines of an export as {@code GET /api/audit/export} writes them, links recorded. */
    private static List<Map<String, Object>> exportLines() {
        List<Map<String, Object>> lines = new ArrayList<>();
        String hash = ChainLink.GENESIS;
        for (long position : POSITIONS) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("position", position);
            line.put("eventId", "0f8e-" + position);
            line.put("aggregateId", "conv-clermont");
            line.put("sequence", position - 1);
            line.put("payloadType", "org.conventionledger.events.recruitment.InvitationSent");
            line.put("payloadRevision", "1");
            line.put("timestamp", "2025-03-02T09:00:0" + position + ".250Z");
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("traceId", "request-" + position);
            meta.put("globalIndex", String.valueOf(position));
            meta.put("actorRole", "ORGANISER");
            meta.put("actorId", "organiser");
            line.put("metaData", meta);
            line.put(
                    "payload",
                    "{\"conventionId\":\"conv-clermont\",\"invitationId\":\"inv-" + position
                            + "\",\"city\":\"Clermont-Ferrand\",\"sourceList\":\"liste électorale\"}");
            hash = ChainLink.hash(
                    hash,
                    new ChainLink.Entry(
                            position,
                            (String) line.get("eventId"),
                            (String) line.get("aggregateId"),
                            position - 1,
                            (String) line.get("payloadType"),
                            "1",
                            (String) line.get("timestamp"),
                            meta,
                            ((String) line.get("payload")).getBytes(StandardCharsets.UTF_8)));
            line.put("chainHash", hash);
            line.put("chain", ChainLink.VERSION);
            lines.add(line);
        }
        return lines;
    }

    private static String headOf(List<Map<String, Object>> lines) {
        return (String) lines.get(lines.size() - 1).get("chainHash");
    }

    private Path writeExport(List<Map<String, Object>> lines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> line : lines) {
            text.append(JSON.writeValueAsString(line)).append('\n');
        }
        Path export = dir.resolve("ledger-log.jsonl");
        Files.writeString(export, text, StandardCharsets.UTF_8);
        return export;
    }

    private Path writeSeal(long position, String head, Consumer<Map<String, Object>> change) throws IOException {
        Map<String, Object> seal = new LinkedHashMap<>();
        seal.put("chain", ChainLink.VERSION);
        seal.put("position", position);
        seal.put("head", head);
        seal.put("length", POSITIONS.length);
        seal.put("sealedAt", "2025-03-02T10:00:00.123456Z");
        change.accept(seal);
        Path file = dir.resolve("seal.json");
        Files.writeString(file, JSON.writeValueAsString(seal));
        return file;
    }

    private Path sealOf(List<Map<String, Object>> lines) throws IOException {
        return writeSeal(6, headOf(lines), seal -> {});
    }

    private static Run verify(Path export, Path seal) {
        return verify(export == null ? null : export.toString(), seal == null ? null : seal.toString());
    }

    private static Run verify(String export, String seal) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = LogVerification.run(
                export,
                seal == null ? List.of() : List.of(seal),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anUntouchedExportIsIntact() throws IOException {
        List<Map<String, Object>> lines = exportLines();

        Run run = verify(writeExport(lines), sealOf(lines));

        assertThat(run.exitCode()).isEqualTo(LogVerification.INTACT).isZero();
        assertThat(run.err()).isEmpty();
        Map<String, Object> verdict = run.verdict();
        assertThat(verdict)
                .containsEntry("intact", true)
                .containsEntry("checked", 5)
                .containsEntry("reason", "intact")
                .containsEntry("head", headOf(lines));
        assertThat(verdict.get("firstDifference")).isNull();
        assertThat(run.out()).contains("\"firstDifference\":null");
    }

    @Test
    void anExportBeyondTheChainsHeadAndWithoutATrailingNewlineIsIntact() throws IOException {
        List<Map<String, Object>> lines = exportLines();
        String sealedHead = (String) lines.get(3).get("chainHash");
        lines.get(4).put("chainHash", null); // not chained yet
        Path export = writeExport(lines);
        Files.writeString(export, Files.readString(export).stripTrailing());

        Run run = verify(export, writeSeal(5, sealedHead, seal -> {}));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.verdict()).containsEntry("checked", 5);
    }

    @Test
    void aChangedCityInOnePayloadIsFoundAtItsPosition() throws IOException {
        List<Map<String, Object>> lines = exportLines();
        Path seal = sealOf(lines);
        lines.get(2)
                .put("payload", ((String) lines.get(2).get("payload")).replace("Clermont-Ferrand", "Clermont-Ferrant"));

        Run run = verify(writeExport(lines), seal);

        assertThat(run.exitCode()).isEqualTo(LogVerification.NOT_INTACT).isEqualTo(1);
        assertThat(run.err()).isEmpty();
        Map<String, Object> verdict = run.verdict();
        assertThat(verdict)
                .containsEntry("intact", false)
                .containsEntry("firstDifference", 3)
                .containsEntry("checked", 3);
        assertThat((String) verdict.get("reason")).contains("position 3");
    }

    @Test
    void aChangedAccentIsFoundToo() throws IOException {
        List<Map<String, Object>> lines = exportLines();
        Path seal = sealOf(lines);
        lines.get(0).put("payload", ((String) lines.get(0).get("payload")).replace("électorale", "electorale"));

        Run run = verify(writeExport(lines), seal);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.verdict()).containsEntry("firstDifference", 1);
    }

    @Test
    void aChangedActorInTheMetadataIsFound() throws IOException {
        List<Map<String, Object>> lines = exportLines();
        Path seal = sealOf(lines);
        @SuppressWarnings("unchecked")
        Map<String, String> meta = (Map<String, String>) lines.get(3).get("metaData");
        meta.put("actorId", "someone-else");

        Run run = verify(writeExport(lines), seal);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.verdict()).containsEntry("firstDifference", 5);
    }

    @Test
    void aDeletedLineIsFoundAtTheNextPosition() throws IOException {
        List<Map<String, Object>> lines = exportLines();
        Path seal = sealOf(lines);
        lines.remove(1);

        Run run = verify(writeExport(lines), seal);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.verdict()).containsEntry("intact", false).containsEntry("firstDifference", 3);
    }

    @Test
    void aTruncatedExportIsReportedAtTheSealedPosition() throws IOException {
        List<Map<String, Object>> lines = exportLines();
        Path seal = sealOf(lines);

        Run run = verify(writeExport(lines.subList(0, 3)), seal);

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.verdict()).containsEntry("firstDifference", 6).containsEntry("checked", 3);
        assertThat((String) run.verdict().get("reason")).contains("ends before the sealed position 6");
    }

    @Test
    void aSealWithAnotherHeadIsNotIntact() throws IOException {
        List<Map<String, Object>> lines = exportLines();

        Run run = verify(writeExport(lines), writeSeal(6, "a".repeat(64), seal -> {}));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.verdict()).containsEntry("firstDifference", 6).containsEntry("head", headOf(lines));
    }

    @Test
    void aLineThatIsNotJsonIsUnreadable() throws IOException {
        List<Map<String, Object>> lines = exportLines();
        Path export = writeExport(lines);
        List<String> text = new ArrayList<>(Files.readAllLines(export));
        text.set(2, text.get(2).substring(0, 40));
        Files.write(export, text);

        Run run = verify(export, sealOf(lines));

        assertThat(run.exitCode()).isEqualTo(LogVerification.UNREADABLE).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("line 3").contains("not valid JSON");
    }

    @Test
    void missingOrMistypedFieldsAreUnreadable() throws IOException {
        List<Map<String, Object>> lines = exportLines();
        Path seal = sealOf(lines);
        Map<String, Consumer<Map<String, Object>>> breakages = new LinkedHashMap<>();
        breakages.put("\"payload\" is missing", line -> line.remove("payload"));
        breakages.put("\"position\" must be a whole number", line -> line.put("position", "3"));
        breakages.put("\"position\" must be a whole number, found 3.5", line -> line.put("position", 3.5));
        breakages.put("\"sequence\" must be a whole number", line -> line.put("sequence", "two"));
        breakages.put("\"payload\" must be a string", line -> line.put("payload", Map.of("city", "Lyon")));
        breakages.put("\"metaData\" must be an object", line -> line.put("metaData", List.of()));
        breakages.put("metaData \"actorId\" must be a string", line -> line.put("metaData", Map.of("actorId", 7)));
        breakages.put("\"chainHash\" must be a string", line -> line.put("chainHash", 12));
        breakages.put("\"chain\" (the chain version) is missing", line -> line.remove("chain"));
        breakages.forEach((message, breakage) -> {
            List<Map<String, Object>> broken = exportLines();
            breakage.accept(broken.get(1));
            try {
                Run run = verify(writeExport(broken), seal);
                assertThat(run.exitCode()).as(message).isEqualTo(2);
                assertThat(run.err()).as(message).contains("line 2").contains(message);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void aLineWithTwoPayloadsIsUnreadable() throws IOException {
        List<Map<String, Object>> lines = exportLines();
        Path export = writeExport(lines);
        List<String> text = new ArrayList<>(Files.readAllLines(export));
        text.set(0, text.get(0).replace("\"chain\":", "\"payload\":\"{}\",\"chain\":"));
        Files.write(export, text);

        Run run = verify(export, sealOf(lines));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("line 1").contains("payload");
    }

    @Test
    void anExportThatIsNotUtf8IsUnreadable() throws IOException {
        List<Map<String, Object>> lines = exportLines();
        Path export = writeExport(lines);
        Files.write(export, Files.readString(export).getBytes(StandardCharsets.ISO_8859_1));

        Run run = verify(export, sealOf(lines));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("not UTF-8");
    }

    @Test
    void anExportOfAnotherChainVersionIsRefused() throws IOException {
        List<Map<String, Object>> lines = exportLines();
        Path seal = sealOf(lines);
        lines.get(4).put("chain", "ledger-chain-v2");

        Run run = verify(writeExport(lines), seal);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).contains("line 5").contains("ledger-chain-v2").contains("ledger-chain-v1");
    }

    @Test
    void aSealOfAnotherChainVersionIsRefused() throws IOException {
        List<Map<String, Object>> lines = exportLines();

        Run run = verify(writeExport(lines), writeSeal(6, headOf(lines), seal -> seal.put("chain", "ledger-chain-v0")));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("seal.json").contains("ledger-chain-v0");
    }

    @Test
    void malformedSealsAreUnreadable() throws IOException {
        List<Map<String, Object>> lines = exportLines();
        Path export = writeExport(lines);

        assertThat(verify(export, writeSeal(6, "not-a-hash", seal -> {})).err())
                .contains("\"head\" must be 64 lowercase hex digits");
        assertThat(verify(export, writeSeal(6, headOf(lines), seal -> seal.remove("position")))
                        .err())
                .contains("\"position\" is missing");
        assertThat(verify(export, writeSeal(6, headOf(lines), seal -> seal.remove("chain")))
                        .exitCode())
                .isEqualTo(2);
        Path notAnObject = dir.resolve("array.json");
        Files.writeString(notAnObject, "[1, 2]");
        assertThat(verify(export, notAnObject).exitCode()).isEqualTo(2);
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "");
        Run emptySeal = verify(export, empty);
        assertThat(emptySeal.exitCode()).isEqualTo(2);
        assertThat(emptySeal.err()).contains("empty");
    }

    @Test
    void missingFilesAndOptionsAreUnreadable() throws IOException {
        List<Map<String, Object>> lines = exportLines();
        Path export = writeExport(lines);
        Path seal = sealOf(lines);

        Run noExport = verify(dir.resolve("nowhere.jsonl"), seal);
        assertThat(noExport.exitCode()).isEqualTo(2);
        assertThat(noExport.err()).contains("nowhere.jsonl").contains("no such file");
        assertThat(verify(export, dir.resolve("nowhere.json")).exitCode()).isEqualTo(2);
        Run noOptions = verify((String) null, null);
        assertThat(noOptions.exitCode()).isEqualTo(2);
        assertThat(noOptions.err()).contains("--export FILE is required");
        assertThat(verify(export.toString(), " ").exitCode()).isEqualTo(2);
    }

    @Test
    void ledgerVerifyLogCommand() throws Exception {
        List<Map<String, Object>> lines = exportLines();
        Path export = writeExport(lines);
        Path seal = sealOf(lines);

        Run intact = ledger("verify-log", "--export", export.toString(), "--seal", seal.toString());
        assertThat(intact.exitCode()).as(intact.err()).isZero();
        assertThat(intact.verdict()).containsEntry("intact", true);

        lines.get(4).put("payload", "{}");
        writeExport(lines);
        Run tampered = ledger("verify-log", "--export", export.toString(), "--seal", seal.toString());
        assertThat(tampered.exitCode()).isEqualTo(1);
        assertThat(tampered.verdict()).containsEntry("firstDifference", 6);

        Run exportAlone = ledger("verify-log", "--export", export.toString());
        assertThat(exportAlone.exitCode())
                .as("the recorded links catch it without any kept file")
                .isEqualTo(1);
        assertThat(exportAlone.verdict()).containsEntry("firstDifference", 6);

        Run usage = ledger("verify-log", "--seal", seal.toString());
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).contains("--export FILE is required");
    }

    private Run ledger(String... args) throws Exception {
        LedgerProcess.Finished run = LedgerProcess.run(dir, args);
        return new Run(run.exitCode(), run.out(), run.err());
    }
}
