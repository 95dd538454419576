package org.conventionledger.tools.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.conventionledger.events.integrity.ChainLink;
import org.conventionledger.events.integrity.ChainVerifier;

/**
 * {@code ledger verify-log --export FILE --seal FILE}: a garant's independent check of an export of the
 * log against a published seal, with the very classes the ledger chains with ({@link ChainLink},
 * {@link ChainVerifier}).
 *
 * <p>The export is the JSON Lines of {@code GET /api/audit/export}: one object per event with
 * {@code position}, {@code eventId}, {@code aggregateId}, {@code sequence}, {@code payloadType},
 * {@code payloadRevision}, {@code timestamp}, {@code metaData} (an object of strings), {@code payload}
 * (the stored JSON, as a string; hashed as its UTF-8 bytes), {@code chainHash} (the link the ledger
 * recorded, or null beyond the chain's head) and {@code chain} (the chain version). The seal is the JSON
 * of {@code GET /api/audit/seal}: {@code {chain, position, head, length, sealedAt}}.
 *
 * <p>Prints {@code {"intact":…,"checked":n,"firstDifference":position|null,"reason":"…","head":"…"}} on
 * stdout ({@code head} is the recomputed chain's head at the end of the export) and exits {@link #INTACT},
 * {@link #NOT_INTACT}, or {@link #UNREADABLE} after a message on stderr when a file is missing, is not
 * what it should be, or belongs to another chain version than {@value ChainLink#VERSION}.
 */
public final class LogVerification {

    public static final int INTACT = 0;
    public static final int NOT_INTACT = 1;
    public static final int UNREADABLE = 2;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** The published seal. */
    record Seal(long position, String head) {
    }

    private LogVerification() {
    }

    /**
     * Verifies {@code export} against {@code seal} and prints the verdict.
     *
     * @return the exit code
     */
    public static int run(String export, String seal, PrintStream out, PrintStream err) {
        if (export == null || export.isBlank() || seal == null || seal.isBlank()) {
            err.println("ledger verify-log: --export FILE and --seal FILE are required");
            return UNREADABLE;
        }
        Seal published;
        List<ChainVerifier.Line> lines;
        try {
            published = readSeal(Path.of(seal));
        } catch (Unreadable | IOException e) {
            err.println("ledger verify-log: " + seal + ": " + message(e));
            return UNREADABLE;
        }
        try {
            lines = readExport(Path.of(export));
        } catch (Unreadable | IOException e) {
            err.println("ledger verify-log: " + export + ": " + message(e));
            return UNREADABLE;
        }
        ChainVerifier.Result result = ChainVerifier.verify(lines, published.position(), published.head());
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("intact", result.intact());
        verdict.put("checked", result.checked());
        verdict.put("firstDifference", result.firstDifference());
        verdict.put("reason", result.reason());
        verdict.put("head", result.recomputedHead());
        try {
            out.println(JSON.writeValueAsString(verdict));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
        return result.intact() ? INTACT : NOT_INTACT;
    }

    private static String message(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        return e instanceof Unreadable ? e.getMessage() : "cannot read: " + e;
    }

    /** The seal in {@code file}. */
    static Seal readSeal(Path file) throws IOException {
        JsonNode seal = parse(Files.readString(file, StandardCharsets.UTF_8), "the seal");
        if (!seal.isObject()) {
            throw new Unreadable("the seal must be a JSON object {chain, position, head, length, sealedAt}");
        }
        chain(seal, "the seal");
        long position = integer(seal, "position", "the seal");
        String head = text(seal, "head", "the seal", false);
        if (!head.matches("[0-9a-f]{64}")) {
            throw new Unreadable("the seal's \"head\" must be 64 lowercase hex digits, found \"" + head + "\"");
        }
        return new Seal(position, head);
    }

    /** The export's lines, in file order (blank lines are skipped). */
    static List<ChainVerifier.Line> readExport(Path file) throws IOException {
        List<ChainVerifier.Line> lines = new ArrayList<>();
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(Files.newInputStream(file), decoder))) {
            String text;
            int number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (text.isBlank()) {
                    continue;
                }
                lines.add(line(text, "line " + number));
            }
        }
        return lines;
    }

    static ChainVerifier.Line line(String text, String where) {
        JsonNode line = parse(text, where);
        if (!line.isObject()) {
            throw new Unreadable(where + ": expected a JSON object, one event per line");
        }
        chain(line, where);
        ChainLink.Entry entry = new ChainLink.Entry(
                integer(line, "position", where),
                text(line, "eventId", where, false),
                text(line, "aggregateId", where, true),
                line.hasNonNull("sequence") ? integer(line, "sequence", where) : null,
                text(line, "payloadType", where, false),
                text(line, "payloadRevision", where, true),
                text(line, "timestamp", where, false),
                metaData(line.get("metaData"), where),
                text(line, "payload", where, false).getBytes(StandardCharsets.UTF_8),
                text(line, "aggregateType", where, true));
        return new ChainVerifier.Line(entry, text(line, "chainHash", where, true));
    }

    private static JsonNode parse(String text, String what) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new Unreadable(what + " is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new Unreadable(what + ": not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")"));
        }
    }

    private static void chain(JsonNode node, String where) {
        JsonNode chain = node.get("chain");
        if (chain == null || !chain.isTextual()) {
            throw new Unreadable(where + ": \"chain\" (the chain version) is missing");
        }
        if (!ChainLink.VERSION.equals(chain.asText())) {
            throw new Unreadable(where + ": chain version \"" + chain.asText() + "\" is not the one this tool checks ("
                    + ChainLink.VERSION + ")");
        }
    }

    private static long integer(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new Unreadable(where + ": \"" + field + "\" is missing");
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new Unreadable(where + ": \"" + field + "\" must be a whole number, found " + value);
        }
        return value.asLong();
    }

    private static String text(JsonNode node, String field, String where, boolean nullable) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (nullable) {
                return null;
            }
            throw new Unreadable(where + ": \"" + field + "\" is missing");
        }
        if (!value.isTextual()) {
            throw new Unreadable(where + ": \"" + field + "\" must be a string, found " + value);
        }
        return value.asText();
    }

    private static Map<String, String> metaData(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw new Unreadable(where + ": \"metaData\" must be an object of strings");
        }
        Map<String, String> metaData = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            JsonNode value = entry.getValue();
            if (!value.isTextual() && !value.isNull()) {
                throw new Unreadable(where + ": metaData \"" + entry.getKey() + "\" must be a string, found " + value);
            }
            metaData.put(entry.getKey(), value.isNull() ? null : value.asText());
        }
        return metaData;
    }

    /** Input that cannot be verified. */
    static final class Unreadable extends RuntimeException {

        Unreadable(String message) {
            super(message);
        }
    }
}
