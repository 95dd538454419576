package org.conventionledger.command.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.command.platform.ApiClient.problem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.conventionledger.command.platform.WriteApiTest;
import org.conventionledger.command.votation.VoterReference;
import org.conventionledger.events.consultation.ArgumentHidden;
import org.conventionledger.events.consultation.ArgumentPosted;
import org.conventionledger.events.consultation.CallForProposalsOpened;
import org.conventionledger.events.consultation.ProposalSubmitted;
import org.conventionledger.events.consultation.ProposalVoted;
import org.conventionledger.events.consultation.Stance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The consultation over HTTP on the embedded event store: a call drawn from a CAC sheet, residents
 * acting as themselves (VOTER) or relayed by the platform (PLATFORM), moderation, the close, who may
 * do what (the bearer token here is the caller's role), and rejected requests as problems that write
 * nothing.
 */
class ConsultationApiTest extends WriteApiTest {

    private static final String CAC = """
            {"findings":"Too many cars","analysis":"Few safe cycle lanes",
             "commonCriteria":["Feasible within the mandate"],"specificCriteria":["Fewer cars in the centre"]}""";

    @Autowired
    EventStore eventStore;

    @Autowired
    ResidentPseudonyms pseudonyms;

    private record Setup(String convention, String topic, String call) {}

    /** A convention, a topic with its CAC sheet, and a call open since an hour ago for a day. */
    private Setup openCall() throws Exception {
        String convention = api.openConvention();
        String topic = api.created(
                "ORGANISER",
                "/api/conventions/" + convention + "/topics",
                "{\"assembly\":\"ECOLOGICAL\",\"title\":\"Mobilité\"}",
                "topicId");
        api.post("ORGANISER", "/api/topics/" + topic + "/cac-sheets", CAC).andExpect(status().isCreated());
        String call = api.created(
                "ORGANISER",
                "/api/conventions/" + convention + "/consultation/calls",
                callBody(
                        topic,
                        Instant.now().minus(1, ChronoUnit.HOURS),
                        Instant.now().plus(1, ChronoUnit.DAYS)),
                "callId");
        return new Setup(convention, topic, call);
    }

    private static String callBody(String topic, Instant opensAt, Instant closesAt) {
        return "{\"topicId\":\"" + topic + "\",\"title\":\"Vos idées pour la mobilité\",\"opensAt\":\"" + opensAt
                + "\",\"closesAt\":\"" + closesAt + "\"}";
    }

    private List<Object> payloads(String aggregateId) {
        List<Object> payloads = new ArrayList<>();
        eventStore.readEvents(aggregateId).forEachRemaining(e -> payloads.add(e.getPayload()));
        return payloads;
    }

    private long head() {
        return eventStore.createHeadToken().position().orElse(-1);
    }

    @Test
    void residentsProposeVoteAndArgueAndOrganisersModerateAndClose() throws Exception {
        Setup s = openCall();
        String c = "/api/consultation/calls/" + s.call();
        assertThat(payloads(s.call())).singleElement().isInstanceOfSatisfying(CallForProposalsOpened.class, e -> {
            assertThat(e.criteria()).containsExactly("Feasible within the mandate", "Fewer cars in the centre");
            assertThat(e.cacVersion()).isEqualTo(1);
            assertThat(e.topicTitle()).isEqualTo("Mobilité");
        });

        String proposal = api.created(
                "VOTER",
                c + "/proposals",
                "{\"title\":\"Pistes cyclables continues\",\"text\":\"Relier les quartiers.\"}",
                "proposalId");
        String p = c + "/proposals/" + proposal;
        api.post("VOTER", p + "/votes", "{\"stance\":\"FOR\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.stance").value("FOR"));
        api.post("VOTER", p + "/votes", "{\"stance\":\"FOR\"}").andExpect(problem(409, "same-stance"));
        api.post("VOTER", p + "/votes", "{\"stance\":\"MIXED\"}").andExpect(status().isCreated());
        String argument =
                api.created("VOTER", p + "/arguments", "{\"text\":\"Oui, mais pas rue Blatin.\"}", "argumentId");
        // the platform relays two other residents; one argues without voting
        api.post("PLATFORM", p + "/votes", "{\"voterRef\":\"desk-12/0042\",\"stance\":\"AGAINST\"}")
                .andExpect(status().isCreated());
        api.post("PLATFORM", p + "/arguments", "{\"voterRef\":\"desk-12/0043\",\"text\":\"Non.\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("vote-required"));

        String author = pseudonyms.of(s.convention(), VoterReference.of("voter@city"));
        assertThat(payloads(proposal))
                .singleElement()
                .isInstanceOfSatisfying(
                        ProposalSubmitted.class,
                        e -> assertThat(e.authorPseudonym())
                                .isEqualTo(author)
                                .hasSize(64)
                                .doesNotContain("voter"));
        String voteId = ConsultationVote.idOf(s.call(), proposal, author);
        List<Object> vote = payloads(voteId);
        assertThat(vote).hasSize(3);
        assertThat(vote.get(0)).isInstanceOfSatisfying(ProposalVoted.class, e -> {
            assertThat(e.stance()).isEqualTo(Stance.FOR);
            assertThat(e.previousStance()).isNull();
        });
        assertThat(vote.get(1)).isInstanceOfSatisfying(ProposalVoted.class, e -> {
            assertThat(e.stance()).isEqualTo(Stance.MIXED);
            assertThat(e.previousStance()).isEqualTo(Stance.FOR);
        });
        assertThat(vote.get(2))
                .isInstanceOfSatisfying(
                        ArgumentPosted.class, e -> assertThat(e.stance()).isEqualTo(Stance.MIXED));
        String relayed = ConsultationVote.idOf(
                s.call(), proposal, pseudonyms.of(s.convention(), VoterReference.of("desk-12/0042")));
        assertThat(payloads(relayed)).singleElement().isInstanceOf(ProposalVoted.class);

        api.post("ORGANISER", c + "/arguments/" + argument + "/hide", "{\"reason\":\"Names a shopkeeper\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hidden").value(true));
        api.post("ORGANISER", c + "/arguments/" + argument + "/hide", "{\"reason\":\"Again\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("already-hidden"));
        assertThat(payloads(voteId))
                .last()
                .isInstanceOfSatisfying(
                        ArgumentHidden.class, e -> assertThat(e.reason()).isEqualTo("Names a shopkeeper"));

        api.post("ORGANISER", p + "/hide", "{\"reason\":\"Off topic\"}").andExpect(status().isOk());
        api.post("VOTER", p + "/votes", "{\"stance\":\"AGAINST\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("proposal-hidden"));

        api.post("ORGANISER", c + "/close", "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));
        api.post("ORGANISER", c + "/close", "")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("call-closed"));
        api.post("VOTER", c + "/proposals", "{\"title\":\"Late\",\"text\":\"Too late.\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("call-not-open"));
        assertThat(payloads(s.call())).hasSize(2);
        assertThat(payloads(proposal)).hasSize(2);
    }

    @Test
    void rejectedRequestsAnswerProblemsNamingTheFieldOrRuleAndWriteNothing() throws Exception {
        Setup s = openCall();
        String c = "/api/consultation/calls/" + s.call();
        String proposal = api.created(
                "PLATFORM",
                c + "/proposals",
                "{\"voterRef\":\"r-1\",\"title\":\"Bancs publics\",\"text\":\"Plus de bancs.\"}",
                "proposalId");
        String p = c + "/proposals/" + proposal;
        long head = head();

        api.post("VOTER", c + "/proposals", "{\"title\":\" \",\"text\":\"T\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-fields"))
                .andExpect(jsonPath("$.errors[0].field").value("title"));
        api.post("VOTER", p + "/votes", "{\"stance\":\"MAYBE\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("malformed-request"))
                .andExpect(jsonPath("$.field").value("stance"));
        api.post("VOTER", p + "/votes", "{}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("stance"));
        api.post("PLATFORM", p + "/votes", "{\"stance\":\"FOR\"}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("voter-ref-required"));
        api.post("VOTER", p + "/votes", "{\"voterRef\":\"someone-else\",\"stance\":\"FOR\"}")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("voter-ref-not-allowed"));
        api.post("VOTER", "/api/consultation/calls/nowhere/proposals", "{\"title\":\"T\",\"text\":\"T\"}")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("unknown-call"));
        api.post("VOTER", c + "/proposals/nowhere/votes", "{\"stance\":\"FOR\"}")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("unknown-proposal"));
        api.post("VOTER", p + "/arguments", "{\"text\":\"Sans voter\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("vote-required"));
        api.post("ORGANISER", p + "/hide", "{\"reason\":\"\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        api.post("ORGANISER", c + "/proposals/nowhere/hide", "{\"reason\":\"R\"}")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("unknown-id"));
        api.post("ORGANISER", c + "/arguments/nowhere/hide", "{\"reason\":\"R\"}")
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("unknown-argument"));
        api.post(
                        "ORGANISER",
                        "/api/conventions/" + s.convention() + "/consultation/calls",
                        callBody("nowhere", Instant.now(), Instant.now().plus(1, ChronoUnit.DAYS)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("unknown-topic"));
        api.post(
                        "ORGANISER",
                        "/api/conventions/" + s.convention() + "/consultation/calls",
                        callBody(s.topic(), Instant.now(), Instant.now().minus(1, ChronoUnit.DAYS)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("closes-before-opening"));
        api.post(
                        "ORGANISER",
                        "/api/conventions/" + s.convention() + "/consultation/calls",
                        "{\"topicId\":\"" + s.topic() + "\",\"title\":\"T\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("invalid-fields"));

        assertThat(head()).isEqualTo(head);
    }

    @Test
    void residentsAndThePlatformTakePartAndOnlyOrganisersOpenCloseAndModerate() throws Exception {
        Setup s = openCall();
        String c = "/api/consultation/calls/" + s.call();
        String proposal =
                api.created("VOTER", c + "/proposals", "{\"title\":\"Arbres\",\"text\":\"Planter.\"}", "proposalId");
        String p = c + "/proposals/" + proposal;
        api.post("VOTER", p + "/votes", "{\"stance\":\"FOR\"}").andExpect(status().isCreated());
        String argument = api.created("VOTER", p + "/arguments", "{\"text\":\"De l'ombre.\"}", "argumentId");
        long head = head();

        for (String role : List.of("VOTER", "PLATFORM", "GARANT", "MONITOR")) {
            api.post(
                            role,
                            "/api/conventions/" + s.convention() + "/consultation/calls",
                            callBody(s.topic(), Instant.now(), Instant.now().plus(1, ChronoUnit.DAYS)))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.code").value("forbidden"));
            api.post(role, c + "/close", "").andExpect(status().isForbidden());
            api.post(role, p + "/hide", "{\"reason\":\"R\"}").andExpect(status().isForbidden());
            api.post(role, c + "/arguments/" + argument + "/hide", "{\"reason\":\"R\"}")
                    .andExpect(status().isForbidden());
        }
        for (String role : List.of("ORGANISER", "GARANT", "MONITOR")) {
            api.post(role, c + "/proposals", "{\"title\":\"T\",\"text\":\"T\"}").andExpect(status().isForbidden());
            api.post(role, p + "/votes", "{\"stance\":\"FOR\"}").andExpect(status().isForbidden());
            api.post(role, p + "/arguments", "{\"text\":\"T\"}").andExpect(status().isForbidden());
        }
        api.post(null, c + "/proposals", "{\"title\":\"T\",\"text\":\"T\"}").andExpect(status().isUnauthorized());
        assertThat(head()).isEqualTo(head);
    }

    @Test
    void aCallThatHasNotOpenedTakesNothingYet() throws Exception {
        Setup s = openCall();
        String later = api.created(
                "ORGANISER",
                "/api/conventions/" + s.convention() + "/consultation/calls",
                callBody(
                        s.topic(),
                        Instant.now().plus(1, ChronoUnit.DAYS),
                        Instant.now().plus(3, ChronoUnit.DAYS)),
                "callId");
        api.post("VOTER", "/api/consultation/calls/" + later + "/proposals", "{\"title\":\"T\",\"text\":\"T\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("call-not-open"));
    }

    @Test
    void oneResidentsRacingFirstVotesOnAProposalRecordOneVote() throws Exception {
        Setup s = openCall();
        String c = "/api/consultation/calls/" + s.call();
        String proposal =
                api.created("VOTER", c + "/proposals", "{\"title\":\"Fontaines\",\"text\":\"Eau.\"}", "proposalId");
        String p = c + "/proposals/" + proposal;
        List<Thread> threads = new ArrayList<>();
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        for (Stance stance :
                List.of(Stance.FOR, Stance.FOR, Stance.AGAINST, Stance.MIXED, Stance.FOR, Stance.AGAINST)) {
            Thread thread = new Thread(() -> {
                try {
                    statuses.add(
                            api.post("PLATFORM", p + "/votes", "{\"voterRef\":\"r-77\",\"stance\":\"" + stance + "\"}")
                                    .andReturn()
                                    .getResponse()
                                    .getStatus());
                } catch (Exception e) {
                    statuses.add(-1);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        String voteId =
                ConsultationVote.idOf(s.call(), proposal, pseudonyms.of(s.convention(), VoterReference.of("r-77")));
        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(voteId).forEachRemaining(events::add);
        assertThat(statuses).doesNotContain(-1, 500);
        assertThat(statuses.stream().filter(code -> code == 201).count()).isEqualTo(events.size());
        assertThat(events).isNotEmpty();
        assertThat(((ProposalVoted) events.get(0).getPayload()).previousStance())
                .isNull();
        for (int i = 1; i < events.size(); i++) {
            ProposalVoted before = (ProposalVoted) events.get(i - 1).getPayload();
            ProposalVoted after = (ProposalVoted) events.get(i).getPayload();
            assertThat(after.previousStance()).isEqualTo(before.stance()).isNotEqualTo(after.stance());
        }
    }
}
