package org.conventionledger.tools.pabulib;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The Warsaw Pabulib files kept beside the project in {@code shared/data/pabulib/} (never copied into
 * the repository): found by walking up from the working directory, tests needing them skipped when absent.
 */
final class PabulibData {

    static final String OCHOTA_2019 = "Poland_Warszawa_2019_Ochota.pb";
    static final String PLAC_WOJSKA_POLSKIEGO_2017 = "Poland_Warszawa_2017_Plac_Wojska_Polskiego.pb";

    private PabulibData() {}

    /** The file's path; skips the calling test when the data folder or the file is absent. */
    static Path require(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("shared/data/pabulib").resolve(name);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        assumeTrue(false, "shared/data/pabulib/" + name + " is absent: skipped");
        throw new IllegalStateException("unreachable");
    }

    static PabulibFile read(Path file) throws IOException {
        return PabulibFile.parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Approvals per project id and channel ({@code voting_method}), counted over the VOTES section. */
    static Map<String, Map<String, Long>> approvalsByChannel(PabulibFile file) {
        Map<String, Map<String, Long>> counts = new HashMap<>();
        for (Map<String, String> vote : file.votes().rows()) {
            for (String projectId : PabulibFile.choices(vote)) {
                counts.computeIfAbsent(projectId, k -> new HashMap<>())
                        .merge(vote.getOrDefault("voting_method", "internet"), 1L, Long::sum);
            }
        }
        return counts;
    }
}
