package org.conventionledger.tools.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.conventionledger.tools.LedgerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code ledger mj --input FILE}: the garants' majority-judgment recount. */
class MajorityJudgmentRecountTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** What one run printed. */
    record Run(int exitCode, String out, String err) {

        List<Map<String, Object>> ranking() throws IOException {
            Map<String, List<Map<String, Object>>> document = JSON.readValue(out, new TypeReference<>() {});
            assertThat(document).containsOnlyKeys("ranking");
            return document.get("ranking");
        }
    }

    private Run recount(String json) throws IOException {
        Path input = dir.resolve("votes.json");
        Files.writeString(input, json);
        return recountFile(input.toString());
    }

    private static Run recountFile(String input) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = MajorityJudgmentRecount.run(
                input,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String example() throws IOException {
        try (InputStream in = MajorityJudgmentRecountTest.class.getResourceAsStream("/mj-example.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The example: 24 judgments per option. "Energy renovation" and "Cycle paths" both have the median
     * "good"; removing median judgments, Energy keeps "good" longer (majority values 4,4,4,4,4,… against
     * 4,4,4,4,3,…). The two identical tallies tie at 3, so the last one is 5th.
     */
    @Test
    void ranksTheExampleBestFirstWithGradeNames() throws IOException {
        Run run = recount(example());

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.ranking())
                .containsExactly(
                        Map.of("option", "Energy renovation of schools", "rank", 1, "median", "good"),
                        Map.of("option", "Cycle paths on every main road", "rank", 2, "median", "good"),
                        Map.of("option", "Free public transport for under-26s", "rank", 3, "median", "fairly good"),
                        Map.of("option", "Shared gardens in each district", "rank", 3, "median", "fairly good"),
                        Map.of("option", "Local food in school canteens", "rank", 5, "median", "fairly good"));
    }

    /** A published vector (Mieux Voter, majority-judgment-library-php, "Feedback from Paris"): 1, 2, 2, 4. */
    @Test
    void exactTiesShareARank() throws IOException {
        Run run = recount("""
                {"grades": ["to reject", "insufficient", "passable", "fairly good", "good", "very good", "excellent"],
                 "options": {"proposal_d": [2, 0, 4, 3, 7, 4, 1],
                             "proposal_c": [1, 1, 4, 3, 7, 4, 1],
                             "proposal_b": [0, 2, 4, 3, 7, 4, 1],
                             "proposal_a": [1, 1, 4, 3, 7, 4, 1]}}
                """);

        assertThat(run.exitCode()).isZero();
        assertThat(run.ranking())
                .extracting(r -> r.get("option") + "=" + r.get("rank") + "/" + r.get("median"))
                .containsExactly("proposal_b=1/good", "proposal_a=2/good", "proposal_c=2/good", "proposal_d=4/good");
    }

    @Test
    void billionsOfJudgments() throws IOException {
        Run run = recount("""
                {"grades": ["reject", "poor", "fair", "good"],
                 "options": {"A": [11312415004, 21153652410, 24101523299, 18758623562],
                             "B": [11312415004, 21153652400, 24101523299, 18758623572]}}
                """);

        assertThat(run.exitCode()).isZero();
        assertThat(run.ranking())
                .extracting(r -> r.get("option") + "=" + r.get("rank") + "/" + r.get("median"))
                .containsExactly("B=1/fair", "A=2/fair");
    }

    // CHECKSTYLE:OFF a table of cases reads best one case a line
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            not JSON                  | {"grades": ["a", "b"], "options": {"x": [1, 2]   | not valid JSON
            not an object             | [1, 2, 3]                                        | expected a JSON object
            no grades                 | {"options": {"x": [1, 2]}}                       | "grades"
            one grade                 | {"grades": ["only"], "options": {"x": [3]}}      | at least 2 grades
            grade not a string        | {"grades": ["a", 2], "options": {"x": [1, 2]}}   | "grades"[1]
            grade twice               | {"grades": ["a", "a"], "options": {"x": [1, 2]}} | appears twice
            no options                | {"grades": ["a", "b"]}                           | "options"
            empty options             | {"grades": ["a", "b"], "options": {}}            | nothing to rank
            too few counts            | {"grades": ["a", "b", "c"], "options": {"x": [1, 2]}} | option "x"
            count not a number        | {"grades": ["a", "b"], "options": {"x": [1, "2"]}} | option "x"
            negative count            | {"grades": ["a", "b"], "options": {"x": [3, -1]}} | >= 0
            fractional count          | {"grades": ["a", "b"], "options": {"x": [1.5, 1.5]}} | whole number
            count beyond a long       | {"grades": ["a", "b"], "options": {"x": [1, 99999999999999999999]}} | whole number
            unequal totals            | {"grades": ["a", "b"], "options": {"x": [1, 2], "y": [1, 1], "z": [2, 1]}} | 'y'
            duplicate option          | {"grades": ["a", "b"], "options": {"x": [1, 2], "x": [2, 1]}} | Duplicate field 'x'
            unknown field             | {"grades": ["a", "b"], "options": {"x": [1, 2]}, "option": {}} | unknown field "option"
            """)
    // CHECKSTYLE:ON
    void malformedInputExitsWithTwo(String title, String json, String message) throws IOException {
        Run run = recount(json);

        assertThat(run.exitCode()).as(title).isEqualTo(2);
        assertThat(run.out()).as(title).isEmpty();
        assertThat(run.err()).as(title).startsWith("ledger mj: ").contains(message);
    }

    @Test
    void missingFileOrOptionExitsWithTwo() {
        Run missing = recountFile(dir.resolve("nowhere.json").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");

        Run noInput = recountFile(null);
        assertThat(noInput.exitCode()).isEqualTo(2);
        assertThat(noInput.err()).contains("--input FILE is required");
    }

    /** Through the real entry point, {@code ledger mj --input FILE}, as a process: output and exit codes. */
    @Test
    void ledgerMjCommand() throws Exception {
        Path good = dir.resolve("example.json");
        Files.writeString(good, example());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"grades\": [\"a\", \"b\"], \"options\": {\"x\": [1, 2], \"y\": [0, 1]}}");

        Run ok = ledger("mj", "--input", good.toString());
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.ranking()).extracting(r -> r.get("rank")).containsExactly(1, 2, 3, 3, 5);

        Run malformed = ledger("mj", "--input", bad.toString());
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.out()).isEmpty();
        assertThat(malformed.err()).contains("'y'");
    }

    private Run ledger(String... args) throws Exception {
        LedgerProcess.Finished run = LedgerProcess.run(dir, args);
        return new Run(run.exitCode(), run.out(), run.err());
    }
}
