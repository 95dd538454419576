package org.conventionledger.command.votation;

import static org.conventionledger.command.platform.RuleViolationMatcher.expectRejected;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conventionledger.events.votation.ActionVotes;
import org.conventionledger.events.votation.PaperTallyConfirmed;
import org.conventionledger.events.votation.PaperTallyCorrected;
import org.conventionledger.events.votation.PaperTallyEntered;
import org.conventionledger.events.votation.PaperTallyMismatched;
import org.conventionledger.events.votation.PaperTallyRecorded;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A desk's paper count entered twice, by two organisers: confirmation, mismatch, correction. */
class PaperDeskTest {

    private static final String CONVENTION = "conv-1";
    private static final String VOTATION = "vot-1";
    private static final String DESK = "DESK-1";
    private static final String STREAM = PaperDesk.streamId(VOTATION, DESK);
    private static final Instant COUNTED_AT = Instant.parse("2025-09-21T20:30:00Z");
    private static final Instant RECOUNTED_AT = Instant.parse("2025-09-22T09:00:00Z");
    private static final String ALICE = "alice";
    private static final String BOB = "bob";
    private static final String CAROL = "carol";

    private FixtureConfiguration<PaperDesk> fixture;
    private VotationRegister register;

    @BeforeEach
    void setUp() {
        register = mock(VotationRegister.class);
        fixture = new AggregateTestFixture<>(PaperDesk.class);
        fixture.registerInjectableResource(register);
        votationIs(VotationStatus.OPEN);
        when(register.deskState(VOTATION, DESK)).thenReturn(Optional.empty());
    }

    // ---- building blocks -------------------------------------------------------------------------

    private void votationIs(VotationStatus status) {
        when(register.votation(VOTATION))
                .thenReturn(Optional.of(new VotationRegister.Entry(
                        VOTATION, CONVENTION, status, Set.of(3, 5), null, null, null, "seed")));
    }

    private static ActionVotes votes(int actionNumber, int votes) {
        return new ActionVotes(actionNumber, votes);
    }

    private static EnterPaperTally enter(String by, ActionVotes... votes) {
        return new EnterPaperTally(STREAM, VOTATION, DESK, "Town hall", "e1", by, COUNTED_AT, Arrays.asList(votes));
    }

    private static PaperTallyEntered entered(String by, ActionVotes... votes) {
        return new PaperTallyEntered(CONVENTION, VOTATION, DESK, "Town hall", "e1", by, COUNTED_AT, List.of(votes));
    }

    private static ConfirmPaperTally confirm(String by, ActionVotes... votes) {
        return new ConfirmPaperTally(STREAM, VOTATION, DESK, "e2", by, Arrays.asList(votes));
    }

    private static CorrectPaperTally correct(String by, ActionVotes... votes) {
        return new CorrectPaperTally(STREAM, VOTATION, DESK, "e3", by, RECOUNTED_AT, Arrays.asList(votes), "Recounted");
    }

    private static PaperTallyMismatched mismatched(ActionVotes... votes) {
        return new PaperTallyMismatched(CONVENTION, VOTATION, DESK, "e2", BOB, "e1", List.of(votes), List.of(5));
    }

    private static PaperTallyCorrected corrected(String by, ActionVotes... votes) {
        return new PaperTallyCorrected(
                CONVENTION, VOTATION, DESK, "e3", by, "e1", RECOUNTED_AT, List.of(votes), "Recounted");
    }

    /** The figures that count, once a second organiser confirmed them. */
    private static PaperTallyRecorded recorded(Instant countedAt, ActionVotes... votes) {
        return new PaperTallyRecorded(CONVENTION, VOTATION, DESK, "Town hall", countedAt, List.of(votes));
    }

    // ---- first entry -----------------------------------------------------------------------------

    @Nested
    class FirstEntry {

