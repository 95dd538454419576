package org.conventionledger.command.votation;

import static org.conventionledger.command.platform.RuleViolationMatcher.expectRejected;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conventionledger.command.deliberation.DeliberationRegister;
import org.conventionledger.command.deliberation.DeliberationRegister.FinalAction;
import org.conventionledger.events.votation.ActionVotes;
import org.conventionledger.events.votation.BallotItem;
import org.conventionledger.events.votation.PaperTallyRecorded;
import org.conventionledger.events.votation.VotationClosed;
import org.conventionledger.events.votation.VotationOpened;
import org.conventionledger.events.votation.VotationScheduled;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A public votation: scheduling, opening, paper tallies and closing. */
class VotationTest {

    private static final String CONVENTION = "conv-1";
    private static final String VOTATION = "vot-1";
    private static final String TITLE = "Public votation on the convention's actions";
    private static final Instant OPENS = Instant.parse("2025-09-01T06:00:00Z");
    private static final Instant CLOSES = Instant.parse("2025-09-21T18:00:00Z");
    private static final Instant OPENED_AT = Instant.parse("2025-09-01T06:00:05Z");
    private static final Instant COUNTED_AT = Instant.parse("2025-09-21T20:30:00Z");
    private static final Instant CLOSED_AT = Instant.parse("2025-09-21T18:00:02Z");

    private FixtureConfiguration<Votation> fixture;
    private DeliberationRegister register;

    @BeforeEach
    void setUp() {
        register = mock(DeliberationRegister.class);
        fixture = new AggregateTestFixture<>(Votation.class);
        fixture.registerInjectableResource(register);
    }

    // ---- building blocks -------------------------------------------------------------------------

    /** Actions 3 ("act-3") and 5 ("act-5") of the convention are final; the register knows nothing else. */
    private void finalActions() {
        when(register.finalAction("act-3")).thenReturn(Optional.of(
                new FinalAction("act-3", CONVENTION, 3, "Safe cycling to school", ECOLOGICAL, "Mobility")));
        when(register.finalAction("act-5")).thenReturn(Optional.of(
                new FinalAction("act-5", CONVENTION, 5, "A solidarity grocery", SOCIAL, "Food")));
    }

    private static List<BallotItem> ballot() {
        return List.of(new BallotItem("act-3", 3, "Safe cycling to school", ECOLOGICAL, "Mobility"),
                new BallotItem("act-5", 5, "A solidarity grocery", SOCIAL, "Food"));
    }

    private static ScheduleVotation schedule(Instant opensAt, Instant closesAt, String... actionIds) {
        return new ScheduleVotation(VOTATION, CONVENTION, TITLE, opensAt, closesAt, Arrays.asList(actionIds));
    }

    private static VotationScheduled scheduled() {
        return new VotationScheduled(CONVENTION, VOTATION, TITLE, OPENS, CLOSES, ballot());
    }

    private static VotationOpened opened() {
        return new VotationOpened(CONVENTION, VOTATION, OPENED_AT);
    }

    private static VotationClosed closed() {
        return new VotationClosed(CONVENTION, VOTATION, CLOSED_AT);
    }

    private static ActionVotes votes(int actionNumber, int votes) {
        return new ActionVotes(actionNumber, votes);
    }

    private static RecordPaperTally tally(String deskId, ActionVotes... votes) {
        return new RecordPaperTally(VOTATION, deskId, "Town hall", COUNTED_AT, Arrays.asList(votes));
    }

    private static PaperTallyRecorded tallied(String deskId, ActionVotes... votes) {
        return new PaperTallyRecorded(CONVENTION, VOTATION, deskId, "Town hall", COUNTED_AT, List.of(votes));
    }

    // ---- scheduling ------------------------------------------------------------------------------

    @Nested
    class SchedulingAVotation {

