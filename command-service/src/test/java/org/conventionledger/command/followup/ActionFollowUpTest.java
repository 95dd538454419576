package org.conventionledger.command.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.command.platform.RuleViolationMatcher.expectRejected;
import static org.conventionledger.events.followup.CouncilAnswer.ADAPTED;
import static org.conventionledger.events.followup.CouncilAnswer.ADOPTED;
import static org.conventionledger.events.followup.CouncilAnswer.REJECTED;
import static org.conventionledger.events.followup.CouncilAnswer.RELAYED;
import static org.conventionledger.events.followup.ImplementationStatus.ABANDONED;
import static org.conventionledger.events.followup.ImplementationStatus.DONE;
import static org.conventionledger.events.followup.ImplementationStatus.IN_PROGRESS;
import static org.conventionledger.events.followup.ImplementationStatus.PLANNED;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conventionledger.command.deliberation.DeliberationRegister;
import org.conventionledger.command.organisation.ConventionRegister;
import org.conventionledger.events.Transition;
import org.conventionledger.events.followup.CouncilAnswer;
import org.conventionledger.events.followup.CouncilAnswered;
import org.conventionledger.events.followup.ImplementationBudgetRevised;
import org.conventionledger.events.followup.ImplementationPlanned;
import org.conventionledger.events.followup.ImplementationProgressed;
import org.conventionledger.events.followup.ImplementationStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** An action's follow-up: answered once, planned unless rejected, moving forward, budgets to the cent. */
class ActionFollowUpTest {

    private static final String CONVENTION = "conv-1";
    private static final String ACTION = "a-7";
    private static final LocalDate ANSWERED = LocalDate.of(2022, 9, 26);
    private static final LocalDate PLANNED_ON = ANSWERED.plusMonths(2);
    private static final BigDecimal BUDGET = new BigDecimal("120000.00");

    private FixtureConfiguration<ActionFollowUp> fixture;

    @BeforeEach
    void setUp() {
        DeliberationRegister register = mock(DeliberationRegister.class);
        when(register.finalAction(ACTION))
                .thenReturn(Optional.of(new DeliberationRegister.FinalAction(
                        ACTION, CONVENTION, 7, "Free buses on Saturdays", Transition.ECOLOGICAL, "Mobility")));
        when(register.conventionOfAction(ACTION)).thenReturn(Optional.of(CONVENTION));
        when(register.conventionOfAction("a-draft")).thenReturn(Optional.of(CONVENTION));
        when(register.finalAction("a-orphan"))
                .thenReturn(Optional.of(new DeliberationRegister.FinalAction(
                        "a-orphan", "conv-unknown", 8, "Orphan", Transition.SOCIAL, "Housing")));
        ConventionRegister conventions = mock(ConventionRegister.class);
        when(conventions.conventionExists(CONVENTION)).thenReturn(true);
        fixture = new AggregateTestFixture<>(ActionFollowUp.class);
        fixture.registerInjectableResource(register);
        fixture.registerInjectableResource(conventions);
    }

    private static RecordCouncilAnswer answer(CouncilAnswer answer, String relayedTo, String reason) {
        return new RecordCouncilAnswer(ACTION, answer, relayedTo, reason, "DEL-2022-118", ANSWERED);
    }

    private static CouncilAnswered answered(CouncilAnswer answer) {
        return new CouncilAnswered(
                CONVENTION,
                ACTION,
                answer,
                answer == RELAYED ? "Clermont Auvergne Métropole" : null,
                answer == ADAPTED || answer == REJECTED ? "Phased over two years" : null,
                "DEL-2022-118",
                ANSWERED);
    }

    private static PlanImplementation plan(String department, BigDecimal budget, LocalDate dueBy, LocalDate on) {
        return new PlanImplementation(ACTION, department, budget, dueBy, on);
    }

    private static ImplementationPlanned planned() {
        return new ImplementationPlanned(
                CONVENTION, ACTION, "Mobility department", BUDGET, LocalDate.of(2024, 6, 30), PLANNED_ON);
    }

    private static ImplementationProgressed progressed(ImplementationStatus status, String note, LocalDate on) {
        return new ImplementationProgressed(CONVENTION, ACTION, status, note, on);
    }

