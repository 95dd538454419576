package org.conventionledger.query.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.query.platform.TestEvents.conventionOpened;
import static org.conventionledger.query.platform.TestEvents.invitationSent;
import static org.conventionledger.query.platform.TestEvents.item;
import static org.conventionledger.query.platform.TestEvents.onlineBallot;
import static org.conventionledger.query.platform.TestEvents.paperTally;
import static org.conventionledger.query.platform.TestEvents.votationClosed;
import static org.conventionledger.query.platform.TestEvents.votationOpened;
import static org.conventionledger.query.platform.TestEvents.votationScheduled;
import static org.conventionledger.query.platform.TestEvents.votes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.conventionledger.platform.identity.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The "as of" dashboard and ranking over HTTP, on the embedded event store: a votation written to the
 * log with known recording times, asked at an instant in its middle, gives the partial figures counted
 * by hand, which differ from the live ones; bad bounds are problems naming the parameter; access is
 * the live endpoints'.
 *
 * <p>Hand count of the votation (two actions): up to the first desk, action 1 has 4 paper + 2 online
 * (b-1, b-3) = 6 and action 2 has 7 paper + 2 online (b-1, b-2) = 9, 15 votes in all (11 paper, 4 online
 * on 3 ballots); at the end, action 1 has 14 + 3 = 17 and action 2 has 8 + 4 = 12, 29 votes (22 paper,
 * 7 online on 5 ballots, 2 desks).
 */
class AsOfApiTest extends ReadApiTest {

    private static final String CONVENTION = "conv-" + UUID.randomUUID();
    private static final String VOTATION = "vot-" + UUID.randomUUID();
    private static final String STILL_OPEN = "vot-open-" + UUID.randomUUID();
    /** Recording times one minute apart, the whole scenario in the past hour. */
    private static final Instant BASE =
            Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
    /** Half a minute after the first desk's tally was recorded. */
    private static final Instant MID = BASE.plus(Duration.ofMinutes(9)).plusSeconds(30);

