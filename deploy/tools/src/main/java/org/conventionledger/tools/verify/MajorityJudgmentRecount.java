package org.conventionledger.tools.verify;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.conventionledger.rules.judgment.MajorityJudgment;

/**
 * {@code ledger mj --input FILE}: the garants' recount of a majority-judgment vote, with the very class
 * the command-service ranks with ({@link MajorityJudgment}).
 *
 * <p>Input: {@code {"grades": ["worst", …, "best"], "options": {"name": [count per grade, worst first],
 * …}}}; every option has one count per grade and the same total (pad missing judgments yourself, e.g. at
 * the worst grade). Output on stdout: {@code {"ranking": [{"option", "rank", "median"}, …]}} best first,
 * {@code median} being the name of the option's majority grade; exact ties share a rank (1, 2, 2, 4) and
 * are listed by name. Malformed input: a message on stderr and exit code 2.
 */
public final class MajorityJudgmentRecount {

    public static final int OK = 0;
    public static final int MALFORMED = 2;

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private MajorityJudgmentRecount() {}

    /**
     * Recounts the vote in {@code input} and prints the ranking.
     *
     * @return the exit code: {@link #OK}, or {@link #MALFORMED} after a message on {@code err}
     */
    public static int run(String input, PrintStream out, PrintStream err) {
        if (input == null || input.isBlank()) {
            err.println("ledger mj: --input FILE is required");
            return MALFORMED;
        }
        try {
            JsonNode document;
            try {
                document = JSON.readTree(Files.readString(Path.of(input)));
            } catch (NoSuchFileException e) {
                throw new Malformed("no such file: " + input);
            } catch (JsonProcessingException e) {
                throw new Malformed("not valid JSON: " + e.getOriginalMessage()
                        + (e.getLocation() == null
                                ? ""
                                : " (line " + e.getLocation().getLineNr() + ", column "
                                        + e.getLocation().getColumnNr() + ")"));
            }
            out.println(JSON.writeValueAsString(recount(document)));
            out.flush();
            return OK;
        } catch (Malformed | IllegalArgumentException e) {
            err.println("ledger mj: " + input + ": " + e.getMessage());
            return MALFORMED;
        } catch (IOException e) {
            err.println("ledger mj: cannot read " + input + ": " + e);
            return MALFORMED;
        }
    }

    /** The ranking document for a parsed input document. */
    static ObjectNode recount(JsonNode document) {
        if (document == null || !document.isObject()) {
            throw new Malformed("expected a JSON object with \"grades\" and \"options\"");
        }
        for (Map.Entry<String, JsonNode> property : document.properties()) {
            String field = property.getKey();
            if (!field.equals("grades") && !field.equals("options")) {
                throw new Malformed("unknown field \"" + field + "\" (expected \"grades\" and \"options\")");
            }
        }
        List<String> grades = grades(document.get("grades"));
        Map<String, long[]> tallies = options(document.get("options"), grades.size());

        ObjectNode result = JSON.createObjectNode();
        ArrayNode ranking = result.putArray("ranking");
        for (MajorityJudgment.Ranked ranked : MajorityJudgment.rank(tallies)) {
            ranking.addObject()
                    .put("option", ranked.option())
                    .put("rank", ranked.rank())
                    .put("median", grades.get(ranked.medianGrade()));
        }
        return result;
    }

    private static List<String> grades(JsonNode node) {
        if (node == null || !node.isArray()) {
            throw new Malformed("\"grades\" must be an array of grade names, worst first");
        }
        if (node.size() < 2) {
            throw new Malformed("\"grades\" needs at least 2 grades, found " + node.size());
        }
        List<String> grades = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode grade : node) {
            if (!grade.isTextual() || grade.asText().isBlank()) {
                throw new Malformed("\"grades\"[" + grades.size() + "] must be a non-empty string, found " + grade);
            }
            if (!seen.add(grade.asText())) {
                throw new Malformed("grade \"" + grade.asText() + "\" appears twice in \"grades\"");
            }
            grades.add(grade.asText());
        }
        return grades;
    }

    private static Map<String, long[]> options(JsonNode node, int grades) {
        if (node == null || !node.isObject()) {
            throw new Malformed("\"options\" must be an object: {\"option name\": [count per grade], …}");
        }
        if (node.isEmpty()) {
            throw new Malformed("\"options\" is empty: nothing to rank");
        }
        Map<String, long[]> tallies = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> option : node.properties()) {
            String name = option.getKey();
            JsonNode counts = option.getValue();
            if (!counts.isArray() || counts.size() != grades) {
                throw new Malformed("option \"" + name + "\" must have an array of " + grades
                        + " counts (one per grade, worst first), found " + counts);
            }
            long[] tally = new long[grades];
            for (int g = 0; g < grades; g++) {
                JsonNode count = counts.get(g);
                if (!count.isIntegralNumber() || !count.canConvertToLong() || count.asLong() < 0) {
                    throw new Malformed("option \"" + name + "\": count " + (g + 1)
                            + " must be a whole number >= 0, found " + count);
                }
                tally[g] = count.asLong();
            }
            tallies.put(name, tally);
        }
        return tallies;
    }

    /** Input that cannot be recounted. */
    static final class Malformed extends RuntimeException {

        Malformed(String message) {
            super(message);
        }
    }
}
