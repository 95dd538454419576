package org.conventionledger.command.deliberation;

import static org.conventionledger.command.platform.RuleViolationMatcher.expectRejected;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.events.deliberation.ObjectionCategory.ALREADY_IN_PROGRAMME;
import static org.conventionledger.events.deliberation.ObjectionCategory.NEEDS_LARGE_MEANS;
import static org.conventionledger.events.deliberation.ObjectionCategory.NOT_CITY_COMPETENCE;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Optional;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conventionledger.events.deliberation.ActionDrafted;
import org.conventionledger.events.deliberation.ActionFinalised;
import org.conventionledger.events.deliberation.ObjectionCategory;
import org.conventionledger.events.deliberation.ObjectionLifted;
import org.conventionledger.events.deliberation.ObjectionRaised;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** An action sheet from draft to final, through the objections of consent rounds. */
class ActionTest {

    private static final String CONVENTION = "conv-1";
    private static final String ACTION = "act-1";
    private static final String TOPIC = "top-1";
    private static final int NUMBER = 7;

    private FixtureConfiguration<Action> fixture;
    private DeliberationRegister register;

    @BeforeEach
    void setUp() {
        register = mock(DeliberationRegister.class);
        fixture = new AggregateTestFixture<>(Action.class);
        fixture.registerInjectableResource(register);
    }

    // ---- building blocks -------------------------------------------------------------------------

    private void topicExists() {
        when(register.topic(CONVENTION, TOPIC))
                .thenReturn(Optional.of(new DeliberationRegister.Topic(CONVENTION, TOPIC, ECOLOGICAL, "Mobility")));
    }

    private static DraftAction draft(int number, String title) {
        return new DraftAction(ACTION, CONVENTION, number, TOPIC, title, "Extend the bike lanes to every school.");
    }

    private static ActionDrafted drafted() {
        return new ActionDrafted(CONVENTION, ACTION, NUMBER, ECOLOGICAL, TOPIC, "Mobility", "Safe cycling to school",
                "Extend the bike lanes to every school.");
    }

    private static ObjectionRaised raised(String objectionId) {
        return new ObjectionRaised(CONVENTION, ACTION, objectionId, NEEDS_LARGE_MEANS, "Costs 2 M€", "elected official",
                null);
    }

    private static ObjectionLifted lifted(String objectionId) {
        return new ObjectionLifted(CONVENTION, ACTION, objectionId, "Phased over three budgets");
    }

    private static ActionFinalised finalised() {
        return new ActionFinalised(CONVENTION, ACTION, NUMBER);
    }

    private static RaiseObjection raise(String objectionId, ObjectionCategory category, String reason,
                                        String competentBody) {
        return new RaiseObjection(ACTION, objectionId, category, reason, "elected official", competentBody);
    }

    private static LiftObjection lift(String objectionId, String amendment) {
        return new LiftObjection(ACTION, objectionId, amendment);
    }

    // ---- drafting --------------------------------------------------------------------------------

    @Nested
    class DraftingAnAction {

