package org.conventionledger.command.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.conventionledger.command.platform.WriteApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Referrals and garant opinions over HTTP, on the embedded event store: who may do what (the bearer
 * token here is the caller's role), request validation, rules answering problems, and the log.
 */
class ReferralApiTest extends WriteApiTest {

    private static final String REFERRAL = """
            {"subject":"Speaking time","text":"Some members never get the floor.",
             "attachments":["doc-letter-12"],"referredBy":"resident","referredOn":"2022-03-01"}""";

    @Autowired
    EventStore eventStore;

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
}
