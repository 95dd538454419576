package org.conventionledger.command.votation;

import static org.conventionledger.command.platform.RuleViolationMatcher.expectRejected;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conventionledger.command.deliberation.DeliberationRegister;
import org.conventionledger.command.deliberation.DeliberationRegister.FinalAction;
import org.conventionledger.command.votation.ScheduleVotation.RequestedRules;
import org.conventionledger.events.votation.BallotItem;
import org.conventionledger.events.votation.BallotRule;
import org.conventionledger.events.votation.Eligibility;
import org.conventionledger.events.votation.VotationClosed;
import org.conventionledger.events.votation.VotationOpened;
import org.conventionledger.events.votation.VotationRules;
import org.conventionledger.events.votation.VotationScheduled;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A public votation: scheduling under rules, opening with its display seed, closing. */
class VotationTest {

    private static final String CONVENTION = "conv-1";
    private static final String VOTATION = "vot-1";
    private static final String TITLE = "Public votation on the convention's actions";
    private static final Instant OPENS = Instant.parse("2025-09-01T06:00:00Z");
    private static final Instant CLOSES = Instant.parse("2025-09-21T18:00:00Z");
    private static final Instant OPENED_AT = Instant.parse("2025-09-01T06:00:05Z");
    private static final Instant CLOSED_AT = Instant.parse("2025-09-21T18:00:02Z");
    private static final String SEED = "5d41402abc4b2a76b9719d911017c592";
    /** The defaults: residents aged 16 or more on the closing day, no nationality condition, approval. */
    private static final VotationRules DEFAULT_RULES = new VotationRules(
            new Eligibility(16, LocalDate.parse("2025-09-21"), true, List.of()), BallotRule.APPROVAL, null, false);

    private FixtureConfiguration<Votation> fixture;
    private DeliberationRegister register;
    private VotationRegister votations;

    @BeforeEach
    void setUp() {
        register = mock(DeliberationRegister.class);
        votations = mock(VotationRegister.class);
        when(votations.unconfirmedDesks(VOTATION)).thenReturn(List.of());
        fixture = new AggregateTestFixture<>(Votation.class);
        fixture.registerInjectableResource(register);
        fixture.registerInjectableResource(votations);
    }

    // ---- building blocks -------------------------------------------------------------------------

    /** Actions 3 ("act-3") and 5 ("act-5") of the convention are final; the register knows nothing else. */
    private void finalActions() {
        when(register.finalAction("act-3"))
                .thenReturn(Optional.of(
                        new FinalAction("act-3", CONVENTION, 3, "Safe cycling to school", ECOLOGICAL, "Mobility")));
        when(register.finalAction("act-5"))
                .thenReturn(
                        Optional.of(new FinalAction("act-5", CONVENTION, 5, "A solidarity grocery", SOCIAL, "Food")));
    }

    private static List<BallotItem> ballot() {
        return List.of(
                new BallotItem("act-3", 3, "Safe cycling to school", ECOLOGICAL, "Mobility"),
                new BallotItem("act-5", 5, "A solidarity grocery", SOCIAL, "Food"));
    }

    private static ScheduleVotation schedule(Instant opensAt, Instant closesAt, String... actionIds) {
        return new ScheduleVotation(VOTATION, CONVENTION, TITLE, opensAt, closesAt, Arrays.asList(actionIds));
    }

    private static ScheduleVotation schedule(RequestedRules rules) {
        return new ScheduleVotation(VOTATION, CONVENTION, TITLE, OPENS, CLOSES, List.of("act-3", "act-5"), rules);
    }

    private static RequestedRules ballotRule(BallotRule rule, Integer maxChoices) {
        return new RequestedRules(null, null, null, null, rule, maxChoices, null);
    }

    private static VotationScheduled scheduled(VotationRules rules) {
        return new VotationScheduled(CONVENTION, VOTATION, TITLE, OPENS, CLOSES, ballot(), rules);
    }

    private static VotationScheduled scheduled() {
        return scheduled(DEFAULT_RULES);
    }

    private static VotationOpened opened() {
        return new VotationOpened(CONVENTION, VOTATION, OPENED_AT, SEED);
    }

