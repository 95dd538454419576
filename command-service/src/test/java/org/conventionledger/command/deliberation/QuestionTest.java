package org.conventionledger.command.deliberation;

import static org.conventionledger.command.platform.RuleViolationMatcher.expectRejected;
import static org.conventionledger.events.deliberation.ObjectionCategory.ALREADY_IN_PROGRAMME;
import static org.conventionledger.events.deliberation.ObjectionCategory.NEEDS_LARGE_MEANS;
import static org.conventionledger.events.deliberation.ObjectionCategory.NOT_CITY_COMPETENCE;
import static org.conventionledger.events.deliberation.ObjectionCategory.OTHER;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.conventionledger.command.organisation.ConventionRegister;
import org.conventionledger.events.deliberation.ObjectionCategory;
import org.conventionledger.events.deliberation.QuestionClarificationAnswered;
import org.conventionledger.events.deliberation.QuestionClarificationRequested;
import org.conventionledger.events.deliberation.QuestionConsentGiven;
import org.conventionledger.events.deliberation.QuestionDecided;
import org.conventionledger.events.deliberation.QuestionImprovementDecided;
import org.conventionledger.events.deliberation.QuestionImprovementProposed;
import org.conventionledger.events.deliberation.QuestionObjectionLifted;
import org.conventionledger.events.deliberation.QuestionObjectionRaised;
import org.conventionledger.events.deliberation.QuestionObjectionWithdrawn;
import org.conventionledger.events.deliberation.QuestionPut;
import org.conventionledger.events.deliberation.QuestionRevised;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A free-standing question and its consent round, with the rules of an action's round: putting it
 * opens the round on version 1; clarifications, improvements (an accepted one is a new version),
 * objections lifted by amendment (a new version) or withdrawn, consents to a version, and the decision.
 */
class QuestionTest {

    private static final String CONVENTION = "conv-1";
    private static final String QUESTION = "q-1";
    private static final String TITLE = "Adopt the dialogue charter";
    private static final String TEXT_1 = "The convention adopts the dialogue charter.";
    private static final String TEXT_2 = "The convention adopts the dialogue charter; the garants watch over it.";
    private static final String TEXT_3 = "The convention adopts the dialogue charter; the garants watch over it;"
            + " the charter is posted in the city hall.";
    private static final String MEMBER_1 = "mem-1";
    private static final String MEMBER_2 = "mem-2";
    private static final String ELECTED = "elected official";
    private static final String OUTSIDER = "mem-9";

    private FixtureConfiguration<Question> fixture;
    private ConventionRegister register;

    @BeforeEach
    void setUp() {
        register = mock(ConventionRegister.class);
        fixture = newFixture(register);
    }

    private static FixtureConfiguration<Question> newFixture(ConventionRegister register) {
        FixtureConfiguration<Question> fixture = new AggregateTestFixture<>(Question.class);
        fixture.registerInjectableResource(register);
        return fixture;
    }

    // ---- building blocks: events -----------------------------------------------------------------

    private static QuestionPut put(String... participants) {
        return new QuestionPut(CONVENTION, QUESTION, TITLE, TEXT_1, List.of(participants));
    }

    /** Put to two members and an elected official. */
    private static QuestionPut put() {
        return put(MEMBER_1, MEMBER_2, ELECTED);
    }

    private static QuestionRevised revised(int version, String text, String reason) {
        return new QuestionRevised(CONVENTION, QUESTION, version, text, reason);
    }

    private static QuestionClarificationRequested clarificationRequested(String clarificationId) {
        return new QuestionClarificationRequested(CONVENTION, QUESTION, clarificationId, MEMBER_2, "Who signs it?");
    }

    private static QuestionClarificationAnswered clarificationAnswered(String clarificationId) {
        return new QuestionClarificationAnswered(CONVENTION, QUESTION, clarificationId, "Every member.");
    }

    private static QuestionImprovementProposed improvementProposed(String improvementId) {
        return new QuestionImprovementProposed(
                CONVENTION, QUESTION, improvementId, MEMBER_1, "Let the garants watch over it.");
    }

    private static QuestionImprovementDecided improvementDecided(
            String improvementId, boolean accepted, String reason) {
        return new QuestionImprovementDecided(CONVENTION, QUESTION, improvementId, accepted, reason);
    }

    private static QuestionObjectionRaised objectionRaised(String objectionId, String raisedBy) {
        return new QuestionObjectionRaised(CONVENTION, QUESTION, objectionId, OTHER, "Too vague", raisedBy, null);
    }

