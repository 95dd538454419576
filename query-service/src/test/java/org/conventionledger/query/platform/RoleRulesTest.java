package org.conventionledger.query.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.conventionledger.events.Transition;
import org.conventionledger.platform.identity.LocalAccounts;
import org.conventionledger.platform.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The role rules on the read side, from the service's own OpenAPI document ({@code /v3/api-docs}), so
 * that an endpoint added later is held to them without this test naming it:
 * <ul>
 *   <li>the read side changes nothing: no DELETE, PATCH or PUT at all, and its only other write is the
 *   organisers' projection rebuild, which garants and the monitoring body are refused;</li>
 *   <li>garants read everything there is to read: every GET is open to them, the organisers' operations
 *   console ({@code /api/admin/**}) aside;</li>
 *   <li>the monitoring body reads projections but not the garants' audit trail and exports (the seals
 *   taken at each session's end aside, which it checks too).</li>
 * </ul>
 * Clear personal data is never read here: the only such endpoint is the command side's print-shop export,
 * whose logging is {@code RecruitmentApiTest#thePrintShopsExportOpensNamesLogsTheReadAndHonoursErasure}
 * (see the command side's {@code RoleRulesTest}).
 */
class RoleRulesTest extends ReadApiTest {

    private static final Set<String> WRITE_METHODS = Set.of("post", "put", "patch", "delete");
    /** The read side's only writes: none of them touches the log. */
    private static final Set<String> ALLOWED_WRITES = Set.of("POST /api/admin/projections/{processor}/rebuild");

    private static final String AUDIT = "/api/audit/";
    private static final String SESSION_SEALS = "/api/audit/seals/sessions";
    private static final String ADMIN = "/api/admin/";
    private static final String CONVENTION = "conv-" + UUID.randomUUID();

    private static boolean opened;

    /** One convention on the log, so that projections have something to show. */
    @BeforeEach
    synchronized void aConvention() {
        if (opened) {
            return;
        }
        List<Object> payloads = List.of(
                TestEvents.conventionOpened(CONVENTION, "Convention", "Clermont-Ferrand", Transition.SOCIAL),
                TestEvents.invitationSent(CONVENTION, "letter-1"),
                TestEvents.topicChosen(CONVENTION, "topic-1", Transition.SOCIAL));
        for (int i = 0; i < payloads.size(); i++) {
            eventStore.publish(new GenericDomainEventMessage<>(
                    "Convention",
                    CONVENTION,
                    i,
                    payloads.get(i),
                    MetaData.with("actorId", "organiser").and("actorRole", "ORGANISER")));
        }
        opened = true;
    }

    /** An operation of the OpenAPI document. */
    record Operation(String method, String path) {

        @Override
        public String toString() {
            return method + " " + path;
        }

        /** The path with its variables filled: the test convention, a position, or an unknown id. */
        String concrete() {
            return path.replace("{conventionId}", CONVENTION)
                    .replace("{position}", "1")
                    .replaceAll("\\{[^}]+}", "unknown");
        }
    }

    private List<Operation> operations() throws Exception {
        HttpResponse<String> docs = HTTP.send(
                HttpRequest.newBuilder(uri("/v3/api-docs")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(200);
        List<Operation> operations = new ArrayList<>();
        JsonNode paths = JSON.readTree(docs.body()).path("paths");
        paths.properties()
                .forEach(path -> path.getValue()
                        .fieldNames()
                        .forEachRemaining(method ->
                                operations.add(new Operation(method.toUpperCase(Locale.ROOT), path.getKey()))));
        assertThat(operations)
                .as("the OpenAPI document lists the read API")
                .contains(
                        new Operation("GET", "/api/audit/events"),
                        new Operation("GET", "/api/conventions/{conventionId}/dashboard"),
                        new Operation("GET", SESSION_SEALS),
                        new Operation("GET", "/api/audit/persons/{personId}"));
        return operations;
    }

    private HttpResponse<String> send(Operation operation, Role as) throws Exception {
        LocalAccounts.Account account = LocalAccounts.loadOrCreate(dataDir.resolve("accounts.txt")).stream()
                .filter(a -> a.role() == as)
                .findFirst()
                .orElseThrow();
        HttpRequest.BodyPublisher body = operation.method().equals("GET")
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString("{}");
        return HTTP.send(
                HttpRequest.newBuilder(uri(operation.concrete()))
                        .method(operation.method(), body)
                        .header("Content-Type", "application/json")
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString((account.username() + ":" + account.password())
                                                        .getBytes(StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theReadSideHasNoDeletePatchOrPutAndItsOnlyWriteIsTheOrganisersRebuild() throws Exception {
        Set<String> writes = new TreeSet<>();
        for (Operation operation : operations()) {
            assertThat(operation.method()).as(operation.toString()).isNotIn("DELETE", "PATCH", "PUT");
            if (WRITE_METHODS.contains(operation.method().toLowerCase(Locale.ROOT))) {
                writes.add(operation.toString());
            }
        }
        assertThat(writes).isSubsetOf(ALLOWED_WRITES);
    }

    @Test
    void garantsAndTheMonitoringBodyCannotRebuildProjections() throws Exception {
        for (Operation operation : operations()) {
            if (!operation.method().equals("GET")) {
                for (Role role : List.of(Role.GARANT, Role.MONITOR)) {
                    assertThat(send(operation, role).statusCode())
                            .as(role + " " + operation)
                            .isEqualTo(403);
                }
            }
        }
    }

    @Test
    void garantsReadEverythingButTheOperationsConsole() throws Exception {
        List<Operation> gets =
                operations().stream().filter(o -> o.method().equals("GET")).toList();
        for (Operation operation : gets) {
            int status = send(operation, Role.GARANT).statusCode();
            if (operation.path().startsWith(ADMIN)) {
                assertThat(status).as("GARANT " + operation).isEqualTo(403);
            } else {
                assertThat(status)
                        .as("GARANT " + operation + " (a 404 or 400 is the unknown id, not the role)")
                        .isNotIn(401, 403);
            }
        }
    }

    @Test
    void theMonitoringBodyIsRefusedTheAuditTrailAndItsExports() throws Exception {
        List<Operation> audit = operations().stream()
                .filter(o -> o.method().equals("GET")
                        && o.path().startsWith(AUDIT)
                        && !o.path().equals(SESSION_SEALS)
                        && !List.of(SecurityConfiguration.MONITORED_TREE).contains(o.path()))
                .toList();
        assertThat(audit)
                .extracting(Operation::path)
                .contains(
                        "/api/audit/events",
                        "/api/audit/events/export",
                        "/api/audit/export",
                        "/api/audit/seal",
                        "/api/audit/events/{position}/causes",
                        "/api/audit/persons/{personId}",
                        "/api/audit/tree/inclusion");
        for (Operation operation : audit) {
            HttpResponse<String> response = send(operation, Role.MONITOR);
            assertThat(response.statusCode()).as("MONITOR " + operation).isEqualTo(403);
            assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("forbidden");
        }
        List<Operation> tree = operations().stream()
                .filter(o -> o.method().equals("GET")
                        && List.of(SecurityConfiguration.MONITORED_TREE).contains(o.path()))
                .toList();
        assertThat(tree).hasSize(SecurityConfiguration.MONITORED_TREE.length);
        for (Operation operation : tree) {
            assertThat(send(operation, Role.MONITOR).statusCode())
                    .as("MONITOR " + operation)
                    .isNotIn(401, 403);
        }
    }

    @Test
    void theMonitoringBodyReadsTheProjections() throws Exception {
        List<String> projections = List.of(
                "/api/conventions",
                "/api/conventions/" + CONVENTION + "/dashboard",
                "/api/conventions/" + CONVENTION + "/deliberation",
                "/api/conventions/" + CONVENTION + "/recruitment",
                "/api/conventions/" + CONVENTION + "/referrals",
                "/api/conventions/" + CONVENTION + "/garant-opinions",
                SESSION_SEALS);
        for (String path : projections) {
            Operation read = new Operation("GET", path);
            int status = awaitValue(
                    "the projection behind " + read,
                    () -> send(read, Role.MONITOR).statusCode(),
                    answer -> answer != 404);
            assertThat(status).as("MONITOR " + read).isEqualTo(200);
        }
        assertThat(JSON.readTree(send(new Operation("GET", "/api/conventions"), Role.MONITOR)
                                .body())
                        .toString())
                .contains(CONVENTION);
        // and every other read but the trail and the console is open to them too (404: an unknown id)
        for (Operation operation : operations()) {
            if (operation.method().equals("GET")
                    && !operation.path().startsWith(AUDIT)
                    && !operation.path().startsWith(ADMIN)) {
                assertThat(send(operation, Role.MONITOR).statusCode())
                        .as("MONITOR " + operation)
                        .isNotIn(401, 403);
            }
        }
    }

    @Test
    void noRoleButTheGarantsReadsAPersonsTrail() throws Exception {
        Operation person = new Operation("GET", "/api/audit/persons/p-1");
        for (Role role : Role.values()) {
            int status = send(person, role).statusCode();
            if (role == Role.GARANT) {
                assertThat(status).as(role.name()).isIn(200, 404);
            } else {
                assertThat(status).as(role.name()).isEqualTo(403);
            }
        }
    }
}
