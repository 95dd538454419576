package org.conventionledger.command.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.conventionledger.command.platform.ApiClient;
import org.conventionledger.command.platform.WriteApiTest;
import org.conventionledger.events.oversight.MatterReferred;
import org.conventionledger.events.oversight.PersonalDataRead;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Referrals and garant opinions over HTTP, on the embedded event store: who may do what (the bearer
 * token here is the caller's role, none at all for a citizen without an account), request validation,
 * the public's rate limit, rules answering problems, and the log.
 */
@SpringBootTest(
        properties = {
            "ledger.security.mode=oidc",
            "ledger.referrals.anonymous.per-address=3",
            "ledger.referrals.anonymous.window=PT1H"
        })
class ReferralApiTest extends WriteApiTest {

    private static final String REFERRAL = """
            {"subject":"Speaking time","text":"Some members never get the floor.",
             "attachments":["doc-letter-12"],"referredBy":"resident","referredOn":"2022-03-01"}""";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    @Autowired
    EventStore eventStore;

    @Value("${ledger.vault.url}")
    String vaultUrl;

    @Test
    void aResidentsReferralIsAcknowledgedInvestigatedAndAnsweredByTheGarants() throws Exception {
        String convention = api.openConvention();
        String referral = api.created("VOTER", "/api/conventions/" + convention + "/referrals", REFERRAL, "referralId");
        String r = "/api/referrals/" + referral;

        api.post("GARANT", r + "/investigations", "{\"note\":\"Early\",\"on\":\"2022-03-02\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("not-acknowledged"));
        api.post("GARANT", r + "/acknowledgement", "{\"on\":\"2022-03-03\"}").andExpect(status().isOk());
        api.post("GARANT", r + "/acknowledgement", "{\"on\":\"2022-03-04\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("already-acknowledged"));
        api.post("GARANT", r + "/investigations", "{\"note\":\"Attended session 3\",\"on\":\"2022-03-05\"}")
                .andExpect(status().isOk());
        api.post("GARANT", r + "/answer", "{\"answer\":\"A speakers' list is kept.\",\"on\":\"2022-03-20\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ANSWERED"));
        api.post("GARANT", r + "/answer", "{\"answer\":\"Again\",\"on\":\"2022-03-21\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("already-answered"));

        List<String> types = new ArrayList<>();
        eventStore
                .readEvents(referral)
                .forEachRemaining(e -> types.add(e.getPayloadType().getSimpleName()));
        assertThat(types)
                .containsExactly("MatterReferred", "ReferralAcknowledged", "ReferralInvestigated", "ReferralAnswered");
    }

    @Test
    void anOrganiserRecordsAReferralByLetterAndGarantsPublishOpinions() throws Exception {
        String convention = api.openConvention();
        api.created(
                "ORGANISER",
                "/api/conventions/" + convention + "/referrals",
                REFERRAL.replace("resident", "member"),
                "referralId");
        String opinion = api.created(
                "GARANT",
                "/api/conventions/" + convention + "/garant-opinions",
                "{\"occasion\":\"END_OF_SESSION\",\"session\":3,\"text\":\"Charter respected.\","
                        + "\"publishedOn\":\"2022-01-15\"}",
                "opinionId");
        api.post(
                        "GARANT",
                        "/api/conventions/" + convention + "/garant-opinions",
                        "{\"occasion\":\"FINAL\",\"session\":3,\"text\":\"Final.\",\"publishedOn\":\"2022-06-30\"}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("session-not-allowed"));

        List<String> types = new ArrayList<>();
        eventStore
                .readEvents(opinion)
                .forEachRemaining(e -> types.add(e.getPayloadType().getSimpleName()));
        assertThat(types).containsExactly("GarantOpinionPublished");
    }

    @Test
    void onlyTheGarantsActOnReferralsAndPublishOpinions() throws Exception {
        String convention = api.openConvention();
        String referral = api.created("VOTER", "/api/conventions/" + convention + "/referrals", REFERRAL, "referralId");
        for (String role : List.of("ORGANISER", "VOTER", "MONITOR", "PLATFORM")) {
            api.post(role, "/api/referrals/" + referral + "/acknowledgement", "{\"on\":\"2022-03-03\"}")
                    .andExpect(status().isForbidden());
            api.post(
                            role,
                            "/api/conventions/" + convention + "/garant-opinions",
                            "{\"occasion\":\"FINAL\",\"text\":\"Final.\",\"publishedOn\":\"2022-06-30\"}")
                    .andExpect(status().isForbidden());
        }
        for (String role : List.of("GARANT", "MONITOR", "PLATFORM")) {
            api.post(role, "/api/conventions/" + convention + "/referrals", REFERRAL)
                    .andExpect(status().isForbidden());
        }
    }

    @Test
    void requestFieldsAreValidatedAndTheConventionMustExist() throws Exception {
        api.post("VOTER", "/api/conventions/nowhere/referrals", REFERRAL)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("unknown-convention"));
        String convention = api.openConvention();
        api.post(
                        "VOTER",
                        "/api/conventions/" + convention + "/referrals",
                        REFERRAL.replace("resident", "Jeanne Dupont"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-fields"));
        api.post(
                        "VOTER",
                        "/api/conventions/" + convention + "/referrals",
                        "{\"subject\":\" \",\"text\":\"X\",\"referredBy\":\"member\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-fields"));
        api.post(
                        "GARANT",
                        "/api/conventions/" + convention + "/garant-opinions",
                        "{\"occasion\":\"END_OF_SESSION\",\"session\":0,\"text\":\"T\",\"publishedOn\":\"2022-01-15\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-fields"));
        api.post("GARANT", "/api/referrals/nowhere/acknowledgement", "{\"on\":\"2022-03-03\"}")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("unknown-id"));
    }

    @Test
    void aCitizenWithoutAnAccountRefersAMatterAsThePublicAndOnlyAGarantOpensTheSealedContact() throws Exception {
        String convention = api.openConvention();
        String body = REFERRAL.replace(",\"referredOn\":\"2022-03-01\"", ",\"contact\":\" jeanne@example.org \"");
        String referral = ApiClient.json(
                        anonymous(convention, body, "198.51.100.1").andExpect(status().isCreated()))
                .path("referralId")
                .asText();

        DomainEventMessage<?> referred = eventStore.readEvents(referral).next();
        assertThat(referred.getMetaData()).containsEntry("actorId", "public").containsEntry("actorRole", "PUBLIC");
        MatterReferred event = (MatterReferred) referred.getPayload();
        assertThat(event.referredOn()).isEqualTo(LocalDate.now());
        assertThat(event.contact().personId()).startsWith("p-");
        String logged = referred.getMetaData() + " " + JSON.writeValueAsString(event);
        assertThat(logged).doesNotContain("jeanne").doesNotContain("198.51.100.1");

        for (String role : List.of("ORGANISER", "MONITOR", "VOTER")) {
            api.get(role, "/api/referrals/" + referral + "/contact").andExpect(status().isForbidden());
        }
        api.get(null, "/api/referrals/" + referral + "/contact").andExpect(status().isUnauthorized());
        api.get("GARANT", "/api/referrals/" + referral + "/contact")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contact").value("jeanne@example.org"));
        List<DomainEventMessage<?>> reads = new ArrayList<>();
        eventStore.readEvents(PersonalDataAccessLog.idOf(convention)).forEachRemaining(reads::add);
        assertThat(reads).hasSize(1);
        assertThat(reads.get(0).getPayload())
                .isEqualTo(new PersonalDataRead(
                        convention, "referral-contact", List.of(event.contact().personId())));
        assertThat(reads.get(0).getMetaData()).containsEntry("actorRole", "GARANT");
    }

    @Test
    void aRefusedReferralLeavesNoSealedContactInTheVault() throws Exception {
        String withContact = REFERRAL.replace(",\"referredOn\":\"2022-03-01\"", ",\"contact\":\"jeanne@example.org\"");
        String convention = api.openConvention();
        List<Long> before = vaultRows();
        anonymous(convention, withContact, "198.51.100.3").andExpect(status().isCreated());
        assertThat(vaultRows().get(0)).as("an accepted referral's contact key").isEqualTo(before.get(0) + 1);

        List<Long> afterOne = vaultRows();
        // the aggregate refuses these (no such convention) after the request's own checks passed
        anonymous("nowhere", withContact, "198.51.100.3").andExpect(ApiClient.problem(404, "unknown-convention"));
        api.post("VOTER", "/api/conventions/nowhere/referrals", withContact)
                .andExpect(ApiClient.problem(404, "unknown-convention"));
        assertThat(vaultRows()).as("keys, erasures and index rows as they were").isEqualTo(afterOne);
    }

    /** How many keys, erasures and matching tags the vault holds. */
    private List<Long> vaultRows() {
        JdbcTemplate vault = new JdbcTemplate(new DriverManagerDataSource(vaultUrl, "sa", ""));
        return List.of("vault_person_key", "vault_erasure", "vault_person_index").stream()
                .map(table -> vault.queryForObject("SELECT COUNT(*) FROM " + table, Long.class))
                .toList();
    }

    @Test
    void aPublicCallerCannotMakeTheLogHoldMoreThanTheBoundsNorBackdateAReferral() throws Exception {
        String convention = api.openConvention();
        long before = eventsIn(eventStore);
        String bad = "{\"subject\":\"%s\",\"text\":\"%s\",\"referredBy\":\"resident\",\"contact\":\"%s\"}";
        for (String[] field : List.of(
                new String[] {"subject", bad.formatted("s".repeat(201), "t", "")},
                new String[] {"text", bad.formatted("s", "t".repeat(10_001), "")},
                new String[] {"text", bad.formatted("s", "  ", "")},
                new String[] {"contact", bad.formatted("s", "t", "c".repeat(201))},
                new String[] {"attachments[0]", REFERRAL.replace("doc-letter-12", "d".repeat(201))})) {
            anonymous(convention, field[1], "198.51.100.2")
                    .andExpect(ApiClient.problem(400, "invalid-fields"))
                    .andExpect(jsonPath("$.errors[0].field").value(field[0]));
        }
        anonymous(convention, REFERRAL, "198.51.100.2").andExpect(ApiClient.problem(422, "referred-on-not-allowed"));
        assertThat(eventsIn(eventStore)).as("nothing written").isEqualTo(before);
    }

    @Test
    void aFloodFromOneAddressIsAnswered429AndWritesNothingWhileOthersAndSignedInPeopleGoOn() throws Exception {
        String convention = api.openConvention();
        String today = REFERRAL.replace(",\"referredOn\":\"2022-03-01\"", "");
        for (int i = 0; i < 3; i++) {
            anonymous(convention, today, "203.0.113.9").andExpect(status().isCreated());
        }
        long before = eventsIn(eventStore);
        ResultActions refused =
                anonymous(convention, today, "203.0.113.9").andExpect(ApiClient.problem(429, "too-many-referrals"));
        // the window (an hour) began with the first of the three: the caller is told how long is left of it
        long retryAfter = Long.parseLong(refused.andReturn().getResponse().getHeader(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(3_000L, 3_600L);
        JsonNode problem = ApiClient.json(refused);
        assertThat(problem.path("retryAfterSeconds").asLong()).isEqualTo(retryAfter);
        assertThat(problem.path("detail").asText()).endsWith("Try again in " + retryAfter + " seconds.");
        // an address claimed by a peer that is not a trusted proxy is not believed: the peer is counted
        for (int i = 0; i < 3; i++) {
            http.perform(post("/api/conventions/" + convention + "/referrals")
                            .with(from("192.0.2.50"))
                            .header("X-Forwarded-For", "10.0.0." + i)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(today))
                    .andExpect(status().isCreated());
        }
        http.perform(post("/api/conventions/" + convention + "/referrals")
                        .with(from("192.0.2.50"))
                        .header("X-Forwarded-For", "10.0.0.99")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(today))
                .andExpect(ApiClient.problem(429, "too-many-referrals"))
                .andExpect(header().exists(HttpHeaders.RETRY_AFTER));
        assertThat(eventsIn(eventStore)).as("the refused ones wrote nothing").isEqualTo(before + 3);
        anonymous(convention, today, "203.0.113.10").andExpect(status().isCreated());
        api.post("VOTER", "/api/conventions/" + convention + "/referrals", today)
                .andExpect(status().isCreated());
    }

    private ResultActions anonymous(String convention, String body, String forwardedFor) throws Exception {
        return http.perform(post("/api/conventions/" + convention + "/referrals")
                .header("X-Forwarded-For", forwardedFor)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
