package org.conventionledger.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code ledger rebuild --projection NAME}: asks the query service to rebuild a projection from the log
 * (an organiser's call) and reports its progress until it has caught up with the head of the log.
 */
final class ProjectionRebuildCommand {

    private ProjectionRebuildCommand() {}

    static int run(String queryUrl, Path accounts, String projection, Duration timeout, PrintStream out) {
        if (projection == null) {
            System.err.println("rebuild needs --projection NAME (GET /api/admin/projections lists them)");
            return 2;
        }
        LedgerClient client = new LedgerClient(accounts);
        String url = queryUrl + "/api/admin/projections/" + projection;
        try {
            client.post(url + "/rebuild", "organiser", java.util.Map.of());
            Instant deadline = Instant.now().plus(timeout);
            int last = -1;
            while (Instant.now().isBefore(deadline)) {
                JsonNode progress = client.get(url, "organiser");
                int percent = progress.path("percent").asInt();
                if (percent != last) {
                    out.println(projection + ": " + percent + "% (position "
                            + progress.path("position").asLong() + " of "
                            + progress.path("head").asLong() + ")");
                    last = percent;
                }
                // Axon keeps a processor "replaying" until an event beyond the reset point arrives, so
                // completion is judged by position alone
                if (percent >= 100) {
                    out.println(projection + ": rebuilt");
                    return 0;
                }
                Thread.sleep(1_000);
            }
            System.err.println(projection + ": not caught up after " + timeout.toSeconds() + " s");
            return 1;
        } catch (LedgerClient.Rejected rejected) {
            System.err.println(rejected.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
