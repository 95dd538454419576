package org.conventionledger.query.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.query.platform.TestEvents.actionDrafted;
import static org.conventionledger.query.platform.TestEvents.actionFinalised;
import static org.conventionledger.query.platform.TestEvents.conventionOpened;
import static org.conventionledger.query.platform.TestEvents.invitationSent;
import static org.conventionledger.query.platform.TestEvents.item;
import static org.conventionledger.query.platform.TestEvents.memberSeated;
import static org.conventionledger.query.platform.TestEvents.objectionLifted;
import static org.conventionledger.query.platform.TestEvents.objectionRaised;
import static org.conventionledger.query.platform.TestEvents.onlineBallot;
import static org.conventionledger.query.platform.TestEvents.paperTally;
import static org.conventionledger.query.platform.TestEvents.topicChosen;
import static org.conventionledger.query.platform.TestEvents.votationClosed;
import static org.conventionledger.query.platform.TestEvents.votationOpened;
import static org.conventionledger.query.platform.TestEvents.votationScheduled;
import static org.conventionledger.query.platform.TestEvents.votes;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.conventionledger.events.oversight.GarantOpinionPublished;
import org.conventionledger.events.oversight.MatterReferred;
import org.conventionledger.events.oversight.OpinionOccasion;
import org.conventionledger.events.oversight.ReferralAcknowledged;
import org.conventionledger.query.QueryServiceApplication;
import org.conventionledger.query.platform.ProjectionRebuild;
import org.conventionledger.query.platform.ReadServiceTest;
import org.conventionledger.query.platform.ReadStore;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.ErrorResponseException;

/**
 * A rebuild of every projection from zero, the log read straight from its table ({@code JdbcLogPages}),
 * gives exactly the same projections as the processors built, compared document by document (their
 * bookkeeping — optimistic version and absorbed part of the log — aside), and reports its progress
 * against the head of the log. On the H2 file store here; on PostgreSQL in
 * {@link ProjectionRebuildOnPostgresTest}.
 */
