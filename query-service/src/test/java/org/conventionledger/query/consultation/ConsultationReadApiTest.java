package org.conventionledger.query.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.events.consultation.Stance.AGAINST;
import static org.conventionledger.events.consultation.Stance.FOR;
import static org.conventionledger.events.consultation.Stance.MIXED;
import static org.conventionledger.query.platform.ProcessorAssertions.assertPooledAndFailingBatches;
import static org.conventionledger.query.platform.TestEvents.conventionOpened;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.conventionledger.events.consultation.ArgumentPosted;
import org.conventionledger.events.consultation.CallForProposalsClosed;
import org.conventionledger.events.consultation.CallForProposalsOpened;
import org.conventionledger.events.consultation.ProposalHidden;
import org.conventionledger.events.consultation.ProposalSubmitted;
import org.conventionledger.events.consultation.ProposalVoted;
import org.conventionledger.events.organisation.ConventionOpened;
import org.conventionledger.platform.identity.Role;
import org.conventionledger.query.platform.ProcessingConfiguration;
import org.conventionledger.query.platform.ReadApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The consultation read side as the service runs it: its own pooled processor sequenced by
 * convention, events written to the log (JSON-serialized) reaching the staff view and the public
 * results over HTTP, and who may read which.
 */
class ConsultationReadApiTest extends ReadApiTest {

    @Autowired
    EventProcessingConfiguration processing;

    /** Each payload in the stream the command service would write it to. */
    private void publish(List<Object> payloads) {
        Map<String, Long> sequences = new HashMap<>();
        List<EventMessage<?>> messages = new ArrayList<>();
        for (Object payload : payloads) {
            String[] stream = streamOf(payload);
            long sequence = sequences.merge(stream[1], 1L, Long::sum) - 1;
            messages.add(new GenericDomainEventMessage<>(
                    stream[0],
                    stream[1],
                    sequence,
                    payload,
                    Map.of("actorId", "platform", "actorRole", "PLATFORM"),
                    UUID.randomUUID().toString(),
                    Instant.now()));
        }
        eventStore.publish(messages);
    }

    private static String[] streamOf(Object payload) {
        if (payload instanceof ConventionOpened o) {
            return new String[] {"Convention", o.conventionId()};
        }
        if (payload instanceof ProposalVoted v) {
            return new String[] {"ConsultationVote", v.proposalId() + "/" + v.voterPseudonym()};
        }
        if (payload instanceof ArgumentPosted a) {
            return new String[] {"ConsultationVote", a.proposalId() + "/" + a.voterPseudonym()};
        }
        if (payload instanceof ProposalSubmitted s) {
            return new String[] {"Proposal", s.proposalId()};
        }
        if (payload instanceof ProposalHidden h) {
            return new String[] {"Proposal", h.proposalId()};
        }
        if (payload instanceof CallForProposalsOpened c) {
            return new String[] {"CallForProposals", c.callId()};
        }
        if (payload instanceof CallForProposalsClosed c) {
            return new String[] {"CallForProposals", c.callId()};
        }
        throw new IllegalArgumentException(payload.toString());
    }

    @Test
    void theConsultationProcessorIsPooledSequencedByConventionAndFailsBatchesOnErrors() {
        assertPooledAndFailingBatches(processing, ProcessingConfiguration.CONSULTATION, "consultation");
        ConsultationEvents e = new ConsultationEvents("conv-seq");
        var policy = processing.sequencingPolicy(ProcessingConfiguration.CONSULTATION);
        EventMessage<?> vote = new GenericDomainEventMessage<>(
                "ConsultationVote", "v-1", 0, e.voted("call-1", "p-1", "r-1", FOR, null));
        EventMessage<?> call = new GenericDomainEventMessage<>("CallForProposals", "call-1", 0, e.callClosed("call-1"));
        assertThat(policy.getSequenceIdentifierFor(vote))
                .isEqualTo("conv-seq")
                .isEqualTo(policy.getSequenceIdentifierFor(call));
    }

