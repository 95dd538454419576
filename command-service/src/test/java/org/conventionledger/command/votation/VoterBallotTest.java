package org.conventionledger.command.votation;

import static org.conventionledger.command.platform.RuleViolationMatcher.expectRejected;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.conventionledger.events.votation.BallotRule;
import org.conventionledger.events.votation.Eligibility;
import org.conventionledger.events.votation.OnlineBallotCast;
import org.conventionledger.events.votation.PaperBallotRecorded;
import org.conventionledger.events.votation.PaperVoterCheckedOff;
import org.conventionledger.events.votation.VotationRules;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One voter's ballot stream, online or on paper, checked against the votation register: period, status,
 * eligibility, ballot rule, one ballot per voter across channels.
 */
class VoterBallotTest {

    private static final String CONVENTION = "conv-1";
    private static final String VOTATION = "vot-1";
    private static final String PSEUDONYM = "5f1c0a9e";
    private static final String BALLOT = "ballot-" + PSEUDONYM;
    private static final Instant OPENS = Instant.parse("2025-09-01T06:00:00Z");
    private static final Instant CLOSES = Instant.parse("2025-09-21T18:00:00Z");
    private static final Instant DURING = Instant.parse("2025-09-10T12:00:00Z");
    private static final LocalDate CLOSING_DAY = LocalDate.parse("2025-09-21");
    /** The defaults: residents aged 16 or more on the closing day. */
    private static final Eligibility SIXTEEN_RESIDENT = new Eligibility(16, CLOSING_DAY, true, List.of());
    /** An adult resident. */
    private static final VoterFacts ELIGIBLE = new VoterFacts(LocalDate.parse("1980-04-02"), null, true, null);

    private FixtureConfiguration<VoterBallot> fixture;
    private VotationRegister register;

    @BeforeEach
    void setUp() {
        register = mock(VotationRegister.class);
        fixture = new AggregateTestFixture<>(VoterBallot.class);
        fixture.registerInjectableResource(register);
        votationIs(VotationStatus.OPEN);
    }

    // ---- building blocks -------------------------------------------------------------------------

    /** The votation stands at the given status, with actions 3, 5 and 8 on its ballot, under the default rules. */
    private void votationIs(VotationStatus status) {
        votationIs(status, new VotationRules(SIXTEEN_RESIDENT, BallotRule.APPROVAL, null, false));
    }

    private void votationIs(VotationStatus status, VotationRules rules) {
        when(register.votation(VOTATION))
                .thenReturn(Optional.of(new VotationRegister.Entry(
                        VOTATION, CONVENTION, status, Set.of(3, 5, 8), OPENS, CLOSES, rules, "seed")));
    }

    private void rulesAre(Eligibility eligibility, BallotRule rule, Integer maxChoices) {
        votationIs(VotationStatus.OPEN, new VotationRules(eligibility, rule, maxChoices, false));
    }

    /** During the voting period, after the given events of the voter's stream. */
    private TestExecutor<VoterBallot> given(Object... events) {
        return at(DURING, events);
    }

    private TestExecutor<VoterBallot> at(Instant now, Object... events) {
        return fixture.given(events).andGivenCurrentTime(now);
    }

    private static CastOnlineBallot cast(VoterFacts facts, Integer... choices) {
        return new CastOnlineBallot(
                BALLOT, VOTATION, PSEUDONYM, choices == null ? null : Arrays.asList(choices), facts);
    }

    private static CastOnlineBallot cast(Integer... choices) {
        return cast(ELIGIBLE, choices);
    }

    private static OnlineBallotCast ballotCast(Integer... choices) {
        return new OnlineBallotCast(CONVENTION, VOTATION, BALLOT, PSEUDONYM, List.of(choices));
    }

    private static CheckOffPaperVoter checkOff(String desk, List<Integer> choices) {
        return new CheckOffPaperVoter(BALLOT, VOTATION, desk, PSEUDONYM, choices, ELIGIBLE);
    }

    private static VoterFacts born(String date) {
        return new VoterFacts(LocalDate.parse(date), null, true, null);
    }

    // ---- casting ---------------------------------------------------------------------------------

    @Nested
    class CastingOnline {

        @Test
        void aVoterCastsTheirBallotInAnOpenVotation() {
            given().when(cast(8, 3)).expectSuccessfulHandlerExecution().expectEvents(ballotCast(8, 3));
        }

        @Test
        void aSecondBallotOfTheSameVoterIsRefused() {
            expectRejected(given(ballotCast(3)).when(cast(5)), 409, "already-voted");
        }

        @Test
        void aBallotInAnUnknownVotationIsNotFound() {
            when(register.votation(VOTATION)).thenReturn(Optional.empty());
            expectRejected(given().when(cast(3)), 404, "unknown-votation");
        }

        @Test
        void aScheduledVotationTakesNoBallot() {
            votationIs(VotationStatus.SCHEDULED);
            expectRejected(given().when(cast(3)), 409, "votation-not-open");
        }

