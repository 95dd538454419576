package org.conventionledger.query.oversight;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.springframework.http.MediaType;

/**
 * Writes the garants' trail, as the read API shows it, for download: JSON Lines (one trail entry per
 * line, as {@code /api/audit/events} shows it but without {@code storedPayload} and {@code metaData},
 * which {@code /api/audit/export} carries for verification) or CSV (RFC 4180: comma separated, CRLF
 * line ends, fields holding a comma, a quote or a line break quoted with quotes doubled; the payload is
 * compact JSON in one field, empty fields for absent values). Entries are read page by page while they
 * are written.
 */
final class AuditTrailExport {

    static final int PAGE = 500;

    static final String CSV_HEADER =
            "position,recordedAt,type,aggregateId,sequence,actorId,actorRole,causationId,correlationId,payload";

    enum Format {
        JSONL("audit-events.jsonl", MediaType.parseMediaType("application/x-ndjson")),
        CSV("audit-events.csv", new MediaType("text", "csv", StandardCharsets.UTF_8));

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

        /** {@code jsonl} or {@code csv} (any case); anything else is a 400 naming {@code format}. */
        static Format of(String value) {
            String name = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
            return switch (name) {
                case "jsonl", "" -> JSONL;
                case "csv" -> CSV;
                default -> throw AuditFilter.invalid("format", "Parameter 'format' must be jsonl or csv.");
            };
        }
    }

    /** The trail entries after a position, in log order, at most {@link #PAGE}. */
    @FunctionalInterface
    interface Pages {
        List<AuditEvent> after(long position);
    }

    @JsonIgnoreProperties({"storedPayload", "metaData"})
    private interface Readable {
    }

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
        long count = 0;
        if (format == Format.CSV) {
            out.write((CSV_HEADER + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        long last = after;
        while (true) {
            List<AuditEvent> page = pages.after(last);
            for (AuditEvent event : page) {
                out.write(format == Format.CSV ? csv(event) : jsonl(event));
                count++;
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

    private byte[] csv(AuditEvent event) throws IOException {
        AuditEvent.Actor actor = event.actor();
        String row = String.join(",",
                field(event.position()),
                field(event.recordedAt()),
                field(event.type()),
                field(event.aggregateId()),
                field(event.sequence()),
                field(actor == null ? null : actor.id()),
                field(actor == null ? null : actor.role()),
                field(event.causationId()),
                field(event.correlationId()),
                field(event.payload() == null ? null : compact.writeValueAsString(event.payload())));
        return (row + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** One RFC 4180 field: empty for null, quoted when it holds a comma, a quote or a line break. */
    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
