package org.conventionledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The smallest honest path to an open votation, through the public write API only: a convention with
 * three assemblies, one topic each (chosen directly), {@code actions} action sheets each finalised
 * through a consent round (one participant consents, the decision is taken), a votation over all of
 * them, opened now. About {@code 4 × actions + 6} requests: a second or two.
 */
final class Fixture {

    static final List<String> ASSEMBLIES = List.of("ECOLOGICAL", "SOCIAL", "DEMOCRATIC");
    private static final String ORGANISER = "organiser";
    private static final String PARTICIPANT = "elected official";

    /** What the load needs: where to send ballots, and what may be chosen. */
    record Votation(String conventionId, String votationId, int actions, Duration setup) {}

    private Fixture() {}

    static Votation open(Api api, String commandUrl, String runId, int actions) {
        long started = System.nanoTime();
        Map<String, Object> mandate = Map.of(
                "deliberationReference", "Benchmark run " + runId,
                "startsOn", "2026-01-01",
                "endsOn", "2026-12-31",
                "expectedOutput", "Actions put to a public votation",
                "cityCommitment", "Answer every action",
                "indemnityPerSession", 0);
        String conventionId = api.postJson(
                        commandUrl + "/api/conventions",
                        ORGANISER,
                        Map.of(
                                "title",
                                "Benchmark convention " + runId,
                                "city",
                                "Benchmark City",
                                "mandate",
                                mandate,
                                "transitions",
                                ASSEMBLIES,
                                "plannedSessions",
                                1))
                .path("conventionId")
                .asText();

        List<String> topics = new ArrayList<>();
        for (String assembly : ASSEMBLIES) {
            topics.add(api.postJson(
                            commandUrl + "/api/conventions/" + conventionId + "/topics",
                            ORGANISER,
                            Map.of("assembly", assembly, "title", "Benchmark topic " + assembly))
                    .path("topicId")
                    .asText());
        }

        List<String> actionIds = new ArrayList<>();
        for (int number = 1; number <= actions; number++) {
            String actionId = api.postJson(
                            commandUrl + "/api/conventions/" + conventionId + "/actions",
                            ORGANISER,
                            Map.of(
                                    "number",
                                    number,
                                    "topicId",
                                    topics.get((number - 1) % topics.size()),
                                    "title",
                                    "Benchmark action " + number,
                                    "text",
                                    "Benchmark action " + number))
                    .path("actionId")
                    .asText();
            String base = commandUrl + "/api/actions/" + actionId;
            api.postJson(base + "/consent-round", ORGANISER, Map.of("participants", List.of(PARTICIPANT)));
            api.postJson(base + "/consent-round/consents", ORGANISER, Map.of("participants", List.of(PARTICIPANT)));
            api.postJson(base + "/consent-round/decision", ORGANISER, Map.of());
            actionIds.add(actionId);
        }

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put("title", "Benchmark votation " + runId);
        schedule.put("opensAt", now.minus(Duration.ofHours(1)).toString());
        schedule.put("closesAt", now.plus(Duration.ofDays(7)).toString());
        schedule.put("actionIds", actionIds);
        String votationId = api.postJson(
                        commandUrl + "/api/conventions/" + conventionId + "/votations", ORGANISER, schedule)
                .path("votationId")
                .asText();
        api.postJson(commandUrl + "/api/votations/" + votationId + "/open", ORGANISER, Map.of());
        return new Votation(conventionId, votationId, actions, Duration.ofNanos(System.nanoTime() - started));
    }

    /** Waits until the read side shows the votation OPEN (the load's lag figures start from a projected votation). */
    static void awaitProjected(Api api, String queryUrl, String votationId, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                JsonNode ranking = api.getJson(queryUrl + "/api/votations/" + votationId + "/ranking", ORGANISER);
                if ("OPEN".equals(ranking.path("status").asText())) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // 404 until projected
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the read side never showed votation " + votationId + " open");
    }

    static void close(Api api, String commandUrl, String votationId) {
        api.postJson(commandUrl + "/api/votations/" + votationId + "/close", ORGANISER, Map.of());
    }
}
