package org.conventionledger.query.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.query.platform.TestEvents.conventionOpened;
import static org.conventionledger.query.platform.TestEvents.item;
import static org.conventionledger.query.platform.TestEvents.votationScheduled;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.bson.Document;
import org.conventionledger.platform.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The read API over HTTP, as the default (local accounts) configuration serves it: who may read what,
 * and errors as {@code application/problem+json}.
 */
class ReadApiHttpTest extends ReadApiTest {

    @Autowired
    MongoTemplate mongo;

    @Test
    void anUnknownVotationsRankingIsNotFoundForAnyone() throws Exception {
        HttpResponse<String> response = get("/api/votations/nowhere/ranking", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(problem(response).path("code").asText()).isEqualTo("unknown-votation");
    }

    @Test
    void theRankingOfAVotationThatIsNotClosedIsForStaffOnly() throws Exception {
        String convention = "conv-" + UUID.randomUUID();
        String votation = "vot-" + UUID.randomUUID();
        eventStore.publish(
                new GenericDomainEventMessage<>(
                        "Convention", convention, 0, conventionOpened(convention, "C", "Lyon", SOCIAL)),
                new GenericDomainEventMessage<>(
                        "Votation", votation, 0, votationScheduled(convention, votation, "V", item(1, SOCIAL))));
        String path = "/api/votations/" + votation + "/ranking";
        await(path, Role.ORGANISER, ranking -> true);

        assertThat(get(path, Role.ORGANISER).statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(get(path, Role.GARANT).body()).path("status").asText())
                .isEqualTo("SCHEDULED");
        HttpResponse<String> anonymous = get(path, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(problem(anonymous).path("code").asText()).isEqualTo("unauthenticated");
        HttpResponse<String> voter = get(path, Role.VOTER);
        assertThat(voter.statusCode()).isEqualTo(403);
        assertThat(problem(voter).path("code").asText()).isEqualTo("forbidden");
    }

    @Test
    void theAuditTrailIsForGarants() throws Exception {
        assertThat(get("/api/audit/events", Role.GARANT).statusCode()).isEqualTo(200);
        assertThat(get("/api/audit/events", Role.ORGANISER).statusCode()).isEqualTo(403);
        HttpResponse<String> anonymous = get("/api/audit/events", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
    }

    @Test
    void anInvalidLimitIsABadRequest() throws Exception {
        HttpResponse<String> response = get("/api/audit/events?limit=0", Role.GARANT);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problem(response).path("code").asText()).isEqualTo("invalid-limit");
    }

    @Test
    void malformedParametersAreBadRequests() throws Exception {
        assertThat(get("/api/votations/nowhere/ranking?transition=ECONOMIC", null)
                        .statusCode())
                .isEqualTo(400);
        assertThat(get("/api/audit/events?after=yesterday", Role.GARANT).statusCode())
                .isEqualTo(400);
        assertThat(get("/api/audit/events?limit=many", Role.GARANT).statusCode())
                .isEqualTo(400);
    }

    @Test
    void dashboardsAreForStaff() throws Exception {
        HttpResponse<String> unknown = get("/api/conventions/nowhere/dashboard", Role.MONITOR);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(problem(unknown).path("code").asText()).isEqualTo("unknown-convention");
        assertThat(get("/api/conventions/nowhere/dashboard", Role.VOTER).statusCode())
                .isEqualTo(403);
        assertThat(get("/api/conventions", Role.ORGANISER).statusCode()).isEqualTo(200);
        assertThat(get("/api/conventions", null).statusCode()).isEqualTo(401);
    }

    /**
     * Spring Security 6 authorises the ERROR dispatch too: {@code /error} must stay reachable, or an
     * unexpected failure would be answered "forbidden" (or "unauthenticated") instead of 500.
     */
    @Test
    void anUnexpectedFailureIsAServerError() throws Exception {
        // documents the mapping cannot read stand in for any unexpected failure (store down, bug...)
        mongo.getCollection("dashboards").insertOne(new Document("_id", "corrupt").append("votations", 5));
        mongo.getCollection("rankings")
                .insertOne(new Document("_id", "corrupt")
                        .append("status", "CLOSED")
                        .append("counts", List.of(new Document("actionNumber", "not a number"))));

        HttpResponse<String> dashboard = get("/api/conventions/corrupt/dashboard", Role.ORGANISER);
        HttpResponse<String> ranking = get("/api/votations/corrupt/ranking", null);

        assertThat(dashboard.statusCode()).as(dashboard.body()).isEqualTo(500);
        assertThat(ranking.statusCode()).as(ranking.body()).isEqualTo(500);
        for (HttpResponse<String> failure : List.of(dashboard, ranking)) {
            assertThat(problem(failure).path("code").asText()).isEqualTo("internal-error");
            assertThat(failure.body()).doesNotContain("org.", "java.", "Exception");
        }
    }

    private String basic(Role role) throws IOException {
        return TestAccounts.basic(dataDir, role);
    }

    @Test
    void healthIsPublicAndEveryOtherOperationsEndpointIsForTheOperator() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/info")) {
            HttpResponse<String> anonymous = get(path, null);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(problem(anonymous).path("code").asText()).isEqualTo("unauthenticated");
            for (Role role : List.of(Role.ORGANISER, Role.GARANT, Role.MONITOR, Role.VOTER, Role.PLATFORM)) {
                assertThat(get(path, role).statusCode()).as(role + " " + path).isEqualTo(403);
            }
            // tests run without the Prometheus registry (Spring Boot's default): passing security is the point
            assertThat(get(path, Role.OPERATOR).statusCode()).as(path).isNotIn(401, 403);
        }
        assertThat(get("/actuator/metrics", Role.OPERATOR).statusCode()).isEqualTo(200);
    }

