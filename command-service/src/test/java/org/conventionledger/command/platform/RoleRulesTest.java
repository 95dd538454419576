package org.conventionledger.command.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The role rules on the write side, from the service's own OpenAPI document ({@code /v3/api-docs}), so
 * that an endpoint added later is held to them without this test naming it:
 * <ul>
 *   <li>garants change nothing in the process: every write endpoint refuses them (403) but their own —
 *   publishing and countersigning seals, handling referrals, publishing their opinions;</li>
 *   <li>the monitoring body writes nothing: every write endpoint refuses it;</li>
 *   <li>nobody alters or deletes a past event: there is no DELETE or PATCH endpoint, and the only PUTs set
 *   a configuration going forward (each appends a new event; none edits an earlier one);</li>
 *   <li>every read of personal data is logged: the write side's reads are each reviewed here, and the
 *   only ones that open personal data are a referrer's contact for the garants and the print shop's
 *   export of the invitation letters, each of which
 *   appends {@code PersonalDataRead} before answering — proved, with the reader, the purpose and the
 *   people read, by {@code RecruitmentApiTest#thePrintShopsExportOpensNamesLogsTheReadAndHonoursErasure};
 *   here only that no unreviewed read exists and that garants and the monitoring body cannot read the
 *   letters. (The read side holds pseudonyms only: see its own {@code RoleRulesTest}.)</li>
 * </ul>
 * The bearer token is the caller's role, as in {@code ReferralApiTest}. A refused request is refused by
 * the security filter before any controller runs, so nothing is written.
 */
class RoleRulesTest extends WriteApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** The garants' own writes: nothing in the process, only their oversight of it. */
    private static final Set<String> GARANTS_OWN = Set.of(
            "POST /api/seals",
            "POST /api/seals/{sealId}/countersignatures",
            "POST /api/garant-keys",
            "POST /api/garant-keys/{keyId}/revocation",
            "POST /api/tree-heads/{headId}/countersignatures",
            "POST /api/tree-heads",
            "POST /api/referrals/{referralId}/acknowledgement",
            "POST /api/referrals/{referralId}/investigations",
            "POST /api/referrals/{referralId}/answer",
            "POST /api/conventions/{conventionId}/garant-opinions");

    /** The PUTs: each sets a configuration for what follows, by appending an event. */
    private static final Set<String> CONFIGURATION_PUTS =
            Set.of("PUT /api/conventions/{conventionId}/assemblies/capacities");

    /** A clear personal-data read of the write side: names and addresses for the print shop, logged. */
    private static final String LETTERS = "GET /api/conventions/{conventionId}/invitations/letters.csv";
    /** The other one: the contact a referrer left, for the garants, logged. */
    private static final String REFERRAL_CONTACT = "GET /api/referrals/{referralId}/contact";

    /**
     * Every read of the write side, reviewed: what it gives and why that is, or is not, a read of personal
     * data. A read added later fails {@link #everyReadOfTheWriteSideIsReviewedAndOnlyTheLoggedOnesOpenPersonalData}
     * until it is listed here, and if it opens personal data it must log it as the letters do.
     */
    private static final Map<String, String> REVIEWED_READS = Map.of(
            LETTERS,
            "clear identities of the invited: appends PersonalDataRead before answering",
            REFERRAL_CONTACT,
            "a referrer's contact, for the garants: appends PersonalDataRead before answering (ReferralApiTest)",
            "GET /api/votations/{votationId}/ballot-order",
            "the caller's own display order of the actions, from the votation's seed and their pseudonym: no "
                    + "personal data",
            "GET /api/lottery-records/{sha256}",
            "a lottery's panels as pool indices and probabilities, named by the hash in the log: no personal data");

    @Autowired
    EventStore eventStore;

    /** An operation of the OpenAPI document, and the media type its request body takes, if any. */
    record Operation(String method, String path, String contentType) {

        String name() {
            return method + " " + path;
        }

        String concrete() {
            return path.replaceAll("\\{[^}]+}", "unknown-id");
        }
    }

    private List<Operation> operations() throws Exception {
        String docs = api.get(null, "/v3/api-docs").andReturn().getResponse().getContentAsString();
        List<Operation> operations = new ArrayList<>();
        JSON.readTree(docs)
                .path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(op -> {
                    JsonNode content = op.getValue().path("requestBody").path("content");
                    String contentType =
                            content.isObject() && content.fieldNames().hasNext()
                                    ? content.fieldNames().next()
                                    : "application/json";
                    operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), contentType));
                }));
        assertThat(operations)
                .extracting(Operation::name)
                .as("the OpenAPI document lists the write API")
                .contains("POST /api/conventions", "POST /api/votations/{votationId}/ballots")
                .containsAll(GARANTS_OWN);
        return operations;
    }

    private List<Operation> writes() throws Exception {
        return operations().stream()
                .filter(o -> WRITE_METHODS.contains(o.method()))
                .toList();
    }

    private MockHttpServletResponse send(Operation operation, String role) throws Exception {
        String body = operation.contentType().contains("json") ? "{}" : "";
        return api.perform(
                        role,
                        request(HttpMethod.valueOf(operation.method()), operation.concrete())
                                .contentType(operation.contentType())
                                .content(body))
                .andReturn()
                .getResponse();
    }

    @Test
    void garantsAreRefusedEveryWriteButTheirOwn() throws Exception {
        long before = eventsIn(eventStore);
        List<String> refused = new ArrayList<>();
        for (Operation operation : writes()) {
            MockHttpServletResponse response = send(operation, "GARANT");
            if (GARANTS_OWN.contains(operation.name())) {
                // their own: past the role check, to the request's validation (an empty body, an unknown id)
                assertThat(response.getStatus())
                        .as("GARANT " + operation.name())
                        .isBetween(400, 499)
                        .isNotIn(401, 403);
            } else {
                assertThat(response.getStatus())
                        .as("GARANT " + operation.name())
                        .isEqualTo(403);
                assertThat(JSON.readTree(response.getContentAsString())
                                .path("code")
                                .asText())
                        .isEqualTo("forbidden");
                refused.add(operation.name());
            }
        }
        assertThat(refused)
                .as("the process's writes")
                .contains(
                        "POST /api/conventions",
                        "POST /api/conventions/{conventionId}/members",
                        "POST /api/votations/{votationId}/close");
        assertThat(eventsIn(eventStore)).as("nothing written").isEqualTo(before);
    }

    @Test
    void theMonitoringBodyIsRefusedEveryWrite() throws Exception {
        long before = eventsIn(eventStore);
        List<Operation> writes = writes();
        assertThat(writes).as("the whole write API").hasSizeGreaterThan(40);
        for (Operation operation : writes) {
            MockHttpServletResponse response = send(operation, "MONITOR");
            assertThat(response.getStatus()).as("MONITOR " + operation.name()).isEqualTo(403);
        }
        assertThat(eventsIn(eventStore)).as("nothing written").isEqualTo(before);
    }

    @Test
    void noEndpointDeletesOrPatchesAndTheOnlyPutsAreConfiguration() throws Exception {
        Set<String> puts = new TreeSet<>();
        for (Operation operation : operations()) {
            assertThat(operation.method()).as(operation.name()).isNotIn("DELETE", "PATCH");
            if (operation.method().equals("PUT")) {
                puts.add(operation.name());
            }
        }
        assertThat(puts).isSubsetOf(CONFIGURATION_PUTS);
    }

    @Test
    void everyReadOfTheWriteSideIsReviewedAndOnlyTheLoggedOnesOpenPersonalData() throws Exception {
        List<String> reads = operations().stream()
                .filter(o -> o.method().equals("GET") && o.path().startsWith("/api/"))
                .map(Operation::name)
                .toList();
        assertThat(reads).contains(LETTERS);
        assertThat(REVIEWED_READS.keySet())
                .as("a read of the write side that is not reviewed here: does it read "
                        + "personal data, and does it log it (PersonalDataRead) as the letters export does?")
                .containsAll(reads);
        Operation letters = new Operation("GET", LETTERS.substring(4), "application/json");
        Operation contact = new Operation("GET", REFERRAL_CONTACT.substring(4), "application/json");
        for (String role : List.of("GARANT", "MONITOR", "VOTER", "PLATFORM")) {
            assertThat(send(letters, role).getStatus()).as(role).isEqualTo(403);
        }
        for (String role : List.of("ORGANISER", "MONITOR", "VOTER", "PLATFORM")) {
            assertThat(send(contact, role).getStatus()).as(role).isEqualTo(403);
        }
    }
}