        @Test
        void aClosedVotationTakesNoBallot() {
            votationIs(VotationStatus.CLOSED);
            expectRejected(given().when(cast(3)), 409, "votation-not-open");
        }

        @Test
        void anOpenedVotationTakesNoBallotBeforeItsOpeningInstant() {
            expectRejected(at(OPENS.minusMillis(1)).when(cast(3)), 409, "votation-not-open");
            at(OPENS).when(cast(3)).expectEvents(ballotCast(3));
        }

        @Test
        void aBallotAtOrAfterTheClosingInstantIsLateEvenIfNotClosedYet() {
            expectRejected(at(CLOSES).when(cast(3)), 409, "votation-closed");
            at(CLOSES.minusNanos(1)).when(cast(3)).expectEvents(ballotCast(3));
        }

        @Test
        void aVotationRegisteredBeforePeriodsAndRulesTakesBallotsWhileOpen() {
            when(register.votation(VOTATION))
                    .thenReturn(Optional.of(new VotationRegister.Entry(
                            VOTATION, CONVENTION, VotationStatus.OPEN, Set.of(3, 5, 8), null, null, null, null)));
            at(CLOSES.plusSeconds(86_400)).when(cast(VoterFacts.NONE, 3, 5, 8)).expectEvents(ballotCast(3, 5, 8));
        }
    }

    // ---- choices ---------------------------------------------------------------------------------

    @Nested
    class Choices {

        @Test
        void aBallotWithoutChoiceIsRefused() {
            expectRejected(given().when(cast()), 422, "choices-required");
        }

        @Test
        void aBallotWithMissingChoicesIsRefused() {
            expectRejected(given().when(cast(ELIGIBLE, (Integer[]) null)), 422, "choices-required");
        }

        @Test
        void anActionChosenTwiceIsRefused() {
            expectRejected(given().when(cast(3, 5, 3)), 422, "duplicate-choice");
        }

        @Test
        void anActionNotOnTheBallotIsRefused() {
            expectRejected(given().when(cast(3, 4)), 422, "not-on-ballot");
        }

        @Test
        void aBlankChoiceIsRefused() {
            expectRejected(given().when(cast(3, null)), 422, "not-on-ballot");
        }

        @Test
        void aSingleChoiceBallotChoosesOneAction() {
            rulesAre(SIXTEEN_RESIDENT, BallotRule.SINGLE, null);
            expectRejected(given().when(cast(3, 5)), 422, "too-many-choices");
            given().when(cast(5)).expectEvents(ballotCast(5));
        }

        @Test
        void anUpToNBallotChoosesNoMoreThanN() {
            rulesAre(SIXTEEN_RESIDENT, BallotRule.UP_TO_N, 2);
            expectRejected(given().when(cast(3, 5, 8)), 422, "too-many-choices");
            given().when(cast(8, 3)).expectEvents(ballotCast(8, 3));
        }

        @Test
        void anApprovalBallotChoosesAnyNumber() {
            given().when(cast(3, 5, 8)).expectEvents(ballotCast(3, 5, 8));
        }
    }

    // ---- eligibility -----------------------------------------------------------------------------

    @Nested
    class EligibilityOfTheVoter {

        @Test
        void aVoterSixteenOnTheClosingDayVotesAndTheirFactsAreNotLogged() {
            given().when(cast(born("2009-09-21"), 3)).expectEvents(ballotCast(3));
        }

        @Test
        void aVoterSixteenTheDayAfterClosingIsNotEligible() {
            expectRejected(given().when(cast(born("2009-09-22"), 3)), 422, "voter-not-eligible");
        }

        @Test
        void anAttestedAgeAtClosingServesInsteadOfABirthDate() {
            given().when(cast(new VoterFacts(null, 16, true, null), 3)).expectEvents(ballotCast(3));
            expectRejected(given().when(cast(new VoterFacts(null, 15, true, null), 3)), 422, "voter-not-eligible");
        }

        @Test
        void aNonResidentIsNotEligible() {
            expectRejected(
                    given().when(cast(new VoterFacts(LocalDate.parse("1980-04-02"), null, false, null), 3)),
                    422,
                    "voter-not-eligible");
        }

        @Test
        void missingFactsAreAskedFor() {
            expectRejected(given().when(cast(VoterFacts.NONE, 3)), 422, "eligibility-facts-required");
            expectRejected(given().when(cast((VoterFacts) null, 3)), 422, "eligibility-facts-required");
            expectRejected(
                    given().when(cast(new VoterFacts(LocalDate.parse("1980-04-02"), null, null, null), 3)),
                    422,
                    "eligibility-facts-required");
        }

        @Test
        void noNationalityIsAskedUnlessTheVotationSaysSo() {
            given().when(cast(ELIGIBLE, 3)).expectEvents(ballotCast(3));
        }

