package org.conventionledger.command.consultation;

import static org.conventionledger.command.platform.RuleViolationMatcher.expectRejected;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conventionledger.events.consultation.ProposalHidden;
import org.conventionledger.events.consultation.ProposalSubmitted;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A resident's proposal: submitted while its call is open, hidden by moderation once, with a reason. */
class ProposalTest {

    static final String CONVENTION = "conv-1";
    static final String CALL = "call-1";
    static final String PROPOSAL = "prop-1";
    static final String AUTHOR = "9c1e5b7d";
    static final Instant OPENS = Instant.parse("2022-03-01T08:00:00Z");
    static final Instant CLOSES = Instant.parse("2022-03-15T22:00:00Z");
    static final Instant NOW = Instant.parse("2022-03-05T10:30:00Z");

    private FixtureConfiguration<Proposal> fixture;
    private ConsultationRegister register;

    @BeforeEach
    void setUp() {
        register = mock(ConsultationRegister.class);
        fixture = new AggregateTestFixture<>(Proposal.class);
        fixture.registerInjectableResource(register);
        callIs(false);
    }

    private void callIs(boolean closed) {
        when(register.call(CALL))
                .thenReturn(
                        Optional.of(new ConsultationRegister.Call(CALL, CONVENTION, "topic-1", OPENS, CLOSES, closed)));
    }

    private static SubmitProposal submit(Instant at) {
        return new SubmitProposal(
                PROPOSAL,
                CALL,
                AUTHOR,
                " Des pistes cyclables continues ",
                "Relier les quartiers par des pistes séparées.",
                at);
    }

    private static ProposalSubmitted submitted() {
        return new ProposalSubmitted(
                CONVENTION,
                CALL,
                PROPOSAL,
                AUTHOR,
                "Des pistes cyclables continues",
                "Relier les quartiers par des pistes séparées.",
                NOW);
    }

    @Test
    void aResidentSubmitsAProposalWhileTheCallIsOpen() {
        fixture.givenNoPriorActivity()
                .when(submit(NOW))
                .expectSuccessfulHandlerExecution()
                .expectEvents(submitted());
    }

    @Test
    void theWindowIncludesItsOpeningAndExcludesItsClosingInstant() {
        fixture.givenNoPriorActivity().when(submit(OPENS)).expectSuccessfulHandlerExecution();
        expectRejected(fixture.givenNoPriorActivity().when(submit(OPENS.minusMillis(1))), 409, "call-not-open");
        expectRejected(fixture.givenNoPriorActivity().when(submit(CLOSES)), 409, "call-not-open");
    }

    @Test
    void aClosedCallTakesNoProposal() {
        callIs(true);
        expectRejected(fixture.givenNoPriorActivity().when(submit(NOW)), 409, "call-not-open");
    }

    @Test
    void anUnknownCallIsNotFound() {
        when(register.call(CALL)).thenReturn(Optional.empty());
        expectRejected(fixture.givenNoPriorActivity().when(submit(NOW)), 404, "unknown-call");
    }

    @Test
    void aProposalHasATitleAndAText() {
        expectRejected(
                fixture.givenNoPriorActivity().when(new SubmitProposal(PROPOSAL, CALL, AUTHOR, " ", "Text", NOW)),
                422,
                "title-required");
        expectRejected(
                fixture.givenNoPriorActivity().when(new SubmitProposal(PROPOSAL, CALL, AUTHOR, "Title", null, NOW)),
                422,
                "text-required");
    }

    @Test
    void moderationHidesAProposalWithItsReasonOnce() {
        fixture.given(submitted())
                .when(new HideProposal(PROPOSAL, CALL, " Contains a person's name "))
                .expectEvents(new ProposalHidden(CONVENTION, CALL, PROPOSAL, "Contains a person's name"));

        expectRejected(
                fixture.given(submitted(), new ProposalHidden(CONVENTION, CALL, PROPOSAL, "Name"))
                        .when(new HideProposal(PROPOSAL, CALL, "Again")),
                409,
                "already-hidden");
    }

    @Test
    void moderationStatesItsReason() {
        expectRejected(fixture.given(submitted()).when(new HideProposal(PROPOSAL, CALL, "  ")), 422, "reason-required");
    }

    @Test
    void aProposalIsHiddenThroughItsOwnCall() {
        expectRejected(
                fixture.given(submitted()).when(new HideProposal(PROPOSAL, "call-2", "Off topic")),
                404,
                "unknown-proposal");
    }
}