    @Test
    void oneStreamPerAction() {
        assertThat(ActionFollowUp.id(ACTION)).isEqualTo("followup:a-7");
        assertThat(answer(ADOPTED, null, null).followUpId()).isEqualTo("followup:a-7");
        assertThat(plan("D", BUDGET, null, PLANNED_ON).followUpId()).isEqualTo("followup:a-7");
        assertThat(new RecordImplementationProgress(ACTION, DONE, null, PLANNED_ON).followUpId())
                .isEqualTo("followup:a-7");
        assertThat(new ReviseImplementationBudget(ACTION, BUDGET, "r", PLANNED_ON).followUpId())
                .isEqualTo("followup:a-7");
    }

    @Nested
    class CouncilAnswers {

        @Test
        void theCouncilAdoptsAFinalisedAction() {
            fixture.givenNoPriorActivity().when(answer(ADOPTED, null, null)).expectEvents(answered(ADOPTED));
        }

        @Test
        void anAdoptionMayComeWithAComment() {
            fixture.givenNoPriorActivity()
                    .when(answer(ADOPTED, null, "As written"))
                    .expectEvents(new CouncilAnswered(
                            CONVENTION, ACTION, ADOPTED, null, "As written", "DEL-2022-118", ANSWERED));
        }

        @Test
        void anAdaptationOrARejectionGivesItsReason() {
            fixture.givenNoPriorActivity()
                    .when(answer(ADAPTED, null, "Phased over two years"))
                    .expectEvents(answered(ADAPTED));
            fixture.givenNoPriorActivity()
                    .when(answer(REJECTED, null, "Phased over two years"))
                    .expectEvents(answered(REJECTED));
        }

        @Test
        void aRelayNamesTheBody() {
            fixture.givenNoPriorActivity()
                    .when(answer(RELAYED, "Clermont Auvergne Métropole", null))
                    .expectEvents(answered(RELAYED));
        }

        @Test
        void theCouncilAnswersOnce() {
            expectRejected(
                    fixture.given(answered(ADOPTED)).when(answer(REJECTED, null, "Changed its mind")),
                    409,
                    "already-answered");
        }

        @Test
        void theAnswerIsRequired() {
            expectRejected(fixture.givenNoPriorActivity().when(answer(null, null, null)), 422, "answer-required");
        }

        @Test
        void theDeliberationIsNamed() {
            expectRejected(
                    fixture.givenNoPriorActivity()
                            .when(new RecordCouncilAnswer(ACTION, ADOPTED, null, null, " ", ANSWERED)),
                    422,
                    "deliberation-reference-required");
            expectRejected(
                    fixture.givenNoPriorActivity()
                            .when(new RecordCouncilAnswer(ACTION, ADOPTED, null, null, null, ANSWERED)),
                    422,
                    "deliberation-reference-required");
        }

        @Test
        void theDateIsRequired() {
            expectRejected(
                    fixture.givenNoPriorActivity()
                            .when(new RecordCouncilAnswer(ACTION, ADOPTED, null, null, "DEL-2022-118", null)),
                    422,
                    "date-required");
        }

        @Test
        void aRelayWithoutBodyIsRefused() {
            expectRejected(
                    fixture.givenNoPriorActivity().when(answer(RELAYED, null, null)), 422, "relayed-to-required");
            expectRejected(fixture.givenNoPriorActivity().when(answer(RELAYED, " ", null)), 422, "relayed-to-required");
        }

        @Test
        void onlyARelayNamesABody() {
            expectRejected(
                    fixture.givenNoPriorActivity().when(answer(ADOPTED, "The region", null)),
                    422,
                    "relayed-to-not-allowed");
        }

        @Test
        void anAdaptationOrARejectionWithoutReasonIsRefused() {
            expectRejected(fixture.givenNoPriorActivity().when(answer(ADAPTED, null, null)), 422, "reason-required");
            expectRejected(fixture.givenNoPriorActivity().when(answer(REJECTED, null, "")), 422, "reason-required");
        }

        @Test
        void anUnknownActionIsNotFound() {
            expectRejected(
                    fixture.givenNoPriorActivity()
                            .when(new RecordCouncilAnswer("nowhere", ADOPTED, null, null, "DEL-2022-118", ANSWERED)),
                    404,
                    "unknown-action");
        }

        @Test
        void anActionThatWasNotFinalisedIsNotFollowedUp() {
            expectRejected(
                    fixture.givenNoPriorActivity()
                            .when(new RecordCouncilAnswer("a-draft", ADOPTED, null, null, "DEL-2022-118", ANSWERED)),
                    409,
                    "action-not-final");
        }