    private static QuestionObjectionLifted objectionLifted(String objectionId) {
        return new QuestionObjectionLifted(CONVENTION, QUESTION, objectionId, "Named who watches over it");
    }

    private static QuestionObjectionWithdrawn objectionWithdrawn(String objectionId) {
        return new QuestionObjectionWithdrawn(CONVENTION, QUESTION, objectionId, "Clear enough");
    }

    private static QuestionConsentGiven consentGiven(int version, String... participants) {
        return new QuestionConsentGiven(CONVENTION, QUESTION, version, List.of(participants));
    }

    private static QuestionDecided decided(int version) {
        return new QuestionDecided(CONVENTION, QUESTION, version);
    }

    /** Put, then the given events. */
    private static List<Object> inRound(Object... more) {
        List<Object> all = new ArrayList<>(List.of(put()));
        all.addAll(Arrays.asList(more));
        return all;
    }

    /** A decided question: everybody consented to version 1. */
    private static List<Object> decidedQuestion() {
        return inRound(consentGiven(1, MEMBER_1, MEMBER_2, ELECTED), decided(1));
    }

    // ---- building blocks: commands ---------------------------------------------------------------

    private void conventionExists() {
        when(register.conventionExists(CONVENTION)).thenReturn(true);
    }

    private static PutQuestion putQuestion(String title, String text, List<String> participants) {
        return new PutQuestion(CONVENTION, QUESTION, title, text, participants);
    }

    private static RaiseQuestionObjection raise(
            String objectionId, ObjectionCategory category, String reason, String raisedBy, String competentBody) {
        return new RaiseQuestionObjection(QUESTION, objectionId, category, reason, raisedBy, competentBody);
    }

    private static RaiseQuestionObjection raise(String objectionId, String raisedBy) {
        return raise(objectionId, OTHER, "Too vague", raisedBy, null);
    }

    private static LiftQuestionObjection lift(String objectionId, String amendment, String text) {
        return new LiftQuestionObjection(QUESTION, objectionId, amendment, text);
    }

    private static GiveQuestionConsent consent(String... participants) {
        return new GiveQuestionConsent(QUESTION, List.of(participants));
    }

    // ---- putting the question --------------------------------------------------------------------

    @Nested
    class PuttingAQuestion {

        @Test
        void aQuestionIsPutToItsParticipantsAsVersionOne() {
            conventionExists();
            fixture.givenNoPriorActivity()
                    .when(putQuestion(TITLE, TEXT_1, List.of(MEMBER_1, MEMBER_2, ELECTED)))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(put());
        }

        @Test
        void anUnknownConventionIsNotFound() {
            when(register.conventionExists(CONVENTION)).thenReturn(false);
            expectRejected(
                    fixture.givenNoPriorActivity().when(putQuestion(TITLE, TEXT_1, List.of(MEMBER_1))),
                    404,
                    "unknown-convention");
        }

        @Test
        void aQuestionHasATitle() {
            conventionExists();
            expectRejected(
                    fixture.givenNoPriorActivity().when(putQuestion(" ", TEXT_1, List.of(MEMBER_1))),
                    422,
                    "title-required");
        }

        @Test
        void aMissingTitleIsRefused() {
            conventionExists();
            expectRejected(
                    fixture.givenNoPriorActivity().when(putQuestion(null, TEXT_1, List.of(MEMBER_1))),
                    422,
                    "title-required");
        }

        @Test
        void aQuestionHasAText() {
            conventionExists();
            expectRejected(
                    fixture.givenNoPriorActivity().when(putQuestion(TITLE, "", List.of(MEMBER_1))),
                    422,
                    "text-required");
        }

        @Test
        void aMissingTextIsRefused() {
            conventionExists();
            expectRejected(
                    fixture.givenNoPriorActivity().when(putQuestion(TITLE, null, List.of(MEMBER_1))),
                    422,
                    "text-required");
        }

        @Test
        void aQuestionNamesItsParticipants() {
            conventionExists();
            expectRejected(
                    fixture.givenNoPriorActivity().when(putQuestion(TITLE, TEXT_1, null)),
                    422,
                    "participants-required");
        }

        @Test
        void anEmptyListOfParticipantsIsRefused() {
            conventionExists();
            expectRejected(
                    fixture.givenNoPriorActivity().when(putQuestion(TITLE, TEXT_1, List.of())),
                    422,
                    "participants-required");
        }

        @Test
        void aBlankParticipantIsRefused() {
            conventionExists();
            expectRejected(
                    fixture.givenNoPriorActivity().when(putQuestion(TITLE, TEXT_1, List.of(MEMBER_1, " "))),
                    422,
                    "participants-required");
        }