    @Test
    void unknownPathsWrongMethodsAndBadParametersAreProblemsNamingNoClass() throws Exception {
        HttpResponse<String> unknown = get("/api/nowhere", Role.GARANT);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(problem(unknown).path("code").asText()).isEqualTo("http-404");
        HttpResponse<String> method = get("/api/admin/projections/dashboard/rebuild", Role.ORGANISER);
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(problem(method).path("code").asText()).isEqualTo("http-405");
        for (HttpResponse<String> bad : List.of(
                get("/api/votations/nowhere/ranking?transition=ECONOMIC", null),
                get("/api/audit/events?after=yesterday", Role.GARANT),
                method,
                unknown)) {
            problem(bad);
            assertThat(bad.body()).doesNotContain("org.", "java.", "Exception");
        }
    }

    /** What the server answered, read up to the end of its problem (the connection may stay open). */
    static String answerTo(Socket socket) throws IOException {
        StringBuilder answer = new StringBuilder();
        byte[] buffer = new byte[4096];
        int read;
        while ((read = socket.getInputStream().read(buffer)) > 0) {
            answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            int code = answer.indexOf("\"code\"");
            if (code >= 0 && answer.indexOf("}", code) > 0) {
                break;
            }
        }
        return answer.toString();
    }

    @Test
    void aTwentyMegabyteBodyIsRefusedWith413BeforeItIsRead() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/admin/projections/dashboard/rebuild HTTP/1.1\r\nHost: localhost\r\n"
                            + "Authorization: " + basic(Role.ORGANISER) + "\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + 20 * 1024 * 1024 + "\r\n\r\n{\"x\":\"")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = answerTo(socket);
            assertThat(answer)
                    .startsWith("HTTP/1.1 413")
                    .contains("application/problem+json")
                    .contains("\"code\":\"body-too-large\"");
        }
    }

    @Test
    void aCredentialedRequestFromAnotherSiteIsRefusedAndAnAnonymousReadIsNot() throws Exception {
        HttpResponse<String> forged = HTTP.send(
                HttpRequest.newBuilder(uri("/api/audit/events"))
                        .header("Authorization", basic(Role.GARANT))
                        .header("Sec-Fetch-Site", "cross-site")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(problem(forged).path("code").asText()).isEqualTo("cross-site-request");
        HttpResponse<String> embedded = HTTP.send(
                HttpRequest.newBuilder(uri("/api/votations/nowhere/ranking"))
                        .header("Sec-Fetch-Site", "cross-site")
                        .header("Origin", "https://city.example")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(embedded.statusCode())
                .as("a city page may show the public results")
                .isEqualTo(404);
    }
}
