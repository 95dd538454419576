package org.conventionledger.command.deliberation;

import static org.conventionledger.command.platform.RuleViolationMatcher.expectRejected;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.events.deliberation.ObjectionCategory.ALREADY_IN_PROGRAMME;
import static org.conventionledger.events.deliberation.ObjectionCategory.NEEDS_LARGE_MEANS;
import static org.conventionledger.events.deliberation.ObjectionCategory.NOT_CITY_COMPETENCE;
import static org.conventionledger.events.deliberation.ObjectionCategory.OTHER;
import static org.conventionledger.events.deliberation.OpinionBody.ADVISORY_COUNCIL;
import static org.conventionledger.events.deliberation.OpinionBody.STEERING_COMMITTEE;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.conventionledger.command.organisation.MemberRegister;
import org.conventionledger.events.deliberation.ActionDrafted;
import org.conventionledger.events.deliberation.ActionFinalised;
import org.conventionledger.events.deliberation.ActionRevised;
import org.conventionledger.events.deliberation.ActionsLinked;
import org.conventionledger.events.deliberation.ClarificationAnswered;
import org.conventionledger.events.deliberation.ClarificationRequested;
import org.conventionledger.events.deliberation.ConsentGiven;
import org.conventionledger.events.deliberation.ConsentReached;
import org.conventionledger.events.deliberation.ConsentRoundOpened;
import org.conventionledger.events.deliberation.ImprovementDecided;
import org.conventionledger.events.deliberation.ImprovementProposed;
import org.conventionledger.events.deliberation.ObjectionCategory;
import org.conventionledger.events.deliberation.ObjectionLifted;
import org.conventionledger.events.deliberation.ObjectionRaised;
import org.conventionledger.events.deliberation.ObjectionWithdrawn;
import org.conventionledger.events.deliberation.OpinionGiven;
import org.conventionledger.events.deliberation.ReferentAssigned;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * An action sheet from draft to final: versions, referent, links, opinions, and the consent round
 * (clarifications, improvements, objections lifted by amendment or withdrawn, consents, decision)
 * that alone makes it final.
 */
class ActionTest {

    private static final String CONVENTION = "conv-1";
    private static final String OTHER_CONVENTION = "conv-2";
    private static final String ACTION = "act-1";
    private static final String OTHER_ACTION = "act-2";
    private static final String TOPIC = "top-1";
    private static final int NUMBER = 7;
    private static final String TITLE = "Safe cycling to school";
    private static final String TEXT_1 = "Extend the bike lanes to every school.";
    private static final String TEXT_2 = "Extend the bike lanes to every school and add secure bike parking.";
    private static final String TEXT_3 = "Extend the bike lanes to every school and add secure bike parking;"
            + " the city asks the departmental council for the departmental roads.";
    private static final String ROUND = "round-1";
    private static final String MEMBER_1 = "mem-1";
    private static final String MEMBER_2 = "mem-2";
    private static final String ELECTED = "elected official";
    private static final String OUTSIDER = "mem-9";
    private static final LocalDate GIVEN_ON = LocalDate.of(2025, 4, 12);

    private FixtureConfiguration<Action> fixture;
    private DeliberationRegister register;
    private MemberRegister members;

    @BeforeEach
    void setUp() {
        register = mock(DeliberationRegister.class);
        members = mock(MemberRegister.class);
        fixture = newFixture(register, members);
    }

    private static FixtureConfiguration<Action> newFixture(DeliberationRegister register, MemberRegister members) {
        FixtureConfiguration<Action> fixture = new AggregateTestFixture<>(Action.class);
        fixture.registerInjectableResource(register);
        fixture.registerInjectableResource(members);
        return fixture;
    }

    // ---- building blocks: events -----------------------------------------------------------------

    private static ActionDrafted drafted() {
        return new ActionDrafted(CONVENTION, ACTION, NUMBER, ECOLOGICAL, TOPIC, "Mobility", TITLE, TEXT_1);
    }

    private static ActionRevised revised(int version, String title, String text, String reason) {
        return new ActionRevised(CONVENTION, ACTION, version, title, text, reason);
    }

    private static ConsentRoundOpened roundOpened(int version, String... participants) {
        return new ConsentRoundOpened(CONVENTION, ACTION, ROUND, version, List.of(participants));
    }

    /** Round {@code round-1} on version 1 with two members and an elected official. */
    private static ConsentRoundOpened roundOpened() {
        return roundOpened(1, MEMBER_1, MEMBER_2, ELECTED);
    }

    private static ClarificationRequested clarificationRequested(String clarificationId) {
        return new ClarificationRequested(CONVENTION, ACTION, ROUND, clarificationId, MEMBER_2, "Which schools?");
    }

    private static ClarificationAnswered clarificationAnswered(String clarificationId) {
        return new ClarificationAnswered(CONVENTION, ACTION, ROUND, clarificationId, "All 42 public schools.");
    }

    private static ImprovementProposed improvementProposed(String improvementId) {
        return new ImprovementProposed(CONVENTION, ACTION, ROUND, improvementId, MEMBER_1, "Add secure bike parking.");
    }

    private static ImprovementDecided improvementDecided(String improvementId, boolean accepted, String reason) {
        return new ImprovementDecided(CONVENTION, ACTION, ROUND, improvementId, accepted, reason);
    }

    private static ObjectionRaised objectionRaised(String objectionId, String raisedBy) {
        return new ObjectionRaised(CONVENTION, ACTION, objectionId, NEEDS_LARGE_MEANS, "Costs 2 M€", raisedBy, null);
    }

    private static ObjectionLifted objectionLifted(String objectionId) {
        return new ObjectionLifted(CONVENTION, ACTION, objectionId, "Phased over three budgets");
    }

    private static ObjectionWithdrawn objectionWithdrawn(String objectionId) {
        return new ObjectionWithdrawn(CONVENTION, ACTION, objectionId, "Phasing is enough");
    }

    private static ConsentGiven consentGiven(int version, String... participants) {
        return new ConsentGiven(CONVENTION, ACTION, ROUND, version, List.of(participants));
    }

