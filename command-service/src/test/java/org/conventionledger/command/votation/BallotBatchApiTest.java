package org.conventionledger.command.votation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.command.platform.ApiClient.json;
import static org.conventionledger.command.platform.ApiClient.problem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.conventionledger.command.platform.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * {@code POST /api/votations/{id}/ballots:batch} on the embedded store: each ballot of a batch answered on
 * its own, with the rules of its single endpoint; one ballot per voter across the single endpoints, the
 * batches and the command bus, racing requests included; roles; a malformed batch refused whole as
 * problem+json, writing nothing.
 */
@SpringBootTest(properties = "ledger.security.mode=oidc")
@AutoConfigureMockMvc
@DirtiesContext
class BallotBatchApiTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", dataDir::toString);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Object> ADULT = Map.of("birthDate", "1980-04-02", "resident", true);
    private static final Map<String, Object> CHILD = Map.of("birthDate", "2015-06-01", "resident", true);

    @MockitoBean
    JwtDecoder jwtDecoder;

    @Autowired
    MockMvc http;

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    VoterPseudonyms pseudonyms;

    @Autowired
    CommandGateway commandGateway;

    private ApiClient api;
    private String votationId;

    @BeforeEach
    void openVotation() throws Exception {
        api = ApiClient.withRoleTokens(http, jwtDecoder);
        String conventionId = UUID.randomUUID().toString();
        List<String> actionIds = VotationSetup.finalisedActions(jdbc, conventionId, 4);
        Map<String, Object> body = VotationSetup.openSinceYesterday(actionIds);
        body.put("ballotRule", "UP_TO_N");
        body.put("maxChoices", 2);
        votationId = api.created(
                "ORGANISER",
                "/api/conventions/" + conventionId + "/votations",
                JSON.writeValueAsString(body),
                "votationId");
        api.post("ORGANISER", "/api/votations/" + votationId + "/open", "{}").andExpect(status().isOk());
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private String path(String endpoint) {
        return "/api/votations/" + votationId + endpoint;
    }

    private static Map<String, Object> online(String voterRef, Map<String, Object> facts, Integer... choices) {
        Map<String, Object> ballot = new HashMap<>();
        ballot.put("voterRef", voterRef);
        ballot.put("choices", List.of(choices));
        ballot.put("voterFacts", facts);
        return ballot;
    }

    private static Map<String, Object> paper(String deskId, String voterRef, Integer... choices) {
        Map<String, Object> ballot = new HashMap<>();
        ballot.put("deskId", deskId);
        ballot.put("voterRef", voterRef);
        ballot.put("voterFacts", ADULT);
        if (choices.length > 0) {
            ballot.put("choices", List.of(choices));
        }
        return ballot;
    }

    private ResultActions batch(String role, List<Map<String, Object>> ballots) throws Exception {
        return api.post(role, path("/ballots:batch"), JSON.writeValueAsString(Map.of("ballots", ballots)));
    }

    /** The per-ballot results of an answered batch. */
    private JsonNode results(String role, List<Map<String, Object>> ballots) throws Exception {
        JsonNode body = json(batch(role, ballots).andExpect(status().isOk()));
        assertThat(body.path("results")).hasSize(ballots.size());
        return body.path("results");
    }

    private static String outcome(JsonNode result) {
        return result.path("status").asInt() == 201
                ? "201"
                : result.path("status").asInt() + " " + result.path("code").asText();
    }

    private long ballots() {
        Long count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier LIKE 'ballot-%'", Long.class);
        return count == null ? 0 : count;
    }

    private long events() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        return count == null ? 0 : count;
    }

    /** The events on this voter's ballot stream: one once they voted, however many times they tried. */
    private long eventsOnBallotOf(String voterRef) {
        Long count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ?", Long.class, streamOf(voterRef));
        return count == null ? 0 : count;
    }

    private String streamOf(String voterRef) {
        return "ballot-" + pseudonyms.pseudonym(votationId, VoterReference.of(voterRef));
    }

    // ---- each ballot answered on its own ---------------------------------------------------------

    @Test
    void eachBallotOfABatchIsAnsweredOnItsOwnAndOnlyTheAcceptedOnesAreWritten() throws Exception {
        long before = ballots();
        JsonNode results = results(
                "PLATFORM",
                List.of(
                        online("R-1", ADULT, 1),
                        online("R-2", ADULT, 9),
                        online("r-1", ADULT, 2),
                        online("R-3", ADULT, 1, 2, 3),
                        online("R-4", CHILD, 1),
                        online(" ", ADULT, 1),
                        online("R-5", null, 1),
                        online("R-6", ADULT, 1, 1),
                        online("R-7", ADULT, 4, 2)));

        assertThat(results)
                .extracting(BallotBatchApiTest::outcome)
                .containsExactly(
                        "201",
                        "422 not-on-ballot",
                        "409 already-voted",
                        "422 too-many-choices",
                        "422 voter-not-eligible",
                        "422 voter-ref-required",
                        "422 eligibility-facts-required",
                        "422 duplicate-choice",
                        "201");
        assertThat(results.get(0).path("ballotId").asText()).isEqualTo(streamOf("R-1"));
        assertThat(results.get(1).path("detail").asText()).contains("9");
        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i).path("index").asInt()).isEqualTo(i);
        }
        assertThat(ballots() - before).isEqualTo(2);
        DomainEventMessage<?> recorded = eventStore.readEvents(streamOf("R-7")).next();
        // the channel and the ledger's signature of the event (docs/sealing.md), nothing of the voter
        assertThat(recorded.getMetaData())
                .containsOnlyKeys("actorId", "actorRole", "correlationId", "traceId", "ledgerKeyId", "ledgerSignature")
                .containsEntry("actorId", "platform");
    }

    @Test
    void aDeskKeysInCheckOffsAndPaperBallotsAndTheChannelsStayApart() throws Exception {
        JsonNode desk =
                results("ORGANISER", List.of(paper("D-1", "P-1"), paper("D-1", "P-2", 3), online("P-3", ADULT, 1)));
        assertThat(desk).extracting(BallotBatchApiTest::outcome).containsExactly("201", "201", "422 desk-required");
        assertThat(desk.get(0).path("recorded").asText()).isEqualTo("CHECKED_OFF");
        assertThat(desk.get(1).path("recorded").asText()).isEqualTo("RECORDED");
        assertThat(eventStore.readEvents(streamOf("P-2")).next().getMetaData()).containsEntry("actorId", "desk:D-1");
        // the register learnt the desk's paper ballot in the same transaction: it can no longer enter a tally
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM register_paper_ballot WHERE votation_id = ?", Long.class, votationId))
                .isEqualTo(1);

        JsonNode platform = results("PLATFORM", List.of(paper("D-1", "P-4", 1), online("P-1", ADULT, 1)));
        assertThat(platform)
                .extracting(BallotBatchApiTest::outcome)
                .containsExactly("422 desk-not-allowed", "409 already-voted");
    }

    // ---- one ballot per voter, every path --------------------------------------------------------

    @Test
    void aVoterWhoVotedThroughAnyPathIsRefusedThroughAnyOther() throws Exception {
        String single = path("/ballots");
        api.post("PLATFORM", single, JSON.writeValueAsString(online("S-1", ADULT, 1)))
                .andExpect(status().isCreated());
        api.post("ORGANISER", path("/paper-voters"), JSON.writeValueAsString(paper("D-2", "S-2")))
                .andExpect(status().isCreated());
        // a ballot written through the command bus and the voter's stream aggregate, not through the intake
        String pseudonym = pseudonyms.pseudonym(votationId, VoterReference.of("S-3"));
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken("platform", "", "ROLE_PLATFORM"));
        try {
            commandGateway.sendAndWait(new CastOnlineBallot(
                    "ballot-" + pseudonym,
                    votationId,
                    pseudonym,
                    List.of(2),
                    new VoterFacts(java.time.LocalDate.parse("1980-04-02"), null, true, null)));
        } finally {
            SecurityContextHolder.clearContext();
        }

        JsonNode results = results(
                "PLATFORM",
                List.of(
                        online("s-1", ADULT, 2),
                        online("S-2", ADULT, 2),
                        online("  S-3 ", ADULT, 1),
                        online("S-4", ADULT, 1)));
        assertThat(results)
                .extracting(BallotBatchApiTest::outcome)
                .containsExactly("409 already-voted", "409 already-voted", "409 already-voted", "201");

        api.post("PLATFORM", single, JSON.writeValueAsString(online("S-4", ADULT, 3)))
                .andExpect(problem(409, "already-voted"));
        api.post("ORGANISER", path("/paper-voters"), JSON.writeValueAsString(paper("D-2", "S-4")))
                .andExpect(problem(409, "already-voted"));
        for (String voter : List.of("S-1", "S-2", "S-3", "S-4")) {
            assertThat(eventsOnBallotOf(voter)).as(voter).isEqualTo(1);
        }
    }

    /** The same voters sent at once through single requests and batches: each is recorded once. */
    @Test
    void racingSingleAndBatchedBallotsOfTheSameVotersAreRecordedOnce() throws Exception {
        List<String> voters = new ArrayList<>();
        for (int v = 0; v < 40; v++) {
            voters.add("RACE-" + v);
        }
        List<Callable<List<Integer>>> senders = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            List<String> shuffled = new ArrayList<>(voters);
            Collections.shuffle(shuffled);
            senders.add(() -> {
                List<Map<String, Object>> ballots =
                        shuffled.stream().map(v -> online(v, ADULT, 1)).toList();
                List<Integer> statuses = new ArrayList<>();
                results("PLATFORM", ballots)
                        .forEach(r -> statuses.add(r.path("status").asInt()));
                return statuses;
            });
            senders.add(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (String voter : shuffled) {
                    String body = JSON.writeValueAsString(online(voter, ADULT, 2));
                    statuses.add(api.post("PLATFORM", path("/ballots"), body)
                            .andReturn()
                            .getResponse()
                            .getStatus());
                }
                return statuses;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(senders.size());
        List<Integer> statuses = new ArrayList<>();
        try {
            for (Future<List<Integer>> sent : pool.invokeAll(senders)) {
                statuses.addAll(sent.get());
            }
        } finally {
            pool.shutdown();
        }
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(voters.size());
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(7 * voters.size());
        for (String voter : voters) {
            assertThat(eventsOnBallotOf(voter)).as(voter).isEqualTo(1);
        }
    }

    // ---- who may send a batch, and what a batch is -----------------------------------------------

    @Test
    void onlyThePlatformAndTheDesksSendBatches() throws Exception {
        List<Map<String, Object>> one = List.of(online("X-1", ADULT, 1));
        batch("VOTER", one).andExpect(problem(403, "forbidden"));
        batch("GARANT", one).andExpect(problem(403, "forbidden"));
        api.post(null, path("/ballots:batch"), JSON.writeValueAsString(Map.of("ballots", one)))
                .andExpect(problem(401, "unauthenticated"));
        assertThat(eventsOnBallotOf("X-1")).isZero();
    }

    @Test
    void aMalformedBatchIsRefusedWholeAsProblemJsonAndWritesNothing() throws Exception {
        long before = events();
        String endpoint = path("/ballots:batch");
        api.post("PLATFORM", endpoint, "{\"ballots\": [").andExpect(problem(400, "malformed-request"));
        api.post("PLATFORM", endpoint, "[{\"voterRef\":\"M-1\",\"choices\":[1]}]")
                .andExpect(problem(400, "malformed-request"));
        api.post("PLATFORM", endpoint, "{}").andExpect(problem(400, "invalid-fields"));
        api.post("PLATFORM", endpoint, "{\"ballots\":[]}").andExpect(problem(400, "invalid-fields"));
        api.post("PLATFORM", endpoint, "{\"ballots\":[null]}").andExpect(problem(400, "invalid-fields"));
        api.post("PLATFORM", endpoint, "{\"ballots\":[{\"voterRef\":\"M-1\",\"choices\":[1],\"voter\":\"x\"}]}")
                .andExpect(problem(400, "malformed-request"));
        api.post("PLATFORM", endpoint, "{\"ballots\":[{\"voterRef\":\"M-1\",\"choices\":\"one\"}]}")
                .andExpect(problem(400, "malformed-request"));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i <= BallotBatchController.MAX_BATCH; i++) {
            tooMany.add(online("M-" + i, ADULT, 1));
        }
        batch("PLATFORM", tooMany).andExpect(problem(400, "invalid-fields"));
        // the whole body is bounded before it is parsed
        String huge = "{\"ballots\":[{\"voterRef\":\"" + "x".repeat(3 * 1024 * 1024) + "\",\"choices\":[1]}]}";
        api.perform(
                        "PLATFORM",
                        MockMvcRequestBuilders.post(endpoint)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(huge))
                .andExpect(problem(413, "body-too-large"));
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aBallotsOwnFieldsOutOfBoundsRefuseThatBallotOnly() throws Exception {
        Map<String, Object> longDesk = paper("D".repeat(65), "F-1");
        Map<String, Object> nullChoice = online("F-2", ADULT, 1);
        nullChoice.put("choices", java.util.Arrays.asList(1, null));
        JsonNode results = results("ORGANISER", List.of(longDesk, paper("D-3", "F-3")));
        assertThat(results).extracting(BallotBatchApiTest::outcome).containsExactly("422 invalid-fields", "201");
        assertThat(results.get(0).path("detail").asText()).contains("deskId");
        assertThat(results("PLATFORM", List.of(nullChoice)))
                .extracting(BallotBatchApiTest::outcome)
                .containsExactly("422 invalid-fields");
    }

    @Test
    void theBenchmarksHttpCeilingIsOffByDefault() throws Exception {
        long before = events();
        api.post("PLATFORM", path("/ballots:http-ceiling"), "{\"voterRef\":\"C-1\",\"choices\":[1]}")
                .andExpect(status().isNotFound());
        assertThat(events()).isEqualTo(before);
    }
}