        @Test
        void aMissingParticipantIsRefused() {
            conventionExists();
            expectRejected(
                    fixture.givenNoPriorActivity().when(putQuestion(TITLE, TEXT_1, Arrays.asList(MEMBER_1, null))),
                    422,
                    "participants-required");
        }

        @Test
        void eachParticipantIsListedOnce() {
            conventionExists();
            expectRejected(
                    fixture.givenNoPriorActivity()
                            .when(putQuestion(TITLE, TEXT_1, List.of(MEMBER_1, ELECTED, MEMBER_1))),
                    422,
                    "duplicate-participant");
        }
    }

    // ---- clarifications --------------------------------------------------------------------------

    @Nested
    class RequestingAClarification {

        @Test
        void aParticipantAsksForAClarification() {
            fixture.given(put())
                    .when(new RequestQuestionClarification(QUESTION, "cla-1", MEMBER_2, "Who signs it?"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(clarificationRequested("cla-1"));
        }

        @Test
        void onlyAParticipantAsks() {
            expectRejected(
                    fixture.given(put())
                            .when(new RequestQuestionClarification(QUESTION, "cla-1", OUTSIDER, "Who signs it?")),
                    422,
                    "not-a-participant");
        }

        @Test
        void anAnonymousQuestionIsRefused() {
            expectRejected(
                    fixture.given(put())
                            .when(new RequestQuestionClarification(QUESTION, "cla-1", null, "Who signs it?")),
                    422,
                    "not-a-participant");
        }

        @Test
        void aRequestStatesItsQuestion() {
            expectRejected(
                    fixture.given(put()).when(new RequestQuestionClarification(QUESTION, "cla-1", MEMBER_2, " ")),
                    422,
                    "question-required");
        }

        @Test
        void aClarificationIdIsUsedOnce() {
            expectRejected(
                    fixture.given(inRound(clarificationRequested("cla-1")))
                            .when(new RequestQuestionClarification(QUESTION, "cla-1", MEMBER_1, "And when?")),
                    409,
                    "clarification-exists");
        }

        @Test
        void aDecidedQuestionTakesNoMoreClarifications() {
            expectRejected(
                    fixture.given(decidedQuestion())
                            .when(new RequestQuestionClarification(QUESTION, "cla-1", MEMBER_2, "Who signs it?")),
                    409,
                    "question-decided");
        }
    }

    @Nested
    class AnsweringAClarification {

        @Test
        void theClarificationIsAnswered() {
            fixture.given(inRound(clarificationRequested("cla-1")))
                    .when(new AnswerQuestionClarification(QUESTION, "cla-1", "Every member."))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(clarificationAnswered("cla-1"));
        }

        @Test
        void aClarificationNeverAskedIsNotFound() {
            expectRejected(
                    fixture.given(inRound(clarificationRequested("cla-1")))
                            .when(new AnswerQuestionClarification(QUESTION, "cla-9", "Every member.")),
                    404,
                    "unknown-clarification");
        }

        @Test
        void aClarificationIsAnsweredOnce() {
            expectRejected(
                    fixture.given(inRound(clarificationRequested("cla-1"), clarificationAnswered("cla-1")))
                            .when(new AnswerQuestionClarification(QUESTION, "cla-1", "And the garants.")),
                    409,
                    "clarification-answered");
        }

        @Test
        void anAnswerHasAText() {
            expectRejected(
                    fixture.given(inRound(clarificationRequested("cla-1")))
                            .when(new AnswerQuestionClarification(QUESTION, "cla-1", " ")),
                    422,
                    "answer-required");
        }

        @Test
        void aDecidedQuestionTakesNoMoreAnswers() {
            expectRejected(
                    fixture.given(inRound(
                                    clarificationRequested("cla-1"),
                                    consentGiven(1, MEMBER_1, MEMBER_2, ELECTED),
                                    decided(1)))
                            .when(new AnswerQuestionClarification(QUESTION, "cla-1", "Every member.")),
                    409,
                    "question-decided");
        }
    }

    // ---- improvements ----------------------------------------------------------------------------

    @Nested
    class ProposingAnImprovement {

        @Test
        void aParticipantProposesAnImprovement() {
            fixture.given(put())
                    .when(new ProposeQuestionImprovement(QUESTION, "imp-1", MEMBER_1, "Let the garants watch over it."))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(improvementProposed("imp-1"));
        }

        @Test
        void onlyAParticipantProposes() {
            expectRejected(
                    fixture.given(put()).when(new ProposeQuestionImprovement(QUESTION, "imp-1", OUTSIDER, "Shorter.")),
                    422,
                    "not-a-participant");
        }

        @Test
        void aProposalDescribesTheImprovement() {
            expectRejected(
                    fixture.given(put()).when(new ProposeQuestionImprovement(QUESTION, "imp-1", MEMBER_1, null)),
                    422,
                    "proposal-required");
        }

        @Test
        void anImprovementIdIsUsedOnce() {
            expectRejected(
                    fixture.given(inRound(improvementProposed("imp-1")))
                            .when(new ProposeQuestionImprovement(QUESTION, "imp-1", MEMBER_2, "Shorter.")),
                    409,
                    "improvement-exists");
        }

        @Test
        void aDecidedQuestionTakesNoMoreImprovements() {
            expectRejected(
                    fixture.given(decidedQuestion())
                            .when(new ProposeQuestionImprovement(QUESTION, "imp-1", MEMBER_1, "Shorter.")),
                    409,
                    "question-decided");
        }
    }

    @Nested
    class DecidingAnImprovement {

        @Test
        void anAcceptedImprovementIsANewVersion() {
            fixture.given(inRound(improvementProposed("imp-1")))
                    .when(new DecideQuestionImprovement(QUESTION, "imp-1", true, "Everyone agrees", TEXT_2))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(
                            improvementDecided("imp-1", true, "Everyone agrees"),
                            revised(2, TEXT_2, "improvement imp-1 accepted"));
        }

        @Test
        void versionsFollowOneAnother() {
            fixture.given(inRound(
                            improvementProposed("imp-0"),
                            improvementDecided("imp-0", true, null),
                            revised(2, TEXT_2, "improvement imp-0 accepted"),
                            improvementProposed("imp-1")))
                    .when(new DecideQuestionImprovement(QUESTION, "imp-1", true, null, TEXT_3))
                    .expectEvents(
                            improvementDecided("imp-1", true, null), revised(3, TEXT_3, "improvement imp-1 accepted"));
        }

        @Test
        void aDeclinedImprovementChangesNoVersionAndIgnoresAnyTextSent() {
            fixture.given(inRound(improvementProposed("imp-1")))
                    .when(new DecideQuestionImprovement(QUESTION, "imp-1", false, "Out of scope", TEXT_2))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(improvementDecided("imp-1", false, "Out of scope"));
        }

        @Test
        void anImprovementNeverProposedIsNotFound() {
            expectRejected(
                    fixture.given(inRound(improvementProposed("imp-1")))
                            .when(new DecideQuestionImprovement(QUESTION, "imp-9", true, null, TEXT_2)),
                    404,
                    "unknown-improvement");
        }

        @Test
        void anImprovementIsDecidedOnce() {
            expectRejected(
                    fixture.given(inRound(improvementProposed("imp-1"), improvementDecided("imp-1", false, "No")))
                            .when(new DecideQuestionImprovement(QUESTION, "imp-1", true, null, TEXT_2)),
                    409,
                    "improvement-decided");
        }

        @Test
        void anAcceptedImprovementGivesTheImprovedText() {
            expectRejected(
                    fixture.given(inRound(improvementProposed("imp-1")))
                            .when(new DecideQuestionImprovement(QUESTION, "imp-1", true, "Agreed", null)),
                    422,
                    "improved-text-required");
        }

        @Test
        void aBlankImprovedTextIsRefused() {
            expectRejected(
                    fixture.given(inRound(improvementProposed("imp-1")))
                            .when(new DecideQuestionImprovement(QUESTION, "imp-1", true, "Agreed", " ")),
                    422,
                    "improved-text-required");
        }

        @Test
        void aDecidedQuestionDecidesNoMoreImprovements() {
            expectRejected(
                    fixture.given(inRound(
                                    improvementProposed("imp-1"),
                                    consentGiven(1, MEMBER_1, MEMBER_2, ELECTED),
                                    decided(1)))
                            .when(new DecideQuestionImprovement(QUESTION, "imp-1", true, null, TEXT_2)),
                    409,
                    "question-decided");
        }
    }

    // ---- objections ------------------------------------------------------------------------------

    @Nested
    class RaisingAnObjection {

        @Test
        void aParticipantObjects() {
            fixture.given(put())
                    .when(raise("obj-1", MEMBER_2))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(objectionRaised("obj-1", MEMBER_2));
        }

        @Test
        void anElectedOfficialObjectsThatTheCityIsNotCompetentNamingTheCompetentBody() {
            fixture.given(put())
                    .when(raise("obj-1", NOT_CITY_COMPETENCE, "The metropolis runs the venues", ELECTED, "Metropolis"))
                    .expectEvents(new QuestionObjectionRaised(
                            CONVENTION,
                            QUESTION,
                            "obj-1",
                            NOT_CITY_COMPETENCE,
                            "The metropolis runs the venues",
                            ELECTED,
                            "Metropolis"));
        }

        @Test
        void otherCategoriesNeedNoCompetentBody() {
            fixture.given(put())
                    .when(raise("obj-1", ALREADY_IN_PROGRAMME, "The city has a charter", ELECTED, null))
                    .expectEvents(new QuestionObjectionRaised(
                            CONVENTION,
                            QUESTION,
                            "obj-1",
                            ALREADY_IN_PROGRAMME,
                            "The city has a charter",
                            ELECTED,
                            null));
        }

        @Test
        void onlyAParticipantObjects() {
            expectRejected(fixture.given(put()).when(raise("obj-1", OUTSIDER)), 422, "not-a-participant");
        }

        @Test
        void anObjectionHasACategory() {
            expectRejected(
                    fixture.given(put()).when(raise("obj-1", null, "Too vague", ELECTED, null)),
                    422,
                    "category-required");
        }

        @Test
        void anObjectionStatesItsReason() {
            expectRejected(
                    fixture.given(put()).when(raise("obj-1", NEEDS_LARGE_MEANS, " ", ELECTED, null)),
                    422,
                    "reason-required");
        }

        @Test
        void aCityIncompetenceWithoutCompetentBodyIsRefused() {
            expectRejected(
                    fixture.given(put()).when(raise("obj-1", NOT_CITY_COMPETENCE, "Metropolis", ELECTED, null)),
                    422,
                    "competent-body-required");
        }

        @Test
        void aCityIncompetenceWithABlankCompetentBodyIsRefused() {
            expectRejected(
                    fixture.given(put()).when(raise("obj-1", NOT_CITY_COMPETENCE, "Metropolis", ELECTED, " ")),
                    422,
                    "competent-body-required");
        }

        @Test
        void anObjectionIdIsUsedOnce() {
            expectRejected(
                    fixture.given(inRound(objectionRaised("obj-1", ELECTED), objectionWithdrawn("obj-1")))
                            .when(raise("obj-1", MEMBER_2)),
                    409,
                    "objection-exists");
        }

        @Test
        void aDecidedQuestionIsClosedToObjections() {
            expectRejected(fixture.given(decidedQuestion()).when(raise("obj-1", ELECTED)), 409, "question-decided");
        }
    }

    @Nested
    class LiftingAnObjection {

        @Test
        void anAmendmentLiftsTheObjectionAndTheAmendedTextIsANewVersion() {
            fixture.given(inRound(objectionRaised("obj-1", ELECTED)))
                    .when(lift("obj-1", "Named who watches over it", TEXT_2))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(
                            objectionLifted("obj-1"),
                            revised(2, TEXT_2, "amendment lifting objection obj-1: Named who watches over it"));
        }

        @Test
        void anObjectionNeverRaisedIsNotFound() {
            expectRejected(
                    fixture.given(inRound(objectionRaised("obj-1", ELECTED)))
                            .when(lift("obj-9", "Named who watches over it", TEXT_2)),
                    404,
                    "unknown-objection");
        }

        @Test
        void anObjectionIsLiftedOnce() {
            expectRejected(
                    fixture.given(inRound(
                                    objectionRaised("obj-1", ELECTED),
                                    objectionLifted("obj-1"),
                                    revised(2, TEXT_2, "amendment")))
                            .when(lift("obj-1", "Again", TEXT_3)),
                    409,
                    "objection-already-lifted");
        }

        @Test
        void aWithdrawnObjectionIsNotLifted() {
            expectRejected(
                    fixture.given(inRound(objectionRaised("obj-1", ELECTED), objectionWithdrawn("obj-1")))
                            .when(lift("obj-1", "Named who watches over it", TEXT_2)),
                    409,
                    "objection-already-withdrawn");
        }

        @Test
        void liftingWithoutAmendmentIsRefused() {
            expectRejected(
                    fixture.given(inRound(objectionRaised("obj-1", ELECTED))).when(lift("obj-1", " ", TEXT_2)),
                    422,
                    "amendment-required");
        }

        @Test
        void liftingWithoutTheAmendedTextIsRefused() {
            expectRejected(
                    fixture.given(inRound(objectionRaised("obj-1", ELECTED)))
                            .when(lift("obj-1", "Named who watches over it", null)),
                    422,
                    "amended-text-required");
        }

        @Test
        void aDecidedQuestionLiftsNothing() {
            expectRejected(
                    fixture.given(decidedQuestion()).when(lift("obj-1", "Named who watches over it", TEXT_2)),
                    409,
                    "question-decided");
        }
    }

    @Nested
    class WithdrawingAnObjection {

        @Test
        void theObjectorWithdrawsTheObjection() {
            fixture.given(inRound(objectionRaised("obj-1", MEMBER_2)))
                    .when(new WithdrawQuestionObjection(QUESTION, "obj-1", "Clear enough"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(objectionWithdrawn("obj-1"));
        }

        @Test
        void aWithdrawalNeedsNoReason() {
            fixture.given(inRound(objectionRaised("obj-1", MEMBER_2)))
                    .when(new WithdrawQuestionObjection(QUESTION, "obj-1", null))
                    .expectEvents(new QuestionObjectionWithdrawn(CONVENTION, QUESTION, "obj-1", null));
        }

        @Test
        void anObjectionNeverRaisedIsNotFound() {
            expectRejected(
                    fixture.given(put()).when(new WithdrawQuestionObjection(QUESTION, "obj-9", null)),
                    404,
                    "unknown-objection");
        }

        @Test
        void anObjectionIsWithdrawnOnce() {
            expectRejected(
                    fixture.given(inRound(objectionRaised("obj-1", MEMBER_2), objectionWithdrawn("obj-1")))
                            .when(new WithdrawQuestionObjection(QUESTION, "obj-1", null)),
                    409,
                    "objection-already-withdrawn");
        }

        @Test
        void aLiftedObjectionIsNotWithdrawn() {
            expectRejected(
                    fixture.given(inRound(
                                    objectionRaised("obj-1", MEMBER_2),
                                    objectionLifted("obj-1"),
                                    revised(2, TEXT_2, "amendment")))
                            .when(new WithdrawQuestionObjection(QUESTION, "obj-1", null)),
                    409,
                    "objection-already-lifted");
        }

        @Test
        void aDecidedQuestionWithdrawsNothing() {
            expectRejected(
                    fixture.given(decidedQuestion()).when(new WithdrawQuestionObjection(QUESTION, "obj-1", null)),
                    409,
                    "question-decided");
        }
    }

    // ---- consents and decision -------------------------------------------------------------------

    @Nested
    class GivingConsent {

        @Test
        void participantsConsentToTheCurrentVersion() {
            fixture.given(put())
                    .when(consent(MEMBER_1, MEMBER_2))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(consentGiven(1, MEMBER_1, MEMBER_2));
        }

        @Test
        void afterAnImprovementTheConsentIsToTheNewVersion() {
            fixture.given(inRound(
                            improvementProposed("imp-1"),
                            improvementDecided("imp-1", true, null),
                            revised(2, TEXT_2, "improvement imp-1 accepted")))
                    .when(consent(ELECTED))
                    .expectEvents(consentGiven(2, ELECTED));
        }

        @Test
        void anotherParticipantsObjectionDoesNotStopOnesConsent() {
            fixture.given(inRound(objectionRaised("obj-1", ELECTED)))
                    .when(consent(MEMBER_1))
                    .expectEvents(consentGiven(1, MEMBER_1));
        }

        @Test
        void anObjectorConsentsOnceTheObjectionIsWithdrawn() {
            fixture.given(inRound(objectionRaised("obj-1", ELECTED), objectionWithdrawn("obj-1")))
                    .when(consent(ELECTED))
                    .expectEvents(consentGiven(1, ELECTED));
        }

        @Test
        void someoneOutsideTheRoundDoesNotConsent() {
            expectRejected(fixture.given(put()).when(consent(MEMBER_1, OUTSIDER)), 422, "not-a-participant");
        }

        @Test
        void aParticipantWhoseObjectionIsStillOpenCannotConsent() {
            expectRejected(
                    fixture.given(inRound(objectionRaised("obj-1", ELECTED))).when(consent(MEMBER_1, ELECTED)),
                    409,
                    "objection-open");
        }

        @Test
        void anEmptyListIsRefused() {
            expectRejected(fixture.given(put()).when(consent()), 422, "participants-required");
        }

        @Test
        void aMissingListIsRefused() {
            expectRejected(
                    fixture.given(put()).when(new GiveQuestionConsent(QUESTION, null)), 422, "participants-required");
        }

        @Test
        void afterTheDecisionNobodyConsents() {
            expectRejected(fixture.given(decidedQuestion()).when(consent(MEMBER_1)), 409, "question-decided");
        }
    }

    @Nested
    class TakingTheDecision {

        @Test
        void everyParticipantConsentedAndNobodyObjectsSoTheQuestionIsDecided() {
            fixture.given(inRound(consentGiven(1, MEMBER_1, MEMBER_2, ELECTED)))
                    .when(new TakeQuestionDecision(QUESTION))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(decided(1));
        }

        @Test
        void consentsGivenInSeveralGoesAddUp() {
            fixture.given(inRound(consentGiven(1, MEMBER_1), consentGiven(1, ELECTED), consentGiven(1, MEMBER_2)))
                    .when(new TakeQuestionDecision(QUESTION))
                    .expectEvents(decided(1));
        }

        @Test
        void everyObjectionLiftedOrWithdrawnAllowsTheDecisionOnTheLastVersion() {
            fixture.given(inRound(
                            objectionRaised("obj-1", ELECTED),
                            objectionRaised("obj-2", MEMBER_2),
                            objectionLifted("obj-1"),
                            revised(2, TEXT_2, "amendment"),
                            objectionWithdrawn("obj-2"),
                            consentGiven(2, MEMBER_1, MEMBER_2, ELECTED)))
                    .when(new TakeQuestionDecision(QUESTION))
                    .expectEvents(decided(2));
        }

        @Test
        void anOpenObjectionBlocksTheDecision() {
            expectRejected(
                    fixture.given(inRound(
                                    objectionRaised("obj-1", ELECTED),
                                    objectionRaised("obj-2", MEMBER_2),
                                    objectionLifted("obj-1"),
                                    revised(2, TEXT_2, "amendment"),
                                    consentGiven(2, MEMBER_1, ELECTED)))
                            .when(new TakeQuestionDecision(QUESTION)),
                    409,
                    "open-objections");
        }

        @Test
        void aParticipantWhoHasNotConsentedBlocksTheDecision() {
            expectRejected(
                    fixture.given(inRound(consentGiven(1, MEMBER_1, ELECTED))).when(new TakeQuestionDecision(QUESTION)),
                    409,
                    "consent-missing");
        }

        @Test
        void consentToAnEarlierVersionDoesNotCountAfterARevision() {
            expectRejected(
                    fixture.given(inRound(
                                    consentGiven(1, MEMBER_1, MEMBER_2, ELECTED),
                                    improvementProposed("imp-1"),
                                    improvementDecided("imp-1", true, null),
                                    revised(2, TEXT_2, "improvement imp-1 accepted")))
                            .when(new TakeQuestionDecision(QUESTION)),
                    409,
                    "consent-missing");
        }

        @Test
        void theDecisionIsTakenOnce() {
            expectRejected(
                    fixture.given(decidedQuestion()).when(new TakeQuestionDecision(QUESTION)), 409, "question-decided");
        }
    }

    // ---- the whole story -------------------------------------------------------------------------

    /** One step of the story: a command and the events it records, or the rule it breaks. */
    private record Step(String name, Object command, List<Object> events, int status, String code) {

        static Step ok(String name, Object command, Object... events) {
            return new Step(name, command, List.of(events), 0, null);
        }

        static Step refused(String name, Object command, int status, String code) {
            return new Step(name, command, List.of(), status, code);
        }
    }

    private static final String AMENDMENT = "The charter is posted in the city hall";

    /**
     * Session 1: the dialogue charter is put to consent; a member asks who signs it; an improvement is
     * accepted (version 2), another declined; an elected official objects that the venues are the
     * metropolis's, a member that it is too vague; the first objection is lifted by an amendment
     * (version 3), the second withdrawn; consents to version 2 no longer count, so everybody consents
     * again, and the decision is taken on version 3.
     */
    private static List<Step> story() {
        return List.of(
                Step.ok("question put", putQuestion(TITLE, TEXT_1, List.of(MEMBER_1, MEMBER_2, ELECTED)), put()),
                Step.ok(
                        "clarification asked",
                        new RequestQuestionClarification(QUESTION, "cla-1", MEMBER_2, "Who signs it?"),
                        clarificationRequested("cla-1")),
                Step.refused(
                        "no decision before everybody consents",
                        new TakeQuestionDecision(QUESTION),
                        409,
                        "consent-missing"),
                Step.ok(
                        "clarification answered",
                        new AnswerQuestionClarification(QUESTION, "cla-1", "Every member."),
                        clarificationAnswered("cla-1")),
                Step.ok(
                        "improvement proposed",
                        new ProposeQuestionImprovement(QUESTION, "imp-1", MEMBER_1, "Let the garants watch over it."),
                        improvementProposed("imp-1")),
                Step.ok(
                        "improvement accepted: version 2",
                        new DecideQuestionImprovement(QUESTION, "imp-1", true, "Everyone agrees", TEXT_2),
                        improvementDecided("imp-1", true, "Everyone agrees"),
                        revised(2, TEXT_2, "improvement imp-1 accepted")),
                Step.ok(
                        "another improvement proposed",
                        new ProposeQuestionImprovement(QUESTION, "imp-2", MEMBER_2, "Sign it in blood."),
                        new QuestionImprovementProposed(CONVENTION, QUESTION, "imp-2", MEMBER_2, "Sign it in blood.")),
                Step.ok(
                        "improvement declined: no new version",
                        new DecideQuestionImprovement(QUESTION, "imp-2", false, "No", null),
                        improvementDecided("imp-2", false, "No")),
                Step.ok("a member consents to version 2", consent(MEMBER_1), consentGiven(2, MEMBER_1)),
                Step.ok(
                        "the elected official objects: not the city's competence",
                        raise("obj-1", NOT_CITY_COMPETENCE, "The venues are the metropolis's", ELECTED, "Metropolis"),
                        new QuestionObjectionRaised(
                                CONVENTION,
                                QUESTION,
                                "obj-1",
                                NOT_CITY_COMPETENCE,
                                "The venues are the metropolis's",
                                ELECTED,
                                "Metropolis")),
                Step.ok("a member objects: too vague", raise("obj-2", MEMBER_2), objectionRaised("obj-2", MEMBER_2)),
                Step.refused("an objector does not consent", consent(ELECTED), 409, "objection-open"),
                Step.refused(
                        "open objections block the decision",
                        new TakeQuestionDecision(QUESTION),
                        409,
                        "open-objections"),
                Step.ok(
                        "the first objection is lifted by an amendment: version 3",
                        lift("obj-1", AMENDMENT, TEXT_3),
                        new QuestionObjectionLifted(CONVENTION, QUESTION, "obj-1", AMENDMENT),
                        revised(3, TEXT_3, "amendment lifting objection obj-1: " + AMENDMENT)),
                Step.ok(
                        "the second objection is withdrawn",
                        new WithdrawQuestionObjection(QUESTION, "obj-2", "Clear enough"),
                        objectionWithdrawn("obj-2")),
                Step.ok(
                        "members consent to version 3",
                        consent(MEMBER_1, MEMBER_2),
                        consentGiven(3, MEMBER_1, MEMBER_2)),
                Step.refused(
                        "the elected official has not consented to version 3 yet",
                        new TakeQuestionDecision(QUESTION),
                        409,
                        "consent-missing"),
                Step.ok("the elected official consents", consent(ELECTED), consentGiven(3, ELECTED)),
                Step.ok("decision taken on version 3", new TakeQuestionDecision(QUESTION), decided(3)),
                Step.refused(
                        "the question is decided once", new TakeQuestionDecision(QUESTION), 409, "question-decided"));
    }

    /** Each step of the story, given the events of all the steps before it. */
    @TestFactory
    Stream<DynamicTest> theWholeStoryStepByStep() {
        List<DynamicTest> tests = new ArrayList<>();
        List<Object> history = new ArrayList<>();
        for (Step step : story()) {
            List<Object> before = List.copyOf(history);
            tests.add(DynamicTest.dynamicTest(step.name(), () -> {
                ConventionRegister stepRegister = mock(ConventionRegister.class);
                when(stepRegister.conventionExists(CONVENTION)).thenReturn(true);
                FixtureConfiguration<Question> stepFixture = newFixture(stepRegister);
                ResultValidator<Question> result = before.isEmpty()
                        ? stepFixture.givenNoPriorActivity().when(step.command())
                        : stepFixture.given(before).when(step.command());
                if (step.code() == null) {
                    result.expectSuccessfulHandlerExecution()
                            .expectEvents(step.events().toArray());
                } else {
                    expectRejected(result, step.status(), step.code());
                }
            }));
            history.addAll(step.events());
        }
        return tests.stream();
    }

    /** The same story, driven by the commands alone: the decision is taken on version 3. */
    @Test
    void theWholeStoryDrivenByCommands() {
        conventionExists();
        List<Step> steps = story();
        Step decision = steps.stream()
                .filter(s -> s.command() instanceof TakeQuestionDecision && s.code() == null)
                .findFirst()
                .orElseThrow();
        List<Object> commands = steps.subList(0, steps.indexOf(decision)).stream()
                .filter(s -> s.code() == null)
                .map(Step::command)
                .toList();
        fixture.givenCommands(commands)
                .when(decision.command())
                .expectSuccessfulHandlerExecution()
                .expectEvents(decided(3));
    }
}
