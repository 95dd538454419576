package org.conventionledger.command.deliberation;

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
 * Questions over HTTP, on the embedded event store: the convention is checked through the register,
 * request fields are validated, rules answer problems with their code, and the whole round reaches
 * the log.
 */
@SpringBootTest(properties = "ledger.security.mode=oidc")
@AutoConfigureMockMvc
@DirtiesContext
class QuestionApiTest {

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

    @MockitoBean
    JwtDecoder jwtDecoder;
    @Autowired
    MockMvc http;
    @Autowired
    EventStore eventStore;

    @BeforeEach
    void organiser() {
        given(jwtDecoder.decode(anyString())).willReturn(new Jwt("token", Instant.now(), Instant.now().plusSeconds(300),
                Map.of("alg", "RS256"), Map.of("sub", "organiser@city", "roles", List.of("ORGANISER"))));
    }

    private ResultActions send(String path, String body) throws Exception {
        var request = post(path).header("Authorization", "Bearer token");
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return http.perform(request);
    }

    private String created(String path, String body, String idField) throws Exception {
        String response = send(path, body).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(response).path(idField).asText();
    }

    private String putQuestion() throws Exception {
        String conventionId = created("/api/conventions", OPEN, "conventionId");
        return created("/api/conventions/" + conventionId + "/questions", """
                {"title":"Adopt the dialogue charter","text":"The convention adopts the charter.",
                 "participants":["m-1","elected official"]}""", "questionId");
    }

    @Test
    void aQuestionGoesThroughItsRoundToTheDecision() throws Exception {
        String question = putQuestion();
        String q = "/api/questions/" + question;

        String clarification = created(q + "/clarifications", "{\"askedBy\":\"m-1\",\"question\":\"Who signs?\"}",
                "clarificationId");
        send(q + "/clarifications/" + clarification + "/answer", "{\"answer\":\"Every member.\"}")
                .andExpect(status().isOk());
        String improvement = created(q + "/improvements", "{\"proposedBy\":\"m-1\",\"proposal\":\"Name the garants\"}",
                "improvementId");
        send(q + "/improvements/" + improvement + "/decision",
                "{\"accepted\":true,\"text\":\"The convention adopts the charter; the garants watch over it.\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.decision").value("ACCEPTED"));
        String objection = created(q + "/objections", """
                {"category":"NOT_CITY_COMPETENCE","reason":"The venues are the metropolis's",
                 "raisedBy":"elected official","competentBody":"Metropolis"}""", "objectionId");
        send(q + "/consents", "{\"participants\":[\"elected official\"]}")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("objection-open"));
        send(q + "/decision", null)
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("open-objections"));
        send(q + "/objections/" + objection + "/lift", """
                {"amendment":"The city asks the metropolis for the venues",
                 "text":"The convention adopts the charter; the city asks the metropolis for the venues."}""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("LIFTED"));
        send(q + "/consents", "{\"participants\":[\"m-1\",\"elected official\"]}").andExpect(status().isOk());
        send(q + "/decision", null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DECIDED"));
        send(q + "/decision", null)
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("question-decided"));

        List<String> types = new ArrayList<>();
        eventStore.readEvents(question).forEachRemaining(e -> types.add(e.getPayloadType().getSimpleName()));
        assertThat(types).containsExactly("QuestionPut", "QuestionClarificationRequested",
                "QuestionClarificationAnswered", "QuestionImprovementProposed", "QuestionImprovementDecided",
                "QuestionRevised", "QuestionObjectionRaised", "QuestionObjectionLifted", "QuestionRevised",
                "QuestionConsentGiven", "QuestionDecided");
    }

    @Test
    void aQuestionOfAnUnknownConventionIsNotFound() throws Exception {
        send("/api/conventions/nowhere/questions", "{\"title\":\"T\",\"text\":\"X\",\"participants\":[\"m-1\"]}")
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("unknown-convention"));
    }

    @Test
    void requestFieldsAreValidated() throws Exception {
        String conventionId = created("/api/conventions", OPEN, "conventionId");
        send("/api/conventions/" + conventionId + "/questions", "{\"title\":\" \",\"text\":\"X\",\"participants\":[]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("invalid-fields"));
        String q = "/api/questions/" + putQuestion();
        send(q + "/objections", "{\"category\":\"OTHER\",\"reason\":\"Vague\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("invalid-fields"));
        send(q + "/objections/o-1/lift", "{\"amendment\":\"A\",\"title\":\"No titles\",\"text\":\"B\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("malformed-request"));
    }

    @Test
    void anUnknownQuestionIsNotFound() throws Exception {
        send("/api/questions/nowhere/decision", null)
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("unknown-id"));
    }
}