    private static VotationClosed closed() {
        return new VotationClosed(CONVENTION, VOTATION, CLOSED_AT);
    }

    // ---- scheduling ------------------------------------------------------------------------------

    @Nested
    class SchedulingAVotation {

        @Test
        void theBallotListsTheFinalisedActionsUnderTheDefaultRules() {
            finalActions();
            fixture.givenNoPriorActivity()
                    .when(schedule(OPENS, CLOSES, "act-3", "act-5"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(scheduled());
        }

        @Test
        void theRulesAreLoggedAsRequested() {
            finalActions();
            fixture.givenNoPriorActivity()
                    .when(schedule(new RequestedRules(
                            18,
                            LocalDate.parse("2025-12-31"),
                            false,
                            List.of("fr", "de"),
                            BallotRule.UP_TO_N,
                            2,
                            true)))
                    .expectEvents(scheduled(new VotationRules(
                            new Eligibility(18, LocalDate.parse("2025-12-31"), false, List.of("DE", "FR")),
                            BallotRule.UP_TO_N,
                            2,
                            true)));
        }

        @Test
        void noAgeConditionHasNoReferenceDay() {
            finalActions();
            fixture.givenNoPriorActivity()
                    .when(schedule(new RequestedRules(
                            0, LocalDate.parse("2025-12-31"), false, List.of(), BallotRule.SINGLE, null, null)))
                    .expectEvents(scheduled(new VotationRules(Eligibility.NONE, BallotRule.SINGLE, null, false)));
        }

        @Test
        void upToNNeedsAMaximumWithinTheBallot() {
            finalActions();
            expectRejected(
                    fixture.givenNoPriorActivity().when(schedule(ballotRule(BallotRule.UP_TO_N, null))),
                    422,
                    "invalid-ballot-rule");
            expectRejected(
                    fixture.givenNoPriorActivity().when(schedule(ballotRule(BallotRule.UP_TO_N, 3))),
                    422,
                    "invalid-ballot-rule");
        }

        @Test
        void aMaximumBelongsToUpToNOnly() {
            finalActions();
            expectRejected(
                    fixture.givenNoPriorActivity().when(schedule(ballotRule(BallotRule.SINGLE, 1))),
                    422,
                    "invalid-ballot-rule");
            expectRejected(
                    fixture.givenNoPriorActivity().when(schedule(ballotRule(BallotRule.APPROVAL, 2))),
                    422,
                    "invalid-ballot-rule");
        }

        @Test
        void anImpossibleAgeOrNationalityIsRefused() {
            finalActions();
            expectRejected(
                    fixture.givenNoPriorActivity()
                            .when(schedule(new RequestedRules(-1, null, null, null, null, null, null))),
                    422,
                    "invalid-eligibility");
            expectRejected(
                    fixture.givenNoPriorActivity()
                            .when(schedule(new RequestedRules(null, null, null, List.of("France"), null, null, null))),
                    422,
                    "invalid-eligibility");
        }

        @Test
        void anActionThatIsNotFinalIsRefused() {
            finalActions();
            when(register.finalAction("act-9")).thenReturn(Optional.empty());
            expectRejected(
                    fixture.givenNoPriorActivity().when(schedule(OPENS, CLOSES, "act-3", "act-9")),
                    422,
                    "action-not-final");
        }

        @Test
        void aFinalActionOfAnotherConventionIsRefused() {
            finalActions();
            when(register.finalAction("act-x"))
                    .thenReturn(Optional.of(new FinalAction("act-x", "conv-2", 1, "Elsewhere", SOCIAL, "Housing")));
            expectRejected(
                    fixture.givenNoPriorActivity().when(schedule(OPENS, CLOSES, "act-3", "act-x")),
                    422,
                    "action-not-final");
        }

        @Test
        void anActionListedTwiceIsRefused() {
            finalActions();
            expectRejected(
                    fixture.givenNoPriorActivity().when(schedule(OPENS, CLOSES, "act-3", "act-5", "act-3")),
                    422,
                    "duplicate-action");
        }

        @Test
        void aBallotWithoutActionsIsRefused() {
            expectRejected(fixture.givenNoPriorActivity().when(schedule(OPENS, CLOSES)), 422, "actions-required");
        }

        @Test
        void closingWhenItOpensIsRefused() {
            finalActions();
            expectRejected(fixture.givenNoPriorActivity().when(schedule(OPENS, OPENS, "act-3")), 422, "invalid-period");
        }

        @Test
        void closingBeforeItOpensIsRefused() {
            finalActions();
            expectRejected(
                    fixture.givenNoPriorActivity().when(schedule(CLOSES, OPENS, "act-3")), 422, "invalid-period");
        }

        @Test
        void aPeriodWithoutClosingTimeIsRefused() {
            finalActions();
            expectRejected(fixture.givenNoPriorActivity().when(schedule(OPENS, null, "act-3")), 422, "invalid-period");
        }

        @Test
        void aVotationNeedsATitle() {
            finalActions();
            expectRejected(
                    fixture.givenNoPriorActivity()
                            .when(new ScheduleVotation(VOTATION, CONVENTION, " ", OPENS, CLOSES, List.of("act-3"))),
                    422,
                    "title-required");
        }
    }

    // ---- opening ---------------------------------------------------------------------------------

    @Nested
    class OpeningTheVotation {

        @Test
        void aScheduledVotationOpensAndLogsTheDisplaySeed() {
            fixture.given(scheduled())
                    .when(new OpenVotation(VOTATION, OPENED_AT, SEED))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(opened());
        }

        @Test
        void anOpeningNeedsADisplaySeed() {
            expectRejected(
                    fixture.given(scheduled()).when(new OpenVotation(VOTATION, OPENED_AT, " ")),
                    422,
                    "invalid-display-seed");
        }

        @Test
        void anOpenVotationCannotOpenAgain() {
            expectRejected(
                    fixture.given(scheduled(), opened()).when(new OpenVotation(VOTATION, OPENED_AT, SEED)),
                    409,
                    "votation-not-scheduled");
        }

        @Test
        void aClosedVotationCannotReopen() {
            expectRejected(
                    fixture.given(scheduled(), opened(), closed()).when(new OpenVotation(VOTATION, OPENED_AT, SEED)),
                    409,
                    "votation-not-scheduled");
        }

        @Test
        void aVotationScheduledBeforeRulesStillOpens() {
            fixture.given(new VotationScheduled(CONVENTION, VOTATION, TITLE, OPENS, CLOSES, ballot()))
                    .when(new OpenVotation(VOTATION, OPENED_AT, SEED))
                    .expectEvents(opened());
        }
    }

    // ---- closing ---------------------------------------------------------------------------------

    @Nested
    class ClosingTheVotation {

        @Test
        void anOpenVotationCloses() {
            fixture.given(scheduled(), opened())
                    .when(new CloseVotation(VOTATION, CLOSED_AT))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(closed());
        }

        @Test
        void itClosesEarlyToo() {
            fixture.given(scheduled(), opened())
                    .when(new CloseVotation(VOTATION, OPENED_AT.plusSeconds(60)))
                    .expectEvents(new VotationClosed(CONVENTION, VOTATION, OPENED_AT.plusSeconds(60)));
        }

        @Test
        void notWhileAPaperCountAwaitsConfirmation() {
            when(votations.unconfirmedDesks(VOTATION)).thenReturn(List.of("DESK-2", "DESK-4"));
            expectRejected(
                    fixture.given(scheduled(), opened()).when(new CloseVotation(VOTATION, CLOSED_AT)),
                    409,
                    "paper-tallies-unconfirmed");
        }

        @Test
        void aVotationThatNeverOpenedCannotClose() {
            expectRejected(
                    fixture.given(scheduled()).when(new CloseVotation(VOTATION, CLOSED_AT)), 409, "votation-not-open");
        }

        @Test
        void aClosedVotationCannotCloseAgain() {
            expectRejected(
                    fixture.given(scheduled(), opened(), closed()).when(new CloseVotation(VOTATION, CLOSED_AT)),
                    409,
                    "votation-not-open");
        }
    }
}