        @Test
        void anOrganiserEntersTheCountWhichDoesNotCountYet() {
            fixture.givenNoPriorActivity()
                    .when(enter(ALICE, votes(5, 0), votes(3, 120)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(entered(ALICE, votes(3, 120), votes(5, 0)));
        }

        @Test
        void aDeskIsEnteredOnlyOnce() {
            expectRejected(
                    fixture.given(entered(ALICE, votes(3, 120))).when(enter(BOB, votes(3, 121))),
                    409,
                    "desk-already-tallied");
        }

        @Test
        void aDeskTalliedBeforeTheDoubleEntryIsNotEnteredAgain() {
            when(register.deskState(VOTATION, DESK)).thenReturn(Optional.of(PaperDeskState.CONFIRMED));
            expectRejected(
                    fixture.givenNoPriorActivity().when(enter(ALICE, votes(3, 120))), 409, "desk-already-tallied");
        }

        @Test
        void aDeskRecordingBallotsOneByOneHasNoTally() {
            when(register.deskHasPaperBallots(VOTATION, DESK)).thenReturn(true);
            expectRejected(
                    fixture.givenNoPriorActivity().when(enter(ALICE, votes(3, 120))), 409, "desk-has-paper-ballots");
        }

        @Test
        void aScheduledOrClosedVotationTakesNoTally() {
            votationIs(VotationStatus.SCHEDULED);
            expectRejected(fixture.givenNoPriorActivity().when(enter(ALICE, votes(3, 120))), 409, "votation-not-open");
            votationIs(VotationStatus.CLOSED);
            expectRejected(fixture.givenNoPriorActivity().when(enter(ALICE, votes(3, 120))), 409, "votation-not-open");
        }

        @Test
        void anUnknownVotationIsNotFound() {
            when(register.votation(VOTATION)).thenReturn(Optional.empty());
            expectRejected(fixture.givenNoPriorActivity().when(enter(ALICE, votes(3, 120))), 404, "unknown-votation");
        }

        @Test
        void theFiguresAreChecked() {
            expectRejected(
                    fixture.givenNoPriorActivity().when(enter(ALICE, votes(3, 120), votes(4, 10))),
                    422,
                    "not-on-ballot");
            expectRejected(
                    fixture.givenNoPriorActivity().when(enter(ALICE, votes(3, 120), votes(3, 10))),
                    422,
                    "duplicate-action");
            expectRejected(
                    fixture.givenNoPriorActivity().when(enter(ALICE, votes(3, 120), votes(5, -1))),
                    422,
                    "negative-votes");
            expectRejected(fixture.givenNoPriorActivity().when(enter(ALICE)), 422, "votes-required");
        }

        @Test
        void aTallyNamesItsDesk() {
            expectRejected(
                    fixture.givenNoPriorActivity()
                            .when(new EnterPaperTally(
                                    STREAM, VOTATION, " ", "Town hall", "e1", ALICE, COUNTED_AT, List.of(votes(3, 1)))),
                    422,
                    "desk-required");
        }
    }

    // ---- confirmation ----------------------------------------------------------------------------

    @Nested
    class Confirmation {

        @Test
        void anotherOrganiserEnteringTheSameFiguresMakesTheCountFinal() {
            fixture.given(entered(ALICE, votes(3, 120), votes(5, 0)))
                    .when(confirm(BOB, votes(3, 120)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(
                            new PaperTallyConfirmed(CONVENTION, VOTATION, DESK, "e2", BOB, "e1"),
                            recorded(COUNTED_AT, votes(3, 120), votes(5, 0)));
        }

        @Test
        void theOrganiserWhoEnteredTheFiguresCannotConfirmThem() {
            expectRejected(
                    fixture.given(entered(ALICE, votes(3, 120))).when(confirm(ALICE, votes(3, 120))),
                    409,
                    "same-organiser");
        }

        @Test
        void otherFiguresRecordAMismatchAndNothingCounts() {
            fixture.given(entered(ALICE, votes(3, 120), votes(5, 7)))
                    .when(confirm(BOB, votes(5, 8), votes(3, 120)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(mismatched(votes(3, 120), votes(5, 8)));
        }

        @Test
        void aMismatchBlocksEveryConfirmationUntilCorrected() {
            expectRejected(
                    fixture.given(entered(ALICE, votes(3, 120), votes(5, 7)), mismatched(votes(3, 120), votes(5, 8)))
                            .when(confirm(CAROL, votes(3, 120), votes(5, 7))),
                    409,
                    "paper-tally-blocked");
        }

        @Test
        void aConfirmedCountIsFinal() {
            expectRejected(
                    fixture.given(
                                    entered(ALICE, votes(3, 120)),
                                    new PaperTallyConfirmed(CONVENTION, VOTATION, DESK, "e2", BOB, "e1"),
                                    recorded(COUNTED_AT, votes(3, 120)))
                            .when(confirm(CAROL, votes(3, 120))),
                    409,
                    "desk-already-confirmed");
            expectRejected(
                    fixture.given(
                                    entered(ALICE, votes(3, 120)),
                                    new PaperTallyConfirmed(CONVENTION, VOTATION, DESK, "e2", BOB, "e1"))
                            .when(correct(CAROL, votes(3, 121))),
                    409,
                    "desk-already-confirmed");
        }

        @Test
        void nothingToConfirmOnADeskNeverEntered() {
            expectRejected(fixture.givenNoPriorActivity().when(confirm(BOB, votes(3, 120))), 404, "desk-not-tallied");
        }

        @Test
        void noConfirmationOnceTheVotationIsClosed() {
            votationIs(VotationStatus.CLOSED);
            expectRejected(
                    fixture.given(entered(ALICE, votes(3, 120))).when(confirm(BOB, votes(3, 120))),
                    409,
                    "votation-not-open");
        }

        @Test
        void theConfirmingFiguresAreCheckedToo() {
            expectRejected(
                    fixture.given(entered(ALICE, votes(3, 120))).when(confirm(BOB, votes(9, 120))),
                    422,
                    "not-on-ballot");
        }
    }

    // ---- correction ------------------------------------------------------------------------------

    @Nested
    class Correction {

        @Test
        void correctedFiguresReplaceThePendingOnesWithoutErasingThem() {
            fixture.given(entered(ALICE, votes(3, 120), votes(5, 7)), mismatched(votes(3, 120), votes(5, 8)))
                    .when(correct(CAROL, votes(3, 120), votes(5, 8)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(corrected(CAROL, votes(3, 120), votes(5, 8)));
        }

        @Test
        void theCorrectedFiguresAreConfirmedBySomeoneElseThanTheCorrector() {
            var history = fixture.given(
                    entered(ALICE, votes(3, 120), votes(5, 7)),
                    mismatched(votes(3, 120), votes(5, 8)),
                    corrected(CAROL, votes(3, 120), votes(5, 8)));
            expectRejected(history.when(confirm(CAROL, votes(3, 120), votes(5, 8))), 409, "same-organiser");
        }

        @Test
        void theFirstOrganiserMayConfirmFiguresCorrectedBySomeoneElse() {
            fixture.given(
                            entered(ALICE, votes(3, 120), votes(5, 7)),
                            mismatched(votes(3, 120), votes(5, 8)),
                            corrected(CAROL, votes(3, 120), votes(5, 8)))
                    .when(new ConfirmPaperTally(
                            STREAM, VOTATION, DESK, "e4", ALICE, List.of(votes(3, 120), votes(5, 8))))
                    .expectEvents(
                            new PaperTallyConfirmed(CONVENTION, VOTATION, DESK, "e4", ALICE, "e3"),
                            recorded(RECOUNTED_AT, votes(3, 120), votes(5, 8)));
        }

        @Test
        void aPendingEntryMayBeCorrectedBeforeConfirmation() {
            fixture.given(entered(ALICE, votes(3, 120)))
                    .when(correct(ALICE, votes(3, 102)))
                    .expectEvents(corrected(ALICE, votes(3, 102)));
        }

        @Test
        void aCorrectionSaysWhy() {
            expectRejected(
                    fixture.given(entered(ALICE, votes(3, 120)))
                            .when(new CorrectPaperTally(
                                    STREAM, VOTATION, DESK, "e3", BOB, null, List.of(votes(3, 1)), " ")),
                    422,
                    "reason-required");
        }

        @Test
        void nothingToCorrectOnADeskNeverEntered() {
            expectRejected(fixture.givenNoPriorActivity().when(correct(BOB, votes(3, 120))), 404, "desk-not-tallied");
        }
    }

    @Test
    void differingActionsCountAMissingActionAsZero() {
        org.assertj.core.api.Assertions.assertThat(
                        PaperDesk.differing(List.of(votes(3, 10), votes(5, 0)), List.of(votes(3, 10))))
                .isEmpty();
        org.assertj.core.api.Assertions.assertThat(
                        PaperDesk.differing(List.of(votes(3, 10)), List.of(votes(3, 11), votes(5, 2))))
                .containsExactly(3, 5);
    }
}