        @Test
        void theBallotListsTheFinalisedActions() {
            finalActions();
            fixture.givenNoPriorActivity()
                   .when(schedule(OPENS, CLOSES, "act-3", "act-5"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(scheduled());
        }

        @Test
        void anActionThatIsNotFinalIsRefused() {
            finalActions();
            when(register.finalAction("act-9")).thenReturn(Optional.empty());
            expectRejected(fixture.givenNoPriorActivity().when(schedule(OPENS, CLOSES, "act-3", "act-9")),
                    422, "action-not-final");
        }

        @Test
        void aFinalActionOfAnotherConventionIsRefused() {
            finalActions();
            when(register.finalAction("act-x")).thenReturn(Optional.of(
                    new FinalAction("act-x", "conv-2", 1, "Elsewhere", SOCIAL, "Housing")));
            expectRejected(fixture.givenNoPriorActivity().when(schedule(OPENS, CLOSES, "act-3", "act-x")),
                    422, "action-not-final");
        }

        @Test
        void anActionListedTwiceIsRefused() {
            finalActions();
            expectRejected(fixture.givenNoPriorActivity().when(schedule(OPENS, CLOSES, "act-3", "act-5", "act-3")),
                    422, "duplicate-action");
        }

        @Test
        void aBallotWithoutActionsIsRefused() {
            expectRejected(fixture.givenNoPriorActivity().when(schedule(OPENS, CLOSES)),
                    422, "actions-required");
        }

        @Test
        void closingWhenItOpensIsRefused() {
            finalActions();
            expectRejected(fixture.givenNoPriorActivity().when(schedule(OPENS, OPENS, "act-3")),
                    422, "invalid-period");
        }

        @Test
        void closingBeforeItOpensIsRefused() {
            finalActions();
            expectRejected(fixture.givenNoPriorActivity().when(schedule(CLOSES, OPENS, "act-3")),
                    422, "invalid-period");
        }

        @Test
        void aPeriodWithoutClosingTimeIsRefused() {
            finalActions();
            expectRejected(fixture.givenNoPriorActivity().when(schedule(OPENS, null, "act-3")),
                    422, "invalid-period");
        }

        @Test
        void aVotationNeedsATitle() {
            finalActions();
            expectRejected(fixture.givenNoPriorActivity()
                                  .when(new ScheduleVotation(VOTATION, CONVENTION, " ", OPENS, CLOSES, List.of("act-3"))),
                    422, "title-required");
        }
    }

    // ---- opening ---------------------------------------------------------------------------------

    @Nested
    class OpeningTheVotation {

        @Test
        void aScheduledVotationOpens() {
            fixture.given(scheduled())
                   .when(new OpenVotation(VOTATION, OPENED_AT))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(opened());
        }

        @Test
        void anOpenVotationCannotOpenAgain() {
            expectRejected(fixture.given(scheduled(), opened()).when(new OpenVotation(VOTATION, OPENED_AT)),
                    409, "votation-not-scheduled");
        }

        @Test
        void aClosedVotationCannotReopen() {
            expectRejected(fixture.given(scheduled(), opened(), closed()).when(new OpenVotation(VOTATION, OPENED_AT)),
                    409, "votation-not-scheduled");
        }
    }

    // ---- paper tallies ---------------------------------------------------------------------------

    @Nested
    class RecordingAPaperTally {

        @Test
        void theCountOfADeskIsRecorded() {
            fixture.given(scheduled(), opened())
                   .when(tally("desk-1", votes(3, 120), votes(5, 0)))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(tallied("desk-1", votes(3, 120), votes(5, 0)));
        }

        @Test
        void anotherDeskIsRecordedToo() {
            fixture.given(scheduled(), opened(), tallied("desk-1", votes(3, 120)))
                   .when(tally("desk-2", votes(5, 42)))
                   .expectEvents(tallied("desk-2", votes(5, 42)));
        }

        @Test
        void aScheduledVotationTakesNoTally() {
            expectRejected(fixture.given(scheduled()).when(tally("desk-1", votes(3, 120))),
                    409, "votation-not-open");
        }

        @Test
        void aClosedVotationTakesNoTally() {
            expectRejected(fixture.given(scheduled(), opened(), closed()).when(tally("desk-1", votes(3, 120))),
                    409, "votation-not-open");
        }

        @Test
        void aDeskIsTalliedOnlyOnce() {
            expectRejected(fixture.given(scheduled(), opened(), tallied("desk-1", votes(3, 120)))
                                  .when(tally("desk-1", votes(3, 121))),
                    409, "desk-already-tallied");
        }

        @Test
        void anActionNumberNotOnTheBallotIsRefused() {
            expectRejected(fixture.given(scheduled(), opened()).when(tally("desk-1", votes(3, 120), votes(4, 10))),
                    422, "not-on-ballot");
        }

        @Test
        void anActionCountedTwiceInOneTallyIsRefused() {
            expectRejected(fixture.given(scheduled(), opened()).when(tally("desk-1", votes(3, 120), votes(3, 10))),
                    422, "duplicate-action");
        }

        @Test
        void aNegativeCountIsRefused() {
            expectRejected(fixture.given(scheduled(), opened()).when(tally("desk-1", votes(3, 120), votes(5, -1))),
                    422, "negative-votes");
        }

        @Test
        void aTallyWithoutVotesIsRefused() {
            expectRejected(fixture.given(scheduled(), opened()).when(tally("desk-1")),
                    422, "votes-required");
        }

        @Test
        void aTallyNamesItsDesk() {
            expectRejected(fixture.given(scheduled(), opened()).when(tally(" ", votes(3, 120))),
                    422, "desk-required");
        }
    }

    // ---- closing ---------------------------------------------------------------------------------

    @Nested
    class ClosingTheVotation {

        @Test
        void anOpenVotationCloses() {
            fixture.given(scheduled(), opened(), tallied("desk-1", votes(3, 120)))
                   .when(new CloseVotation(VOTATION, CLOSED_AT))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(closed());
        }

        @Test
        void aVotationThatNeverOpenedCannotClose() {
            expectRejected(fixture.given(scheduled()).when(new CloseVotation(VOTATION, CLOSED_AT)),
                    409, "votation-not-open");
        }

        @Test
        void aClosedVotationCannotCloseAgain() {
            expectRejected(fixture.given(scheduled(), opened(), closed()).when(new CloseVotation(VOTATION, CLOSED_AT)),
                    409, "votation-not-open");
        }
    }
}
