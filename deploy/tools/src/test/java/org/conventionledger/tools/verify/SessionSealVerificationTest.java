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
import org.conventionledger.events.integrity.ChainLink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ledger verify-log} on a seal taken at a session's end, as the read side serves it at
 * {@code GET /api/audit/seals/sessions} (every field of that JSON, the extra ones included): the tool
 * accepts the shape and checks the export up to the session's close, not beyond.
 */
class SessionSealVerificationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONVENTION = "conv-clermont";
    /** Session 1 closes at position 4; the log goes on after it (position 6 is an aborted transaction's number). */
    private static final String[][] LOG = {
        {"1", "organisation.SessionScheduled", "{\"conventionId\":\"conv-clermont\",\"sessionId\":\"s-1\",\"number\":1}"
        },
        {
            "2",
            "organisation.AttendanceRecorded",
            "{\"conventionId\":\"conv-clermont\",\"sessionId\":\"s-1\",\"memberId\":\"m-1\",\"presence\":\"PRESENT\"}"
        },
        {
            "3",
            "organisation.AttendanceRecorded",
            "{\"conventionId\":\"conv-clermont\",\"sessionId\":\"s-1\",\"memberId\":\"m-2\",\"presence\":\"ABSENT\"}"
        },
        {
            "4",
            "organisation.SessionClosed",
            "{\"conventionId\":\"conv-clermont\",\"sessionId\":\"s-1\",\"closedOn\":\"2021-10-16\"}"
        },
        {"5", "organisation.SessionScheduled", "{\"conventionId\":\"conv-clermont\",\"sessionId\":\"s-2\",\"number\":2}"
        },
        {
            "7",
            "organisation.AttendanceRecorded",
            "{\"conventionId\":\"conv-clermont\",\"sessionId\":\"s-2\",\"memberId\":\"m-1\",\"presence\":\"PRESENT\"}"
        }
    };

    private static final long CLOSED_AT = 4;

    @TempDir
    Path dir;

    /** The export's lines as {@code GET /api/audit/export} writes them, with the recorded links. */
    private static List<Map<String, Object>> exportLines() {
        List<Map<String, Object>> lines = new ArrayList<>();
        String hash = ChainLink.GENESIS;
        long sequence = 0;
        for (String[] event : LOG) {
            long position = Long.parseLong(event[0]);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("position", position);
            line.put("eventId", "event-" + position);
            line.put("aggregateId", CONVENTION);
            line.put("sequence", sequence);
            line.put("aggregateType", "Session");
            line.put("payloadType", "org.conventionledger.events." + event[1]);
            line.put("payloadRevision", "1");
            line.put("timestamp", "2021-10-16T1" + position + ":00:00Z");
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put("actorId", "organiser");
            meta.put("actorRole", "ORGANISER");
            meta.put("globalIndex", String.valueOf(position));
            line.put("metaData", meta);
            line.put("payload", event[2]);
            hash = ChainLink.hash(
                    hash,
                    new ChainLink.Entry(
                            position,
                            "event-" + position,
                            CONVENTION,
                            sequence,
                            (String) line.get("payloadType"),
                            "1",
                            (String) line.get("timestamp"),
                            meta,
                            event[2].getBytes(StandardCharsets.UTF_8),
                            "Session"));
            line.put("chainHash", hash);
            line.put("chain", ChainLink.VERSION);
            lines.add(line);
            sequence++;
        }
        return lines;
    }

    private static String linkAt(List<Map<String, Object>> lines, long position) {
        return lines.stream()
                .filter(l -> (long) l.get("position") == position)
                .findFirst()
                .map(l -> (String) l.get("chainHash"))
                .orElseThrow();
    }

    /** The session seal exactly as the read side serves it, every field included. */
    private Path sessionSeal(String head) throws IOException {
        Map<String, Object> seal = new LinkedHashMap<>();
        seal.put("sealId", null);
        seal.put("chain", ChainLink.VERSION);
        seal.put("position", CLOSED_AT);
        seal.put("head", head);
        seal.put("length", 4);
        seal.put("sealedAt", "2021-10-16T18:00:02.417Z");
        seal.put("reason", "end of session 1");
        seal.put("conventionId", CONVENTION);
        seal.put("sessionId", "s-1");
        seal.put("sessionNumber", 1);
        Path file = dir.resolve("session-seal.json");
        Files.writeString(file, JSON.writeValueAsString(seal), StandardCharsets.UTF_8);
        return file;
    }

    private Path export(List<Map<String, Object>> lines, boolean withRecordedLinks) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> line : lines) {
            Map<String, Object> written = new LinkedHashMap<>(line);
            if (!withRecordedLinks) {
                written.put("chainHash", null);
            }
            text.append(JSON.writeValueAsString(written)).append('\n');
        }
        Path file = dir.resolve("ledger-log.jsonl");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static Map<String, Object> verify(Path export, Path seal, int expectedExit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = LogVerification.run(
                export.toString(),
                List.of(seal.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(exit).isEqualTo(expectedExit);
        return JSON.readValue(out.toString(StandardCharsets.UTF_8), new TypeReference<>() {});
    }

    @Test
    void anExportIsIntactAgainstTheSealOfASessionsEnd() throws IOException {
        List<Map<String, Object>> lines = exportLines();
        Path seal = sessionSeal(linkAt(lines, CLOSED_AT));

        Map<String, Object> verdict = verify(export(lines, true), seal, LogVerification.INTACT);

        assertThat(verdict).containsEntry("intact", true).containsEntry("checked", LOG.length);
        assertThat(verify(export(lines, false), seal, LogVerification.INTACT))
                .as("against the seal alone, without the recorded links")
                .containsEntry("intact", true);
    }

    @Test
    void anEventOfTheSealedSessionAlteredShowsAtTheSeal() throws IOException {
        List<Map<String, Object>> lines = exportLines();
        Path seal = sessionSeal(linkAt(lines, CLOSED_AT));
        lines.get(2).put("payload", ((String) lines.get(2).get("payload")).replace("ABSENT", "EXCUSED"));

        Map<String, Object> verdict = verify(export(lines, false), seal, LogVerification.NOT_INTACT);

        assertThat(verdict).containsEntry("intact", false).containsEntry("firstDifference", (int) CLOSED_AT);
    }

    @Test
    void eventsAfterTheSessionsEndAreNotCoveredByItsSeal() throws IOException {
        List<Map<String, Object>> lines = exportLines();
        Path seal = sessionSeal(linkAt(lines, CLOSED_AT));
        lines.get(5).put("payload", ((String) lines.get(5).get("payload")).replace("PRESENT", "ABSENT"));

        assertThat(verify(export(lines, false), seal, LogVerification.INTACT)).containsEntry("intact", true);
        assertThat(verify(export(lines, true), seal, LogVerification.NOT_INTACT))
                .as("the recorded links still catch it")
                .containsEntry("firstDifference", 7);
    }
}
