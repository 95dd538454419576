package org.conventionledger.tools.verify;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.function.ObjIntConsumer;
import org.conventionledger.events.integrity.ChainLink;
import org.conventionledger.events.integrity.ChainVerifier;
import org.conventionledger.events.integrity.EventAudit;
import org.conventionledger.events.integrity.TreeAudit;
import org.conventionledger.events.integrity.TreeLeaf;

/**
 * {@code ledger verify-log --export FILE [--seal FILE]...}: a garant's independent check of an export of
 * the log, with the very classes the ledger computes with.
 *
 * <p>From the export alone it recomputes the Merkle tree ({@link TreeAudit}) and checks every signed tree
 * head, key rotation and countersignature the log holds, and it recomputes the integrity chain
 * ({@link ChainVerifier}) against the links the read side recorded. Each {@code --seal} file a garant kept
 * is checked too: a signed tree head ({@code {"tree":"ledger-tree-v1","size","position","root","signedAt",
 * "keyId","signature"}}, as in the log) or a chain seal of {@code GET /api/audit/seal}
 * ({@code {chain, position, head, length, sealedAt}}).
 *
 * <p>The export is the JSON Lines of {@code GET /api/audit/export}: one object per event with
 * {@code position}, {@code eventId}, {@code aggregateId}, {@code sequence}, {@code payloadType},
 * {@code payloadRevision}, {@code timestamp}, {@code metaData} (an object of strings), {@code payload}
 * (the stored JSON, as a string; hashed as its UTF-8 bytes), {@code chainHash} (the link the read side
 * recorded, or null) and {@code chain} (the chain version).
 *
 * <p>Prints {@code {"intact","checked","firstDifference","failingPosition","reason","head","treeSize",
 * "treeRoot","headsVerified","countersignaturesVerified","changedPositions","events","signedEvents",
 * "unsignedEvents","unsignedUpTo","unvouchedEmptyPositions"}} on stdout: {@code firstDifference} is the first
 * position that may differ from what was signed or sealed, {@code failingPosition} where that shows (a head
 * or a seal), {@code head} the recomputed chain's head. {@code changedPositions} are the very positions
 * found changed ({@link EventAudit}: an event whose ledger signature fails, a deleted event's position that
 * no head listed as empty), {@code events} every finding with its range and reason; events appended before
 * events were signed are counted in {@code unsignedEvents} (up to {@code unsignedUpTo}): only the heads'
 * range covers them. Exits {@link #INTACT}, {@link #NOT_INTACT}, or
 * {@link #UNREADABLE} after a message on stderr when a file is missing, is not what it should be, or belongs
 * to another chain version than {@value ChainLink#VERSION}.
 */
public final class LogVerification {

    public static final int INTACT = 0;
    public static final int NOT_INTACT = 1;
    public static final int UNREADABLE = 2;

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    /** A chain seal. */
    record Seal(long position, String head) {}

    /**
     * One exported event: the chain's line, for the keyring's events the payload's fields, and for a head
     * the positions it lists as empty (null if it lists none).
     */
    record Event(ChainVerifier.Line line, Map<String, String> fields, List<Long> emptyPositions) {}

    private LogVerification() {}