    private static ConsentReached consentReached(int version) {
        return new ConsentReached(CONVENTION, ACTION, ROUND, version);
    }

    private static ActionFinalised finalised() {
        return new ActionFinalised(CONVENTION, ACTION, NUMBER);
    }

    /** Drafted, with an open round on version 1, then the given events. */
    private static List<Object> inRound(Object... more) {
        List<Object> all = new ArrayList<>(List.of(drafted(), roundOpened()));
        all.addAll(Arrays.asList(more));
        return all;
    }

    /** A final action: its round reached consent on version 1. */
    private static List<Object> finalAction(Object... more) {
        return inRound(concat(
                new Object[] {consentGiven(1, MEMBER_1, MEMBER_2, ELECTED), consentReached(1), finalised()}, more));
    }

    private static Object[] concat(Object[] first, Object[] second) {
        return Stream.concat(Arrays.stream(first), Arrays.stream(second)).toArray();
    }

    // ---- building blocks: commands ---------------------------------------------------------------

    private void topicExists() {
        when(register.topic(CONVENTION, TOPIC))
                .thenReturn(Optional.of(new DeliberationRegister.Topic(CONVENTION, TOPIC, ECOLOGICAL, "Mobility")));
    }

    private static DraftAction draft(int number, String title) {
        return new DraftAction(ACTION, CONVENTION, number, TOPIC, title, TEXT_1);
    }

    private static OpenConsentRound openRound(String roundId, List<String> participants) {
        return new OpenConsentRound(ACTION, roundId, participants);
    }

    private static OpenConsentRound openRound() {
        return openRound(ROUND, List.of(MEMBER_1, MEMBER_2, ELECTED));
    }

    private static RaiseObjection raise(
            String objectionId, ObjectionCategory category, String reason, String raisedBy, String competentBody) {
        return new RaiseObjection(ACTION, objectionId, category, reason, raisedBy, competentBody);
    }

    private static RaiseObjection raise(String objectionId, String raisedBy) {
        return raise(objectionId, NEEDS_LARGE_MEANS, "Costs 2 M€", raisedBy, null);
    }

    private static LiftObjection lift(String objectionId, String amendment, String title, String text) {
        return new LiftObjection(ACTION, objectionId, amendment, title, text);
    }

    private static GiveConsent consent(String... participants) {
        return new GiveConsent(ACTION, List.of(participants));
    }

    // ---- drafting --------------------------------------------------------------------------------

    @Nested
    class DraftingAnAction {

        @Test
        void aTopicGroupDraftsVersionOneUnderItsTopic() {
            topicExists();
            fixture.givenNoPriorActivity()
                    .when(draft(NUMBER, TITLE))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(drafted());
        }

        @Test
        void aTopicTheConventionNeverChoseIsNotFound() {
            when(register.topic(CONVENTION, TOPIC)).thenReturn(Optional.empty());
            expectRejected(fixture.givenNoPriorActivity().when(draft(NUMBER, TITLE)), 404, "unknown-topic");
        }

        @Test
        void aNumberAlreadyTakenInTheConventionIsRefused() {
            topicExists();
            when(register.actionNumberTaken(CONVENTION, NUMBER)).thenReturn(true);
            expectRejected(fixture.givenNoPriorActivity().when(draft(NUMBER, TITLE)), 409, "action-number-taken");
        }

        @Test
        void numberZeroIsRefused() {
            topicExists();
            expectRejected(fixture.givenNoPriorActivity().when(draft(0, TITLE)), 422, "invalid-number");
        }

        @Test
        void aNegativeNumberIsRefused() {
            topicExists();
            expectRejected(fixture.givenNoPriorActivity().when(draft(-3, TITLE)), 422, "invalid-number");
        }

        @Test
        void aBlankTitleIsRefused() {
            topicExists();
            expectRejected(fixture.givenNoPriorActivity().when(draft(NUMBER, " ")), 422, "title-required");
        }

        @Test
        void aMissingTitleIsRefused() {
            topicExists();
            expectRejected(fixture.givenNoPriorActivity().when(draft(NUMBER, null)), 422, "title-required");
        }
    }

    // ---- revising outside a round ----------------------------------------------------------------

    @Nested
    class RevisingAnAction {

        @Test
        void aRevisionAfterTheAuditIsVersionTwo() {
            fixture.given(drafted())
                    .when(new ReviseAction(ACTION, "Safe cycling to every school", TEXT_2, "city services' audit"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(revised(2, "Safe cycling to every school", TEXT_2, "city services' audit"));
        }

        @Test
        void theTitleIsKeptWhenNoneIsGivenAndTheReasonDefaultsToRevision() {
            fixture.given(drafted())
                    .when(new ReviseAction(ACTION, null, TEXT_2, null))
                    .expectEvents(revised(2, TITLE, TEXT_2, "revision"));
        }

        @Test
        void aBlankTitleAlsoKeepsTheTitle() {
            fixture.given(drafted(), revised(2, "Safe cycling to every school", TEXT_2, "audit"))
                    .when(new ReviseAction(ACTION, " ", TEXT_3, "second audit"))
                    .expectEvents(revised(3, "Safe cycling to every school", TEXT_3, "second audit"));
        }

        @Test
        void aFinalActionIsNotRevised() {
            expectRejected(
                    fixture.given(finalAction()).when(new ReviseAction(ACTION, null, TEXT_2, null)),
                    409,
                    "action-final");
        }

        @Test
        void duringARoundChangesGoThroughImprovementsAndAmendments() {
            expectRejected(
                    fixture.given(inRound()).when(new ReviseAction(ACTION, null, TEXT_2, null)), 409, "round-open");
        }

        @Test
        void aRevisionWithoutTextIsRefused() {
            expectRejected(
                    fixture.given(drafted()).when(new ReviseAction(ACTION, TITLE, null, "audit")),
                    422,
                    "text-required");
        }

        @Test
        void aRevisionWithABlankTextIsRefused() {
            expectRejected(
                    fixture.given(drafted()).when(new ReviseAction(ACTION, TITLE, "  ", "audit")),
                    422,
                    "text-required");
        }
    }

    // ---- referent --------------------------------------------------------------------------------

    @Nested
    class AssigningAReferent {

        @Test
        void aSeatedMemberCarriesTheAction() {
            when(members.assemblyOf(CONVENTION, MEMBER_1)).thenReturn(Optional.of(SOCIAL));
            fixture.given(drafted())
                    .when(new AssignReferent(ACTION, MEMBER_1))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ReferentAssigned(CONVENTION, ACTION, MEMBER_1));
        }

        @Test
        void someoneWhoIsNotASeatedMemberIsRefused() {
            when(members.assemblyOf(CONVENTION, OUTSIDER)).thenReturn(Optional.empty());
            expectRejected(fixture.given(drafted()).when(new AssignReferent(ACTION, OUTSIDER)), 422, "not-a-member");
        }

        @Test
        void aMemberOfAnotherConventionIsNotAMemberOfThisOne() {
            when(members.assemblyOf(OTHER_CONVENTION, MEMBER_1)).thenReturn(Optional.of(ECOLOGICAL));
            expectRejected(fixture.given(drafted()).when(new AssignReferent(ACTION, MEMBER_1)), 422, "not-a-member");
        }

        @Test
        void aFinalActionKeepsItsReferent() {
            when(members.assemblyOf(CONVENTION, MEMBER_1)).thenReturn(Optional.of(SOCIAL));
            expectRejected(
                    fixture.given(finalAction()).when(new AssignReferent(ACTION, MEMBER_1)), 409, "action-final");
        }
    }

