package org.conventionledger.query.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.query.platform.TestEvents.conventionOpened;
import static org.conventionledger.query.platform.TestEvents.invitationSent;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.conventionledger.platform.identity.Role;
import org.conventionledger.query.platform.ReadApiTest;
import org.junit.jupiter.api.Test;

/**
 * The trail's filters, exports and causes over HTTP: for garants only, bad parameters as
 * {@code application/problem+json}, and the streamed exports through the security filters.
 */
class AuditTrailHttpTest extends ReadApiTest {

    private static final List<String> NEW_PATHS = List.of(
            "/api/audit/events?actor=a&role=GARANT&from=2025-01-01T00:00:00Z&to=2030-01-01T00:00:00Z"
                    + "&part=votation&correlationId=r",
            "/api/audit/events/export?format=jsonl",
            "/api/audit/events/export?format=csv",
            "/api/audit/events/1/causes");

    @Test
    void theNewPathsAreForGarantsOnly() throws Exception {
        for (String path : NEW_PATHS) {
            for (Role role : Role.values()) {
                if (role != Role.GARANT) {
                    HttpResponse<String> refused = get(path, role);
                    assertThat(refused.statusCode()).as(role + " " + path).isEqualTo(403);
                    assertThat(problem(refused).path("code").asText()).isEqualTo("forbidden");
                }
            }
            HttpResponse<String> anonymous = get(path, null);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(problem(anonymous).path("code").asText()).isEqualTo("unauthenticated");
            assertThat(get(path, Role.GARANT).statusCode()).as(path).isIn(200, 404);
        }
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() throws Exception {
        Map<String, String> bad = Map.of(
                "/api/audit/events?from=yesterday", "from",
                "/api/audit/events?to=2025-03-02", "to",
                "/api/audit/events?part=finance", "part",
                "/api/audit/events?from=2025-03-03T00:00:00Z&to=2025-03-02T00:00:00Z", "from",
                "/api/audit/events/export?format=xlsx", "format",
                "/api/audit/events/export?format=csv&part=finance", "part");
        for (Map.Entry<String, String> entry : bad.entrySet()) {
            HttpResponse<String> response = get(entry.getKey(), Role.GARANT);
            assertThat(response.statusCode()).as(entry.getKey()).isEqualTo(400);
            JsonNode problem = problem(response);
            assertThat(problem.path("code").asText()).isEqualTo("invalid-" + entry.getValue());
            assertThat(problem.path("parameter").asText()).isEqualTo(entry.getValue());
            assertThat(problem.path("detail").asText()).contains("'" + entry.getValue() + "'");
        }
        HttpResponse<String> unknown = get("/api/audit/events/999999/causes", Role.GARANT);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(problem(unknown).path("code").asText()).isEqualTo("unknown-event");
    }

    @Test
    void theExportsAndTheCausesAreServed() throws Exception {
        String convention = "conv-" + UUID.randomUUID();
        Map<String, String> origin = Map.of(
                "actorId",
                "org-http",
                "actorRole",
                "ORGANISER",
                "correlationId",
                "cmd-" + convention,
                "traceId",
                "req-" + convention);
        eventStore.publish(
                new GenericDomainEventMessage<>(
                        "Convention",
                        convention,
                        0,
                        conventionOpened(convention, "Lyon, \"2025\"", "Lyon", SOCIAL),
                        origin),
                new GenericDomainEventMessage<>(
                        "Convention", convention, 1, invitationSent(convention, "inv-1"), origin));
        String filter = "aggregateId=" + convention;
        await(
                "/api/audit/events?" + filter,
                Role.GARANT,
                trail -> trail.path("events").size() >= 2);

        HttpResponse<String> jsonl = get("/api/audit/events/export?format=jsonl&actor=org-http&" + filter, Role.GARANT);
        assertThat(jsonl.statusCode()).isEqualTo(200);
        assertThat(jsonl.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/x-ndjson"));
        assertThat(jsonl.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"audit-events.jsonl\"");
        List<String> lines = jsonl.body().lines().toList();
        assertThat(lines).hasSize(2);
        long first = JSON.readTree(lines.get(0)).path("position").asLong();

        HttpResponse<String> csv = get("/api/audit/events/export?format=csv&part=organisation&" + filter, Role.GARANT);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"audit-events.csv\"");
        List<List<String>> rows = AuditTrailFiltersTest.Csv.parse(csv.body());
        assertThat(rows)
                .as("the header and ConventionOpened (InvitationSent is recruitment)")
                .hasSize(2);
        assertThat(rows.get(1).get(2)).isEqualTo("ConventionOpened");
        assertThat(JSON.readTree(rows.get(1).get(9)).path("title").asText()).isEqualTo("Lyon, \"2025\"");

        JsonNode causes = JSON.readTree(
                get("/api/audit/events/" + first + "/causes", Role.GARANT).body());
        assertThat(causes.path("event").path("position").asLong()).isEqualTo(first);
        assertThat(causes.path("causedBy")).hasSize(1);
        assertThat(causes.path("causedBy").get(0).path("causationId").asText()).isEqualTo("cmd-" + convention);
        assertThat(causes.path("truncated").asBoolean()).isFalse();
    }
}
