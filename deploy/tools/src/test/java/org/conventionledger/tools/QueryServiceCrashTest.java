package org.conventionledger.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.conventionledger.tools.demo.ClermontDemo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read store has no transactions, so a crash between a projection write and the token update
 * re-delivers events. Killing the query service with SIGKILL in the middle of the Clermont load and
 * restarting it must still end with exactly the published figures, with no repair: nothing counted twice,
 * nothing missed, no projection stopped.
 */
class QueryServiceCrashTest {

    @TempDir
    Path dataDir;

    @Test
    void sigkillDuringTheLoadStillEndsWithThePublishedFigures() throws Exception {
        ExecutorService loader = Executors.newSingleThreadExecutor();
        try (LedgerServices services = new LedgerServices(dataDir, null).start()) {
            Future<ClermontDemo.Result> demo = loader.submit(
                    () -> new ClermontDemo(services.commandUrl(), services.queryUrl(), services.accounts(), line -> {})
                            .run());

            awaitOnlineBallotsProjected(services, 1_500);
            services.killQuery();
            Thread.sleep(2_000);
            services.startQuery();

            ClermontDemo.Result result = demo.get(10, TimeUnit.MINUTES);
            assertThat(result.mismatches()).isEmpty();
            // what the library's H2 backend said when a kill had left a document without its _id index entry
            // (ADR-015): the embedded store now commits whole operations only
            assertThat(services.logs()).doesNotContain("already existed in");

            LedgerClient client = new LedgerClient(services.accounts());
            JsonNode votation = client.get(
                            services.queryUrl() + "/api/conventions/" + result.conventionId() + "/dashboard",
                            "organiser")
                    .path("votations")
                    .path(0);
            assertThat(votation.path("onlineVotes").asInt()).isEqualTo(9_944);
            assertThat(votation.path("paperVotes").asInt()).isEqualTo(3_050);
            assertThat(votation.path("onlineBallots").asInt())
                    .isEqualTo(result.ranking().path("onlineBallots").asInt());
            // every processor reaches the head of the log (none stopped at a document it cannot write); the
            // garants' trail, one ordered processor, may still be catching up after the load
            String admin = services.queryUrl() + "/api/admin/projections";
            List<String> processors = new ArrayList<>();
            client.get(admin, "organiser")
                    .forEach(p -> processors.add(p.path("processor").asText()));
            assertThat(processors).contains("audit-trail");
            RebuildChecks.awaitCaughtUp(client, admin, processors);
            assertThat(countInTrail(client, services, "OnlineBallotCast"))
                    .isEqualTo(votation.path("onlineBallots").asInt());
            assertThat(countInTrail(client, services, "InvitationSent")).isEqualTo(2_000);
        } finally {
            loader.shutdownNow();
        }
    }

    private static void awaitOnlineBallotsProjected(LedgerServices services, int atLeast) throws InterruptedException {
        LedgerClient client = new LedgerClient(services.accounts());
        Eventually.await(
                atLeast + " projected online ballots",
                Duration.ofMinutes(5),
                () -> {
                    for (JsonNode convention : client.get(services.queryUrl() + "/api/conventions", "organiser")) {
                        JsonNode votations = client.get(
                                        services.queryUrl() + "/api/conventions/"
                                                + convention
                                                        .path("conventionId")
                                                        .asText() + "/dashboard",
                                        "organiser")
                                .path("votations");
                        if (votations.path(0).path("onlineBallots").asInt() >= atLeast) {
                            return true;
                        }
                    }
                    return false;
                },
                reached -> reached);
    }

    private static long countInTrail(LedgerClient client, LedgerServices services, String type) {
        long count = 0;
        long after = -1;
        while (true) {
            JsonNode page = client.get(
                    services.queryUrl() + "/api/audit/events?limit=1000&type=" + type + "&after=" + after, "garant");
            if (page.path("events").isEmpty()) {
                return count;
            }
            count += page.path("events").size();
            after = page.path("next").asLong();
        }
    }
}
