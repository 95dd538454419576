package org.conventionledger.query.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.query.platform.TestEvents.conventionOpened;
import static org.conventionledger.query.platform.TestEvents.invitationSent;
import static org.conventionledger.query.platform.TestEvents.onlineBallot;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.conventionledger.query.QueryServiceApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The chain after an append that failed: on the JDBC log a failed or rolled-back insert still consumes
 * its global index, which stays a gap of the log for good. Two ballots of one voter racing for sequence
 * 0 of the same stream (README, "No hot spot for ballots") is the everyday case: the loser's insert
 * breaks the unique constraint after taking an index.
 */
@SpringBootTest(classes = QueryServiceApplication.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ChainAfterAbortedAppendTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", () -> dataDir.toString());
        registry.add("ledger.read-store.uri", () -> "");
        registry.add("ledger.audit.chain-interval", () -> "PT0.2S");
        registry.add("ledger.eventstore.gap-timeout", () -> "PT1S");
        registry.add("ledger.audit.settle-after", () -> "PT1S");
    }

    private static final String LYON = "conv-lyon-" + UUID.randomUUID();
    private static final String VOTATION = "vot-" + UUID.randomUUID();

    @Autowired
    EventStore eventStore;
    @Autowired
    DataSource dataSource;
    @Autowired
    AuditTrailController controller;
    @Autowired
    ChainSealer sealer;
    @Autowired
    AbandonedPositionsController abandoned;

    @Test
    void theChainGoesOnPastTheIndexOfAFailedAppendOnceTheGapHasTimedOut() throws Exception {
        eventStore.publish(new GenericDomainEventMessage<>("Convention", LYON, 0,
                conventionOpened(LYON, "C", "Lyon", SOCIAL), actor()));
        String ballot = "ballot-1-" + VOTATION;
        eventStore.publish(new GenericDomainEventMessage<>("OnlineBallot", ballot, 0,
                onlineBallot(LYON, VOTATION, ballot, 1), actor()));
        long beforeRace = maxIndex();
        await(() -> sealer.extend().position() == beforeRace, "the chain reaches " + beforeRace);

        // the same voter's second ballot loses the race for sequence 0 of the ballot's stream
        assertThatThrownBy(() -> eventStore.publish(new GenericDomainEventMessage<>("OnlineBallot", ballot, 0,
                onlineBallot(LYON, VOTATION, ballot, 1), actor()))).isInstanceOf(RuntimeException.class);
        Thread.sleep(1_500); // past the gap timeout
        eventStore.publish(new GenericDomainEventMessage<>("Convention", LYON, 1, invitationSent(LYON, "inv-1"), actor()));
        Thread.sleep(1_500);
        eventStore.publish(new GenericDomainEventMessage<>("Convention", LYON, 2, invitationSent(LYON, "inv-2"), actor()));
        long last = maxIndex();
        assertThat(last).as("the failed append took an index").isEqualTo(beforeRace + 3);
        await(() -> controller.events(beforeRace, 10, null, null).events().size() == 2, "the trail has both events");

        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (sealer.extend().position() < last && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(controller.seal().position()).as("the sealed position").isEqualTo(last);
        assertThat(abandoned.abandonedPositions()).as("the failed append's index, accounted for")
                .extracting(AbandonedPositions::first, AbandonedPositions::last)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(beforeRace + 1, beforeRace + 1));
    }

    private static MetaData actor() {
        return MetaData.with("actorId", "organiser").and("actorRole", "ORGANISER");
    }

    private long maxIndex() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT MAX(globalIndex) FROM DomainEventEntry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what + " within 20 s").isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
