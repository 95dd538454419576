package org.conventionledger.command.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Referrals and garant opinions over HTTP, on the embedded event store: who may do what (the bearer
 * token here is the caller's role), request validation, rules answering problems, and the log.
 */
@SpringBootTest(properties = "ledger.security.mode=oidc")
@AutoConfigureMockMvc
@DirtiesContext
class ReferralApiTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", dataDir::toString);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPEN = """
            {"title":"Convention","city":"Clermont-Ferrand","plannedSessions":6,
             "transitions":["ECOLOGICAL","SOCIAL","DEMOCRATIC"],
             "mandate":{"deliberationReference":"D-1","startsOn":"2021-10-01","endsOn":"2022-06-30",
                        "indemnityPerSession":20}}""";
    private static final String REFERRAL = """
            {"subject":"Speaking time","text":"Some members never get the floor.",
             "attachments":["doc-letter-12"],"referredBy":"resident","referredOn":"2022-03-01"}""";

    @MockitoBean
    JwtDecoder jwtDecoder;
    @Autowired
    MockMvc http;
    @Autowired
    EventStore eventStore;

    @BeforeEach
    void tokensNameTheirRole() {
        given(jwtDecoder.decode(anyString())).willAnswer(call -> {
            String role = call.getArgument(0);
            return new Jwt(role, Instant.now(), Instant.now().plusSeconds(300), Map.of("alg", "RS256"),
                    Map.of("sub", role.toLowerCase() + "@city", "roles", List.of(role)));
        });
    }

    private ResultActions send(String role, String path, String body) throws Exception {
        return http.perform(post(path).header("Authorization", "Bearer " + role)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private String created(String role, String path, String body, String idField) throws Exception {
        String response = send(role, path, body).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        return JSON.readTree(response).path(idField).asText();
    }

    @Test
    void aResidentsReferralIsAcknowledgedInvestigatedAndAnsweredByTheGarants() throws Exception {
        String convention = created("ORGANISER", "/api/conventions", OPEN, "conventionId");
        String referral = created("VOTER", "/api/conventions/" + convention + "/referrals", REFERRAL, "referralId");
        String r = "/api/referrals/" + referral;

        send("GARANT", r + "/investigations", "{\"note\":\"Early\",\"on\":\"2022-03-02\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("not-acknowledged"));
        send("GARANT", r + "/acknowledgement", "{\"on\":\"2022-03-03\"}").andExpect(status().isOk());
        send("GARANT", r + "/acknowledgement", "{\"on\":\"2022-03-04\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("already-acknowledged"));
        send("GARANT", r + "/investigations", "{\"note\":\"Attended session 3\",\"on\":\"2022-03-05\"}")
                .andExpect(status().isOk());
        send("GARANT", r + "/answer", "{\"answer\":\"A speakers' list is kept.\",\"on\":\"2022-03-20\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ANSWERED"));
        send("GARANT", r + "/answer", "{\"answer\":\"Again\",\"on\":\"2022-03-21\"}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("already-answered"));

        List<String> types = new ArrayList<>();
        eventStore.readEvents(referral).forEachRemaining(e -> types.add(e.getPayloadType().getSimpleName()));
        assertThat(types).containsExactly("MatterReferred", "ReferralAcknowledged", "ReferralInvestigated",
                "ReferralAnswered");
    }

    @Test
    void anOrganiserRecordsAReferralByLetterAndGarantsPublishOpinions() throws Exception {
        String convention = created("ORGANISER", "/api/conventions", OPEN, "conventionId");
        created("ORGANISER", "/api/conventions/" + convention + "/referrals",
                REFERRAL.replace("resident", "member"), "referralId");
        String opinion = created("GARANT", "/api/conventions/" + convention + "/garant-opinions",
                "{\"occasion\":\"END_OF_SESSION\",\"session\":3,\"text\":\"Charter respected.\",\"publishedOn\":\"2022-01-15\"}",
                "opinionId");
        send("GARANT", "/api/conventions/" + convention + "/garant-opinions",
                "{\"occasion\":\"FINAL\",\"session\":3,\"text\":\"Final.\",\"publishedOn\":\"2022-06-30\"}")
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.code").value("session-not-allowed"));

        List<String> types = new ArrayList<>();
        eventStore.readEvents(opinion).forEachRemaining(e -> types.add(e.getPayloadType().getSimpleName()));
        assertThat(types).containsExactly("GarantOpinionPublished");
    }

    @Test
    void onlyTheGarantsActOnReferralsAndPublishOpinions() throws Exception {
        String convention = created("ORGANISER", "/api/conventions", OPEN, "conventionId");
        String referral = created("VOTER", "/api/conventions/" + convention + "/referrals", REFERRAL, "referralId");
        for (String role : List.of("ORGANISER", "VOTER", "MONITOR", "PLATFORM")) {
            send(role, "/api/referrals/" + referral + "/acknowledgement", "{\"on\":\"2022-03-03\"}")
                    .andExpect(status().isForbidden());
            send(role, "/api/conventions/" + convention + "/garant-opinions",
                    "{\"occasion\":\"FINAL\",\"text\":\"Final.\",\"publishedOn\":\"2022-06-30\"}")
                    .andExpect(status().isForbidden());
        }
        for (String role : List.of("GARANT", "MONITOR", "PLATFORM")) {
            send(role, "/api/conventions/" + convention + "/referrals", REFERRAL).andExpect(status().isForbidden());
        }
    }

    @Test
    void requestFieldsAreValidatedAndTheConventionMustExist() throws Exception {
        send("VOTER", "/api/conventions/nowhere/referrals", REFERRAL)
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("unknown-convention"));
        String convention = created("ORGANISER", "/api/conventions", OPEN, "conventionId");
        send("VOTER", "/api/conventions/" + convention + "/referrals", REFERRAL.replace("resident", "Jeanne Dupont"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("invalid-fields"));
        send("VOTER", "/api/conventions/" + convention + "/referrals", "{\"subject\":\" \",\"text\":\"X\",\"referredBy\":\"member\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("invalid-fields"));
        send("GARANT", "/api/conventions/" + convention + "/garant-opinions",
                "{\"occasion\":\"END_OF_SESSION\",\"session\":0,\"text\":\"T\",\"publishedOn\":\"2022-01-15\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("invalid-fields"));
        send("GARANT", "/api/referrals/nowhere/acknowledgement", "{\"on\":\"2022-03-03\"}")
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("unknown-id"));
    }
}
