package org.conventionledger.command.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.command.platform.ApiClient.problem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.conventionledger.command.platform.WriteApiTest;
import org.conventionledger.events.Transition;
import org.conventionledger.events.deliberation.ActionDrafted;
import org.conventionledger.events.deliberation.ActionFinalised;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * An action's follow-up over HTTP, on the embedded event store: the organisers (the city's services)
 * record it, nobody else; malformed requests and broken rules are problems naming the field or rule, and
 * write nothing. The action's draft and finalisation are written to the log directly, so the
 * command-side register learns them as it does in production.
 */
class FollowUpApiTest extends WriteApiTest {

    private static final String ADOPTED = """
            {"answer":"ADOPTED","deliberationReference":"DEL-2022-118","answeredOn":"2022-09-26"}""";
    private static final String PLAN = """
            {"department":"Mobility department","budget":120000,"dueBy":"2024-06-30","plannedOn":"2022-11-15"}""";

    @Autowired
    EventStore eventStore;

    private String convention;
    private int nextNumber = 1;

    @BeforeEach
    void openConvention() throws Exception {
        convention = api.openConvention();
    }

    /** An action drafted (and finalised, if asked) in the convention, as the Action aggregate writes it. */
    private String action(boolean finalised) {
        String actionId = UUID.randomUUID().toString();
        int number = nextNumber++;
        List<GenericDomainEventMessage<?>> events = new ArrayList<>();
        events.add(new GenericDomainEventMessage<>(
                "Action",
                actionId,
                0,
                new ActionDrafted(
                        convention,
                        actionId,
                        number,
                        Transition.ECOLOGICAL,
                        "topic-1",
                        "Mobility",
                        "Free buses on Saturdays",
                        "The city funds it.")));
        if (finalised) {
            events.add(new GenericDomainEventMessage<>(
                    "Action", actionId, 1, new ActionFinalised(convention, actionId, number)));
        }
        eventStore.publish(events);
        return actionId;
    }

    private List<String> followUp(String actionId) {
        List<String> types = new ArrayList<>();
        eventStore
                .readEvents(ActionFollowUp.id(actionId))
                .forEachRemaining(e -> types.add(e.getPayloadType().getSimpleName()));
        return types;
    }