    /**
     * Verifies {@code export} and every kept file in {@code seals} and prints the verdict.
     *
     * @return the exit code
     */
    public static int run(String export, List<String> seals, PrintStream out, PrintStream err) {
        if (export == null || export.isBlank() || seals.stream().anyMatch(s -> s == null || s.isBlank())) {
            err.println("ledger verify-log: --export FILE is required (and --seal FILE names a file)");
            return UNREADABLE;
        }
        List<Seal> chainSeals = new ArrayList<>();
        Map<String, TreeAudit.Head> keptHeads = new LinkedHashMap<>();
        for (String seal : seals) {
            try {
                JsonNode kept = parse(Files.readString(Path.of(seal), StandardCharsets.UTF_8), "the seal");
                if (kept.isObject() && kept.has("tree")) {
                    keptHeads.put(seal, keptHead(kept));
                } else {
                    chainSeals.add(readSeal(kept));
                }
            } catch (Unreadable | IOException e) {
                err.println("ledger verify-log: " + seal + ": " + message(e));
                return UNREADABLE;
            }
        }
        List<Event> events;
        try {
            events = readExport(Path.of(export));
        } catch (Unreadable | IOException e) {
            err.println("ledger verify-log: " + export + ": " + message(e));
            return UNREADABLE;
        }
        List<Long> sizes = new ArrayList<>();
        events.stream()
                .filter(e -> TreeAudit.HEAD_SIGNED.equals(e.line().entry().payloadType()))
                .forEach(e -> sizes.add(TreeAudit.head(e.fields()).size()));
        keptHeads.values().forEach(h -> sizes.add(h.size()));
        TreeAudit audit = new TreeAudit(sizes);
        events.forEach(e -> audit.append(e.line().entry(), e.fields()));
        keptHeads.forEach((name, head) -> audit.keptHead("the kept head " + name, head));
        TreeAudit.Verdict tree = audit.verdict();
        EventAudit.Verdict exact = exactly(events, audit.ledgerKeys());

        List<ChainVerifier.Line> lines = events.stream().map(Event::line).toList();
        ChainVerifier.Result chain = ChainVerifier.verify(lines, null, null);
        for (Seal seal : chainSeals) {
            ChainVerifier.Result sealed = ChainVerifier.verify(lines, seal.position(), seal.head());
            if (!sealed.intact() && (chain.intact() || sealed.firstDifference() < chain.firstDifference())) {
                chain = sealed;
            }
        }
        boolean intact = tree.intact() && chain.intact() && exact.findings().isEmpty();
        Long firstDifference = null;
        Long failingPosition = null;
        String reason = "intact";
        if (!tree.intact() && (chain.intact() || tree.firstDifference() <= chain.firstDifference())) {
            firstDifference = tree.firstDifference();
            failingPosition = tree.failingPosition();
            reason = tree.reason() + "; the first position that may differ is " + firstDifference;
        } else if (!chain.intact()) {
            firstDifference = chain.firstDifference();
            failingPosition = chain.firstDifference();
            reason = chain.reason();
        } else if (!exact.findings().isEmpty()) {
            firstDifference = exact.findings().get(0).from();
            failingPosition = exact.findings().get(0).to();
            reason = "the tree heads match";
        }
        if (!exact.findings().isEmpty()) {
            reason = exact.findings().get(0).reason()
                    + (exact.findings().size() > 1
                            ? " (and " + (exact.findings().size() - 1) + " more, see \"events\")"
                            : "")
                    + "; " + reason;
        } else if (!intact && exact.unsigned() > 0) {
            reason = reason + "; the events up to position " + exact.lastUnsigned() + " were appended before events"
                    + " were signed: only the range can be named there";
        }
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("intact", intact);
        verdict.put("checked", chain.intact() ? (long) lines.size() : chain.checked());
        verdict.put("firstDifference", firstDifference);
        verdict.put("failingPosition", failingPosition);
        verdict.put("reason", reason);
        verdict.put("head", chain.recomputedHead());
        verdict.put("treeSize", tree.size());
        verdict.put("treeRoot", tree.root());
        verdict.put("headsVerified", tree.headsVerified());
        verdict.put("countersignaturesVerified", tree.countersignaturesVerified());
        verdict.put("changedPositions", exact.changedPositions());
        List<Map<String, Object>> findings = new ArrayList<>();
        for (EventAudit.Finding finding : exact.findings()) {
            Map<String, Object> found = new LinkedHashMap<>();
            found.put("from", finding.from());
            found.put("to", finding.to());
            found.put("exact", finding.exact());
            found.put("reason", finding.reason());
            findings.add(found);
        }
        verdict.put("events", findings);
        verdict.put("signedEvents", exact.signed());
        verdict.put("unsignedEvents", exact.unsigned());
        verdict.put("unsignedUpTo", exact.lastUnsigned());
        verdict.put("unvouchedEmptyPositions", exact.unvouchedHoles());
        try {
            out.println(JSON.writeValueAsString(verdict));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        out.flush();
        return intact ? INTACT : NOT_INTACT;
    }

    /** The very events that differ: signatures, sequences, and the empty positions the heads list. */
    static EventAudit.Verdict exactly(List<Event> events, Map<String, String> ledgerKeys) {
        EventAudit audit = new EventAudit(ledgerKeys);
        for (Event event : events) {
            ChainLink.Entry entry = event.line().entry();
            audit.append(entry);
            if (TreeAudit.HEAD_SIGNED.equals(entry.payloadType())) {
                audit.head(TreeAudit.head(event.fields()).position(), event.emptyPositions());
            }
        }
        return audit.verdict();
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

    /** A head a garant kept, as the log holds it. */
    static TreeAudit.Head keptHead(JsonNode head) {
        if (!TreeLeaf.VERSION.equals(head.path("tree").asText())) {
            throw new Unreadable("tree version \"" + head.path("tree").asText() + "\" is not the one this tool checks ("
                    + TreeLeaf.VERSION + ")");
        }
        integer(head, "size", "the head");
        integer(head, "position", "the head");
        for (String field : List.of("root", "signedAt", "keyId", "signature")) {
            text(head, field, "the head", false);
        }
        return TreeAudit.head(fields(head));
    }

    /** A chain seal. */
    static Seal readSeal(JsonNode seal) {
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

    /** The export's events, in file order (blank lines are skipped). */
    static List<Event> readExport(Path file) throws IOException {
        List<Event> lines = new ArrayList<>();
        forEachLine(file, (text, number) -> lines.add(line(text, "line " + number)));
        return lines;
    }

    /**
     * Hands each non-blank line of {@code file} and its number (from 1) to {@code reader}. The file is read as
     * strict UTF-8: a malformed byte fails the read rather than becoming a replacement character.
     */
    static void forEachLine(Path file, ObjIntConsumer<String> reader) throws IOException {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            String text;
            int number = 0;
            while ((text = in.readLine()) != null) {
                number++;
                if (!text.isBlank()) {
                    reader.accept(text, number);
                }
            }
        }
    }

    static Event line(String text, String where) {
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
        Map<String, String> fields = Map.of();
        List<Long> emptyPositions = null;
        if (TreeAudit.KEYRING_EVENTS.contains(entry.payloadType())) {
            JsonNode payload = parse(text(line, "payload", where, false), where + " payload");
            fields = fields(payload);
            JsonNode empty = payload.get("emptyPositions");
            if (empty != null && empty.isArray()) {
                emptyPositions = new ArrayList<>();
                for (JsonNode position : empty) {
                    if (!position.canConvertToLong()) {
                        throw new Unreadable(where + ": a head's \"emptyPositions\" must be whole numbers");
                    }
                    emptyPositions.add(position.asLong());
                }
            }
        }
        return new Event(new ChainVerifier.Line(entry, text(line, "chainHash", where, true)), fields, emptyPositions);
    }

    /** The top-level fields of a JSON object as text. */
    private static Map<String, String> fields(JsonNode node) {
        Map<String, String> fields = new LinkedHashMap<>();
        node.properties()
                .forEach(e -> fields.put(
                        e.getKey(), e.getValue().isNull() ? null : e.getValue().asText()));
        return fields;
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
                    + (e.getLocation() == null
                            ? ""
                            : " (column " + e.getLocation().getColumnNr() + ")"));
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
