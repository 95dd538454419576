package org.conventionledger.query.votation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.query.platform.TestEvents.conventionOpened;
import static org.conventionledger.query.platform.TestEvents.item;
import static org.conventionledger.query.platform.TestEvents.votationOpened;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.conventionledger.events.votation.BallotRule;
import org.conventionledger.events.votation.Eligibility;
import org.conventionledger.events.votation.PaperBallotRecorded;
import org.conventionledger.events.votation.VotationRules;
import org.conventionledger.events.votation.VotationScheduled;
import org.conventionledger.platform.identity.Role;
import org.conventionledger.query.platform.LogPosition;
import org.conventionledger.query.platform.ProcessingConfiguration;
import org.conventionledger.query.platform.ReadApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The live ranking is served from memory ({@link LiveRankings}) and is never behind the projection: a read
 * made once the rankings processor has moved past new events shows them, with no waiting.
 */
class LiveRankingsHttpTest extends ReadApiTest {

    private static final Instant OPENS = Instant.parse("2025-06-15T00:00:00Z");

    @Autowired
    MongoTemplate mongo;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aReadOnceTheProjectionMovedShowsWhatItCountedAndNeverAnOlderCount() throws Exception {
        String convention = "conv-" + UUID.randomUUID();
        String votation = "vot-" + UUID.randomUUID();
        eventStore.publish(
                new GenericDomainEventMessage<>(
                        "Convention", convention, 0, conventionOpened(convention, "C", "Warszawa", SOCIAL)),
                new GenericDomainEventMessage<>(
                        "Votation",
                        votation,
                        0,
                        new VotationScheduled(
                                convention,
                                votation,
                                "V",
                                OPENS,
                                OPENS.plusSeconds(86_400),
                                List.of(item(1, SOCIAL), item(2, SOCIAL)),
                                new VotationRules(Eligibility.NONE, BallotRule.APPROVAL, null, true))),
                new GenericDomainEventMessage<>("Votation", votation, 1, votationOpened(convention, votation)),
                ballot(convention, votation, 1));
        String path = "/api/votations/" + votation + "/ranking";
        await(path, Role.ORGANISER, r -> r.path("paperBallots").asInt() == 1);

        // the stored document changed behind the projection's back: a read served from memory does not see it
        Query document = Query.query(Criteria.where("_id").is(votation));
        mongo.updateFirst(document, new Update().set("paperBallots", 1_000), Ranking.class);
        assertThat(JSON.readTree(get(path, Role.ORGANISER).body())
                        .path("paperBallots")
                        .asInt())
                .isEqualTo(1);
        mongo.updateFirst(document, new Update().set("paperBallots", 1), Ranking.class);

        for (int round = 1; round <= 3; round++) {
            eventStore.publish(ballot(convention, votation, 2), ballot(convention, votation, 1));
            long head = LogPosition.of(eventStore.createHeadToken()).index();
            awaitValue("the rankings processor past " + head, this::rankingsPosition, position -> position >= head);
            var ranking = JSON.readTree(get(path, Role.ORGANISER).body());
            assertThat(ranking.path("paperBallots").asInt())
                    .as("round %d", round)
                    .isEqualTo(1 + 2 * round);
            assertThat(ranking.path("entries").get(0).path("totalVotes").asInt())
                    .as("round %d", round)
                    .isEqualTo(1 + round);
        }
    }

    /** Where the slowest segment of the rankings processor stands; -1 while it processes none. */
    private long rankingsPosition() {
        StreamingEventProcessor rankings = processing
                .eventProcessor(ProcessingConfiguration.RANKINGS, StreamingEventProcessor.class)
                .orElseThrow();
        return rankings.processingStatus().values().stream()
                .mapToLong(s -> s.getCurrentPosition().orElse(-1))
                .min()
                .orElse(-1);
    }

    private static GenericDomainEventMessage<PaperBallotRecorded> ballot(
            String convention, String votation, int action) {
        String ballot = "ballot-" + UUID.randomUUID();
        return new GenericDomainEventMessage<>(
                "OnlineBallot",
                ballot,
                0,
                new PaperBallotRecorded(convention, votation, ballot, "desk", "p", List.of(action)));
    }
}
