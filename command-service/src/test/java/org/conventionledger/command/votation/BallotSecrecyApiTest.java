package org.conventionledger.command.votation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.command.platform.ApiClient.json;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.conventionledger.command.platform.ApiClient;
import org.conventionledger.command.platform.WriteApiTest;
import org.conventionledger.events.consultation.ArgumentPosted;
import org.conventionledger.events.consultation.ProposalSubmitted;
import org.conventionledger.events.consultation.ProposalVoted;
import org.conventionledger.events.oversight.MatterReferred;
import org.conventionledger.events.votation.OnlineBallotCast;
import org.conventionledger.events.votation.PaperBallotRecorded;
import org.conventionledger.events.votation.PaperVoterCheckedOff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ballot secrecy on the write side, over HTTP with a voter signing in through OIDC (mocked decoder): she
 * also refers a matter in her own name, votes in a votation, proposes, votes and argues in a consultation,
 * and tries to vote twice. Nothing recorded about her votes (metadata, payload, trace and correlation ids),
 * nothing in the metrics and nothing in the service's log carries her token's subject or ties her votes to
 * her referral; her referral does name her, which shows the check can see the subject where it is.
 */
@AutoConfigureObservability(tracing = false)
@ExtendWith(OutputCaptureExtension.class)
class BallotSecrecyApiTest extends WriteApiTest {

    /** The token subject of the voter; her token is {@code VOTER.<subject>}. */
    private static final String SUBJECT = "f3a9c2-alice-martin";

    private static final String ALICE = "VOTER." + SUBJECT;
    private static final String BIRTH_DATE = "1987-11-23";
    private static final Map<String, Object> ADULT = Map.of("birthDate", "1980-04-02", "resident", true);
    private static final Set<Class<?>> VOTES = Set.of(
            OnlineBallotCast.class,
            PaperVoterCheckedOff.class,
            PaperBallotRecorded.class,
            ProposalVoted.class,
            ArgumentPosted.class,
            ProposalSubmitted.class);
    private static final Set<String> CHANNELS = Set.of("voter-signing-in", "platform", "desk:D-1");
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void nothingRecordedMeasuredOrLoggedTiesASignedInVoterToHerVotes(CapturedOutput output) throws Exception {
        ApiClient api = ApiClient.withRoleTokens(
                http, jwtDecoder, Map.of(SUBJECT, Map.of("birthdate", BIRTH_DATE, "resident", true)));
        String convention = api.openConvention();
        api.created(ALICE, "/api/conventions/" + convention + "/referrals", """
                {"subject":"Speaking time","text":"Some members never get the floor.",
                 "referredBy":"resident","referredOn":"2022-03-01"}""", "referralId");

        String ballots = "/api/votations/" + openVotation(api, convention) + "/ballots";
        String ballotId = api.created(ALICE, ballots, "{\"choices\":[2]}", "ballotId");
        api.post(ALICE, ballots, "{\"choices\":[3]}").andExpect(status().isConflict());
        api.created(
                "PLATFORM",
                ballots,
                JSON.writeValueAsString(Map.of("voterRef", "R-2", "choices", List.of(1), "voterFacts", ADULT)),
                "ballotId");
        api.created(
                "ORGANISER",
                ballots.replace("/ballots", "/paper-voters"),
                JSON.writeValueAsString(Map.of("deskId", "D-1", "voterRef", "R-3", "voterFacts", ADULT)),
                "ballotId");

        String call = VotationSetup.openCall(api, convention);
        String proposal = api.created(
                ALICE,
                "/api/consultation/calls/" + call + "/proposals",
                "{\"title\":\"Bike lanes\",\"text\":\"On every avenue.\"}",
                "proposalId");
        String p = "/api/consultation/calls/" + call + "/proposals/" + proposal;
        api.post(ALICE, p + "/votes", "{\"stance\":\"FOR\"}").andExpect(status().isCreated());
        api.post(ALICE, p + "/arguments", "{\"text\":\"Safer for children.\"}").andExpect(status().isCreated());

        List<TrackedEventMessage<?>> log = wholeLog();
        List<TrackedEventMessage<?>> votes =
                log.stream().filter(e -> VOTES.contains(e.getPayloadType())).toList();
        assertThat(votes)
                .extracting(e -> e.getPayloadType().getSimpleName())
                .containsExactlyInAnyOrder(
                        "OnlineBallotCast",
                        "OnlineBallotCast",
                        "PaperVoterCheckedOff",
                        "ProposalSubmitted",
                        "ProposalVoted",
                        "ArgumentPosted");
        for (TrackedEventMessage<?> vote : votes) {
            assertThat(vote.getMetaData())
                    .as("metadata of %s", vote.getPayloadType().getSimpleName())
                    .containsOnlyKeys(
                            "actorId", "actorRole", "correlationId", "traceId", "ledgerKeyId", "ledgerSignature");
            assertThat(CHANNELS).contains((String) vote.getMetaData().get("actorId"));
            assertThat(JSON.writeValueAsString(vote.getMetaData()) + JSON.writeValueAsString(vote.getPayload()))
                    .doesNotContain(SUBJECT)
                    .doesNotContain("alice")
                    .doesNotContain(BIRTH_DATE);
        }
        assertThat(votes)
                .filteredOn(e -> e.getPayload() instanceof OnlineBallotCast b
                        && b.ballotId().equals(ballotId))
                .singleElement()
                .satisfies(e -> assertThat(e.getMetaData())
                        .containsEntry("actorId", "voter-signing-in")
                        .containsEntry("actorRole", "VOTER"));
        TrackedEventMessage<?> referral = log.stream()
                .filter(e -> e.getPayload() instanceof MatterReferred)
                .findFirst()
                .orElseThrow();
        assertThat(referral.getMetaData()).containsEntry("actorId", SUBJECT);
        noTraceIsShared(log, votes);

        String metrics = metrics(api);
        assertThat(metrics)
                .contains("/api/votations/{votationId}/ballots")
                .doesNotContain(SUBJECT)
                .doesNotContain(ballotId.substring("ballot-".length()));
        assertThat(output.getAll())
                .doesNotContain(SUBJECT)
                .doesNotContain(ballotId.substring("ballot-".length()))
                .doesNotContain(BIRTH_DATE);
    }