    // ---- links -----------------------------------------------------------------------------------

    @Nested
    class LinkingActions {

        private void otherActionOf(String conventionId) {
            when(register.conventionOfAction(OTHER_ACTION)).thenReturn(Optional.of(conventionId));
        }

        @Test
        void anActionIsLinkedToAnotherOfTheConvention() {
            otherActionOf(CONVENTION);
            fixture.given(drafted())
                    .when(new LinkAction(ACTION, OTHER_ACTION, "complements"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new ActionsLinked(CONVENTION, ACTION, OTHER_ACTION, "complements"));
        }

        @Test
        void withoutRelationTheLinkIsRelated() {
            otherActionOf(CONVENTION);
            fixture.given(drafted())
                    .when(new LinkAction(ACTION, OTHER_ACTION, null))
                    .expectEvents(new ActionsLinked(CONVENTION, ACTION, OTHER_ACTION, "related"));
        }

        @Test
        void aBlankRelationIsRelatedToo() {
            otherActionOf(CONVENTION);
            fixture.given(drafted())
                    .when(new LinkAction(ACTION, OTHER_ACTION, " "))
                    .expectEvents(new ActionsLinked(CONVENTION, ACTION, OTHER_ACTION, "related"));
        }

        @Test
        void theSameActionsMayBeLinkedUnderAnotherRelation() {
            otherActionOf(CONVENTION);
            fixture.given(drafted(), new ActionsLinked(CONVENTION, ACTION, OTHER_ACTION, "related"))
                    .when(new LinkAction(ACTION, OTHER_ACTION, "complements"))
                    .expectEvents(new ActionsLinked(CONVENTION, ACTION, OTHER_ACTION, "complements"));
        }

        @Test
        void anActionIsNotLinkedToItself() {
            when(register.conventionOfAction(ACTION)).thenReturn(Optional.of(CONVENTION));
            expectRejected(
                    fixture.given(drafted()).when(new LinkAction(ACTION, ACTION, "complements")), 422, "self-link");
        }

        @Test
        void anUnknownActionIsNotFound() {
            when(register.conventionOfAction(OTHER_ACTION)).thenReturn(Optional.empty());
            expectRejected(
                    fixture.given(drafted()).when(new LinkAction(ACTION, OTHER_ACTION, "complements")),
                    404,
                    "unknown-action");
        }

        @Test
        void anActionOfAnotherConventionIsNotFound() {
            otherActionOf(OTHER_CONVENTION);
            expectRejected(
                    fixture.given(drafted()).when(new LinkAction(ACTION, OTHER_ACTION, "complements")),
                    404,
                    "unknown-action");
        }

        @Test
        void theSameLinkIsMadeOnce() {
            otherActionOf(CONVENTION);
            expectRejected(
                    fixture.given(drafted(), new ActionsLinked(CONVENTION, ACTION, OTHER_ACTION, "complements"))
                            .when(new LinkAction(ACTION, OTHER_ACTION, "complements")),
                    409,
                    "already-linked");
        }

        @Test
        void theDefaultRelationCountsAsAlreadyLinked() {
            otherActionOf(CONVENTION);
            expectRejected(
                    fixture.given(drafted(), new ActionsLinked(CONVENTION, ACTION, OTHER_ACTION, "related"))
                            .when(new LinkAction(ACTION, OTHER_ACTION, null)),
                    409,
                    "already-linked");
        }
    }

    // ---- opinions --------------------------------------------------------------------------------

    @Nested
    class GivingAnOpinion {

        @Test
        void theAdvisoryCouncilGivesAWrittenOpinion() {
            fixture.given(drafted())
                    .when(new GiveActionOpinion(
                            ACTION, "op-1", ADVISORY_COUNCIL, "Supported; mind the budget.", GIVEN_ON))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new OpinionGiven(
                            CONVENTION,
                            "op-1",
                            ADVISORY_COUNCIL,
                            "ACTION",
                            ACTION,
                            "Supported; mind the budget.",
                            GIVEN_ON));
        }

        @Test
        void theSteeringCommitteeMayStillGiveAnOpinionOnAFinalAction() {
            fixture.given(finalAction())
                    .when(new GiveActionOpinion(
                            ACTION, "op-2", STEERING_COMMITTEE, "Will be budgeted in 2026.", GIVEN_ON))
                    .expectEvents(new OpinionGiven(
                            CONVENTION,
                            "op-2",
                            STEERING_COMMITTEE,
                            "ACTION",
                            ACTION,
                            "Will be budgeted in 2026.",
                            GIVEN_ON));
        }

