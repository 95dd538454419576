package org.conventionledger.tools.pabulib;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.conventionledger.tools.LedgerClient;
import org.conventionledger.tools.LedgerServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Pabulib round trip on both services started from their jars (embedded stores): Warsaw Ochota 2019
 * imported through the write API ranks every project with the file's paper and online approvals, and
 * exported back from the read side gives the same ballots on the same channels. Skipped without the
 * data folder {@code shared/data/pabulib/}.
 */
class PabulibRoundTripTest {

    @TempDir
    Path dataDir;

    @Test
    void warsawOchota2019RanksAndExportsAsTheFileCountsIt() throws Exception {
        PabulibFile file = PabulibData.read(PabulibData.require(PabulibData.OCHOTA_2019));
        Map<String, Map<String, Long>> counted = PabulibData.approvalsByChannel(file);

        try (LedgerServices services = new LedgerServices(dataDir, null).start()) {
            LedgerClient client = new LedgerClient(services.accounts());
            PabulibImport.Summary summary = new PabulibImport(client, services.commandUrl(), 8, line -> {})
                    .run(file, "Poland_Warszawa_2019_Ochota");
            assertThat(summary.projects()).isEqualTo(21);
            assertThat(summary.onlineVoters()).isEqualTo(2_355);
            assertThat(summary.paperVoters()).isEqualTo(396);

            JsonNode ranking = awaitRanking(client, services.queryUrl(), summary.votationId(), 2_751);
            assertThat(ranking.path("onlineBallots").asInt()).isEqualTo(2_355);
            assertThat(ranking.path("paperBallots").asInt()).isEqualTo(396);
            Map<Integer, JsonNode> byNumber = new HashMap<>();
            ranking.path("entries")
                    .forEach(e -> byNumber.put(e.path("actionNumber").asInt(), e));
            List<Map<String, String>> projects = file.projects().rows();
            assertThat(byNumber).hasSize(projects.size());
            for (int i = 0; i < projects.size(); i++) {
                String projectId = projects.get(i).get("project_id");
                Map<String, Long> channels = counted.getOrDefault(projectId, Map.of());
                JsonNode entry = byNumber.get(i + 1);
                assertThat(entry.path("title").asText())
                        .isEqualTo(projects.get(i).get("name"));
                assertThat(entry.path("paperVotes").asLong())
                        .as("paper, project %s", projectId)
                        .isEqualTo(channels.getOrDefault("paper", 0L));
                assertThat(entry.path("onlineVotes").asLong())
                        .as("online, project %s", projectId)
                        .isEqualTo(channels.getOrDefault("internet", 0L));
                assertThat(entry.path("totalVotes").asLong())
                        .as("total, project %s", projectId)
                        .isEqualTo(Long.parseLong(projects.get(i).get("votes")));
            }

            PabulibFile exported = PabulibFile.parse(new PabulibExport(client, services.queryUrl())
                    .run(summary.votationId())
                    .write());
            assertThat(ballots(exported)).isEqualTo(ballots(file));
            assertThat(votesByProject(exported)).isEqualTo(votesByProject(file));
            assertThat(exported.projects().rows())
                    .extracting(r -> r.get("name"))
                    .containsExactlyElementsOf(
                            projects.stream().map(r -> r.get("name")).toList());
            assertThat(exported.projects().rows())
                    .extracting(r -> r.get("cost"))
                    .containsExactlyElementsOf(
                            projects.stream().map(r -> r.get("cost")).toList());
            assertThat(exported.meta())
                    .containsEntry("num_projects", "21")
                    .containsEntry("num_votes", "2751")
                    .containsEntry("vote_type", "approval")
                    .containsEntry("description", file.meta().get("description"));
            assertThat(exported.votes().rows())
                    .allSatisfy(v -> assertThat(v.get("voter_id")).doesNotContain("Ochota"));
        }
    }

    /** The ballots as a multiset of (channel, set of project ids): what survives a round trip. */
    private static Map<String, Long> ballots(PabulibFile file) {
        return file.votes().rows().stream()
                .map(v -> v.get("voting_method") + " " + new TreeSet<>(PabulibFile.choices(v)))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static Map<String, String> votesByProject(PabulibFile file) {
        return file.projects().rows().stream().collect(Collectors.toMap(r -> r.get("project_id"), r -> r.get("votes")));
    }

    private static JsonNode awaitRanking(LedgerClient client, String queryUrl, String votationId, int voters)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        JsonNode ranking = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                ranking = client.get(queryUrl + "/api/votations/" + votationId + "/ranking", null);
                if ("CLOSED".equals(ranking.path("status").asText())
                        && ranking.path("onlineBallots").asInt()
                                        + ranking.path("paperBallots").asInt()
                                == voters) {
                    return ranking;
                }
            } catch (LedgerClient.Rejected notYet) {
                // not projected (or not closed) yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the ranking never showed the closed votation with " + voters + " voters: " + ranking);
    }
}
