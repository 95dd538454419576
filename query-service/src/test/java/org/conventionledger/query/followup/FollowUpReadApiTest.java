package org.conventionledger.query.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.query.platform.ProcessorAssertions.assertPooledAndFailingBatches;
import static org.conventionledger.query.platform.TestEvents.actionDrafted;
import static org.conventionledger.query.platform.TestEvents.actionFinalised;
import static org.conventionledger.query.platform.TestEvents.conventionOpened;
import static org.conventionledger.query.platform.TestEvents.item;
import static org.conventionledger.query.platform.TestEvents.paperTally;
import static org.conventionledger.query.platform.TestEvents.votationClosed;
import static org.conventionledger.query.platform.TestEvents.votationOpened;
import static org.conventionledger.query.platform.TestEvents.votationScheduled;
import static org.conventionledger.query.platform.TestEvents.votes;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.conventionledger.events.ConventionEvent;
import org.conventionledger.events.deliberation.ActionDrafted;
import org.conventionledger.events.deliberation.ActionFinalised;
import org.conventionledger.events.followup.CouncilAnswer;
import org.conventionledger.events.followup.CouncilAnswered;
import org.conventionledger.events.followup.ImplementationPlanned;
import org.conventionledger.events.followup.ImplementationProgressed;
import org.conventionledger.events.followup.ImplementationStatus;
import org.conventionledger.platform.identity.Role;
import org.conventionledger.query.platform.ProcessingConfiguration;
import org.conventionledger.query.platform.ReadApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The follow-up read side as the service runs it by default: its own pooled processor sequenced by
 * convention, events written to the log (JSON-serialized) reaching both views over HTTP with the
 * closed votation's ranks, the staff view for the organisers, garants and monitoring body, the summary
 * for anyone, and unknown conventions as {@code application/problem+json}.
 */
class FollowUpReadApiTest extends ReadApiTest {

    private static final LocalDate ANSWERED = LocalDate.of(2022, 9, 26);

    @Autowired
    EventProcessingConfiguration processing;

    /** Writes the payloads to the log, each on the stream of the aggregate that owns it. */
    private void write(List<Object> payloads) {
        Map<String, Long> sequences = new HashMap<>();
        List<EventMessage<?>> messages = new ArrayList<>();
        for (Object payload : payloads) {
            String[] stream = streamOf(payload);
            String aggregateId = stream[1];
            long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
            messages.add(new GenericDomainEventMessage<>(
                    stream[0],
                    aggregateId,
                    sequence,
                    payload,
                    Map.of("actorId", "organiser", "actorRole", "ORGANISER"),
                    UUID.randomUUID().toString(),
                    Instant.now()));
        }
        eventStore.publish(messages);
    }

    private static String[] streamOf(Object payload) {
        if (payload instanceof ActionDrafted e) {
            return new String[] {"Action", e.actionId()};
        }
        if (payload instanceof ActionFinalised e) {
            return new String[] {"Action", e.actionId()};
        }
        if (payload instanceof CouncilAnswered e) {
            return new String[] {"ActionFollowUp", "followup:" + e.actionId()};
        }
        if (payload instanceof ImplementationPlanned e) {
            return new String[] {"ActionFollowUp", "followup:" + e.actionId()};
        }
        if (payload instanceof ImplementationProgressed e) {
            return new String[] {"ActionFollowUp", "followup:" + e.actionId()};
        }
        String type = payload.getClass().getSimpleName();
        String conventionId = ((ConventionEvent) payload).conventionId();
        return type.startsWith("Votation") || type.startsWith("PaperTally")
                ? new String[] {"Votation", "votation:" + conventionId}
                : new String[] {"Convention", conventionId};
    }

    @Test
    void theFollowUpProcessorIsPooledSequencedByConventionAndFailsBatchesOnErrors() {
        assertPooledAndFailingBatches(processing, ProcessingConfiguration.FOLLOW_UP, "followup");
        var policy = processing.sequencingPolicy(ProcessingConfiguration.FOLLOW_UP);
        EventMessage<?> answer = new GenericDomainEventMessage<>(
                "ActionFollowUp",
                "followup:a-1",
                0,
                new CouncilAnswered("conv-seq", "a-1", CouncilAnswer.ADOPTED, null, null, "DEL-1", ANSWERED));
        EventMessage<?> draft =
                new GenericDomainEventMessage<>("Action", "a-2", 0, actionDrafted("conv-seq", "a-2", 2, SOCIAL));
        assertThat(policy.getSequenceIdentifierFor(answer))
                .isEqualTo("conv-seq")
                .isEqualTo(policy.getSequenceIdentifierFor(draft));
    }