        @Test
        void anOpinionNamesItsBody() {
            expectRejected(
                    fixture.given(drafted()).when(new GiveActionOpinion(ACTION, "op-1", null, "Fine.", GIVEN_ON)),
                    422,
                    "body-required");
        }

        @Test
        void anOpinionHasAText() {
            expectRejected(
                    fixture.given(drafted())
                            .when(new GiveActionOpinion(ACTION, "op-1", ADVISORY_COUNCIL, " ", GIVEN_ON)),
                    422,
                    "text-required");
        }

        @Test
        void aMissingTextIsRefused() {
            expectRejected(
                    fixture.given(drafted())
                            .when(new GiveActionOpinion(ACTION, "op-1", ADVISORY_COUNCIL, null, GIVEN_ON)),
                    422,
                    "text-required");
        }

        @Test
        void anOpinionIdIsUsedOnce() {
            expectRejected(
                    fixture.given(
                                    drafted(),
                                    new OpinionGiven(
                                            CONVENTION,
                                            "op-1",
                                            ADVISORY_COUNCIL,
                                            "ACTION",
                                            ACTION,
                                            "Supported.",
                                            GIVEN_ON))
                            .when(new GiveActionOpinion(ACTION, "op-1", STEERING_COMMITTEE, "Fine.", GIVEN_ON)),
                    409,
                    "opinion-exists");
        }
    }

    // ---- consent round: opening ------------------------------------------------------------------

    @Nested
    class OpeningAConsentRound {

        @Test
        void theDraftIsPutToItsParticipants() {
            fixture.given(drafted())
                    .when(openRound())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(roundOpened());
        }

        @Test
        void theRoundIsOnTheCurrentVersion() {
            fixture.given(drafted(), revised(2, TITLE, TEXT_2, "audit"))
                    .when(openRound(ROUND, List.of(MEMBER_1, ELECTED)))
                    .expectEvents(roundOpened(2, MEMBER_1, ELECTED));
        }

        @Test
        void aFinalActionHasNoMoreRounds() {
            expectRejected(
                    fixture.given(finalAction()).when(openRound("round-2", List.of(MEMBER_1))), 409, "action-final");
        }

        @Test
        void oneRoundAtATime() {
            expectRejected(fixture.given(inRound()).when(openRound("round-2", List.of(MEMBER_1))), 409, "round-open");
        }

        /**
         * A round closes only by the decision, which also finalises the action, so this history (consent
         * reached without finalisation) is the only way to reach the rule.
         */
        @Test
        void aRoundIdAlreadyHeldIsNotReused() {
            expectRejected(
                    fixture.given(inRound(consentGiven(1, MEMBER_1, MEMBER_2, ELECTED), consentReached(1)))
                            .when(openRound()),
                    409,
                    "round-exists");
        }

        @Test
        void aRoundNamesItsParticipants() {
            expectRejected(fixture.given(drafted()).when(openRound(ROUND, null)), 422, "participants-required");
        }

        @Test
        void anEmptyListOfParticipantsIsRefused() {
            expectRejected(fixture.given(drafted()).when(openRound(ROUND, List.of())), 422, "participants-required");
        }

        @Test
        void aBlankParticipantIsRefused() {
            expectRejected(
                    fixture.given(drafted()).when(openRound(ROUND, List.of(MEMBER_1, " "))),
                    422,
                    "participants-required");
        }

        @Test
        void aMissingParticipantIsRefused() {
            expectRejected(
                    fixture.given(drafted()).when(openRound(ROUND, Arrays.asList(MEMBER_1, null))),
                    422,
                    "participants-required");
        }

        @Test
        void eachParticipantIsListedOnce() {
            expectRejected(
                    fixture.given(drafted()).when(openRound(ROUND, List.of(MEMBER_1, ELECTED, MEMBER_1))),
                    422,
                    "duplicate-participant");
        }
    }

    // ---- consent round: clarifications -----------------------------------------------------------

    @Nested
    class RequestingAClarification {

