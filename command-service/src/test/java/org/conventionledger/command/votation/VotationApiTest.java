package org.conventionledger.command.votation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.command.platform.ApiClient.json;
import static org.conventionledger.command.platform.ApiClient.problem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.conventionledger.command.platform.ApiClient;
import org.conventionledger.command.platform.WriteApiTest;
import org.conventionledger.events.votation.BallotOrder;
import org.conventionledger.events.votation.BallotRule;
import org.conventionledger.events.votation.PaperTallyRecorded;
import org.conventionledger.events.votation.VotationOpened;
import org.conventionledger.events.votation.VotationScheduled;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The votation rules over HTTP, on the embedded event store and the real registers: every broken rule
 * is answered with {@code application/problem+json} and leaves the log as it was. The finalised actions
 * are put straight into the deliberation register (the deliberation has its own tests). A bearer token
 * here reads {@code ROLE[.subject]}; some voters' tokens carry attested claims.
 */
class VotationApiTest extends WriteApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** An adult resident, as the voting platform attests. */
    private static final Map<String, Object> ADULT = Map.of("birthDate", "1980-04-02", "resident", true);

    private static final Map<String, Map<String, Object>> CLAIMS = Map.of(
            "alice", Map.of("birthdate", "1990-01-01", "resident", true),
            "kid", Map.of("birthdate", "2015-06-01", "resident", true));

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    VoterPseudonyms pseudonyms;

    private String conventionId;
    private List<String> actionIds;

    @BeforeEach
    void tokensAndFinalActions() {
        api = ApiClient.withRoleTokens(http, jwtDecoder, CLAIMS);
        conventionId = UUID.randomUUID().toString();
        actionIds = VotationSetup.finalisedActions(jdbc, conventionId, 4);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private ResultActions send(String token, String path, Object body) throws Exception {
        return api.post(token, path, JSON.writeValueAsString(body));
    }

    private JsonNode ok(ResultActions result) throws Exception {
        return json(result.andExpect(status().is2xxSuccessful()));
    }

    private long events() {
        Long count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM DomainEventEntry WHERE type IS NULL OR type <> 'Keyring'", Long.class);
        return count == null ? 0 : count;
    }

    /** The request is refused with this status and code as problem+json, and nothing is appended. */
    private void refused(String token, String path, Object body, int status, String code) throws Exception {
        long before = events();
        send(token, path, body).andExpect(problem(status, code));
        assertThat(events()).as("events after a refused " + path).isEqualTo(before);
    }

    private Map<String, Object> votation(Instant opensAt, Instant closesAt, Map<String, Object> rules) {
        Map<String, Object> body = new HashMap<>(rules);
        body.put("title", "Votation");
        body.put("opensAt", opensAt.toString());
        body.put("closesAt", closesAt.toString());
        body.put("actionIds", actionIds);
        return body;
    }

    /** Scheduled for yesterday to tomorrow under these rules, and opened. */
    private String openVotation(Map<String, Object> rules) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String votationId = ok(send(
                        "ORGANISER",
                        "/api/conventions/" + conventionId + "/votations",
                        votation(now.minus(1, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS), rules)))
                .path("votationId")
                .asText();
        ok(send("ORGANISER", "/api/votations/" + votationId + "/open", Map.of()));
        return votationId;
    }

    /** A desk's paper count, counted on the evening of the vote. */
    private static Map<String, Object> tally(String deskId, String deskName, List<Map<String, Integer>> votes) {
        return Map.of("deskId", deskId, "deskName", deskName, "countedAt", "2025-09-21T20:30:00Z", "votes", votes);
    }

    private static Map<String, Object> ballot(String voterRef, Map<String, Object> facts, Integer... choices) {
        Map<String, Object> body = new HashMap<>();
        body.put("voterRef", voterRef);
        body.put("choices", List.of(choices));
        if (facts != null) {
            body.put("voterFacts", facts);
        }
        return body;
    }

    private List<Object> stream(String aggregateId) {
        List<Object> payloads = new ArrayList<>();
        eventStore.readEvents(aggregateId).forEachRemaining(e -> payloads.add(e.getPayload()));
        return payloads;
    }

    // ---- rules and seed in the log ---------------------------------------------------------------

    @Test
    void theRulesAndTheDisplaySeedAreLogged() throws Exception {
        String votationId = ok(send(
                        "ORGANISER",
                        "/api/conventions/" + conventionId + "/votations",
                        votation(
                                Instant.parse("2025-09-01T06:00:00Z"),
                                Instant.parse("2025-09-21T18:00:00Z"),
                                Map.of(
                                        "ballotRule",
                                        "UP_TO_N",
                                        "maxChoices",
                                        2,
                                        "resultsVisibleWhileOpen",
                                        true,
                                        "eligibility",
                                        Map.of("nationalities", List.of("fr"))))))
                .path("votationId")
                .asText();
        ok(send("ORGANISER", "/api/votations/" + votationId + "/open", Map.of("displaySeed", "dice: 3 1 4 1 5 9")));

        List<Object> log = stream(votationId);
        VotationScheduled scheduled = (VotationScheduled) log.get(0);
        assertThat(scheduled.rules().ballotRule()).isEqualTo(BallotRule.UP_TO_N);
        assertThat(scheduled.rules().maxChoices()).isEqualTo(2);
        assertThat(scheduled.rules().resultsVisibleWhileOpen()).isTrue();
        assertThat(scheduled.rules().eligibility().minimumAge()).isEqualTo(16);
        assertThat(scheduled.rules().eligibility().ageOn()).hasToString("2025-09-21");
        assertThat(scheduled.rules().eligibility().residenceRequired()).isTrue();
        assertThat(scheduled.rules().eligibility().nationalities()).containsExactly("FR");
        assertThat(((VotationOpened) log.get(1)).displaySeed()).isEqualTo("dice: 3 1 4 1 5 9");

        refused(
                "ORGANISER",
                "/api/conventions/" + conventionId + "/votations",
                votation(Instant.now(), Instant.now().plusSeconds(60), Map.of("ballotRule", "SINGLE", "maxChoices", 2)),
                422,
                "invalid-ballot-rule");
        refused(
                "ORGANISER",
                "/api/conventions/" + conventionId + "/votations",
                votation(Instant.now(), Instant.now().plusSeconds(60), Map.of("ballotRule", "SOME")),
                400,
                "malformed-request");
    }

    @Test
    void aSeedIsDrawnAtOpeningWhenNoneIsGiven() throws Exception {
        String votationId = openVotation(Map.of());
        assertThat(((VotationOpened) stream(votationId).get(1)).displaySeed()).matches("[0-9a-f]{64}");
    }

    // ---- online ballots --------------------------------------------------------------------------

    @Test
    void everyBallotRuleIsAnsweredWithAProblemAndWritesNothing() throws Exception {
        String votationId = openVotation(Map.of("ballotRule", "UP_TO_N", "maxChoices", 2));
        String ballots = "/api/votations/" + votationId + "/ballots";

        assertThat(ok(send("PLATFORM", ballots, ballot("v-1", ADULT, 1, 3)))
                        .path("ballotId")
                        .asText())
                .startsWith("ballot-");
        refused("PLATFORM", ballots, ballot("v-1", ADULT, 2), 409, "already-voted");
        refused("PLATFORM", ballots, ballot("v-2", ADULT, 1, 2, 3), 422, "too-many-choices");
        refused("PLATFORM", ballots, ballot("v-2", ADULT, 1, 1), 422, "duplicate-choice");
        refused("PLATFORM", ballots, ballot("v-2", ADULT, 9), 422, "not-on-ballot");
        refused(
                "PLATFORM",
                ballots,
                ballot("v-2", Map.of("birthDate", "2015-01-01", "resident", true), 1),
                422,
                "voter-not-eligible");
        refused(
                "PLATFORM",
                ballots,
                ballot("v-2", Map.of("ageAtClosing", 40, "resident", false), 1),
                422,
                "voter-not-eligible");
        refused("PLATFORM", ballots, ballot("v-2", null, 1), 422, "eligibility-facts-required");
        refused("PLATFORM", ballots, ballot("v-2", Map.of("resident", true), 1), 422, "eligibility-facts-required");
        refused("PLATFORM", ballots, ballot(null, ADULT, 1), 422, "voter-ref-required");
        refused("PLATFORM", ballots, Map.of("voterRef", "v-2", "choices", List.of()), 400, "invalid-fields");
        refused("PLATFORM", "/api/votations/nope/ballots", ballot("v-2", ADULT, 1), 404, "unknown-votation");

        // a voter signing in themselves: the facts are the identity provider's claims, not the request's
        ok(send("VOTER.alice", ballots, Map.of("choices", List.of(2))));
        refused("VOTER.kid", ballots, Map.of("choices", List.of(2)), 422, "voter-not-eligible");
        refused("VOTER.nobody", ballots, Map.of("choices", List.of(2)), 422, "eligibility-facts-required");
        refused(
                "VOTER.nobody",
                ballots,
                Map.of("choices", List.of(2), "voterFacts", ADULT),
                422,
                "voter-facts-not-allowed");

        ok(send("ORGANISER", "/api/votations/" + votationId + "/close", Map.of()));
        refused("PLATFORM", ballots, ballot("v-3", ADULT, 1), 409, "votation-not-open");
    }

    @Test
    void aBallotOutsideTheScheduledPeriodIsRefusedEvenWhileOpen() throws Exception {
        Instant now = Instant.now();
        String late = ok(send(
                        "ORGANISER",
                        "/api/conventions/" + conventionId + "/votations",
                        votation(now.minus(2, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS), Map.of())))
                .path("votationId")
                .asText();
        ok(send("ORGANISER", "/api/votations/" + late + "/open", Map.of()));
        refused("PLATFORM", "/api/votations/" + late + "/ballots", ballot("v-1", ADULT, 1), 409, "votation-closed");

        String early = ok(send(
                        "ORGANISER",
                        "/api/conventions/" + conventionId + "/votations",
                        votation(now.plus(1, ChronoUnit.DAYS), now.plus(2, ChronoUnit.DAYS), Map.of())))
                .path("votationId")
                .asText();
        refused("PLATFORM", "/api/votations/" + early + "/ballots", ballot("v-1", ADULT, 1), 409, "votation-not-open");
        ok(send("ORGANISER", "/api/votations/" + early + "/open", Map.of()));
        refused("PLATFORM", "/api/votations/" + early + "/ballots", ballot("v-1", ADULT, 1), 409, "votation-not-open");
    }

    @Test
    void racingBallotsOfOneVoterGiveOneBallot() throws Exception {
        String votationId = openVotation(Map.of("ballotRule", "SINGLE"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<JsonNode>> racing = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int choice = 1 + i % 4;
                racing.add(pool.submit(() -> {
                    var response = send(
                                    "PLATFORM",
                                    "/api/votations/" + votationId + "/ballots",
                                    ballot("racer", ADULT, choice))
                            .andReturn()
                            .getResponse();
                    JsonNode body = JSON.readTree(response.getContentAsString());
                    return JSON.createObjectNode()
                            .put("status", response.getStatus())
                            .put("code", body.path("code").asText());
                }));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<JsonNode> f : racing) {
                outcomes.add(f.get().path("status").asInt() + " "
                        + f.get().path("code").asText());
            }
            assertThat(outcomes).filteredOn(o -> o.startsWith("201")).hasSize(1);
            assertThat(outcomes).filteredOn(o -> !o.startsWith("201")).containsOnly("409 already-voted");
        } finally {
            pool.shutdown();
        }
        assertThat(stream("ballot-" + pseudonyms.pseudonym(votationId, VoterReference.of("racer"))))
                .hasSize(1);
    }

    // ---- display order ---------------------------------------------------------------------------

    @Test
    void eachVoterSeesTheActionsInTheOrderTheLoggedSeedGivesThem() throws Exception {
        Instant now = Instant.now();
        String votationId = ok(send(
                        "ORGANISER",
                        "/api/conventions/" + conventionId + "/votations",
                        votation(now.minusSeconds(60), now.plusSeconds(3600), Map.of())))
                .path("votationId")
                .asText();
        String order = "/api/votations/" + votationId + "/ballot-order";
        long before = events();
        api.get("VOTER.alice", order)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("votation-not-open"));
        ok(send("ORGANISER", "/api/votations/" + votationId + "/open", Map.of()));
        String seed = ((VotationOpened) stream(votationId).get(1)).displaySeed();

        List<Integer> expected =
                BallotOrder.of(seed, pseudonyms.pseudonym(votationId, VoterReference.of("alice")), List.of(1, 2, 3, 4));
        for (int look = 0; look < 2; look++) {
            JsonNode shown = json(api.get("VOTER.alice", order).andExpect(status().isOk()));
            assertThat(JSON.convertValue(shown.path("actionNumbers"), List.class))
                    .isEqualTo(expected);
        }
        JsonNode relayed = json(api.get("PLATFORM", order + "?voterRef=alice").andExpect(status().isOk()));
        assertThat(JSON.convertValue(relayed.path("actionNumbers"), List.class)).isEqualTo(expected);
        api.get("PLATFORM", order)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("voter-ref-required"));
        api.get("ORGANISER", order).andExpect(status().isForbidden());
        assertThat(events()).isEqualTo(before + 1);
    }

    // ---- paper -----------------------------------------------------------------------------------

    @Test
    void aPaperCountCountsOnlyOnceASecondOrganiserEnteredTheSameFigures() throws Exception {
        String votationId = openVotation(Map.of());
        String tallies = "/api/votations/" + votationId + "/paper-tallies";
        Map<String, Object> count = tally(
                "DESK-1",
                "Market",
                List.of(Map.of("actionNumber", 1, "votes", 120), Map.of("actionNumber", 2, "votes", 7)));
        List<Map<String, Integer>> same =
                List.of(Map.of("actionNumber", 2, "votes", 7), Map.of("actionNumber", 1, "votes", 120));
        List<Map<String, Integer>> other =
                List.of(Map.of("actionNumber", 1, "votes", 120), Map.of("actionNumber", 2, "votes", 8));

        JsonNode first = ok(send("ORGANISER.ann", tallies, count));
        assertThat(first.path("status").asText()).isEqualTo("ENTERED");
        refused("ORGANISER.ben", tallies, count, 409, "desk-already-tallied");
        refused("ORGANISER.ann", tallies + "/DESK-1/confirmation", Map.of("votes", same), 409, "same-organiser");
        refused("ORGANISER.ann", "/api/votations/" + votationId + "/close", Map.of(), 409, "paper-tallies-unconfirmed");
        refused("ORGANISER.ben", tallies + "/DESK-9/confirmation", Map.of("votes", same), 404, "desk-not-tallied");

        // a mismatch is recorded (both entries stay) and answered as a conflict; the desk is then blocked
        long before = events();
        send("ORGANISER.ben", tallies + "/DESK-1/confirmation", Map.of("votes", other))
                .andExpect(problem(409, "paper-tally-mismatch"))
                .andExpect(jsonPath("$.differingActions[0]").value(2));
        assertThat(events()).isEqualTo(before + 1);
        refused("ORGANISER.carl", tallies + "/DESK-1/confirmation", Map.of("votes", same), 409, "paper-tally-blocked");
        refused("ORGANISER.ann", "/api/votations/" + votationId + "/close", Map.of(), 409, "paper-tallies-unconfirmed");
        refused(
                "ORGANISER.ben",
                tallies + "/DESK-1/corrections",
                Map.of("votes", other, "reason", " "),
                400,
                "invalid-fields");

        assertThat(ok(send(
                                "ORGANISER.ben",
                                tallies + "/DESK-1/corrections",
                                Map.of("votes", other, "reason", "Recounted: 8 for action 2")))
                        .path("status")
                        .asText())
                .isEqualTo("ENTERED");
        refused("ORGANISER.ben", tallies + "/DESK-1/confirmation", Map.of("votes", other), 409, "same-organiser");
        assertThat(ok(send("ORGANISER.ann", tallies + "/DESK-1/confirmation", Map.of("votes", other)))
                        .path("status")
                        .asText())
                .isEqualTo("CONFIRMED");
        refused(
                "ORGANISER.carl",
                tallies + "/DESK-1/corrections",
                Map.of("votes", same, "reason", "late"),
                409,
                "desk-already-confirmed");

        List<Object> desk = stream(PaperDesk.streamId(votationId, "DESK-1"));
        assertThat(desk)
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly(
                        "PaperTallyEntered",
                        "PaperTallyMismatched",
                        "PaperTallyCorrected",
                        "PaperTallyConfirmed",
                        "PaperTallyRecorded");
        assertThat(((PaperTallyRecorded) desk.get(4)).votes())
                .extracting(v -> v.votes())
                .containsExactly(120, 8);

        ok(send("ORGANISER.ann", "/api/votations/" + votationId + "/close", Map.of()));
        refused("ORGANISER.ann", tallies, tally("DESK-2", "Town hall", same), 409, "votation-not-open");
    }

    @Test
    void aVoterSigningInWithTheirTokenSubjectMeetsTheDeskAndThePlatformUnderAnySpelling() throws Exception {
        String votationId = openVotation(Map.of());
        String voters = "/api/votations/" + votationId + "/paper-voters";
        String ballots = "/api/votations/" + votationId + "/ballots";

        ok(send("VOTER.alice", ballots, Map.of("choices", List.of(2))));
        refused(
                "ORGANISER",
                voters,
                Map.of("deskId", "DESK-1", "voterRef", " ALICE ", "voterFacts", ADULT),
                409,
                "already-voted");
        refused("PLATFORM", ballots, ballot("Alice", ADULT, 1), 409, "already-voted");
    }

    @Test
    void aVoterCheckedOffAtADeskCannotVoteOnlineAndTheOtherWayRound() throws Exception {
        String votationId = openVotation(Map.of("ballotRule", "SINGLE"));
        String voters = "/api/votations/" + votationId + "/paper-voters";
        String ballots = "/api/votations/" + votationId + "/ballots";

        assertThat(ok(send("ORGANISER", voters, Map.of("deskId", "DESK-1", "voterRef", "v-paper", "voterFacts", ADULT)))
                        .path("status")
                        .asText())
                .isEqualTo("CHECKED_OFF");
        refused("PLATFORM", ballots, ballot("v-paper", ADULT, 1), 409, "already-voted");

        ok(send("PLATFORM", ballots, ballot("v-online", ADULT, 1)));
        refused(
                "ORGANISER",
                voters,
                Map.of("deskId", "DESK-1", "voterRef", "v-online", "voterFacts", ADULT),
                409,
                "already-voted");

        refused(
                "ORGANISER",
                voters,
                Map.of(
                        "deskId",
                        "DESK-1",
                        "voterRef",
                        "v-young",
                        "voterFacts",
                        Map.of("birthDate", "2012-01-01", "resident", true)),
                422,
                "voter-not-eligible");
        refused("ORGANISER", voters, Map.of("deskId", "DESK-1", "voterRef", "v-x"), 422, "eligibility-facts-required");
        refused(
                "PLATFORM",
                voters,
                Map.of("deskId", "DESK-1", "voterRef", "v-x", "voterFacts", ADULT),
                403,
                "forbidden");
    }

    @Test
    void aDeskRecordsEitherItsBallotsOneByOneOrATally() throws Exception {
        String votationId = openVotation(Map.of("eligibility", Map.of("minimumAge", 0, "residenceRequired", false)));
        String voters = "/api/votations/" + votationId + "/paper-voters";
        String tallies = "/api/votations/" + votationId + "/paper-tallies";

        assertThat(ok(send(
                                "ORGANISER",
                                voters,
                                Map.of("deskId", "IMPORT", "voterRef", "p-1", "choices", List.of(1, 2))))
                        .path("status")
                        .asText())
                .isEqualTo("RECORDED");
        refused(
                "ORGANISER",
                tallies,
                tally("IMPORT", "Import", List.of(Map.of("actionNumber", 1, "votes", 1))),
                409,
                "desk-has-paper-ballots");

        ok(send("ORGANISER", tallies, tally("DESK-1", "Market", List.of(Map.of("actionNumber", 1, "votes", 1)))));
        refused(
                "ORGANISER",
                voters,
                Map.of("deskId", "DESK-1", "voterRef", "p-2", "choices", List.of(1)),
                409,
                "desk-tallied");
        refused(
                "ORGANISER",
                voters,
                Map.of("deskId", "IMPORT", "voterRef", "p-1", "choices", List.of(3)),
                409,
                "already-voted");
    }
}