        @Test
        void theActionsConventionMustBeKnown() {
            expectRejected(
                    fixture.givenNoPriorActivity()
                            .when(new RecordCouncilAnswer("a-orphan", ADOPTED, null, null, "DEL-2022-118", ANSWERED)),
                    404,
                    "unknown-convention");
        }
    }

    @Nested
    class Planning {

        @Test
        void theServicesPlanAnAdoptedAction() {
            fixture.given(answered(ADOPTED))
                    .when(plan("Mobility department", BUDGET, LocalDate.of(2024, 6, 30), PLANNED_ON))
                    .expectEvents(planned());
        }

        @Test
        void aRelayedActionIsPlannedByTheBodysDepartmentOnTheDayOfTheAnswerWithoutDueDate() {
            fixture.given(answered(RELAYED))
                    .when(plan("Métropole, transport department", new BigDecimal("0"), null, ANSWERED))
                    .expectEvents(new ImplementationPlanned(
                            CONVENTION,
                            ACTION,
                            "Métropole, transport department",
                            new BigDecimal("0.00"),
                            null,
                            ANSWERED));
        }

        @Test
        void theBudgetIsKeptToTheCent() {
            fixture.given(answered(ADAPTED))
                    .when(plan("Mobility department", new BigDecimal("1200.5"), null, PLANNED_ON))
                    .expectEvents(new ImplementationPlanned(
                            CONVENTION, ACTION, "Mobility department", new BigDecimal("1200.50"), null, PLANNED_ON));
            fixture.given(answered(ADOPTED))
                    .when(plan("Mobility department", new BigDecimal("1200.500"), null, PLANNED_ON))
                    .expectEvents(new ImplementationPlanned(
                            CONVENTION, ACTION, "Mobility department", new BigDecimal("1200.50"), null, PLANNED_ON));
        }

        @Test
        void nothingIsPlannedBeforeTheAnswer() {
            expectRejected(
                    fixture.givenNoPriorActivity().when(plan("D", BUDGET, null, PLANNED_ON)), 409, "not-answered");
        }

        @Test
        void nothingIsPlannedForARejectedAction() {
            expectRejected(
                    fixture.given(answered(REJECTED)).when(plan("D", BUDGET, null, PLANNED_ON)),
                    409,
                    "answer-rejected");
        }

        @Test
        void anActionIsPlannedOnce() {
            expectRejected(
                    fixture.given(answered(ADOPTED), planned()).when(plan("D", BUDGET, null, PLANNED_ON)),
                    409,
                    "already-planned");
        }

        @Test
        void theDepartmentIsRequired() {
            expectRejected(
                    fixture.given(answered(ADOPTED)).when(plan(" ", BUDGET, null, PLANNED_ON)),
                    422,
                    "department-required");
            expectRejected(
                    fixture.given(answered(ADOPTED)).when(plan(null, BUDGET, null, PLANNED_ON)),
                    422,
                    "department-required");
        }

        @Test
        void theBudgetIsRequired() {
            expectRejected(
                    fixture.given(answered(ADOPTED)).when(plan("D", null, null, PLANNED_ON)), 422, "budget-required");
        }

        @Test
        void aNegativeBudgetOrOneBelowTheCentIsRefused() {
            expectRejected(
                    fixture.given(answered(ADOPTED)).when(plan("D", new BigDecimal("-1"), null, PLANNED_ON)),
                    422,
                    "invalid-budget");
            expectRejected(
                    fixture.given(answered(ADOPTED)).when(plan("D", new BigDecimal("10.005"), null, PLANNED_ON)),
                    422,
                    "invalid-budget");
        }

        @Test
        void theDateIsRequiredAndNotBeforeTheAnswer() {
            expectRejected(fixture.given(answered(ADOPTED)).when(plan("D", BUDGET, null, null)), 422, "date-required");
            expectRejected(
                    fixture.given(answered(ADOPTED)).when(plan("D", BUDGET, null, ANSWERED.minusDays(1))),
                    422,
                    "date-before-previous-step");
        }

        @Test
        void theDueDateIsNotBeforeThePlan() {
            expectRejected(
                    fixture.given(answered(ADOPTED)).when(plan("D", BUDGET, PLANNED_ON.minusDays(1), PLANNED_ON)),
                    422,
                    "due-before-plan");
        }
    }