    /** No vote's trace or correlation id appears on an event of another stream (her referral's included). */
    private static void noTraceIsShared(List<TrackedEventMessage<?>> log, List<TrackedEventMessage<?>> votes) {
        for (TrackedEventMessage<?> vote : votes) {
            String stream = ((DomainEventMessage<?>) vote).getAggregateIdentifier();
            Set<Object> ids = new HashSet<>(List.of(
                    vote.getMetaData().get("traceId"), vote.getMetaData().get("correlationId")));
            List<String> sharing = log.stream()
                    .filter(e -> !(e instanceof DomainEventMessage<?> d
                            && d.getAggregateIdentifier().equals(stream)))
                    .filter(e -> ids.contains(e.getMetaData().get("traceId"))
                            || ids.contains(e.getMetaData().get("correlationId")))
                    .map(e -> e.getPayloadType().getSimpleName())
                    .toList();
            assertThat(sharing)
                    .as("events sharing the trace of %s", vote.getPayloadType().getSimpleName())
                    .isEmpty();
        }
    }

    /** The Prometheus scrape, with whichever role the service asks for it (operations data is not public). */
    private static String metrics(ApiClient api) throws Exception {
        for (String role : List.of("OPERATOR", "ORGANISER", "GARANT", "MONITOR")) {
            var response = api.get(role, "/actuator/prometheus").andReturn().getResponse();
            if (response.getStatus() == 200) {
                return response.getContentAsString(StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no staff role may read /actuator/prometheus");
    }

    private List<TrackedEventMessage<?>> wholeLog() throws InterruptedException {
        List<TrackedEventMessage<?>> events = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable()) {
                events.add(stream.nextAvailable());
            }
        }
        return events;
    }

    /** Four finalised actions, put straight into the register, and a votation on them open since yesterday. */
    private String openVotation(ApiClient api, String convention) throws Exception {
        List<String> actionIds = VotationSetup.finalisedActions(jdbc, convention, 4);
        Map<String, Object> body = VotationSetup.openSinceYesterday(actionIds);
        String votationId = api.created(
                "ORGANISER",
                "/api/conventions/" + convention + "/votations",
                JSON.writeValueAsString(body),
                "votationId");
        json(api.post("ORGANISER", "/api/votations/" + votationId + "/open", "{}")
                .andExpect(status().isOk()));
        return votationId;
    }
}