    @Test
    void eventsWrittenToTheLogReachTheStaffViewAndThePublicResults() throws Exception {
        String convention = "conv-" + UUID.randomUUID();
        String call = "call-" + UUID.randomUUID();
        ConsultationEvents e = new ConsultationEvents(convention);
        publish(List.of(
                conventionOpened(convention, "Convention e2e", "Clermont-Ferrand", ECOLOGICAL),
                e.callOpened(call, "Mobilité"),
                e.submitted(call, "p-1", "r-1"),
                e.submitted(call, "p-2", "r-2"),
                e.voted(call, "p-1", "r-2", FOR, null),
                e.voted(call, "p-1", "r-3", AGAINST, null),
                e.voted(call, "p-1", "r-3", MIXED, AGAINST),
                e.argued(call, "p-1", "a-1", "r-3", MIXED),
                e.voted(call, "p-2", "r-1", AGAINST, null),
                e.proposalHidden(call, "p-2", "Advertising"),
                e.callClosed(call)));

        JsonNode staff = await(
                "/api/conventions/" + convention + "/consultation",
                Role.MONITOR,
                v -> "CLOSED".equals(v.path("calls").path(0).path("status").asText()));
        JsonNode first = staff.path("calls").path(0);
        assertThat(first.path("proposalsSubmitted").asLong()).isEqualTo(2);
        assertThat(first.path("proposalsHidden").asLong()).isEqualTo(1);
        assertThat(first.path("votes").asLong()).isEqualTo(3);
        assertThat(first.path("proposals").path(0).path("proposalId").asText()).isEqualTo("p-1");
        assertThat(first.path("proposals").path(0).path("mixedVotes").asLong()).isEqualTo(1);
        assertThat(first.path("proposals").path(1).path("hiddenReason").asText())
                .isEqualTo("Advertising");
        assertThat(first.path("participation").path("residents").asLong()).isEqualTo(3);
        assertThat(first.path("closedAt").isTextual()).isTrue();
        assertThat(staff.toString()).doesNotContain("authorPseudonym", "voterPseudonym");
        for (Role role : List.of(Role.ORGANISER, Role.GARANT)) {
            assertThat(get("/api/conventions/" + convention + "/consultation", role)
                            .statusCode())
                    .isEqualTo(200);
        }

        HttpResponse<String> anonymous = get("/api/public/consultation/calls/" + call + "/results", null);
        assertThat(anonymous.statusCode()).isEqualTo(200);
        JsonNode results = JSON.readTree(anonymous.body());
        assertThat(results.path("results")).hasSize(1);
        assertThat(results.path("results").path(0).path("proposalId").asText()).isEqualTo("p-1");
        assertThat(results.path("results")
                        .path(0)
                        .path("arguments")
                        .path(0)
                        .path("stance")
                        .asText())
                .isEqualTo("MIXED");
        assertThat(results.path("votes").asLong()).isEqualTo(2);
        assertThat(anonymous.body()).doesNotContain("Advertising", "p-2", "r-1", "Pseudonym");
        assertThat(get("/api/public/consultation/calls/" + call + "/results", Role.VOTER)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void theStaffViewIsForStaffAndUnknownIdsAreProblems() throws Exception {
        String path = "/api/conventions/nowhere/consultation";
        HttpResponse<String> unknown = get(path, Role.GARANT);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(unknown.body()).path("code").asText()).isEqualTo("unknown-convention");
        assertThat(get(path, null).statusCode()).isEqualTo(401);
        assertThat(get(path, Role.VOTER).statusCode()).isEqualTo(403);
        assertThat(get(path, Role.PLATFORM).statusCode()).isEqualTo(403);

        HttpResponse<String> noCall = get("/api/public/consultation/calls/nowhere/results", null);
        assertThat(noCall.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(noCall.body()).path("code").asText()).isEqualTo("unknown-call");
    }
}