    @Nested
    class Progress {

        private static RecordImplementationProgress progress(ImplementationStatus status, String note, LocalDate on) {
            return new RecordImplementationProgress(ACTION, status, note, on);
        }

        @Test
        void aPlannedActionGoesInProgressThenIsDone() {
            fixture.given(answered(ADOPTED), planned())
                    .when(progress(IN_PROGRESS, "Tender launched", PLANNED_ON.plusMonths(3)))
                    .expectEvents(progressed(IN_PROGRESS, "Tender launched", PLANNED_ON.plusMonths(3)));
            fixture.given(answered(ADOPTED), planned(), progressed(IN_PROGRESS, null, PLANNED_ON.plusMonths(3)))
                    .when(progress(DONE, null, PLANNED_ON.plusMonths(3)))
                    .expectEvents(progressed(DONE, null, PLANNED_ON.plusMonths(3)));
        }

        @Test
        void anActionIsAbandonedBeforeItIsDoneWithANote() {
            fixture.given(answered(ADOPTED), planned())
                    .when(progress(ABANDONED, "The region withdrew its share", PLANNED_ON.plusDays(1)))
                    .expectEvents(progressed(ABANDONED, "The region withdrew its share", PLANNED_ON.plusDays(1)));
            fixture.given(answered(ADOPTED), planned(), progressed(IN_PROGRESS, null, PLANNED_ON))
                    .when(progress(ABANDONED, "Works stopped", PLANNED_ON.plusDays(1)))
                    .expectEvents(progressed(ABANDONED, "Works stopped", PLANNED_ON.plusDays(1)));
        }

        @Test
        void anAbandonmentWithoutNoteIsRefused() {
            expectRejected(
                    fixture.given(answered(ADOPTED), planned()).when(progress(ABANDONED, " ", PLANNED_ON)),
                    422,
                    "note-required");
        }

        @Test
        void nothingProgressesBeforeTheAnswerOrThePlan() {
            expectRejected(
                    fixture.givenNoPriorActivity().when(progress(IN_PROGRESS, null, PLANNED_ON)), 409, "not-answered");
            expectRejected(
                    fixture.given(answered(ADOPTED)).when(progress(IN_PROGRESS, null, PLANNED_ON)), 409, "not-planned");
            expectRejected(
                    fixture.given(answered(REJECTED)).when(progress(IN_PROGRESS, null, PLANNED_ON)),
                    409,
                    "not-planned");
        }

        @Test
        void theStatusIsRequired() {
            expectRejected(
                    fixture.given(answered(ADOPTED), planned()).when(progress(null, null, PLANNED_ON)),
                    422,
                    "status-required");
        }

        @Test
        void theStatusMovesForwardOneStepAtATime() {
            expectRejected(
                    fixture.given(answered(ADOPTED), planned()).when(progress(DONE, null, PLANNED_ON)),
                    409,
                    "invalid-transition");
            expectRejected(
                    fixture.given(answered(ADOPTED), planned()).when(progress(PLANNED, null, PLANNED_ON)),
                    409,
                    "invalid-transition");
            expectRejected(
                    fixture.given(answered(ADOPTED), planned(), progressed(IN_PROGRESS, null, PLANNED_ON))
                            .when(progress(IN_PROGRESS, null, PLANNED_ON)),
                    409,
                    "invalid-transition");
            expectRejected(
                    fixture.given(
                                    answered(ADOPTED),
                                    planned(),
                                    progressed(IN_PROGRESS, null, PLANNED_ON),
                                    progressed(DONE, null, PLANNED_ON))
                            .when(progress(ABANDONED, "Too late", PLANNED_ON)),
                    409,
                    "invalid-transition");
            expectRejected(
                    fixture.given(answered(ADOPTED), planned(), progressed(ABANDONED, "Stopped", PLANNED_ON))
                            .when(progress(IN_PROGRESS, null, PLANNED_ON)),
                    409,
                    "invalid-transition");
        }

