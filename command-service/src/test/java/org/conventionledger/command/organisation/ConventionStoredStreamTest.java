package org.conventionledger.command.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.conventionledger.command.deliberation.CastJudgment;
import org.conventionledger.command.deliberation.DeliberationRegister;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.command.recruitment.RecruitmentRegister;
import org.conventionledger.command.recruitment.SendInvitations;
import org.conventionledger.events.deliberation.JudgmentCast;
import org.conventionledger.events.deliberation.JudgmentVoteOpened;
import org.conventionledger.events.deliberation.VoteOption;
import org.conventionledger.events.deliberation.VotePurpose;
import org.conventionledger.events.organisation.ConventionOpened;
import org.conventionledger.events.organisation.Mandate;
import org.conventionledger.events.recruitment.Answer;
import org.conventionledger.events.recruitment.InvitationAnswered;
import org.conventionledger.events.recruitment.InvitationSent;
import org.conventionledger.events.recruitment.MemberSeated;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A convention's stream as the log already holds it (aggregate type {@code Convention}, one sequence for the
 * whole panel and its votes) loads through a real repository into the root and both its members: each
 * member's commands see the state that the stored events built, the rule spanning them (only a seated member
 * judges) holds, and new events continue the same stream under the same type.
 */
class ConventionStoredStreamTest {

    private static final String CONVENTION = "conv-1";
    private static final LocalDate ON = LocalDate.of(2024, 11, 4);

    private Configuration axon;

    @BeforeEach
    void start() {
        RecruitmentRegister recruitment = mock(RecruitmentRegister.class);
        when(recruitment.drawnFrom(CONVENTION, "res-2")).thenReturn(Optional.of("electoral-roll"));
        // no module lookup: the Axon Server connector on the class path would take the command bus
        axon = DefaultConfigurer.defaultConfiguration(false)
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(Convention.class)
                .registerComponent(RecruitmentRegister.class, c -> recruitment)
                .registerComponent(DeliberationRegister.class, c -> mock(DeliberationRegister.class))
                .registerComponent(PanelRegister.class, c -> mock(PanelRegister.class))
                .buildConfiguration();
        axon.start();
        Mandate mandate = ConventionFixtures.mandate(ConventionFixtures.STARTS, ConventionFixtures.ENDS);
        List<Object> stored = List.of(
                new ConventionOpened(
                        CONVENTION, "Convention", "Clermont-Ferrand", mandate, List.of(ECOLOGICAL, SOCIAL), 6),
                new InvitationSent(CONVENTION, "inv-1", "res-1", "electoral-roll", ON),
                new InvitationAnswered(CONVENTION, "inv-1", Answer.ACCEPTED, ON),
                new MemberSeated(CONVENTION, "m-1", "inv-1", ECOLOGICAL, "contract-v1", ON),
                new JudgmentVoteOpened(
                        CONVENTION,
                        "vote-1",
                        VotePurpose.TOPIC_CHOICE,
                        ECOLOGICAL,
                        List.of("poor", "good"),
                        List.of(new VoteOption("o-1", "Mobility"), new VoteOption("o-2", "Food")),
                        1));
        for (int sequence = 0; sequence < stored.size(); sequence++) {
            axon.eventStore()
                    .publish(new GenericDomainEventMessage<>("Convention", CONVENTION, sequence, stored.get(sequence)));
        }
    }

    @AfterEach
    void stop() {
        axon.shutdown();
    }

    @Test
    void aMemberSeatedInTheStoredStreamJudgesAndTheStreamGoesOnUnderItsType() {
        axon.commandGateway().sendAndWait(new CastJudgment(CONVENTION, "vote-1", "m-1", List.of(1, 0)));

        DomainEventMessage<?> last = lastEvent();
        assertThat(last.getPayload()).isEqualTo(new JudgmentCast(CONVENTION, "vote-1", "m-1", List.of(1, 0)));
        assertThat(last.getType()).isEqualTo("Convention");
        assertThat(last.getSequenceNumber()).isEqualTo(5);
    }

    @Test
    void someoneTheStoredStreamNeverSeatedCannotJudge() {
        assertThatThrownBy(() ->
                        axon.commandGateway().sendAndWait(new CastJudgment(CONVENTION, "vote-1", "m-9", List.of(1, 0))))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.code()).isEqualTo("not-a-member"));
    }

    @Test
    void thePanelKnowsTheStoredInvitations() {
        assertThatThrownBy(() -> axon.commandGateway()
                        .sendAndWait(new SendInvitations(
                                CONVENTION, List.of(new SendInvitations.Invitee("inv-1", "res-2", null)), ON)))
                .isInstanceOfSatisfying(
                        RuleViolation.class, v -> assertThat(v.code()).isEqualTo("invitation-exists"));

        axon.commandGateway()
                .sendAndWait(new SendInvitations(
                        CONVENTION, List.of(new SendInvitations.Invitee("inv-2", "res-2", null)), ON));

        DomainEventMessage<?> last = lastEvent();
        assertThat(last.getPayload()).isEqualTo(new InvitationSent(CONVENTION, "inv-2", "res-2", "electoral-roll", ON));
        assertThat(last.getType()).isEqualTo("Convention");
        assertThat(last.getSequenceNumber()).isEqualTo(5);
    }

    private DomainEventMessage<?> lastEvent() {
        List<? extends DomainEventMessage<?>> stream =
                axon.eventStore().readEvents(CONVENTION).asStream().toList();
        return stream.get(stream.size() - 1);
    }
}
