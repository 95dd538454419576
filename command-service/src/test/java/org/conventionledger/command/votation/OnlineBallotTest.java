package org.conventionledger.command.votation;

import static org.conventionledger.command.platform.RuleViolationMatcher.expectRejected;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conventionledger.events.votation.OnlineBallotCast;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One voter's online ballot, checked against the votation register. */
class OnlineBallotTest {

    private static final String CONVENTION = "conv-1";
    private static final String VOTATION = "vot-1";
    private static final String PSEUDONYM = "5f1c0a9e";
    private static final String BALLOT = "ballot-" + PSEUDONYM;

    private FixtureConfiguration<OnlineBallot> fixture;
    private VotationRegister register;

    @BeforeEach
    void setUp() {
        register = mock(VotationRegister.class);
        fixture = new AggregateTestFixture<>(OnlineBallot.class);
        fixture.registerInjectableResource(register);
    }

    // ---- building blocks -------------------------------------------------------------------------

    /** The votation stands at the given status, with actions 3, 5 and 8 on its ballot. */
    private void votationIs(VotationStatus status) {
        when(register.votation(VOTATION))
                .thenReturn(Optional.of(new VotationRegister.Entry(VOTATION, CONVENTION, status, Set.of(3, 5, 8))));
    }

    private static CastOnlineBallot cast(Integer... choices) {
        return new CastOnlineBallot(BALLOT, VOTATION, PSEUDONYM, choices == null ? null : Arrays.asList(choices));
    }

    private static OnlineBallotCast ballotCast(Integer... choices) {
        return new OnlineBallotCast(CONVENTION, VOTATION, BALLOT, PSEUDONYM, List.of(choices));
    }

    // ---- casting ---------------------------------------------------------------------------------

    @Test
    void aVoterCastsTheirBallotInAnOpenVotation() {
        votationIs(VotationStatus.OPEN);
        fixture.givenNoPriorActivity()
               .when(cast(8, 3))
               .expectSuccessfulHandlerExecution()
               .expectEvents(ballotCast(8, 3));
    }

    @Test
    void aSecondBallotOfTheSameVoterIsRefused() {
        votationIs(VotationStatus.OPEN);
        expectRejected(fixture.given(ballotCast(3)).when(cast(5)), 409, "already-voted");
    }

    @Test
    void aBallotInAnUnknownVotationIsNotFound() {
        when(register.votation(VOTATION)).thenReturn(Optional.empty());
        expectRejected(fixture.givenNoPriorActivity().when(cast(3)), 404, "unknown-votation");
    }

    @Test
    void aScheduledVotationTakesNoBallot() {
        votationIs(VotationStatus.SCHEDULED);
        expectRejected(fixture.givenNoPriorActivity().when(cast(3)), 409, "votation-not-open");
    }

    @Test
    void aClosedVotationTakesNoBallot() {
        votationIs(VotationStatus.CLOSED);
        expectRejected(fixture.givenNoPriorActivity().when(cast(3)), 409, "votation-not-open");
    }

    @Test
    void aBallotWithoutChoiceIsRefused() {
        votationIs(VotationStatus.OPEN);
        expectRejected(fixture.givenNoPriorActivity().when(cast()), 422, "choices-required");
    }

    @Test
    void aBallotWithMissingChoicesIsRefused() {
        votationIs(VotationStatus.OPEN);
        expectRejected(fixture.givenNoPriorActivity().when(cast((Integer[]) null)), 422, "choices-required");
    }

    @Test
    void anActionChosenTwiceIsRefused() {
        votationIs(VotationStatus.OPEN);
        expectRejected(fixture.givenNoPriorActivity().when(cast(3, 5, 3)), 422, "duplicate-choice");
    }

    @Test
    void anActionNotOnTheBallotIsRefused() {
        votationIs(VotationStatus.OPEN);
        expectRejected(fixture.givenNoPriorActivity().when(cast(3, 4)), 422, "not-on-ballot");
    }

    @Test
    void aBlankChoiceIsRefused() {
        votationIs(VotationStatus.OPEN);
        expectRejected(fixture.givenNoPriorActivity().when(cast(3, null)), 422, "not-on-ballot");
    }
}
