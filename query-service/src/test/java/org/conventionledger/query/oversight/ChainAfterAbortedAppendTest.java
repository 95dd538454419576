package org.conventionledger.query.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.query.platform.TestEvents.conventionOpened;
import static org.conventionledger.query.platform.TestEvents.invitationSent;
import static org.conventionledger.query.platform.TestEvents.onlineBallot;

import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The chain after an append that failed: on the JDBC log a failed or rolled-back insert still consumes
 * its global index, which stays a gap of the log for good. Two ballots of one voter racing for sequence
 * 0 of the same stream (README, "No hot spot for ballots") is the everyday case: the loser's insert
 * breaks the unique constraint after taking an index.
 */
class ChainAfterAbortedAppendTest extends ChainedLogTest {

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("ledger.eventstore.gap-timeout", () -> "PT1S");
        registry.add("ledger.audit.settle-after", () -> "PT1S");
    }

    private static final String LYON = "conv-lyon-" + UUID.randomUUID();
    private static final String VOTATION = "vot-" + UUID.randomUUID();

    @Autowired
    AbandonedPositionsController abandoned;

    @Test
    void theChainGoesOnPastTheIndexOfAFailedAppendOnceTheGapHasTimedOut() throws Exception {
        eventStore.publish(new GenericDomainEventMessage<>(
                "Convention", LYON, 0, conventionOpened(LYON, "C", "Lyon", SOCIAL), actor()));
        String ballot = "ballot-1-" + VOTATION;
        eventStore.publish(new GenericDomainEventMessage<>(
                "OnlineBallot", ballot, 0, onlineBallot(LYON, VOTATION, ballot, 1), actor()));
        long beforeRace = maxIndex();
        sealThrough(beforeRace);

        // the same voter's second ballot loses the race for sequence 0 of the ballot's stream
        assertThatThrownBy(() -> eventStore.publish(new GenericDomainEventMessage<>(
                        "OnlineBallot", ballot, 0, onlineBallot(LYON, VOTATION, ballot, 1), actor())))
                .isInstanceOf(RuntimeException.class);
        Thread.sleep(1_500); // past the gap timeout
        eventStore.publish(
                new GenericDomainEventMessage<>("Convention", LYON, 1, invitationSent(LYON, "inv-1"), actor()));
        Thread.sleep(1_500);
        eventStore.publish(
                new GenericDomainEventMessage<>("Convention", LYON, 2, invitationSent(LYON, "inv-2"), actor()));
        long last = maxIndex();
        assertThat(last).as("the failed append took an index").isEqualTo(beforeRace + 3);
        Awaitility.await("the trail has both events")
                .atMost(Duration.ofSeconds(20))
                .until(() ->
                        controller.events(beforeRace, 10, null, null).events().size() == 2);

        assertThat(sealThrough(last).position()).as("the sealed position").isEqualTo(last);
        assertThat(abandoned.abandonedPositions())
                .as("the failed append's index, accounted for")
                .extracting(AbandonedPositions::first, AbandonedPositions::last)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(beforeRace + 1, beforeRace + 1));
    }
}
