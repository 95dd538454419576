package org.conventionledger.query.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.events.deliberation.ObjectionCategory.NOT_CITY_COMPETENCE;
import static org.conventionledger.query.deliberation.DeliberationEvents.option;
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
import java.util.function.Predicate;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.conventionledger.events.ConventionEvent;
import org.conventionledger.events.deliberation.RankedOption;
import org.conventionledger.events.deliberation.VotePurpose;
import org.conventionledger.platform.identity.Role;
import org.conventionledger.query.platform.ProcessingConfiguration;
import org.conventionledger.query.platform.ReadApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The deliberation read side as the service runs it by default: its own pooled processor sequenced by
 * convention, events written to the log (JSON-serialized) reaching the four views over HTTP, who may
 * read them, and unknown ids as {@code application/problem+json}.
 */
class DeliberationReadApiTest extends ReadApiTest {

    @Autowired
    EventProcessingConfiguration processing;

    /** As the monitor, who reads every deliberation view. */
    private JsonNode await(String path, Predicate<JsonNode> ready) {
        return await(path, Role.MONITOR, ready);
    }

    private static String aggregateOf(Object payload) {
        return switch (payload.getClass().getSimpleName()) {
            case "ConventionOpened", "TopicChosen", "ExpertHeard", "CacSheetWritten", "OpinionGiven" -> "Convention";
            case "JudgmentVoteOpened", "JudgmentCast", "JudgmentVoteClosed" -> "JudgmentVote";
            default -> payload.getClass().getSimpleName().startsWith("Question") ? "Question" : "Action";
        };
    }

    @Test
    void theDeliberationProcessorIsPooledSequencedByConventionAndFailsBatchesOnErrors() {
        assertPooledAndFailingBatches(processing, ProcessingConfiguration.DELIBERATION, "deliberation");

        var policy = processing.sequencingPolicy(ProcessingConfiguration.DELIBERATION);
        DeliberationEvents events = new DeliberationEvents("conv-seq");
        EventMessage<?> onAction = new GenericDomainEventMessage<>(
                "Action",
                "a-1",
                0,
                events.objectionRaised("a-1", "o-1", NOT_CITY_COMPETENCE, "elected official", "The region"));
        EventMessage<?> onVote =
                new GenericDomainEventMessage<>("JudgmentVote", "v-1", 0, events.judgment("v-1", "m-1", 1));
        assertThat(policy.getSequenceIdentifierFor(onAction))
                .isEqualTo("conv-seq")
                .isEqualTo(policy.getSequenceIdentifierFor(onVote));
    }

    @Test
    void eventsWrittenToTheLogReachTheDeliberationViews() throws Exception {
        String convention = "conv-" + UUID.randomUUID();
        String topic = "t-" + UUID.randomUUID();
        String action = "a-" + UUID.randomUUID();
        String vote = "v-" + UUID.randomUUID();
        DeliberationEvents e = new DeliberationEvents(convention);
        List<Object> payloads = List.of(
                conventionOpened(convention, "Convention e2e", "Clermont-Ferrand", ECOLOGICAL, SOCIAL),
                e.voteOpened(
                        vote,
                        VotePurpose.TOPIC_CHOICE,
                        ECOLOGICAL,
                        1,
                        option(topic, "Mobility"),
                        option("c-2", "Food")),
                e.judgment(vote, "m-1", 4, 1),
                e.judgment(vote, "m-2", 3, 1),
                e.voteClosed(
                        vote,
                        2,
                        List.of(
                                new RankedOption(topic, "Mobility", 1, "Good"),
                                new RankedOption("c-2", "Food", 2, "Poor")),
                        topic),
                e.topicChosen(topic, ECOLOGICAL, "Mobility"),
                e.expertHeard(topic, "h-1", "A. Martin"),
                e.cacSheet(topic, 1),
                e.opinion("op-1", "TOPIC", topic),
                e.actionDrafted(action, 7, ECOLOGICAL, topic, "Mobility", "Free buses", "Line A\nThe city funds it."),
                e.roundOpened(action, "r-1", 1, "m-1", "elected official"),
                e.objectionRaised(action, "o-1", NOT_CITY_COMPETENCE, "elected official", "The region"),
                e.objectionLifted(action, "o-1", "Relayed to the region"),
                e.actionRevised(action, 2, "Free buses", "Line A\nThe city asks the region to fund it.", "Amendment"),
                e.consent(action, "r-1", 2, "m-1", "elected official"),
                e.consentReached(action, "r-1", 2),
                e.finalised(action, 7));
        Map<String, Long> sequences = new HashMap<>();
        List<EventMessage<?>> messages = new ArrayList<>();
        for (Object payload : payloads) {
            String type = aggregateOf(payload);
            String aggregateId = switch (type) {
                case "Convention" -> ((ConventionEvent) payload).conventionId();
                case "JudgmentVote" -> vote;
                default -> action;
            };
            long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
            messages.add(byOrganiser(type, aggregateId, sequence, payload));
        }
        eventStore.publish(messages);

        JsonNode history = await(
                "/api/actions/" + action + "/history",
                h -> "FINAL".equals(h.path("stage").asText()));
        assertThat(history.path("number").asInt()).isEqualTo(7);
        assertThat(history.path("versions")).hasSize(2);
        assertThat(history.path("versions").get(1).path("diff").toString())
                .isEqualTo("[{\"op\":\"-\",\"line\":\"The city funds it.\"},"
                        + "{\"op\":\"+\",\"line\":\"The city asks the region to fund it.\"}]");
        assertThat(history.path("versions").get(0).path("recordedAt").isTextual())
                .isTrue();
        JsonNode objection = history.path("objections").get(0);
        assertThat(objection.path("roundId").asText()).isEqualTo("r-1");
        assertThat(objection.path("status").asText()).isEqualTo("LIFTED");
        assertThat(objection.path("amendedVersion").asInt()).isEqualTo(2);
        assertThat(history.path("rounds").get(0).path("decidedVersion").asInt()).isEqualTo(2);

        JsonNode dashboard = await(
                "/api/conventions/" + convention + "/deliberation",
                d -> d.path("actionsByStage").path("ECOLOGICAL").path("FINAL").asLong() == 1);
        assertThat(dashboard
                        .path("objectionsByCategory")
                        .path("NOT_CITY_COMPETENCE")
                        .asLong())
                .isEqualTo(1);
        assertThat(dashboard
                        .path("openObjectionsByCategory")
                        .path("NOT_CITY_COMPETENCE")
                        .asLong())
                .isZero();
        assertThat(dashboard.path("topics").get(0).path("cacVersion").asInt()).isEqualTo(1);
        assertThat(dashboard.path("votes").get(0).path("status").asText()).isEqualTo("CLOSED");

        JsonNode result = await(
                "/api/deliberation/votes/" + vote,
                v -> "CLOSED".equals(v.path("status").asText()));
        assertThat(result.path("options").get(0).path("tally").toString()).isEqualTo("[0,0,0,1,1]");
        assertThat(result.path("options").get(1).path("tally").toString()).isEqualTo("[0,2,0,0,0]");
        assertThat(result.path("chosen").toString()).isEqualTo("[\"" + topic + "\"]");

        JsonNode group = await("/api/topics/" + topic, t -> t.path("opinions").size() == 1);
        assertThat(group.path("hearings").get(0).path("heardOn").asText()).isEqualTo("2021-11-20");
        assertThat(group.path("cacSheet").path("version").asInt()).isEqualTo(1);
        assertThat(group.path("opinions").get(0).path("givenOn").asText()).isEqualTo("2021-12-20");
    }