        @Test
        void aParticipantAsksForAClarification() {
            fixture.given(inRound())
                    .when(new RequestClarification(ACTION, "cla-1", MEMBER_2, "Which schools?"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(clarificationRequested("cla-1"));
        }

        @Test
        void withoutOpenRoundThereIsNothingToClarify() {
            expectRejected(
                    fixture.given(drafted())
                            .when(new RequestClarification(ACTION, "cla-1", MEMBER_2, "Which schools?")),
                    409,
                    "no-open-round");
        }

        @Test
        void onlyAParticipantAsks() {
            expectRejected(
                    fixture.given(inRound())
                            .when(new RequestClarification(ACTION, "cla-1", OUTSIDER, "Which schools?")),
                    422,
                    "not-a-participant");
        }

        @Test
        void anAnonymousQuestionIsRefused() {
            expectRejected(
                    fixture.given(inRound()).when(new RequestClarification(ACTION, "cla-1", null, "Which schools?")),
                    422,
                    "not-a-participant");
        }

        @Test
        void aRequestStatesItsQuestion() {
            expectRejected(
                    fixture.given(inRound()).when(new RequestClarification(ACTION, "cla-1", MEMBER_2, " ")),
                    422,
                    "question-required");
        }

        @Test
        void aClarificationIdIsUsedOnce() {
            expectRejected(
                    fixture.given(inRound(clarificationRequested("cla-1"), clarificationAnswered("cla-1")))
                            .when(new RequestClarification(ACTION, "cla-1", MEMBER_1, "And the colleges?")),
                    409,
                    "clarification-exists");
        }
    }

    @Nested
    class AnsweringAClarification {

        @Test
        void theCarriersAnswer() {
            fixture.given(inRound(clarificationRequested("cla-1")))
                    .when(new AnswerClarification(ACTION, "cla-1", "All 42 public schools."))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(clarificationAnswered("cla-1"));
        }

        @Test
        void aClarificationNeverAskedIsNotFound() {
            expectRejected(
                    fixture.given(inRound(clarificationRequested("cla-1")))
                            .when(new AnswerClarification(ACTION, "cla-9", "All of them.")),
                    404,
                    "unknown-clarification");
        }

        @Test
        void aClarificationIsAnsweredOnce() {
            expectRejected(
                    fixture.given(inRound(clarificationRequested("cla-1"), clarificationAnswered("cla-1")))
                            .when(new AnswerClarification(ACTION, "cla-1", "Also the private ones.")),
                    409,
                    "clarification-answered");
        }

        @Test
        void anAnswerHasAText() {
            expectRejected(
                    fixture.given(inRound(clarificationRequested("cla-1")))
                            .when(new AnswerClarification(ACTION, "cla-1", null)),
                    422,
                    "answer-required");
        }

        @Test
        void withoutOpenRoundThereIsNothingToAnswer() {
            expectRejected(
                    fixture.given(drafted()).when(new AnswerClarification(ACTION, "cla-1", "All of them.")),
                    409,
                    "no-open-round");
        }
    }

    // ---- consent round: improvements -------------------------------------------------------------

    @Nested
    class ProposingAnImprovement {

        @Test
        void aParticipantProposesAnImprovement() {
            fixture.given(inRound())
                    .when(new ProposeImprovement(ACTION, "imp-1", MEMBER_1, "Add secure bike parking."))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(improvementProposed("imp-1"));
        }

        @Test
        void withoutOpenRoundNothingIsProposed() {
            expectRejected(
                    fixture.given(drafted())
                            .when(new ProposeImprovement(ACTION, "imp-1", MEMBER_1, "Add secure bike parking.")),
                    409,
                    "no-open-round");
        }

        @Test
        void onlyAParticipantProposes() {
            expectRejected(
                    fixture.given(inRound())
                            .when(new ProposeImprovement(ACTION, "imp-1", OUTSIDER, "Add secure bike parking.")),
                    422,
                    "not-a-participant");
        }

        @Test
        void aProposalDescribesTheImprovement() {
            expectRejected(
                    fixture.given(inRound()).when(new ProposeImprovement(ACTION, "imp-1", MEMBER_1, "")),
                    422,
                    "proposal-required");
        }

        @Test
        void anImprovementIdIsUsedOnce() {
            expectRejected(
                    fixture.given(inRound(improvementProposed("imp-1")))
                            .when(new ProposeImprovement(ACTION, "imp-1", MEMBER_2, "Free e-bikes.")),
                    409,
                    "improvement-exists");
        }
    }

    @Nested
    class DecidingAnImprovement {

        @Test
        void anAcceptedImprovementIsANewVersionKeepingTheTitle() {
            fixture.given(inRound(improvementProposed("imp-1")))
                    .when(new DecideImprovement(ACTION, "imp-1", true, "Everyone agrees", null, TEXT_2))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(
                            improvementDecided("imp-1", true, "Everyone agrees"),
                            revised(2, TITLE, TEXT_2, "improvement imp-1 accepted"));
        }

        @Test
        void anAcceptedImprovementMayRetitleTheAction() {
            fixture.given(inRound(
                            revised(2, TITLE, TEXT_2, "improvement imp-0 accepted"), improvementProposed("imp-1")))
                    .when(new DecideImprovement(ACTION, "imp-1", true, null, "Safe cycling and parking", TEXT_3))
                    .expectEvents(
                            improvementDecided("imp-1", true, null),
                            revised(3, "Safe cycling and parking", TEXT_3, "improvement imp-1 accepted"));
        }

        @Test
        void aDeclinedImprovementChangesNoVersion() {
            fixture.given(inRound(improvementProposed("imp-1")))
                    .when(new DecideImprovement(ACTION, "imp-1", false, "Out of scope", null, null))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(improvementDecided("imp-1", false, "Out of scope"));
        }

        @Test
        void aDeclinedImprovementIgnoresAnyTextSent() {
            fixture.given(inRound(improvementProposed("imp-1")))
                    .when(new DecideImprovement(ACTION, "imp-1", false, "Out of scope", "Other title", TEXT_2))
                    .expectEvents(improvementDecided("imp-1", false, "Out of scope"));
        }

        @Test
        void anImprovementNeverProposedIsNotFound() {
            expectRejected(
                    fixture.given(inRound(improvementProposed("imp-1")))
                            .when(new DecideImprovement(ACTION, "imp-9", true, null, null, TEXT_2)),
                    404,
                    "unknown-improvement");
        }

        @Test
        void anImprovementIsDecidedOnce() {
            expectRejected(
                    fixture.given(inRound(
                                    improvementProposed("imp-1"), improvementDecided("imp-1", false, "Out of scope")))
                            .when(new DecideImprovement(ACTION, "imp-1", true, null, null, TEXT_2)),
                    409,
                    "improvement-decided");
        }

        @Test
        void anAcceptedImprovementGivesTheImprovedText() {
            expectRejected(
                    fixture.given(inRound(improvementProposed("imp-1")))
                            .when(new DecideImprovement(ACTION, "imp-1", true, "Agreed", "New title", null)),
                    422,
                    "improved-text-required");
        }

        @Test
        void aBlankImprovedTextIsRefused() {
            expectRejected(
                    fixture.given(inRound(improvementProposed("imp-1")))
                            .when(new DecideImprovement(ACTION, "imp-1", true, "Agreed", null, " ")),
                    422,
                    "improved-text-required");
        }

        @Test
        void withoutOpenRoundNothingIsDecided() {
            expectRejected(
                    fixture.given(drafted()).when(new DecideImprovement(ACTION, "imp-1", true, null, null, TEXT_2)),
                    409,
                    "no-open-round");
        }
    }

    // ---- consent round: objections ---------------------------------------------------------------

    @Nested
    class RaisingAnObjection {

        @Test
        void aParticipantObjects() {
            fixture.given(inRound())
                    .when(raise("obj-1", MEMBER_2))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(objectionRaised("obj-1", MEMBER_2));
        }

        @Test
        void anElectedOfficialObjectsThatTheCityIsNotCompetentNamingTheCompetentBody() {
            fixture.given(inRound())
                    .when(raise("obj-1", NOT_CITY_COMPETENCE, "Departmental roads", ELECTED, "Departmental council"))
                    .expectEvents(new ObjectionRaised(
                            CONVENTION,
                            ACTION,
                            "obj-1",
                            NOT_CITY_COMPETENCE,
                            "Departmental roads",
                            ELECTED,
                            "Departmental council"));
        }

        @Test
        void anObjectionAlreadyPartOfAProgrammeNeedsNoCompetentBody() {
            fixture.given(inRound())
                    .when(raise("obj-1", ALREADY_IN_PROGRAMME, "The cycling plan does it", ELECTED, null))
                    .expectEvents(new ObjectionRaised(
                            CONVENTION,
                            ACTION,
                            "obj-1",
                            ALREADY_IN_PROGRAMME,
                            "The cycling plan does it",
                            ELECTED,
                            null));
        }

        @Test
        void withoutOpenRoundNobodyObjects() {
            expectRejected(fixture.given(drafted()).when(raise("obj-1", ELECTED)), 409, "no-open-round");
        }

        @Test
        void onlyAParticipantObjects() {
            expectRejected(fixture.given(inRound()).when(raise("obj-1", OUTSIDER)), 422, "not-a-participant");
        }

        @Test
        void anObjectionHasACategory() {
            expectRejected(
                    fixture.given(inRound()).when(raise("obj-1", null, "Costs 2 M€", ELECTED, null)),
                    422,
                    "category-required");
        }

        @Test
        void anObjectionStatesItsReason() {
            expectRejected(
                    fixture.given(inRound()).when(raise("obj-1", OTHER, "  ", ELECTED, null)), 422, "reason-required");
        }

        @Test
        void aMissingReasonIsRefused() {
            expectRejected(
                    fixture.given(inRound()).when(raise("obj-1", OTHER, null, ELECTED, null)), 422, "reason-required");
        }

        @Test
        void aCityIncompetenceWithoutCompetentBodyIsRefused() {
            expectRejected(
                    fixture.given(inRound())
                            .when(raise("obj-1", NOT_CITY_COMPETENCE, "Departmental roads", ELECTED, null)),
                    422,
                    "competent-body-required");
        }

        @Test
        void aCityIncompetenceWithABlankCompetentBodyIsRefused() {
            expectRejected(
                    fixture.given(inRound())
                            .when(raise("obj-1", NOT_CITY_COMPETENCE, "Departmental roads", ELECTED, " ")),
                    422,
                    "competent-body-required");
        }

        @Test
        void anObjectionIdIsUsedOnce() {
            expectRejected(
                    fixture.given(inRound(objectionRaised("obj-1", ELECTED))).when(raise("obj-1", MEMBER_2)),
                    409,
                    "objection-exists");
        }

        @Test
        void theIdOfALiftedObjectionIsNotReused() {
            expectRejected(
                    fixture.given(inRound(
                                    objectionRaised("obj-1", ELECTED),
                                    objectionLifted("obj-1"),
                                    revised(2, TITLE, TEXT_2, "amendment")))
                            .when(raise("obj-1", ELECTED)),
                    409,
                    "objection-exists");
        }

        @Test
        void aFinalActionIsClosedToObjections() {
            expectRejected(fixture.given(finalAction()).when(raise("obj-1", ELECTED)), 409, "action-final");
        }
    }

    @Nested
    class LiftingAnObjection {

        @Test
        void anAmendmentLiftsTheObjectionAndTheAmendedTextIsANewVersionKeepingTheTitle() {
            fixture.given(inRound(objectionRaised("obj-1", ELECTED)))
                    .when(lift("obj-1", "Phased over three budgets", null, TEXT_2))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(
                            objectionLifted("obj-1"),
                            revised(2, TITLE, TEXT_2, "amendment lifting objection obj-1: Phased over three budgets"));
        }

        @Test
        void theAmendmentMayRetitleTheAction() {
            fixture.given(inRound(objectionRaised("obj-1", ELECTED)))
                    .when(lift("obj-1", "Phased over three budgets", "Safe cycling, phased", TEXT_2))
                    .expectEvents(
                            objectionLifted("obj-1"),
                            revised(
                                    2,
                                    "Safe cycling, phased",
                                    TEXT_2,
                                    "amendment lifting objection obj-1: Phased over three budgets"));
        }

        @Test
        void anObjectionNeverRaisedIsNotFound() {
            expectRejected(
                    fixture.given(inRound(objectionRaised("obj-1", ELECTED)))
                            .when(lift("obj-9", "Phased over three budgets", null, TEXT_2)),
                    404,
                    "unknown-objection");
        }

        @Test
        void anObjectionIsLiftedOnce() {
            expectRejected(
                    fixture.given(inRound(
                                    objectionRaised("obj-1", ELECTED),
                                    objectionLifted("obj-1"),
                                    revised(2, TITLE, TEXT_2, "amendment")))
                            .when(lift("obj-1", "Phased over four budgets", null, TEXT_3)),
                    409,
                    "objection-already-lifted");
        }

        @Test
        void aWithdrawnObjectionIsNotLifted() {
            expectRejected(
                    fixture.given(inRound(objectionRaised("obj-1", ELECTED), objectionWithdrawn("obj-1")))
                            .when(lift("obj-1", "Phased over three budgets", null, TEXT_2)),
                    409,
                    "objection-already-withdrawn");
        }

        @Test
        void liftingWithoutAmendmentIsRefused() {
            expectRejected(
                    fixture.given(inRound(objectionRaised("obj-1", ELECTED))).when(lift("obj-1", null, null, TEXT_2)),
                    422,
                    "amendment-required");
        }

        @Test
        void liftingWithoutTheAmendedTextIsRefused() {
            expectRejected(
                    fixture.given(inRound(objectionRaised("obj-1", ELECTED)))
                            .when(lift("obj-1", "Phased over three budgets", "Safe cycling, phased", null)),
                    422,
                    "amended-text-required");
        }

        @Test
        void liftingWithABlankAmendedTextIsRefused() {
            expectRejected(
                    fixture.given(inRound(objectionRaised("obj-1", ELECTED)))
                            .when(lift("obj-1", "Phased over three budgets", null, " ")),
                    422,
                    "amended-text-required");
        }
    }

    @Nested
    class WithdrawingAnObjection {

        @Test
        void theObjectorWithdrawsTheObjection() {
            fixture.given(inRound(objectionRaised("obj-1", MEMBER_2)))
                    .when(new WithdrawObjection(ACTION, "obj-1", "Phasing is enough"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(objectionWithdrawn("obj-1"));
        }

        @Test
        void aWithdrawalNeedsNoReason() {
            fixture.given(inRound(objectionRaised("obj-1", MEMBER_2)))
                    .when(new WithdrawObjection(ACTION, "obj-1", null))
                    .expectEvents(new ObjectionWithdrawn(CONVENTION, ACTION, "obj-1", null));
        }

        @Test
        void anObjectionNeverRaisedIsNotFound() {
            expectRejected(
                    fixture.given(inRound()).when(new WithdrawObjection(ACTION, "obj-9", null)),
                    404,
                    "unknown-objection");
        }

        @Test
        void anObjectionIsWithdrawnOnce() {
            expectRejected(
                    fixture.given(inRound(objectionRaised("obj-1", MEMBER_2), objectionWithdrawn("obj-1")))
                            .when(new WithdrawObjection(ACTION, "obj-1", null)),
                    409,
                    "objection-already-withdrawn");
        }

        @Test
        void aLiftedObjectionIsNotWithdrawn() {
            expectRejected(
                    fixture.given(inRound(
                                    objectionRaised("obj-1", MEMBER_2),
                                    objectionLifted("obj-1"),
                                    revised(2, TITLE, TEXT_2, "amendment")))
                            .when(new WithdrawObjection(ACTION, "obj-1", null)),
                    409,
                    "objection-already-lifted");
        }
    }

    // ---- consent round: consents and decision ----------------------------------------------------

    @Nested
    class GivingConsent {

        @Test
        void participantsConsentToTheCurrentVersion() {
            fixture.given(inRound())
                    .when(consent(MEMBER_1, MEMBER_2))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(consentGiven(1, MEMBER_1, MEMBER_2));
        }

        @Test
        void afterAnImprovementTheConsentIsToTheNewVersion() {
            fixture.given(inRound(
                            improvementProposed("imp-1"),
                            improvementDecided("imp-1", true, null),
                            revised(2, TITLE, TEXT_2, "improvement imp-1 accepted")))
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
            expectRejected(fixture.given(inRound()).when(consent(MEMBER_1, OUTSIDER)), 422, "not-a-participant");
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
            expectRejected(fixture.given(inRound()).when(consent()), 422, "participants-required");
        }

        @Test
        void aMissingListIsRefused() {
            expectRejected(fixture.given(inRound()).when(new GiveConsent(ACTION, null)), 422, "participants-required");
        }

        @Test
        void withoutOpenRoundNobodyConsents() {
            expectRejected(fixture.given(drafted()).when(consent(MEMBER_1)), 409, "no-open-round");
        }

        @Test
        void afterTheDecisionTheRoundIsClosed() {
            expectRejected(fixture.given(finalAction()).when(consent(MEMBER_1)), 409, "no-open-round");
        }
    }

    @Nested
    class TakingTheDecision {

        @Test
        void everyParticipantConsentedAndNobodyObjectsSoTheActionIsFinal() {
            fixture.given(inRound(consentGiven(1, MEMBER_1, MEMBER_2, ELECTED)))
                    .when(new TakeDecision(ACTION))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(consentReached(1), finalised());
        }

        @Test
        void consentsGivenInSeveralGoesAddUp() {
            fixture.given(inRound(consentGiven(1, MEMBER_1), consentGiven(1, ELECTED), consentGiven(1, MEMBER_2)))
                    .when(new TakeDecision(ACTION))
                    .expectEvents(consentReached(1), finalised());
        }

        @Test
        void everyObjectionLiftedOrWithdrawnAllowsTheDecisionOnTheLastVersion() {
            fixture.given(inRound(
                            objectionRaised("obj-1", ELECTED),
                            objectionRaised("obj-2", MEMBER_2),
                            objectionLifted("obj-1"),
                            revised(2, TITLE, TEXT_2, "amendment"),
                            objectionWithdrawn("obj-2"),
                            consentGiven(2, MEMBER_1, MEMBER_2, ELECTED)))
                    .when(new TakeDecision(ACTION))
                    .expectEvents(consentReached(2), finalised());
        }

        @Test
        void anOpenObjectionBlocksTheDecision() {
            expectRejected(
                    fixture.given(inRound(
                                    objectionRaised("obj-1", ELECTED),
                                    objectionRaised("obj-2", MEMBER_2),
                                    objectionLifted("obj-1"),
                                    revised(2, TITLE, TEXT_2, "amendment"),
                                    consentGiven(2, MEMBER_1, ELECTED)))
                            .when(new TakeDecision(ACTION)),
                    409,
                    "open-objections");
        }

        @Test
        void aParticipantWhoHasNotConsentedBlocksTheDecision() {
            expectRejected(
                    fixture.given(inRound(consentGiven(1, MEMBER_1, ELECTED))).when(new TakeDecision(ACTION)),
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
                                    revised(2, TITLE, TEXT_2, "improvement imp-1 accepted")))
                            .when(new TakeDecision(ACTION)),
                    409,
                    "consent-missing");
        }

        @Test
        void consentAgainToTheNewVersionAllowsTheDecision() {
            fixture.given(inRound(
                            consentGiven(1, MEMBER_1, MEMBER_2, ELECTED),
                            improvementProposed("imp-1"),
                            improvementDecided("imp-1", true, null),
                            revised(2, TITLE, TEXT_2, "improvement imp-1 accepted"),
                            consentGiven(2, MEMBER_1, MEMBER_2, ELECTED)))
                    .when(new TakeDecision(ACTION))
                    .expectEvents(consentReached(2), finalised());
        }

        @Test
        void withoutOpenRoundThereIsNoDecision() {
            expectRejected(fixture.given(drafted()).when(new TakeDecision(ACTION)), 409, "no-open-round");
        }

        @Test
        void theDecisionIsTakenOnce() {
            expectRejected(fixture.given(finalAction()).when(new TakeDecision(ACTION)), 409, "action-final");
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

    private static final String AMENDMENT = "The city relays the departmental roads to the departmental council";
    private static final String TITLE_3 = "Safe cycling to school, with the department";

    /**
     * Session 6: the sheet is put to consent; a member asks which schools; an improvement is accepted
     * (version 2), another declined; an elected official objects that part of it is not the city's
     * competence, a member that it costs too much; the first objection is lifted by an amendment
     * (version 3), the second withdrawn; consent given to version 2 no longer counts, so everybody
     * consents again, and the decision is taken on version 3.
     */
    private static List<Step> story() {
        return List.of(
                Step.ok("drafted", draft(NUMBER, TITLE), drafted()),
                Step.ok("round opened", openRound(), roundOpened()),
                Step.ok(
                        "clarification asked",
                        new RequestClarification(ACTION, "cla-1", MEMBER_2, "Which schools?"),
                        clarificationRequested("cla-1")),
                Step.refused("no decision before everybody consents", new TakeDecision(ACTION), 409, "consent-missing"),
                Step.ok(
                        "clarification answered",
                        new AnswerClarification(ACTION, "cla-1", "All 42 public schools."),
                        clarificationAnswered("cla-1")),
                Step.ok(
                        "improvement proposed",
                        new ProposeImprovement(ACTION, "imp-1", MEMBER_1, "Add secure bike parking."),
                        improvementProposed("imp-1")),
                Step.ok(
                        "improvement accepted: version 2",
                        new DecideImprovement(ACTION, "imp-1", true, "Everyone agrees", null, TEXT_2),
                        improvementDecided("imp-1", true, "Everyone agrees"),
                        revised(2, TITLE, TEXT_2, "improvement imp-1 accepted")),
                Step.ok(
                        "another improvement proposed",
                        new ProposeImprovement(ACTION, "imp-2", MEMBER_2, "Free e-bikes for every pupil."),
                        new ImprovementProposed(
                                CONVENTION, ACTION, ROUND, "imp-2", MEMBER_2, "Free e-bikes for every pupil.")),
                Step.ok(
                        "improvement declined: no new version",
                        new DecideImprovement(ACTION, "imp-2", false, "Out of the budget", null, null),
                        improvementDecided("imp-2", false, "Out of the budget")),
                Step.ok("a member consents to version 2", consent(MEMBER_1), consentGiven(2, MEMBER_1)),
                Step.ok(
                        "the elected official objects: not the city's competence",
                        raise(
                                "obj-1",
                                NOT_CITY_COMPETENCE,
                                "Departmental roads are the department's",
                                ELECTED,
                                "Departmental council"),
                        new ObjectionRaised(
                                CONVENTION,
                                ACTION,
                                "obj-1",
                                NOT_CITY_COMPETENCE,
                                "Departmental roads are the department's",
                                ELECTED,
                                "Departmental council")),
                Step.ok(
                        "a member objects: needs large means",
                        raise("obj-2", MEMBER_2),
                        objectionRaised("obj-2", MEMBER_2)),
                Step.refused("an objector does not consent", consent(ELECTED), 409, "objection-open"),
                Step.refused("open objections block the decision", new TakeDecision(ACTION), 409, "open-objections"),
                Step.ok(
                        "the first objection is lifted by an amendment: version 3",
                        lift("obj-1", AMENDMENT, TITLE_3, TEXT_3),
                        new ObjectionLifted(CONVENTION, ACTION, "obj-1", AMENDMENT),
                        revised(3, TITLE_3, TEXT_3, "amendment lifting objection obj-1: " + AMENDMENT)),
                Step.ok(
                        "the second objection is withdrawn",
                        new WithdrawObjection(ACTION, "obj-2", "Phasing is enough"),
                        objectionWithdrawn("obj-2")),
                Step.ok(
                        "members consent to version 3",
                        consent(MEMBER_1, MEMBER_2),
                        consentGiven(3, MEMBER_1, MEMBER_2)),
                Step.refused(
                        "the elected official has not consented to version 3 yet",
                        new TakeDecision(ACTION),
                        409,
                        "consent-missing"),
                Step.ok("the elected official consents", consent(ELECTED), consentGiven(3, ELECTED)),
                Step.ok(
                        "decision taken: the action is final",
                        new TakeDecision(ACTION),
                        consentReached(3),
                        finalised()),
                Step.refused(
                        "no second round on a final action",
                        openRound("round-2", List.of(MEMBER_1)),
                        409,
                        "action-final"));
    }

    /** Each step of the story, given the events of all the steps before it. */
    @TestFactory
    Stream<DynamicTest> theWholeStoryStepByStep() {
        List<Step> steps = story();
        List<DynamicTest> tests = new ArrayList<>();
        List<Object> history = new ArrayList<>();
        for (Step step : steps) {
            List<Object> before = List.copyOf(history);
            tests.add(DynamicTest.dynamicTest(step.name(), () -> {
                DeliberationRegister stepRegister = mock(DeliberationRegister.class);
                when(stepRegister.topic(CONVENTION, TOPIC))
                        .thenReturn(
                                Optional.of(new DeliberationRegister.Topic(CONVENTION, TOPIC, ECOLOGICAL, "Mobility")));
                FixtureConfiguration<Action> stepFixture = newFixture(stepRegister, mock(MemberRegister.class));
                ResultValidator<Action> result = before.isEmpty()
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
        topicExists();
        List<Step> steps = story();
        Step decision = steps.stream()
                .filter(s -> s.command() instanceof TakeDecision && s.code() == null)
                .findFirst()
                .orElseThrow();
        List<Object> commands = steps.subList(0, steps.indexOf(decision)).stream()
                .filter(s -> s.code() == null)
                .map(Step::command)
                .toList();
        fixture.givenCommands(commands)
                .when(decision.command())
                .expectSuccessfulHandlerExecution()
                .expectEvents(consentReached(3), finalised());
    }
}