    @Test
    void theServicesRecordTheAnswerThePlanItsProgressAndBudget() throws Exception {
        String a = "/api/actions/" + action(true);
        api.post("ORGANISER", a + "/council-answer", ADOPTED)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.answer").value("ADOPTED"));
        api.post("ORGANISER", a + "/implementation-plan", PLAN)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PLANNED"));
        api.post(
                        "ORGANISER",
                        a + "/implementation-progress",
                        "{\"status\":\"IN_PROGRESS\",\"note\":\"Tender\",\"on\":\"2023-01-10\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"));
        api.post(
                        "ORGANISER",
                        a + "/budget-revision",
                        "{\"budget\":150000.5,\"reason\":\"Tender above estimate\",\"on\":\"2023-02-01\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.budget").value("150000.50"));
        api.post("ORGANISER", a + "/implementation-progress", "{\"status\":\"DONE\",\"on\":\"2024-05-30\"}")
                .andExpect(status().isOk());

        assertThat(followUp(a.substring("/api/actions/".length())))
                .containsExactly(
                        "CouncilAnswered",
                        "ImplementationPlanned",
                        "ImplementationProgressed",
                        "ImplementationBudgetRevised",
                        "ImplementationProgressed");
        api.post("ORGANISER", a + "/council-answer", ADOPTED)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("already-answered"));
    }

    @Test
    void brokenRulesAreProblemsAndWriteNothing() throws Exception {
        String draft = action(false);
        api.post("ORGANISER", "/api/actions/" + draft + "/council-answer", ADOPTED)
                .andExpect(problem(409, "action-not-final"));
        api.post("ORGANISER", "/api/actions/nowhere/council-answer", ADOPTED)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("unknown-action"));

        String actionId = action(true);
        String a = "/api/actions/" + actionId;
        api.post("ORGANISER", a + "/implementation-plan", PLAN)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("not-answered"));
        api.post(
                        "ORGANISER",
                        a + "/council-answer",
                        "{\"answer\":\"RELAYED\",\"deliberationReference\":\"DEL-1\",\"answeredOn\":\"2022-09-26\"}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("relayed-to-required"));
        api.post(
                        "ORGANISER",
                        a + "/council-answer",
                        "{\"answer\":\"REJECTED\",\"deliberationReference\":\"DEL-1\",\"answeredOn\":\"2022-09-26\"}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("reason-required"));
        assertThat(followUp(actionId)).isEmpty();
        assertThat(followUp(draft)).isEmpty();

        api.post(
                        "ORGANISER",
                        a + "/council-answer",
                        "{\"answer\":\"REJECTED\",\"reason\":\"Not affordable\","
                                + "\"deliberationReference\":\"DEL-1\",\"answeredOn\":\"2022-09-26\"}")
                .andExpect(status().isOk());
        api.post("ORGANISER", a + "/implementation-plan", PLAN)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("answer-rejected"));
        assertThat(followUp(actionId)).containsExactly("CouncilAnswered");
    }

    @Test
    void malformedRequestsNameTheField() throws Exception {
        String actionId = action(true);
        String a = "/api/actions/" + actionId;
        api.post("ORGANISER", a + "/council-answer", "{\"answer\":\"ADOPTED\",\"answeredOn\":\"2022-09-26\"}")
                .andExpect(problem(400, "invalid-fields"))
                .andExpect(jsonPath("$.errors[0].field").value("deliberationReference"));
        api.post("ORGANISER", a + "/council-answer", ADOPTED.replace("ADOPTED", "POSTPONED"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("malformed-request"))
                .andExpect(jsonPath("$.field").value("answer"));
        api.post("ORGANISER", a + "/council-answer", ADOPTED).andExpect(status().isOk());
        api.post("ORGANISER", a + "/implementation-plan", PLAN.replace("120000", "120000.005"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-fields"))
                .andExpect(jsonPath("$.errors[0].field").value("budget"));
        api.post("ORGANISER", a + "/implementation-plan", PLAN.replace("120000", "-5"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("budget"));
        api.post("ORGANISER", a + "/implementation-plan", PLAN.replace("\"Mobility department\"", "\" \""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("department"));
        api.post(
                        "ORGANISER",
                        a + "/implementation-plan",
                        PLAN.replace("\"plannedOn\":\"2022-11-15\"", "\"plannedOn\":\"2022-09-25\""))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("date-before-previous-step"));
        api.post("ORGANISER", a + "/implementation-progress", "{\"status\":\"DONE\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("on"));
        api.post("ORGANISER", a + "/budget-revision", "{\"budget\":10,\"on\":\"2023-02-01\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        api.post(
                        "ORGANISER",
                        a + "/implementation-plan",
                        "{\"department\":\"D\",\"budget\":10,\"plannedOn\":\"2022-11-15\",\"cost\":3}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("malformed-request"));
        assertThat(followUp(actionId)).containsExactly("CouncilAnswered");
    }

    @Test
    void onlyTheOrganisersRecordTheFollowUp() throws Exception {
        String actionId = action(true);
        String a = "/api/actions/" + actionId;
        Map<String, String> requests = Map.of(
                a + "/council-answer",
                ADOPTED,
                a + "/implementation-plan",
                PLAN,
                a + "/implementation-progress",
                "{\"status\":\"IN_PROGRESS\",\"on\":\"2023-01-10\"}",
                a + "/budget-revision",
                "{\"budget\":10,\"reason\":\"R\",\"on\":\"2023-02-01\"}");
        for (var request : requests.entrySet()) {
            for (String role : List.of("GARANT", "MONITOR", "VOTER", "PLATFORM")) {
                api.post(role, request.getKey(), request.getValue())
                        .andExpect(status().isForbidden())
                        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            }
            api.post(null, request.getKey(), request.getValue()).andExpect(status().isUnauthorized());
        }
        assertThat(followUp(actionId)).isEmpty();
    }
}