        @Test
        void aTopicGroupDraftsAnActionUnderItsTopic() {
            topicExists();
            fixture.givenNoPriorActivity()
                   .when(draft(NUMBER, "Safe cycling to school"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(drafted());
        }

        @Test
        void aTopicTheConventionNeverChoseIsNotFound() {
            when(register.topic(CONVENTION, TOPIC)).thenReturn(Optional.empty());
            expectRejected(fixture.givenNoPriorActivity().when(draft(NUMBER, "Safe cycling to school")),
                    404, "unknown-topic");
        }

        @Test
        void aNumberAlreadyTakenInTheConventionIsRefused() {
            topicExists();
            when(register.actionNumberTaken(CONVENTION, NUMBER)).thenReturn(true);
            expectRejected(fixture.givenNoPriorActivity().when(draft(NUMBER, "Safe cycling to school")),
                    409, "action-number-taken");
        }

        @Test
        void numberZeroIsRefused() {
            topicExists();
            expectRejected(fixture.givenNoPriorActivity().when(draft(0, "Safe cycling to school")),
                    422, "invalid-number");
        }

        @Test
        void aNegativeNumberIsRefused() {
            topicExists();
            expectRejected(fixture.givenNoPriorActivity().when(draft(-3, "Safe cycling to school")),
                    422, "invalid-number");
        }

        @Test
        void anActionNeedsATitle() {
            topicExists();
            expectRejected(fixture.givenNoPriorActivity().when(draft(NUMBER, " ")),
                    422, "title-required");
        }
    }

    // ---- objections ------------------------------------------------------------------------------

    @Nested
    class RaisingAnObjection {

        @Test
        void anObjectionIsRaisedInAConsentRound() {
            fixture.given(drafted())
                   .when(raise("obj-1", NEEDS_LARGE_MEANS, "Costs 2 M€", null))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(raised("obj-1"));
        }

        @Test
        void aCityIncompetenceNamesTheCompetentBody() {
            fixture.given(drafted())
                   .when(raise("obj-1", NOT_CITY_COMPETENCE, "Roads are the department's", "Departmental council"))
                   .expectEvents(new ObjectionRaised(CONVENTION, ACTION, "obj-1", NOT_CITY_COMPETENCE,
                           "Roads are the department's", "elected official", "Departmental council"));
        }

        @Test
        void anObjectionWithoutReasonIsRefused() {
            expectRejected(fixture.given(drafted()).when(raise("obj-1", ALREADY_IN_PROGRAMME, "  ", null)),
                    422, "reason-required");
        }

        @Test
        void anObjectionWithoutCategoryIsRefused() {
            expectRejected(fixture.given(drafted()).when(raise("obj-1", null, "Costs 2 M€", null)),
                    422, "category-required");
        }

        @Test
        void aCityIncompetenceWithoutCompetentBodyIsRefused() {
            expectRejected(fixture.given(drafted())
                                  .when(raise("obj-1", NOT_CITY_COMPETENCE, "Roads are the department's", "")),
                    422, "competent-body-required");
        }

        @Test
        void anObjectionIdAlreadyRaisedIsRefused() {
            expectRejected(fixture.given(drafted(), raised("obj-1"))
                                  .when(raise("obj-1", NEEDS_LARGE_MEANS, "Costs 2 M€", null)),
                    409, "objection-exists");
        }

        @Test
        void theIdOfALiftedObjectionIsNotReused() {
            expectRejected(fixture.given(drafted(), raised("obj-1"), lifted("obj-1"))
                                  .when(raise("obj-1", NEEDS_LARGE_MEANS, "Costs 2 M€", null)),
                    409, "objection-exists");
        }

        @Test
        void aFinalActionIsClosedToObjections() {
            expectRejected(fixture.given(drafted(), finalised())
                                  .when(raise("obj-1", NEEDS_LARGE_MEANS, "Costs 2 M€", null)),
                    409, "action-final");
        }
    }

    @Nested
    class LiftingAnObjection {

        @Test
        void anAmendmentLiftsTheObjection() {
            fixture.given(drafted(), raised("obj-1"))
                   .when(lift("obj-1", "Phased over three budgets"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(lifted("obj-1"));
        }

        @Test
        void anObjectionNeverRaisedIsNotFound() {
            expectRejected(fixture.given(drafted(), raised("obj-1"))
                                  .when(lift("obj-9", "Phased over three budgets")),
                    404, "unknown-objection");
        }

        @Test
        void anObjectionIsLiftedOnlyOnce() {
            expectRejected(fixture.given(drafted(), raised("obj-1"), lifted("obj-1"))
                                  .when(lift("obj-1", "Phased over four budgets")),
                    409, "objection-already-lifted");
        }

        @Test
        void liftingWithoutAmendmentIsRefused() {
            expectRejected(fixture.given(drafted(), raised("obj-1"))
                                  .when(lift("obj-1", null)),
                    422, "amendment-required");
        }
    }

    // ---- finalising ------------------------------------------------------------------------------

    @Nested
    class FinalisingAnAction {

        @Test
        void anActionWithoutObjectionIsFinalised() {
            fixture.given(drafted())
                   .when(new FinaliseAction(ACTION))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(finalised());
        }

        @Test
        void anActionIsFinalisedOnceEveryObjectionIsLifted() {
            fixture.given(drafted(), raised("obj-1"), raised("obj-2"), lifted("obj-1"), lifted("obj-2"))
                   .when(new FinaliseAction(ACTION))
                   .expectEvents(finalised());
        }

        @Test
        void anOpenObjectionBlocksConsent() {
            expectRejected(fixture.given(drafted(), raised("obj-1"), raised("obj-2"), lifted("obj-1"))
                                  .when(new FinaliseAction(ACTION)),
                    409, "open-objections");
        }

        @Test
        void anActionIsFinalisedOnlyOnce() {
            expectRejected(fixture.given(drafted(), finalised()).when(new FinaliseAction(ACTION)),
                    409, "action-final");
        }
    }
}