        @Test
        void theDateIsRequiredAndNotBeforeThePreviousStep() {
            expectRejected(
                    fixture.given(answered(ADOPTED), planned()).when(progress(IN_PROGRESS, null, null)),
                    422,
                    "date-required");
            expectRejected(
                    fixture.given(answered(ADOPTED), planned())
                            .when(progress(IN_PROGRESS, null, PLANNED_ON.minusDays(1))),
                    422,
                    "date-before-previous-step");
            expectRejected(
                    fixture.given(answered(ADOPTED), planned(), progressed(IN_PROGRESS, null, PLANNED_ON.plusDays(9)))
                            .when(progress(DONE, null, PLANNED_ON.plusDays(8))),
                    422,
                    "date-before-previous-step");
        }
    }

    @Nested
    class BudgetRevisions {

        private static ReviseImplementationBudget revise(BigDecimal budget, String reason, LocalDate on) {
            return new ReviseImplementationBudget(ACTION, budget, reason, on);
        }

        @Test
        void aPlannedBudgetIsRevised() {
            fixture.given(answered(ADOPTED), planned())
                    .when(revise(new BigDecimal("150000"), "Tender above estimate", PLANNED_ON.plusMonths(4)))
                    .expectEvents(new ImplementationBudgetRevised(
                            CONVENTION,
                            ACTION,
                            new BigDecimal("150000.00"),
                            "Tender above estimate",
                            PLANNED_ON.plusMonths(4)));
        }

        @Test
        void theFinalCostIsRecordedOnceDone() {
            fixture.given(
                            answered(ADOPTED),
                            planned(),
                            progressed(IN_PROGRESS, null, PLANNED_ON),
                            progressed(DONE, null, PLANNED_ON.plusMonths(6)))
                    .when(revise(new BigDecimal("98500.40"), "Final cost", PLANNED_ON.plusMonths(7)))
                    .expectEvents(new ImplementationBudgetRevised(
                            CONVENTION, ACTION, new BigDecimal("98500.40"), "Final cost", PLANNED_ON.plusMonths(7)));
        }

        @Test
        void nothingIsRevisedBeforeTheAnswerOrThePlan() {
            expectRejected(
                    fixture.givenNoPriorActivity().when(revise(BigDecimal.TEN, "R", PLANNED_ON)), 409, "not-answered");
            expectRejected(
                    fixture.given(answered(ADOPTED)).when(revise(BigDecimal.TEN, "R", PLANNED_ON)), 409, "not-planned");
        }

        @Test
        void anAbandonedActionsBudgetIsNotRevised() {
            expectRejected(
                    fixture.given(answered(ADOPTED), planned(), progressed(ABANDONED, "Stopped", PLANNED_ON))
                            .when(revise(BigDecimal.TEN, "R", PLANNED_ON)),
                    409,
                    "implementation-abandoned");
        }

        @Test
        void theBudgetIsValid() {
            expectRejected(
                    fixture.given(answered(ADOPTED), planned()).when(revise(null, "R", PLANNED_ON)),
                    422,
                    "budget-required");
            expectRejected(
                    fixture.given(answered(ADOPTED), planned()).when(revise(new BigDecimal("-0.01"), "R", PLANNED_ON)),
                    422,
                    "invalid-budget");
            expectRejected(
                    fixture.given(answered(ADOPTED), planned()).when(revise(new BigDecimal("0.001"), "R", PLANNED_ON)),
                    422,
                    "invalid-budget");
        }

        @Test
        void aRevisionChangesTheBudget() {
            expectRejected(
                    fixture.given(answered(ADOPTED), planned()).when(revise(new BigDecimal("120000"), "R", PLANNED_ON)),
                    422,
                    "budget-unchanged");
        }

        @Test
        void aRevisionGivesItsReason() {
            expectRejected(
                    fixture.given(answered(ADOPTED), planned()).when(revise(BigDecimal.TEN, " ", PLANNED_ON)),
                    422,
                    "reason-required");
            expectRejected(
                    fixture.given(answered(ADOPTED), planned()).when(revise(BigDecimal.TEN, null, PLANNED_ON)),
                    422,
                    "reason-required");
        }

        @Test
        void theDateIsRequiredAndNotBeforeThePreviousStep() {
            expectRejected(
                    fixture.given(answered(ADOPTED), planned()).when(revise(BigDecimal.TEN, "R", null)),
                    422,
                    "date-required");
            expectRejected(
                    fixture.given(answered(ADOPTED), planned())
                            .when(revise(BigDecimal.TEN, "R", PLANNED_ON.minusDays(1))),
                    422,
                    "date-before-previous-step");
        }
    }
}
