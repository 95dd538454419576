package org.conventionledger.command.votation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.command.platform.ApiClient.json;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.conventionledger.command.platform.ApiClient;
import org.conventionledger.command.platform.WriteApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The benchmark's HTTP ceiling, enabled as the benchmark enables it: the callers a ballot endpoint takes
 * and no others, every malformed ballot refused with the real endpoint's status and code, nothing
 * appended, and one answer whatever the votation, the voter's eligibility or whether they voted (it must
 * not become an oracle). That it is off by default: {@code BallotBatchApiTest}.
 */
@SpringBootTest(
        properties = {
            "ledger.security.mode=oidc",
            "ledger.votation.claims.voter-ref=voter_ref",
            "ledger.benchmark.http-ceiling=true"
        })
class BallotHttpCeilingApiTest extends WriteApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;

    private String votationId;

    @BeforeEach
    void openVotation() throws Exception {
        api = ApiClient.withRoleTokens(
                http,
                jwtDecoder,
                Map.of("alice", Map.of("voter_ref", "Alice Martin", "birthdate", "1980-04-02", "resident", true)));
        String conventionId = UUID.randomUUID().toString();
        List<String> actionIds = VotationSetup.finalisedActions(jdbc, conventionId, 3);
        votationId = api.created(
                "ORGANISER",
                "/api/conventions/" + conventionId + "/votations",
                JSON.writeValueAsString(VotationSetup.openSinceYesterday(actionIds)),
                "votationId");
        api.post("ORGANISER", "/api/votations/" + votationId + "/open", "{}").andExpect(status().isOk());
    }

    private String ceiling(String votation) {
        return "/api/votations/" + votation + "/ballots:http-ceiling";
    }

    private String ballots() {
        return "/api/votations/" + votationId + "/ballots";
    }

    private long events() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        return count == null ? 0 : count;
    }

    /** Status and problem code of an answer, e.g. "422 voter-ref-required" or "200". */
    private static String outcome(MvcResult result) throws Exception {
        int status = result.getResponse().getStatus();
        if (status < 400) {
            return String.valueOf(status);
        }
        JsonNode body = JSON.readTree(result.getResponse().getContentAsString());
        return status + " " + body.path("code").asText();
    }

    private String send(String token, String path, String body) throws Exception {
        return outcome(api.perform(
                        token,
                        MockMvcRequestBuilders.post(path)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                .andReturn());
    }

    @Test
    void aWellFormedBallotIsParsedAndNothingIsAppended() throws Exception {
        long before = events();
        String ballot =
                "{\"voterRef\":\"R-1\",\"choices\":[1,2],\"voterFacts\":{\"ageAtClosing\":30,\"resident\":true}}";
        JsonNode answer = json(api.post("PLATFORM", ceiling(votationId), ballot).andExpect(status().isOk()));
        assertThat(answer).isEqualTo(JSON.readTree("{\"appended\":false}"));
        assertThat(send("VOTER.alice", ceiling(votationId), "{\"choices\":[3]}"))
                .isEqualTo("200");
        assertThat(events()).isEqualTo(before);
        // the real endpoint still takes the voter's first ballot: the ceiling recorded nothing about them
        assertThat(send("PLATFORM", ballots(), ballot)).isEqualTo("201");
    }

    @Test
    void onlyTheCallersOfTheBallotEndpointGetThrough() throws Exception {
        String ballot = "{\"voterRef\":\"R-2\",\"choices\":[1]}";
        assertThat(send(null, ceiling(votationId), ballot)).isEqualTo("401 unauthenticated");
        for (String role : List.of("ORGANISER", "GARANT", "OPERATOR")) {
            assertThat(send(role, ceiling(votationId), ballot)).as(role).isEqualTo(send(role, ballots(), ballot));
            assertThat(send(role, ceiling(votationId), ballot)).as(role).isEqualTo("403 forbidden");
        }
    }

    @Test
    void everyMalformedBallotIsRefusedAsTheRealEndpointRefusesIt() throws Exception {
        long before = events();
        String tooLongRef = "x".repeat(VoterReference.MAX_LENGTH + 1);
        List<String[]> requests = List.of(
                new String[] {"PLATFORM", "{\"voterRef\":\"R-3\",\"choices\":[]}"},
                new String[] {"PLATFORM", "{\"voterRef\":\"R-3\"}"},
                new String[] {"PLATFORM", "{\"voterRef\":\"R-3\",\"choices\":[1,null]}"},
                new String[] {"PLATFORM", "{\"voterRef\":\"R-3\",\"choices\":[\"one\"]}"},
                new String[] {"PLATFORM", "{\"voterRef\":\"R-3\",\"choices\":[1]"},
                new String[] {"PLATFORM", "not json"},
                new String[] {"PLATFORM", "{\"choices\":[1]}"},
                new String[] {"PLATFORM", "{\"voterRef\":\"\\u200B \",\"choices\":[1]}"},
                new String[] {"PLATFORM", "{\"voterRef\":\"" + tooLongRef + "\",\"choices\":[1]}"},
                new String[] {"PLATFORM", "{\"voterRef\":\"a\\u0007b\",\"choices\":[1]}"},
                new String[] {"VOTER.alice", "{\"voterRef\":\"Bob\",\"choices\":[1]}"},
                new String[] {"VOTER.alice", "{\"choices\":[1],\"voterFacts\":{\"resident\":true}}"},
                new String[] {"VOTER.nobody", "{\"choices\":[1]}"});
        for (String[] request : requests) {
            String expected = send(request[0], ballots(), request[1]);
            assertThat(expected).as(request[1]).startsWith("4");
            assertThat(send(request[0], ceiling(votationId), request[1]))
                    .as(request[0] + " " + request[1])
                    .isEqualTo(expected);
        }
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void theAnswerTellsNothingAboutTheVotationTheVoterOrTheirBallot() throws Exception {
        String adult = "{\"voterRef\":\"R-4\",\"choices\":[1],\"voterFacts\":{\"ageAtClosing\":30,\"resident\":true}}";
        String child = "{\"voterRef\":\"R-5\",\"choices\":[1],\"voterFacts\":{\"ageAtClosing\":9,\"resident\":true}}";
        String offBallot = "{\"voterRef\":\"R-6\",\"choices\":[99],\"voterFacts\":{\"ageAtClosing\":30}}";
        assertThat(send("PLATFORM", ballots(), adult)).isEqualTo("201");
        assertThat(send("PLATFORM", ballots(), adult)).isEqualTo("409 already-voted");
        assertThat(send("PLATFORM", ballots(), child)).isEqualTo("422 voter-not-eligible");
        long before = events();
        String unknownVotation = ceiling(UUID.randomUUID().toString());
        for (String body : List.of(adult, child, offBallot)) {
            assertThat(send("PLATFORM", ceiling(votationId), body)).as(body).isEqualTo("200");
            assertThat(send("PLATFORM", unknownVotation, body)).as(body).isEqualTo("200");
        }
        assertThat(events()).isEqualTo(before);
    }
}
