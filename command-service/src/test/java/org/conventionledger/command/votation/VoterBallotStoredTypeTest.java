package org.conventionledger.command.votation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.events.votation.BallotRule;
import org.conventionledger.events.votation.Eligibility;
import org.conventionledger.events.votation.OnlineBallotCast;
import org.conventionledger.events.votation.VotationRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The class was renamed from {@code OnlineBallot} to {@link VoterBallot}; the log's ballot streams name the
 * old aggregate type. Through a real repository and event store: a stored stream of that type still loads
 * into the renamed class, and a new ballot is stored under the same type.
 */
class VoterBallotStoredTypeTest {

    private static final String VOTATION = "vot-1";
    private static final VoterFacts ADULT = new VoterFacts(LocalDate.parse("1980-04-02"), null, true, null);

    private Configuration axon;

    @BeforeEach
    void start() {
        VotationRegister register = mock(VotationRegister.class);
        // no voting period: the ballot is accepted at any time while the votation is open
        when(register.votation(VOTATION))
                .thenReturn(Optional.of(new VotationRegister.Entry(
                        VOTATION,
                        "conv-1",
                        VotationStatus.OPEN,
                        Set.of(3, 5),
                        null,
                        null,
                        new VotationRules(
                                new Eligibility(16, LocalDate.parse("2025-09-21"), true, List.of()),
                                BallotRule.APPROVAL,
                                null,
                                false),
                        "seed")));
        // no module lookup: the Axon Server connector on the class path would take the command bus
        axon = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(VoterBallot.class)
                .registerComponent(VotationRegister.class, c -> register)
                .buildConfiguration();
        axon.start();
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    @Test
    void aStoredOnlineBallotStreamLoadsIntoTheRenamedClass() {
        axon.eventStore()
                .publish(new GenericDomainEventMessage<>(
                        "OnlineBallot",
                        "ballot-a",
                        0,
                        new OnlineBallotCast("conv-1", VOTATION, "ballot-a", "pseudo-a", List.of(3))));

        assertThatThrownBy(() -> axon.commandGateway()
                        .sendAndWait(new CastOnlineBallot("ballot-a", VOTATION, "pseudo-a", List.of(5), ADULT)))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.code()).isEqualTo("already-voted"));
        assertThat(stream("ballot-a")).hasSize(1);
    }

    @Test
    void aNewBallotIsStoredUnderTheOldType() {
        axon.commandGateway().sendAndWait(new CastOnlineBallot("ballot-b", VOTATION, "pseudo-b", List.of(5), ADULT));

        assertThat(stream("ballot-b")).extracting(DomainEventMessage::getType).containsExactly("OnlineBallot");
    }

    private List<? extends DomainEventMessage<?>> stream(String ballotId) {
        return axon.eventStore().readEvents(ballotId).asStream().toList();
    }
}
