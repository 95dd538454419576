package org.conventionledger.query.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conventionledger.events.integrity.ChainLink;
import org.conventionledger.events.integrity.ChainVerifier;

/** The export of {@code GET /api/audit/export} as a garant downloads it, and its verification. */
final class ExportedLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportedLog() {}

    /** The export's lines, as the controller streams them. */
    static List<JsonNode> lines(AuditTrailController controller) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var response = controller.export();
        assertThat(response.getStatusCode().is2xxSuccessful()).isTrue();
        response.getBody().writeTo(out);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                JsonNode node = JSON.readTree(line);
                assertThat(node.path("chain").asText()).isEqualTo(ChainLink.VERSION);
                lines.add(node);
            }
        }
        return lines;
    }

    /** The lines as a verifier reads them ({@code ledger verify-log} does the same), links kept or not. */
    static List<ChainVerifier.Line> verifierLines(List<JsonNode> lines, boolean withRecordedLinks) {
        List<ChainVerifier.Line> verifierLines = new ArrayList<>();
        for (JsonNode line : lines) {
            Map<String, String> metaData =
                    JSON.convertValue(line.get("metaData"), new TypeReference<LinkedHashMap<String, String>>() {});
            ChainLink.Entry entry = new ChainLink.Entry(
                    line.get("position").asLong(),
                    text(line, "eventId"),
                    text(line, "aggregateId"),
                    line.hasNonNull("sequence") ? line.get("sequence").asLong() : null,
                    text(line, "payloadType"),
                    text(line, "payloadRevision"),
                    text(line, "timestamp"),
                    metaData,
                    text(line, "payload").getBytes(StandardCharsets.UTF_8),
                    text(line, "aggregateType"));
            verifierLines.add(new ChainVerifier.Line(entry, withRecordedLinks ? text(line, "chainHash") : null));
        }
        return verifierLines;
    }

    /** A fresh export verified against {@code seal}. */
    static ChainVerifier.Result verify(AuditTrailController controller, AuditTrailController.Seal seal)
            throws IOException {
        return ChainVerifier.verify(verifierLines(lines(controller), true), seal.position(), seal.head());
    }

    private static String text(JsonNode line, String field) {
        return line.hasNonNull(field) ? line.get(field).asText() : null;
    }
}