    @Test
    void questionEventsWrittenToTheLogReachTheQuestionHistoryAndTheDashboard() throws Exception {
        String convention = "conv-" + UUID.randomUUID();
        String question = "q-" + UUID.randomUUID();
        DeliberationEvents e = new DeliberationEvents(convention);
        List<Object> payloads = List.of(
                conventionOpened(convention, "Convention e2e", "Clermont-Ferrand", ECOLOGICAL, SOCIAL),
                e.questionPut(question, "Adopt the dialogue charter", "Adopted.", "m-1", "elected official"),
                e.questionObjectionRaised(question, "o-1", NOT_CITY_COMPETENCE, "elected official", "Metropolis"),
                e.questionObjectionLifted(question, "o-1", "The metropolis lends its venues"),
                e.questionRevised(question, 2, "Adopted; the metropolis lends its venues.", "amendment"),
                e.questionConsent(question, 2, "m-1", "elected official"),
                e.questionDecided(question, 2));
        List<EventMessage<?>> messages = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            Object payload = payloads.get(i);
            boolean opening = i == 0;
            messages.add(
                    byOrganiser(aggregateOf(payload), opening ? convention : question, opening ? 0 : i - 1, payload));
        }
        eventStore.publish(messages);

        JsonNode history = await(
                "/api/questions/" + question + "/history",
                h -> "DECIDED".equals(h.path("status").asText()));
        assertThat(history.path("conventionId").asText()).isEqualTo(convention);
        assertThat(history.path("text").asText()).isEqualTo("Adopted; the metropolis lends its venues.");
        assertThat(history.path("versions")).hasSize(2);
        assertThat(history.path("versions").get(1).path("recordedAt").isTextual())
                .isTrue();
        assertThat(history.path("objections").get(0).path("amendedVersion").asInt())
                .isEqualTo(2);
        assertThat(history.path("decidedVersion").asInt()).isEqualTo(2);

        JsonNode dashboard = await(
                "/api/conventions/" + convention + "/deliberation",
                d -> d.path("questions").path("DECIDED").asLong() == 1);
        assertThat(dashboard.path("questions").path("IN_ROUND").asLong()).isZero();
    }

    @Test
    void unknownIdsAreProblemsAndTheViewsAreForStaffOnly() throws Exception {
        for (String path : List.of(
                "/api/actions/nowhere/history",
                "/api/conventions/nowhere/deliberation",
                "/api/deliberation/votes/nowhere",
                "/api/topics/nowhere",
                "/api/questions/nowhere/history")) {
            HttpResponse<String> unknown = get(path, Role.GARANT);
            assertThat(unknown.statusCode()).as(path).isEqualTo(404);
            assertThat(unknown.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(JSON.readTree(unknown.body()).path("code").asText()).startsWith("unknown-");
            assertThat(get(path, Role.ORGANISER).statusCode()).as(path).isEqualTo(404);
            assertThat(get(path, null).statusCode()).as(path).isEqualTo(401);
            assertThat(get(path, Role.VOTER).statusCode()).as(path).isEqualTo(403);
        }
    }

    /** An event of the given stream as the organiser recorded it now. */
    private static EventMessage<?> byOrganiser(String type, String aggregateId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>(
                type,
                aggregateId,
                sequence,
                payload,
                Map.of("actorId", "organiser", "actorRole", "ORGANISER"),
                UUID.randomUUID().toString(),
                Instant.now());
    }
}
