package org.conventionledger.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.conventionledger.rules.selection.CategoriesCsv;
import org.conventionledger.rules.selection.Category;
import org.conventionledger.rules.selection.InfeasibleQuotas;
import org.conventionledger.rules.selection.LeximinSelection;
import org.conventionledger.rules.selection.MalformedCsv;
import org.conventionledger.rules.selection.PanelLottery;
import org.conventionledger.rules.selection.PeopleCsv;
import org.conventionledger.rules.selection.Quotas;
import org.conventionledger.rules.selection.Volunteer;

/**
 * {@code ledger panel-probabilities --categories FILE --people FILE --size K}: each volunteer's
 * probability of being selected under the LEXIMIN lottery over the panels of {@code K} that meet the
 * quotas, computed with the command-service's own {@link LeximinSelection}.
 *
 * <p>Files: the categories as {@link CategoriesCsv} reads them ({@code feature,value,min,max[,min_flex,
 * max_flex]} or {@code category,feature,min,max}), the people as {@link PeopleCsv} reads them (a header,
 * a column per category, optionally an id and a household key). Prints one line on stdout,
 * {@code {"panelSize":K,"algorithm":"leximin-v5","minProbability":p,"probabilities":[p per people row,
 * in file order]}}, and exits {@link #OK};
 * {@link #INFEASIBLE} after a message on stderr naming the conflicting categories when no panel meets
 * the quotas; {@link #MALFORMED} after a message on stderr when an option is missing or a file is
 * missing or malformed (with the line and column).
 */
public final class PanelProbabilitiesCommand {

    public static final int OK = 0;
    public static final int INFEASIBLE = 1;
    public static final int MALFORMED = 2;

    private static final String NAME = "ledger panel-probabilities: ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PanelProbabilitiesCommand() {}

    /** Runs the command; returns the exit code. */
    public static int run(String categoriesFile, String peopleFile, String size, PrintStream out, PrintStream err) {
        if (categoriesFile == null || peopleFile == null || size == null) {
            err.println(NAME + "--categories FILE, --people FILE and --size K are required");
            return MALFORMED;
        }
        int panelSize;
        try {
            panelSize = Integer.parseInt(size.trim());
        } catch (NumberFormatException e) {
            panelSize = 0;
        }
        if (panelSize < 1) {
            err.println(NAME + "--size must be a whole number >= 1, found '" + size + "'");
            return MALFORMED;
        }
        List<Category> categories;
        List<Volunteer> people;
        try {
            categories = read(categoriesFile, in -> CategoriesCsv.parse(in, null, null));
        } catch (MalformedCsv | Unreadable e) {
            err.println(NAME + categoriesFile + ": " + e.getMessage());
            return MALFORMED;
        }
        try {
            people = read(peopleFile, in -> PeopleCsv.parse(in, null, null, categories));
        } catch (MalformedCsv | Unreadable e) {
            err.println(NAME + peopleFile + ": " + e.getMessage());
            return MALFORMED;
        }
        PanelLottery lottery;
        try {
            lottery = LeximinSelection.select(new Quotas(panelSize, categories), people);
        } catch (InfeasibleQuotas e) {
            err.println(NAME + "infeasible quotas: " + e.getMessage()
                    + (e.conflictingCategories().isEmpty()
                            ? ""
                            : " [conflicting categories: " + String.join(", ", e.conflictingCategories()) + "]"));
            return INFEASIBLE;
        }
        out.println(json(lottery));
        out.flush();
        return OK;
    }

    private static String json(PanelLottery lottery) {
        ObjectNode document = JSON.createObjectNode()
                .put("panelSize", lottery.panelSize())
                .put("algorithm", lottery.algorithm())
                .put("minProbability", lottery.minimumProbability());
        ArrayNode probabilities = document.putArray("probabilities");
        lottery.probabilities().forEach(probabilities::add);
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A tree of numbers always serialises", e);
        }
    }

    /** Reads a file (CSV in any usual encoding and separator, or .xlsx) with {@code parser}. */
    private static <T> T read(String file, Function<InputStream, T> parser) {
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            return parser.apply(in);
        } catch (NoSuchFileException e) {
            throw new Unreadable("no such file");
        } catch (IOException e) {
            throw new Unreadable("cannot read: " + e);
        }
    }

    /** A file that cannot be read as text. */
    private static final class Unreadable extends RuntimeException {

        Unreadable(String message) {
            super(message);
        }
    }
}