        @Test
        void aVotationMayRequireANationality() {
            rulesAre(new Eligibility(18, CLOSING_DAY, false, List.of("FR")), BallotRule.APPROVAL, null);
            expectRejected(given().when(cast(born("1980-04-02"), 3)), 422, "eligibility-facts-required");
            expectRejected(
                    given().when(cast(new VoterFacts(LocalDate.parse("1980-04-02"), null, null, List.of("DE")), 3)),
                    422,
                    "voter-not-eligible");
            given().when(cast(new VoterFacts(LocalDate.parse("1980-04-02"), null, null, List.of("de", "fr")), 3))
                    .expectEvents(ballotCast(3));
        }

        @Test
        void aVotationWithoutConditionsAsksForNoFacts() {
            rulesAre(Eligibility.NONE, BallotRule.APPROVAL, null);
            given().when(cast(VoterFacts.NONE, 3)).expectEvents(ballotCast(3));
        }

        @Test
        void impossibleOrContradictoryFactsAreRefused() {
            expectRejected(given().when(cast(born("2030-01-01"), 3)), 422, "invalid-voter-facts");
            expectRejected(
                    given().when(cast(new VoterFacts(LocalDate.parse("1980-04-02"), 30, true, null), 3)),
                    422,
                    "inconsistent-voter-facts");
        }
    }

    // ---- paper -----------------------------------------------------------------------------------

    @Nested
    class OnPaper {

        @Test
        void aDeskChecksAVoterOff() {
            given().when(checkOff("DESK-1", null))
                    .expectEvents(new PaperVoterCheckedOff(CONVENTION, VOTATION, BALLOT, PSEUDONYM, "DESK-1"));
        }

        @Test
        void aVoterCheckedOffCannotVoteOnline() {
            expectRejected(
                    given(new PaperVoterCheckedOff(CONVENTION, VOTATION, BALLOT, PSEUDONYM, "DESK-1"))
                            .when(cast(3)),
                    409,
                    "already-voted");
        }

        @Test
        void aVoterWhoVotedOnlineCannotBeCheckedOff() {
            expectRejected(given(ballotCast(3)).when(checkOff("DESK-1", null)), 409, "already-voted");
        }

        @Test
        void paperIsKeyedInAfterTheClosingInstantWhileTheVotationIsOpen() {
            at(CLOSES.plusSeconds(7200))
                    .when(checkOff("DESK-1", List.of(5)))
                    .expectEvents(
                            new PaperBallotRecorded(CONVENTION, VOTATION, BALLOT, "DESK-1", PSEUDONYM, List.of(5)));
        }

        @Test
        void aPaperBallotFollowsTheBallotRule() {
            rulesAre(SIXTEEN_RESIDENT, BallotRule.SINGLE, null);
            expectRejected(given().when(checkOff("DESK-1", List.of(3, 5))), 422, "too-many-choices");
        }

        @Test
        void anIneligibleVoterIsNotCheckedOff() {
            expectRejected(
                    given().when(new CheckOffPaperVoter(
                            BALLOT, VOTATION, "DESK-1", PSEUDONYM, null, born("2015-01-01"))),
                    422,
                    "voter-not-eligible");
        }

        @Test
        void aDeskWithATallyRecordsNoBallotsOneByOne() {
            when(register.deskState(VOTATION, "DESK-1")).thenReturn(Optional.of(PaperDeskState.ENTERED));
            expectRejected(given().when(checkOff("DESK-1", List.of(3))), 409, "desk-tallied");
            given().when(checkOff("DESK-1", null))
                    .expectEvents(new PaperVoterCheckedOff(CONVENTION, VOTATION, BALLOT, PSEUDONYM, "DESK-1"));
        }

        @Test
        void aClosedVotationTakesNoPaperVoter() {
            votationIs(VotationStatus.CLOSED);
            expectRejected(given().when(checkOff("DESK-1", null)), 409, "votation-not-open");
        }

        @Test
        void aCheckOffNamesItsDesk() {
            expectRejected(given().when(checkOff(" ", null)), 422, "desk-required");
        }
    }

    // ---- one ballot per voter, whatever the two channels -------------------------------------------

    /** The first participation of a voter, as each channel records it in the voter's stream. */
    static List<Object> firstParticipations() {
        return List.of(
                ballotCast(3),
                new PaperVoterCheckedOff(CONVENTION, VOTATION, BALLOT, PSEUDONYM, "DESK-1"),
                new PaperBallotRecorded(CONVENTION, VOTATION, BALLOT, "DESK-2", PSEUDONYM, List.of(5)));
    }

    /** A second attempt through each channel: online, a check-off at the same or another desk, a paper ballot. */
    static List<Object> secondAttempts() {
        return List.of(cast(5), checkOff("DESK-1", null), checkOff("DESK-3", null), checkOff("DESK-2", List.of(8)));
    }

    static Stream<Arguments> channelPairs() {
        return firstParticipations().stream()
                .flatMap(first -> secondAttempts().stream().map(second -> Arguments.of(first, second)));
    }

    @ParameterizedTest(name = "{0} then {1}")
    @MethodSource("channelPairs")
    void aVoterWhoTookPartThroughOneChannelIsRefusedThroughEveryChannel(Object first, Object second) {
        expectRejected(given(first).when(second), 409, "already-voted");
    }
}
