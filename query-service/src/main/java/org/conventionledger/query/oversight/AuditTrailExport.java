package org.conventionledger.query.oversight;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.conventionledger.csv.CsvFlavour;
import org.conventionledger.csv.CsvWriter;
import org.springframework.http.MediaType;

/**
 * Writes the garants' trail, as the read API shows it, for download: JSON Lines (one trail entry per
 * line, as {@code /api/audit/events} shows it but without {@code storedPayload} and {@code metaData},
 * which {@code /api/audit/export} carries for verification) or CSV written by {@link CsvWriter} (standard,
 * or {@code excel-fr} for a French spreadsheet; the payload is compact JSON in one field, empty fields for
 * absent values, formulas neutralised). Entries are read page by page while they are written.
 */
final class AuditTrailExport {

    static final int PAGE = 500;

    static final List<String> CSV_COLUMNS = List.of(
            "position",
            "recordedAt",
            "type",
            "aggregateId",
            "sequence",
            "actorId",
            "actorRole",
            "causationId",
            "correlationId",
            "payload");
    static final String CSV_HEADER = String.join(",", CSV_COLUMNS);

    enum Format {
        JSONL("audit-events.jsonl", MediaType.parseMediaType("application/x-ndjson")),
        CSV("audit-events.csv", new MediaType("text", "csv", StandardCharsets.UTF_8)),
        EXCEL_FR("audit-events.csv", new MediaType("text", "csv", StandardCharsets.UTF_8));

        private final String filename;
        private final MediaType mediaType;

        Format(String filename, MediaType mediaType) {
            this.filename = filename;
            this.mediaType = mediaType;
        }

        String filename() {
            return filename;
        }

        MediaType mediaType() {
            return mediaType;
        }

        /** {@code jsonl}, {@code csv} or {@code excel-fr} (any case); anything else is a 400 naming {@code format}. */
        static Format of(String value) {
            String name = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
            return switch (name) {
                case "jsonl", "" -> JSONL;
                case "csv" -> CSV;
                case CsvFlavour.EXCEL_FR_NAME -> EXCEL_FR;
                default ->
                    throw AuditFilter.invalid(
                            "format", "Parameter 'format' must be jsonl, csv or " + CsvFlavour.EXCEL_FR_NAME + ".");
            };
        }
    }

    /** The trail entries after a position, in log order, at most {@link #PAGE}. */
    @FunctionalInterface
    interface Pages {
        List<AuditEvent> after(long position);
    }

    @JsonIgnoreProperties({"storedPayload", "metaData"})
    private interface Readable {}

    private final ObjectMapper lines;
    private final ObjectMapper compact;

    AuditTrailExport(ObjectMapper json) {
        this.compact = json.copy()
                .disable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        this.lines = compact.copy().addMixIn(AuditEvent.class, Readable.class);
    }

    /** Writes every entry after {@code after} that the pages give, in their order; returns how many. */
    long write(Format format, OutputStream out, Pages pages, long after) throws IOException {
        CsvWriter csv = null;
        if (format != Format.JSONL) {
            csv = CsvWriter.open(out, format == Format.CSV ? CsvFlavour.STANDARD : CsvFlavour.EXCEL_FR);
            csv.row(CSV_COLUMNS);
        }
        long count = 0;
        long last = after;
        while (true) {
            List<AuditEvent> page = pages.after(last);
            for (AuditEvent event : page) {
                if (csv == null) {
                    out.write(jsonl(event));
                } else {
                    csv.row(csvRow(event));
                }
                count++;
            }
            if (csv != null) {
                csv.flush();
            }
            out.flush();
            if (page.size() < PAGE) {
                return count;
            }
            last = page.get(page.size() - 1).position();
        }
    }

    private byte[] jsonl(AuditEvent event) throws IOException {
        byte[] line = lines.writeValueAsBytes(event);
        byte[] withEnd = java.util.Arrays.copyOf(line, line.length + 1);
        withEnd[line.length] = '\n';
        return withEnd;
    }

    private List<Object> csvRow(AuditEvent event) throws IOException {
        AuditEvent.Actor actor = event.actor();
        return java.util.Arrays.asList(
                event.position(),
                text(event.recordedAt()),
                event.type(),
                event.aggregateId(),
                event.sequence(),
                actor == null ? null : actor.id(),
                actor == null ? null : actor.role(),
                event.causationId(),
                event.correlationId(),
                event.payload() == null ? null : compact.writeValueAsString(event.payload()));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