    @Test
    void eventsWrittenToTheLogReachBothViewsWithTheVotationsRanks() throws Exception {
        String c = "conv-" + UUID.randomUUID();
        String votation = "vot-" + UUID.randomUUID();
        write(List.of(
                conventionOpened(c, "Convention e2e", "Clermont-Ferrand", ECOLOGICAL, SOCIAL),
                actionDrafted(c, c + "-a1", 1, ECOLOGICAL),
                actionDrafted(c, c + "-a2", 2, ECOLOGICAL),
                actionDrafted(c, c + "-a3", 3, SOCIAL),
                actionFinalised(c, c + "-a1", 1),
                actionFinalised(c, c + "-a2", 2),
                actionFinalised(c, c + "-a3", 3),
                votationScheduled(c, votation, "Votation", item(1, ECOLOGICAL), item(2, ECOLOGICAL), item(3, SOCIAL)),
                votationOpened(c, votation),
                paperTally(c, votation, "desk-1", votes(1, 50), votes(2, 80), votes(3, 80)),
                votationClosed(c, votation),
                new CouncilAnswered(c, c + "-a2", CouncilAnswer.ADOPTED, null, null, "DEL-2022-118", ANSWERED),
                new CouncilAnswered(
                        c,
                        c + "-a1",
                        CouncilAnswer.REJECTED,
                        null,
                        "Beyond the city's means",
                        "DEL-2022-118",
                        ANSWERED),
                new ImplementationPlanned(
                        c, c + "-a2", "Mobility department", new BigDecimal("120000.00"), null, ANSWERED.plusMonths(2)),
                new ImplementationProgressed(
                        c, c + "-a2", ImplementationStatus.IN_PROGRESS, "Tender launched", ANSWERED.plusMonths(4))));

        JsonNode view = await(
                "/api/conventions/" + c + "/follow-up",
                Role.MONITOR,
                v -> "IN_PROGRESS"
                                .equals(v.path("actions").path(1).path("status").asText())
                        && v.path("actions").path(0).path("votation").isObject());
        assertThat(view.path("totals").path("byAnswer").path("ADOPTED").asLong())
                .isEqualTo(1);
        assertThat(view.path("totals").path("byAnswer").path("REJECTED").asLong())
                .isEqualTo(1);
        assertThat(view.path("totals").path("awaitingAnswer").asLong()).isEqualTo(1);
        assertThat(view.path("totals").path("byStatus").path("IN_PROGRESS").asLong())
                .isEqualTo(1);
        assertThat(view.path("budget").decimalValue()).isEqualByComparingTo("120000.00");
        JsonNode adopted = view.path("actions").path(1);
        assertThat(adopted.path("number").asInt()).isEqualTo(2);
        assertThat(adopted.path("votation").path("votationId").asText()).isEqualTo(votation);
        assertThat(adopted.path("votation").path("rank").asInt()).isEqualTo(1);
        assertThat(adopted.path("votation").path("totalVotes").asLong()).isEqualTo(80);
        assertThat(adopted.path("answeredOn").asText()).isEqualTo("2022-09-26");
        assertThat(adopted.path("daysSinceAnswer").asLong()).isPositive();
        assertThat(adopted.path("department").asText()).isEqualTo("Mobility department");
        assertThat(adopted.path("statusHistory").path(1).path("note").asText()).isEqualTo("Tender launched");
        assertThat(adopted.path("statusHistory").path(1).path("on").asText()).isEqualTo("2023-01-26");
        assertThat(view.path("actions").path(0).path("votation").path("rank").asInt())
                .isEqualTo(3);
        assertThat(view.path("actions").path(2).path("votation").path("rank").asInt())
                .isEqualTo(1);

        for (Role staff : List.of(Role.ORGANISER, Role.GARANT)) {
            assertThat(get("/api/conventions/" + c + "/follow-up", staff).statusCode())
                    .as(staff.name())
                    .isEqualTo(200);
        }
        assertThat(get("/api/conventions/" + c + "/follow-up", null).statusCode())
                .isEqualTo(401);
        assertThat(get("/api/conventions/" + c + "/follow-up", Role.VOTER).statusCode())
                .isEqualTo(403);

        HttpResponse<String> publicSummary = get("/api/public/conventions/" + c + "/follow-up-summary", null);
        assertThat(publicSummary.statusCode()).isEqualTo(200);
        JsonNode summary = JSON.readTree(publicSummary.body());
        assertThat(summary.path("totals").path("byAnswer").path("ADOPTED").asLong())
                .isEqualTo(1);
        assertThat(summary.path("actions").path(1).path("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(summary.path("actions").path(0).path("answer").asText()).isEqualTo("REJECTED");
        assertThat(summary.path("actions").path(1).size()).isEqualTo(4);
        assertThat(publicSummary.body()).doesNotContain("Tender", "Beyond", "Mobility", "120000");
        assertThat(get("/api/public/conventions/" + c + "/follow-up-summary", Role.VOTER)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void anUnknownConventionIsAProblem() throws Exception {
        for (String path :
                List.of("/api/conventions/nowhere/follow-up", "/api/public/conventions/nowhere/follow-up-summary")) {
            HttpResponse<String> unknown = get(path, path.startsWith("/api/public") ? null : Role.MONITOR);
            assertThat(unknown.statusCode()).as(path).isEqualTo(404);
            assertThat(unknown.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(JSON.readTree(unknown.body()).path("code").asText()).isEqualTo("unknown-convention");
        }
    }
}