    @BeforeAll
    static void writeTheLog(@Autowired EventStore eventStore) {
        Object[][] log = {
            {"Convention", CONVENTION, conventionOpened(CONVENTION, "Convention", "Lyon", ECOLOGICAL, SOCIAL)},
            {"Convention", CONVENTION, invitationSent(CONVENTION, "inv-1")},
            {"Convention", CONVENTION, invitationSent(CONVENTION, "inv-2")},
            {"Convention", CONVENTION, invitationSent(CONVENTION, "inv-3")},
            {
                "Votation",
                VOTATION,
                votationScheduled(CONVENTION, VOTATION, "Votation", item(1, SOCIAL), item(2, ECOLOGICAL))
            },
            {"Votation", VOTATION, votationOpened(CONVENTION, VOTATION)},
            {"OnlineBallot", "b-1", onlineBallot(CONVENTION, VOTATION, "b-1", 1, 2)},
            {"OnlineBallot", "b-2", onlineBallot(CONVENTION, VOTATION, "b-2", 2)},
            {"OnlineBallot", "b-3", onlineBallot(CONVENTION, VOTATION, "b-3", 1)},
            {"Votation", VOTATION, paperTally(CONVENTION, VOTATION, "d-1", votes(1, 4), votes(2, 7))},
            // MID
            {"OnlineBallot", "b-4", onlineBallot(CONVENTION, VOTATION, "b-4", 2)},
            {"OnlineBallot", "b-5", onlineBallot(CONVENTION, VOTATION, "b-5", 1, 2)},
            {"Votation", VOTATION, paperTally(CONVENTION, VOTATION, "d-2", votes(1, 10), votes(2, 1))},
            {"Votation", VOTATION, votationClosed(CONVENTION, VOTATION)},
            {"Votation", STILL_OPEN, votationScheduled(CONVENTION, STILL_OPEN, "Second", item(1, SOCIAL))},
            {"Votation", STILL_OPEN, votationOpened(CONVENTION, STILL_OPEN)},
        };
        Map<String, Long> sequences = new HashMap<>();
        List<EventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < log.length; i++) {
            String aggregate = (String) log[i][1];
            events.add(new GenericDomainEventMessage<>(
                    (String) log[i][0],
                    aggregate,
                    sequences.merge(aggregate, 1L, Long::sum) - 1,
                    log[i][2],
                    Map.of("actorId", "organiser", "actorRole", "ORGANISER"),
                    UUID.randomUUID().toString(),
                    BASE.plus(Duration.ofMinutes(i))));
        }
        eventStore.publish(events);
    }

    private JsonNode json(String path, Role as) throws Exception {
        HttpResponse<String> response = get(path, as);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** The live projections have absorbed the whole scenario. */
    private void awaitProjected() {
        await(
                "/api/votations/" + STILL_OPEN + "/ranking",
                Role.ORGANISER,
                ranking -> "OPEN".equals(ranking.path("status").asText()));
        await(
                "/api/conventions/" + CONVENTION + "/dashboard",
                Role.ORGANISER,
                dashboard -> dashboard.path("votations").size() == 2
                        && dashboard
                                .path("votations")
                                .path(1)
                                .path("status")
                                .asText()
                                .equals("OPEN"));
    }

    private static String at(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }

    @Test
    void theDashboardAtTheMidInstantShowsTheHandCountNotTheLiveFigures() throws Exception {
        awaitProjected();
        String path = "/api/conventions/" + CONVENTION + "/dashboard";

        JsonNode live = json(path, Role.ORGANISER);
        JsonNode then = json(path + "?asOf=" + at(MID), Role.MONITOR);

        assertThat(then.path("conventionId").asText()).isEqualTo(CONVENTION);
        assertThat(then.path("invitationsSent").asInt()).isEqualTo(3);
        assertThat(then.path("votations")).hasSize(1);
        JsonNode votation = then.path("votations").path(0);
        assertThat(votation.path("status").asText()).isEqualTo("OPEN");
        assertThat(votation.path("paperVotes").asInt()).isEqualTo(11);
        assertThat(votation.path("onlineVotes").asInt()).isEqualTo(4);
        assertThat(votation.path("totalVotes").asInt()).isEqualTo(15);
        assertThat(votation.path("onlineBallots").asInt()).isEqualTo(3);
        assertThat(votation.path("desksTallied").asInt()).isEqualTo(1);
        assertThat(Instant.parse(then.path("asOf").asText())).isEqualTo(MID);
        assertThat(then.path("asOfPosition").isNull()).isTrue();
        assertThat(then.path("lastPosition").asLong()).isPositive();
        assertThat(then.path("eventsApplied").asInt()).isEqualTo(10);

        JsonNode finalFigures = live.path("votations").path(0);
        assertThat(finalFigures.path("status").asText()).isEqualTo("CLOSED");
        assertThat(finalFigures.path("totalVotes").asInt()).isEqualTo(29);
        assertThat(live.has("asOf")).as("the live dashboard is unchanged").isFalse();
        assertThat(live.has("lastPosition")).isFalse();
        ObjectNode withoutReplay = then.deepCopy();
        List.of("asOf", "asOfPosition", "lastPosition", "eventsRead", "eventsApplied")
                .forEach(withoutReplay::remove);
        assertThat(withoutReplay.size()).isEqualTo(live.size());
        assertThat(withoutReplay).isNotEqualTo(live);

        JsonNode end = json(path + "?asOf=" + at(Instant.now()), Role.GARANT);
        List.of("asOf", "asOfPosition", "lastPosition", "eventsRead", "eventsApplied")
                .forEach(((ObjectNode) end)::remove);
        assertThat(end).as("as of now: the live figures").isEqualTo(live);
    }

    @Test
    void theRankingAtTheMidInstantShowsTheHandCountNotTheFinalOne() throws Exception {
        awaitProjected();
        String path = "/api/votations/" + VOTATION + "/ranking";

        JsonNode then = json(path + "?asOf=" + at(MID), Role.GARANT);
        JsonNode live = json(path, null);

        assertThat(then.path("status").asText()).isEqualTo("OPEN");
        assertThat(then.path("totalVotes").asInt()).isEqualTo(15);
        assertThat(then.path("paperVotes").asInt()).isEqualTo(11);
        assertThat(then.path("onlineVotes").asInt()).isEqualTo(4);
        assertThat(then.path("entries").findValuesAsText("actionNumber")).containsExactly("2", "1");
        assertThat(then.path("entries").findValuesAsText("totalVotes")).containsExactly("9", "6");
        assertThat(live.path("totalVotes").asInt()).isEqualTo(29);
        assertThat(live.path("entries").findValuesAsText("actionNumber")).containsExactly("1", "2");
        assertThat(live.path("entries").findValuesAsText("totalVotes")).containsExactly("17", "12");

        // the same instant with an offset; the position it reached; and per transition
        String paris = URLEncoder.encode(MID.atOffset(ZoneOffset.ofHours(2)).toString(), StandardCharsets.UTF_8);
        assertThat(json(path + "?asOf=" + paris, Role.GARANT).path("entries")).isEqualTo(then.path("entries"));
        JsonNode byPosition =
                json(path + "?asOfPosition=" + then.path("lastPosition").asLong(), Role.GARANT);
        assertThat(byPosition.path("entries")).isEqualTo(then.path("entries"));
        assertThat(byPosition.path("asOf").isNull()).isTrue();
        assertThat(byPosition.path("asOfPosition").asLong())
                .isEqualTo(then.path("lastPosition").asLong());
        JsonNode social = json(path + "?asOf=" + at(MID) + "&transition=SOCIAL", Role.GARANT);
        assertThat(social.path("transition").asText()).isEqualTo("SOCIAL");
        assertThat(social.path("totalVotes").asInt()).isEqualTo(6);
        JsonNode both = json(
                path + "?asOf=" + at(MID) + "&asOfPosition="
                        + (then.path("lastPosition").asLong() - 1),
                Role.GARANT);
        assertThat(both.path("totalVotes").asInt()).as("without the first desk").isEqualTo(4);
    }

    @Test
    void badBoundsAreProblemsNamingTheParameter() throws Exception {
        awaitProjected();
        Map<String, String> bad = Map.of(
                "/api/conventions/" + CONVENTION + "/dashboard?asOf=yesterday", "asOf",
                "/api/conventions/" + CONVENTION + "/dashboard?asOf=2022-06-10", "asOf",
                "/api/conventions/" + CONVENTION + "/dashboard?asOfPosition=-3", "asOfPosition",
                "/api/votations/" + VOTATION + "/ranking?asOf=", "asOf",
                "/api/votations/" + VOTATION + "/ranking?asOf=" + at(MID) + "&asOfPosition=last", "asOfPosition");
        for (Map.Entry<String, String> entry : bad.entrySet()) {
            HttpResponse<String> response = get(entry.getKey(), Role.GARANT);
            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.path("code").asText()).isEqualTo("invalid-" + entry.getValue());
            assertThat(problem.path("parameter").asText()).isEqualTo(entry.getValue());
            assertThat(problem.path("detail").asText()).contains("'" + entry.getValue() + "'");
        }
        Map<String, String> unknown = Map.of(
                "/api/conventions/nowhere/dashboard?asOf=" + at(MID),
                "unknown-convention",
                "/api/votations/nowhere/ranking?asOf=" + at(MID),
                "unknown-votation",
                "/api/votations/nowhere/ranking?asOfPosition=3",
                "unknown-votation",
                "/api/conventions/" + CONVENTION + "/dashboard?asOf=" + at(BASE.minusSeconds(1)),
                "unknown-convention",
                "/api/votations/" + VOTATION + "/ranking?asOf=" + at(BASE.plusSeconds(60)),
                "unknown-votation");
        for (Map.Entry<String, String> entry : unknown.entrySet()) {
            HttpResponse<String> response = get(entry.getKey(), Role.GARANT);
            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(404);
            assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo(entry.getValue());
        }
    }

    @Test
    void accessIsTheLiveEndpointsAndFinerRankingsAreForTheOversight() throws Exception {
        awaitProjected();
        String dashboard = "/api/conventions/" + CONVENTION + "/dashboard?asOf=" + at(MID);
        assertThat(get(dashboard, null).statusCode()).isEqualTo(401);
        assertThat(get(dashboard, Role.VOTER).statusCode()).isEqualTo(403);
        assertThat(get(dashboard, Role.ORGANISER).statusCode()).isEqualTo(200);

        // a closed votation's ranking is public, but as of an arbitrary instant only for the oversight
        String closed = "/api/votations/" + VOTATION + "/ranking?asOf=" + at(MID);
        HttpResponse<String> publicAsOf = get(closed, null);
        assertThat(publicAsOf.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(publicAsOf.body()).path("rule").asText()).isEqualTo("published-checkpoints-only");
        assertThat(get(closed, Role.VOTER).statusCode()).isEqualTo(403);
        assertThat(get(closed, Role.ORGANISER).statusCode()).isEqualTo(403);
        assertThat(get(closed, Role.GARANT).statusCode()).isEqualTo(200);
        assertThat(get(closed, Role.MONITOR).statusCode()).isEqualTo(200);
        String open = "/api/votations/" + STILL_OPEN + "/ranking?asOf=" + at(Instant.now());
        HttpResponse<String> anonymous = get(open, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(anonymous.body()).path("code").asText()).isEqualTo("unauthenticated");
        assertThat(get(open, Role.VOTER).statusCode()).isEqualTo(403);
        assertThat(get(open, Role.MONITOR).statusCode()).isEqualTo(200);
        assertThat(get(open, Role.GARANT).statusCode()).isEqualTo(200);
        assertThat(get("/api/votations/" + STILL_OPEN + "/ranking?asOfPosition=1000000", null)
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void theOpenApiDocumentListsTheParameters() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = JSON.readTree(docs.body()).path("paths");
        assertThat(paths.path("/api/conventions/{conventionId}/dashboard").toString())
                .contains("asOf");
        assertThat(paths.path("/api/votations/{votationId}/ranking").toString()).contains("asOfPosition");
        assertThat(paths.path("/api/votations/{votationId}/ranking").path("get").path("parameters"))
                .as("optional: without them the live ranking answers")
                .allSatisfy(p -> assertThat(p.path("required").asBoolean())
                        .isEqualTo("votationId".equals(p.path("name").asText())));
        assertThat(paths.has("/api/conventions/{conventionId}/evaluation")).isTrue();
    }
}
