package org.conventionledger.command.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.conventionledger.command.platform.WriteApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Questions over HTTP, on the embedded event store: the convention is checked through the register,
 * request fields are validated, rules answer problems with their code, and the whole round reaches
 * the log.
 */
class QuestionApiTest extends WriteApiTest {

    @Autowired
    EventStore eventStore;

    /** As an organiser, who runs the question's round. */
    private ResultActions send(String path, String body) throws Exception {
        return api.post("ORGANISER", path, body);
    }

    private String created(String path, String body, String idField) throws Exception {
        return api.created("ORGANISER", path, body, idField);
    }

    private String putQuestion() throws Exception {
        String conventionId = api.openConvention();
        return created("/api/conventions/" + conventionId + "/questions", """
                {"title":"Adopt the dialogue charter","text":"The convention adopts the charter.",
                 "participants":["m-1","elected official"]}""", "questionId");
    }

    @Test
    void aQuestionGoesThroughItsRoundToTheDecision() throws Exception {
        String question = putQuestion();
        String q = "/api/questions/" + question;

        String clarification =
                created(q + "/clarifications", "{\"askedBy\":\"m-1\",\"question\":\"Who signs?\"}", "clarificationId");
        send(q + "/clarifications/" + clarification + "/answer", "{\"answer\":\"Every member.\"}")
                .andExpect(status().isOk());
        String improvement = created(
                q + "/improvements", "{\"proposedBy\":\"m-1\",\"proposal\":\"Name the garants\"}", "improvementId");
        send(
                        q + "/improvements/" + improvement + "/decision",
                        "{\"accepted\":true,\"text\":\"The convention adopts the charter; the garants watch "
                                + "over it.\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.decision").value("ACCEPTED"));
        String objection = created(q + "/objections", """
                {"category":"NOT_CITY_COMPETENCE","reason":"The venues are the metropolis's",
                 "raisedBy":"elected official","competentBody":"Metropolis"}""", "objectionId");
        send(q + "/consents", "{\"participants\":[\"elected official\"]}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("objection-open"));
        send(q + "/decision", null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("open-objections"));
        send(q + "/objections/" + objection + "/lift", """
                {"amendment":"The city asks the metropolis for the venues",
                 "text":"The convention adopts the charter; the city asks the metropolis for the venues."}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("LIFTED"));
        send(q + "/consents", "{\"participants\":[\"m-1\",\"elected official\"]}")
                .andExpect(status().isOk());
        send(q + "/decision", null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DECIDED"));
        send(q + "/decision", null)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("question-decided"));

        List<String> types = new ArrayList<>();
        eventStore
                .readEvents(question)
                .forEachRemaining(e -> types.add(e.getPayloadType().getSimpleName()));
        assertThat(types)
                .containsExactly(
                        "QuestionPut",
                        "QuestionClarificationRequested",
                        "QuestionClarificationAnswered",
                        "QuestionImprovementProposed",
                        "QuestionImprovementDecided",
                        "QuestionRevised",
                        "QuestionObjectionRaised",
                        "QuestionObjectionLifted",
                        "QuestionRevised",
                        "QuestionConsentGiven",
                        "QuestionDecided");
    }

    @Test
    void aQuestionOfAnUnknownConventionIsNotFound() throws Exception {
        send("/api/conventions/nowhere/questions", "{\"title\":\"T\",\"text\":\"X\",\"participants\":[\"m-1\"]}")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("unknown-convention"));
    }

    @Test
    void requestFieldsAreValidated() throws Exception {
        String conventionId = api.openConvention();
        send("/api/conventions/" + conventionId + "/questions", "{\"title\":\" \",\"text\":\"X\",\"participants\":[]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-fields"));
        String q = "/api/questions/" + putQuestion();
        send(q + "/objections", "{\"category\":\"OTHER\",\"reason\":\"Vague\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-fields"));
        send(q + "/objections/o-1/lift", "{\"amendment\":\"A\",\"title\":\"No titles\",\"text\":\"B\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("malformed-request"));
    }

    @Test
    void anUnknownQuestionIsNotFound() throws Exception {
        send("/api/questions/nowhere/decision", null)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("unknown-id"));
    }
}