@SpringBootTest(classes = QueryServiceApplication.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ProjectionRebuildTest extends ReadServiceTest {

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("ledger.audit.chain-interval", () -> "PT0.2S");
        registry.add("ledger.as-of.checkpoint-every", () -> "4");
    }

    private static final String CONVENTION = "conv-" + UUID.randomUUID();
    private static final String VOTATION = "vot-" + UUID.randomUUID();
    private static final List<String> COLLECTIONS = List.of(
            "dashboards",
            "rankings",
            "conventions",
            "audit_events",
            "chain_head",
            "referrals",
            "garant_opinions",
            "asOfCheckpoints",
            "asOfStates",
            "action_histories",
            "deliberation_dashboards",
            "topic_groups");

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ProjectionRebuild rebuild;

    @Autowired
    ChainSealer sealer;

    @Test
    void aRebuildFromZeroGivesTheSameDocuments() throws Exception {
        long events = publish();
        awaitProjected(events);
        Map<String, Map<Object, Document>> before = snapshot();
        assertThat(before.get("dashboards")).hasSize(1);
        assertThat(before.get("rankings")).hasSize(1);
        assertThat(before.get("referrals")).hasSize(1);
        assertThat(before.get("garant_opinions")).hasSize(1);
        assertThat(before.get("asOfCheckpoints")).hasSize((int) events / 4);
        assertThat(before.get("action_histories")).hasSize(1);
        assertThat(before.get("deliberation_dashboards")).hasSize(1);

        List<String> processors = rebuild.progress().stream()
                .map(ProjectionRebuild.Progress::processor)
                .toList();
        assertThat(processors)
                .contains(
                        "dashboard",
                        "rankings",
                        "referrals",
                        "audit-trail",
                        "deliberation",
                        "recruitment",
                        "followup",
                        "consultation",
                        "as-of-checkpoints");
        // a replay that failed would leave the processor to replay the log itself, to the same documents
        ListAppender<ILoggingEvent> failures = new ListAppender<>();
        failures.start();
        Logger log = (Logger) LoggerFactory.getLogger(ProjectionRebuild.class);
        log.addAppender(failures);
        try {
            for (String processor : processors) {
                var started = rebuild.rebuild(processor);
                assertThat(started.processor()).isEqualTo(processor);
            }
            awaitRebuilt(processors);
            awaitProjected(events);
        } finally {
            log.detachAppender(failures);
        }

        assertThat(failures.list).as("replays that failed").isEmpty();
        assertThat(snapshot()).isEqualTo(before);
        assertThat(rebuild.progress("rankings").percent()).isEqualTo(100);
    }

    @Test
    void anUnknownProjectionIsAProblem() {
        assertThatThrownBy(() -> rebuild.rebuild("nope"))
                .isInstanceOfSatisfying(
                        ErrorResponseException.class,
                        e -> assertThat(e.getStatusCode().value()).isEqualTo(404));
    }

    private long publish() {
        Map<String, Long> sequences = new HashMap<>();
        List<Object[]> log = new ArrayList<>();
        log.add(new Object[] {
            "Convention", CONVENTION, conventionOpened(CONVENTION, "Convention", "Clermont-Ferrand", ECOLOGICAL, SOCIAL)
        });
        for (int i = 1; i <= 10; i++) {
            log.add(new Object[] {"Convention", CONVENTION, invitationSent(CONVENTION, "inv-" + i)});
        }
        for (int i = 1; i <= 3; i++) {
            log.add(new Object[] {"Convention", CONVENTION, memberSeated(CONVENTION, "m-" + i, SOCIAL)});
        }
        log.add(new Object[] {"Convention", CONVENTION, topicChosen(CONVENTION, "topic-1", SOCIAL)});
        log.add(new Object[] {"Action", "action-1", actionDrafted(CONVENTION, "action-1", 1, SOCIAL)});
        log.add(new Object[] {"Action", "action-1", objectionRaised(CONVENTION, "action-1", "obj-1")});
        log.add(new Object[] {"Action", "action-1", objectionLifted(CONVENTION, "action-1", "obj-1")});
        log.add(new Object[] {"Action", "action-1", actionFinalised(CONVENTION, "action-1", 1)});
        log.add(new Object[] {
            "Votation",
            VOTATION,
            votationScheduled(CONVENTION, VOTATION, "Votation", item(1, ECOLOGICAL), item(2, SOCIAL))
        });
        log.add(new Object[] {"Votation", VOTATION, votationOpened(CONVENTION, VOTATION)});
        for (int i = 1; i <= 20; i++) {
            String ballot = "ballot-" + i;
            log.add(new Object[] {"OnlineBallot", ballot, onlineBallot(CONVENTION, VOTATION, ballot, 1 + i % 2)});
        }
        log.add(new Object[] {"Votation", VOTATION, paperTally(CONVENTION, VOTATION, "d1", votes(1, 5), votes(2, 7))});
        log.add(new Object[] {"Votation", VOTATION, votationClosed(CONVENTION, VOTATION)});
        log.add(new Object[] {
            "Referral",
            "ref-1",
            new MatterReferred(
                    CONVENTION, "ref-1", "Subject", "Text", List.of(), "member", LocalDate.of(2025, 3, 2), null)
        });
        log.add(new Object[] {
            "Referral", "ref-1", new ReferralAcknowledged(CONVENTION, "ref-1", LocalDate.of(2025, 3, 3))
        });
        log.add(new Object[] {
            "GarantOpinion",
            "op-1",
            new GarantOpinionPublished(
                    CONVENTION, "op-1", OpinionOccasion.FINAL, null, "Opinion", LocalDate.of(2025, 3, 4))
        });
        for (Object[] event : log) {
            String aggregate = (String) event[1];
            long sequence = sequences.merge(aggregate, 1L, Long::sum) - 1;
            eventStore.publish(new GenericDomainEventMessage<>(
                    (String) event[0],
                    aggregate,
                    sequence,
                    event[2],
                    MetaData.with("actorId", "organiser").and("actorRole", "ORGANISER")));
        }
        return log.size();
    }

    private void awaitProjected(long events) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            Document ranking = mongo.getCollection("rankings").find().first();
            boolean done = ranking != null
                    && "CLOSED".equals(ranking.getString("status"))
                    && mongo.getCollection("audit_events").countDocuments() == events
                    && mongo.getCollection("garant_opinions").countDocuments() == 1
                    && mongo.getCollection("referrals").countDocuments(new Document("acknowledgedOn", "2025-03-03"))
                            == 1
                    && sealer.extend().length() == events
                    && mongo.getCollection("asOfCheckpoints").countDocuments() == events / 4;
            if (done) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the projections did not catch up with the " + events + " events");
    }

    /** Until every processor runs again, past its replay, at the head of the log. */
    private void awaitRebuilt(List<String> processors) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (processors.stream().map(rebuild::progress).allMatch(p -> p.running() && p.percent() == 100)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the projections were not rebuilt: " + rebuild.progress());
    }

    /** The documents; the as-of checkpoints without their epoch, which a rebuild starts anew. */
    private Map<String, Map<Object, Document>> snapshot() {
        Map<String, Map<Object, Document>> documents = ReadStore.documents(mongo, COLLECTIONS);
        for (String asOf : List.of("asOfCheckpoints", "asOfStates")) {
            documents.get(asOf).values().forEach(d -> d.remove("epoch"));
        }
        return documents;
    }
}
