package org.conventionledger.tools.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.conventionledger.tools.LedgerProcess;
import org.conventionledger.tools.PanelProbabilitiesCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ledger panel-probabilities} on the small example of Flanigan et al. (Nature 596, 2021; the
 * replication repository's {@code data/example_small_20}: 1 female conservative, 99 female liberals and
 * 100 male conservatives, k = 20, at least 9 of each value), written here rather than copied: its
 * published LEXIMIN minimum probability is 10.0%.
 */
class PanelProbabilitiesCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path categories;
    private Path people;

    /** What one run printed. */
    record Run(int exitCode, String out, String err) {

        Map<String, Object> document() throws IOException {
            return JSON.readValue(out, new TypeReference<>() {});
        }
    }

    @BeforeEach
    void exampleSmall20() throws IOException {
        categories = dir.resolve("categories.csv");
        Files.writeString(categories, """
                category,feature,min,max
                gender,female,9,20
                gender,male,9,20
                leaning,liberal,9,20
                leaning,conservative,9,20
                """);
        List<String> rows = new ArrayList<>(List.of("gender,leaning", "female,conservative"));
        rows.addAll(Collections.nCopies(99, "female,liberal"));
        rows.addAll(Collections.nCopies(100, "male,conservative"));
        people = dir.resolve("respondents.csv");
        Files.writeString(people, String.join("\n", rows));
    }

    private static Run run(Path categories, Path people, String size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode = PanelProbabilitiesCommand.run(
                categories == null ? null : categories.toString(),
                people == null ? null : people.toString(),
                size,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsTheProbabilitiesAsOneJsonLine() throws IOException {
        Run run = run(categories, people, "20");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .startsWith("{\"panelSize\":20,\"algorithm\":\"leximin-v5\",\"minProbability\":")
                .endsWith("]}" + System.lineSeparator())
                .hasLineCount(1);
        Map<String, Object> document = run.document();
        assertThat(document).containsOnlyKeys("panelSize", "algorithm", "minProbability", "probabilities");
        assertThat(((Number) document.get("minProbability")).doubleValue()).isCloseTo(0.10, within(0.005));
        @SuppressWarnings("unchecked")
        List<Number> probabilities = (List<Number>) document.get("probabilities");
        assertThat(probabilities).hasSize(200);
        assertThat(probabilities.stream().mapToDouble(Number::doubleValue).sum())
                .isCloseTo(20, within(1e-6));
        assertThat(run(categories, people, "20").out())
                .as("same input, same bytes")
                .isEqualTo(run.out());
    }

    @Test
    void aHouseholdColumnSeatsAtMostOneVolunteerPerAddress() throws IOException {
        Files.writeString(categories, """
                category,feature,min,max
                gender,female,1,1
                gender,male,1,1
                """);
        Files.writeString(people, """
                id,gender,household
                anna,female,1 Rue Haute
                bruno,male,1 rue haute
                carl,male,2 Rue Basse
                """);

        Run run = run(categories, people, "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        @SuppressWarnings("unchecked")
        List<Number> probabilities = (List<Number>) run.document().get("probabilities");
        // anna is on every panel, so her housemate bruno on none; without the column bruno and carl share
        assertThat(probabilities.stream().map(Number::doubleValue).toList()).containsExactly(1.0, 0.0, 1.0);

        Files.writeString(people, "id,gender\nanna,female\nbruno,male\ncarl,male\n");
        @SuppressWarnings("unchecked")
        List<Number> withoutHouseholds =
                (List<Number>) run(categories, people, "2").document().get("probabilities");
        assertThat(withoutHouseholds.stream().map(Number::doubleValue).toList()).containsExactly(1.0, 0.5, 0.5);
    }

    @Test
    void infeasibleQuotasExitWithOneNamingTheCategories() throws IOException {
        Files.writeString(categories, """
                feature,value,min,max,min_flex,max_flex
                gender,female,15,20,0,20
                gender,male,0,20,0,20
                leaning,liberal,0,20,0,20
                leaning,conservative,15,20,0,20
                """);

        Run run = run(categories, people, "20");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .startsWith("ledger panel-probabilities: infeasible quotas: ")
                .contains("[conflicting categories: gender, leaning]");
    }

    @Test
    void badFilesAndOptionsExitWithTwoSayingWhere() throws IOException {
        Files.writeString(people, "gender,leaning\nfemale,liberal\nfemale,centrist\n");
        Run badValue = run(categories, people, "1");
        assertThat(badValue.exitCode()).isEqualTo(2);
        assertThat(badValue.err()).contains(people + ": line 3, column 2 (leaning): 'centrist' is not a value");

        Run missing = run(dir.resolve("nowhere.csv"), people, "20");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nowhere.csv: no such file");

        assertThat(run(categories, people, "twenty").err()).contains("--size must be a whole number >= 1");
        assertThat(run(categories, null, "20").exitCode()).isEqualTo(2);
    }

    /** Through the real entry point, as a process: stdout holds the JSON and nothing else. */
    @Test
    void ledgerPanelProbabilitiesCommand() throws Exception {
        LedgerProcess.Finished finished = LedgerProcess.run(
                dir,
                "panel-probabilities",
                "--categories",
                categories.toString(),
                "--people",
                people.toString(),
                "--size",
                "20");
        Run run = new Run(finished.exitCode(), finished.out(), finished.err());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.document().get("panelSize")).isEqualTo(20);
        assertThat(((Number) run.document().get("minProbability")).doubleValue())
                .isCloseTo(0.10, within(0.005));
    }
}
