package org.conventionledger.command.deliberation;

import static org.conventionledger.command.platform.RuleViolationMatcher.expectRejected;
import static org.conventionledger.events.Transition.DEMOCRATIC;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.events.deliberation.VotePurpose.PRIORITISATION;
import static org.conventionledger.events.deliberation.VotePurpose.TOPIC_CHOICE;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conventionledger.command.organisation.Convention;
import org.conventionledger.command.organisation.ConventionFixtures;
import org.conventionledger.events.Transition;
import org.conventionledger.events.deliberation.JudgmentCast;
import org.conventionledger.events.deliberation.JudgmentVoteClosed;
import org.conventionledger.events.deliberation.JudgmentVoteOpened;
import org.conventionledger.events.deliberation.RankedOption;
import org.conventionledger.events.deliberation.TopicChosen;
import org.conventionledger.events.deliberation.VoteOption;
import org.conventionledger.events.organisation.ConventionOpened;
import org.conventionledger.events.recruitment.Answer;
import org.conventionledger.events.recruitment.InvitationAnswered;
import org.conventionledger.events.recruitment.InvitationSent;
import org.conventionledger.events.recruitment.MemberSeated;
import org.conventionledger.events.recruitment.MemberWithdrew;
import org.conventionledger.events.recruitment.MembershipLost;
import org.conventionledger.events.recruitment.WithdrawalReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The members' topics and majority-judgment votes, handled by the convention's member {@link JudgmentVotes}:
 * an assembly choosing its topics, directly or by a vote (session 1), and the plenary prioritising the action
 * sheets (session 5). Who may judge comes from the recruitment events of the same stream.
 */
class JudgmentVotesTest {

    private static final String CONVENTION = "conv-1";
    private static final String OTHER_CONVENTION = "conv-2";
    private static final String TOPICS = "vote-topics";
    private static final String PRIORITIES = "vote-priorities";
    private static final LocalDate SENT_ON = LocalDate.of(2024, 11, 4);
    private static final LocalDate ANSWERED_ON = LocalDate.of(2024, 11, 20);
    private static final LocalDate SEATED_ON = LocalDate.of(2025, 1, 15);
    private static final LocalDate LEFT_ON = LocalDate.of(2025, 3, 1);

    /** Worst first: index 0 = "to reject" … 4 = "very good". */
    private static final List<String> GRADES = List.of("to reject", "poor", "fair", "good", "very good");

    private static final VoteOption MOBILITY = new VoteOption("opt-mobility", "Mobility");
    private static final VoteOption FOOD = new VoteOption("opt-food", "Food");
    private static final VoteOption ENERGY = new VoteOption("opt-energy", "Energy");
    private static final List<VoteOption> CANDIDATES = List.of(MOBILITY, FOOD, ENERGY);

    private static final String ACTION_3 = "act-3";
    private static final String ACTION_5 = "act-5";
    private static final String LABEL_3 = "3. Safe cycling to school";
    private static final String LABEL_5 = "5. A solidarity grocery";

    private FixtureConfiguration<Convention> fixture;
    private DeliberationRegister register;

    @BeforeEach
    void setUp() {
        register = mock(DeliberationRegister.class);
        fixture = new AggregateTestFixture<>(Convention.class);
        fixture.registerInjectableResource(register);
    }

    // ---- building blocks -------------------------------------------------------------------------

    private static ConventionOpened opened() {
        return ConventionFixtures.opened(CONVENTION);
    }

    /** Invited, volunteered and seated. */
    private static List<Object> member(String memberId, Transition assembly) {
        String invitation = "inv-" + memberId;
        return List.of(
                new InvitationSent(CONVENTION, invitation, "res-" + memberId, "electoral-roll", SENT_ON),
                new InvitationAnswered(CONVENTION, invitation, Answer.ACCEPTED, ANSWERED_ON),
                new MemberSeated(CONVENTION, memberId, invitation, assembly, "contract-v2", SEATED_ON));
    }

    /**
     * The convention with three members in the ecological assembly (eco-1…3) and two in the social one
     * (soc-1, soc-2), then the given events (arrays of events are spread).
     */
    private static List<Object> panel(Object... more) {
        List<Object> all = new ArrayList<>();
        all.add(opened());
        all.addAll(member("eco-1", ECOLOGICAL));
        all.addAll(member("eco-2", ECOLOGICAL));
        all.addAll(member("eco-3", ECOLOGICAL));
        all.addAll(member("soc-1", SOCIAL));
        all.addAll(member("soc-2", SOCIAL));
        for (Object event : more) {
            if (event instanceof Object[] events) {
                all.addAll(Arrays.asList(events));
            } else {
                all.add(event);
            }
        }
        return all;
    }

    private static OpenJudgmentVote openTopicChoice(List<String> grades, List<VoteOption> options, int seats) {
        return new OpenJudgmentVote(CONVENTION, TOPICS, TOPIC_CHOICE, ECOLOGICAL, grades, options, seats);
    }

    /** The ecological assembly chooses 2 topics among Mobility, Food and Energy. */
    private static OpenJudgmentVote openTopicChoice() {
        return openTopicChoice(GRADES, CANDIDATES, 2);
    }

    private static JudgmentVoteOpened topicChoiceOpened(int seats) {
        return new JudgmentVoteOpened(CONVENTION, TOPICS, TOPIC_CHOICE, ECOLOGICAL, GRADES, CANDIDATES, seats);
    }

    private static JudgmentVoteOpened topicChoiceOpened() {
        return topicChoiceOpened(2);
    }

    private static TopicChosen topic(String topicId, Transition assembly, String title) {
        return new TopicChosen(CONVENTION, topicId, assembly, title);
    }

    private static ChooseTopic choose(String topicId, Transition assembly, String title) {
        return new ChooseTopic(CONVENTION, topicId, assembly, title);
    }

    /** Actions 3 and 5 belong to the convention; the register knows no other action. */
    private void actionsOfTheConvention() {
        when(register.conventionOfAction(ACTION_3)).thenReturn(Optional.of(CONVENTION));
        when(register.conventionOfAction(ACTION_5)).thenReturn(Optional.of(CONVENTION));
        when(register.actionLabel(ACTION_3)).thenReturn(LABEL_3);
        when(register.actionLabel(ACTION_5)).thenReturn(LABEL_5);
    }

    /** The plenary grades actions 3 and 5 (labels as the client sent them: the register's replace them). */
    private static OpenJudgmentVote openPrioritisation(int seats) {
        return new OpenJudgmentVote(
                CONVENTION,
                PRIORITIES,
                PRIORITISATION,
                null,
                GRADES,
                List.of(new VoteOption(ACTION_3, "cycling"), new VoteOption(ACTION_5, "grocery")),
                seats);
    }

    private static JudgmentVoteOpened prioritisationOpened(int seats) {
        return new JudgmentVoteOpened(
                CONVENTION,
                PRIORITIES,
                PRIORITISATION,
                null,
                GRADES,
                List.of(new VoteOption(ACTION_3, LABEL_3), new VoteOption(ACTION_5, LABEL_5)),
                seats);
    }

    private static CastJudgment judge(String voteId, String memberId, Integer... grades) {
        return new CastJudgment(CONVENTION, voteId, memberId, Arrays.asList(grades));
    }

    private static JudgmentCast judged(String voteId, String memberId, Integer... grades) {
        return new JudgmentCast(CONVENTION, voteId, memberId, List.of(grades));
    }

    /**
     * Three ecological members grade Mobility, Food, Energy:
     * <pre>
     *            eco-1  eco-2  eco-3   sorted   majority grade (2nd of 3)   majority value
     *   Mobility   4      3      2     2 3 4    3 good                      3, 2, 4
     *   Food       3      3      1     1 3 3    3 good                      3, 1, 3
     *   Energy     1      2      0     0 1 2    1 poor                      1, 0, 2
     * </pre>
     * Mobility and Food share the majority grade "good"; once one "good" is removed, Mobility's next
     * median (fair) beats Food's (poor). Ranking: Mobility 1, Food 2, Energy 3.
     */
    private static Object[] threeJudgments() {
        return new Object[] {
            judged(TOPICS, "eco-1", 4, 3, 1), judged(TOPICS, "eco-2", 3, 3, 2), judged(TOPICS, "eco-3", 2, 1, 0)
        };
    }

    private static List<RankedOption> handComputedRanking() {
        return List.of(
                new RankedOption("opt-mobility", "Mobility", 1, "good"),
                new RankedOption("opt-food", "Food", 2, "good"),
                new RankedOption("opt-energy", "Energy", 3, "poor"));
    }

    // ---- opening ---------------------------------------------------------------------------------

    @Nested
    class OpeningATopicChoice {

        @Test
        void anAssemblyPutsItsCandidateTopicsToAVote() {
            fixture.given(panel())
                    .when(openTopicChoice())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(topicChoiceOpened());
        }

        @Test
        void theAssemblyMayChooseEveryCandidate() {
            fixture.given(panel()).when(openTopicChoice(GRADES, CANDIDATES, 3)).expectEvents(topicChoiceOpened(3));
        }

        @Test
        void aTitleChosenByAnotherAssemblyIsStillACandidate() {
            fixture.given(panel(new TopicChosen(CONVENTION, "top-9", SOCIAL, "Mobility")))
                    .when(openTopicChoice())
                    .expectEvents(topicChoiceOpened());
        }

        @Test
        void aVoteIdIsUsedOnce() {
            expectRejected(fixture.given(panel(topicChoiceOpened())).when(openTopicChoice()), 409, "vote-exists");
        }

        @Test
        void theVoteSaysWhatItDecides() {
            expectRejected(
                    fixture.given(panel())
                            .when(new OpenJudgmentVote(CONVENTION, TOPICS, null, ECOLOGICAL, GRADES, CANDIDATES, 2)),
                    422,
                    "purpose-required");
        }

        @Test
        void oneGradeIsNotAJudgment() {
            expectRejected(
                    fixture.given(panel()).when(openTopicChoice(List.of("good"), CANDIDATES, 2)),
                    422,
                    "invalid-grades");
        }

        @Test
        void missingGradesAreRefused() {
            expectRejected(fixture.given(panel()).when(openTopicChoice(null, CANDIDATES, 2)), 422, "invalid-grades");
        }

        @Test
        void aGradeListedTwiceIsRefused() {
            expectRejected(
                    fixture.given(panel()).when(openTopicChoice(List.of("poor", "good", "poor"), CANDIDATES, 2)),
                    422,
                    "invalid-grades");
        }

        @Test
        void aBlankGradeIsRefused() {
            expectRejected(
                    fixture.given(panel()).when(openTopicChoice(List.of("poor", " ", "good"), CANDIDATES, 2)),
                    422,
                    "invalid-grades");
        }

        @Test
        void anUnnamedGradeIsRefused() {
            expectRejected(
                    fixture.given(panel()).when(openTopicChoice(Arrays.asList("poor", null), CANDIDATES, 1)),
                    422,
                    "invalid-grades");
        }

        @Test
        void aVoteHasOptions() {
            expectRejected(fixture.given(panel()).when(openTopicChoice(GRADES, List.of(), 0)), 422, "options-required");
        }

        @Test
        void missingOptionsAreRefused() {
            expectRejected(fixture.given(panel()).when(openTopicChoice(GRADES, null, 1)), 422, "options-required");
        }

        @Test
        void anOptionWithoutLabelIsRefused() {
            expectRejected(
                    fixture.given(panel())
                            .when(openTopicChoice(GRADES, List.of(MOBILITY, new VoteOption("opt-x", " ")), 1)),
                    422,
                    "options-required");
        }

        @Test
        void anOptionWithoutIdIsRefused() {
            expectRejected(
                    fixture.given(panel())
                            .when(openTopicChoice(GRADES, List.of(MOBILITY, new VoteOption(null, "Food")), 1)),
                    422,
                    "options-required");
        }

        @Test
        void aMissingOptionIsRefused() {
            expectRejected(
                    fixture.given(panel()).when(openTopicChoice(GRADES, Arrays.asList(MOBILITY, null), 1)),
                    422,
                    "options-required");
        }

        @Test
        void anOptionIdListedTwiceIsRefused() {
            expectRejected(
                    fixture.given(panel())
                            .when(openTopicChoice(
                                    GRADES, List.of(MOBILITY, new VoteOption("opt-mobility", "Food")), 1)),
                    422,
                    "duplicate-option");
        }

        @Test
        void aLabelListedTwiceIsRefused() {
            expectRejected(
                    fixture.given(panel())
                            .when(openTopicChoice(GRADES, List.of(MOBILITY, new VoteOption("opt-2", "Mobility")), 1)),
                    422,
                    "duplicate-option");
        }

        @Test
        void negativeSeatsAreRefused() {
            expectRejected(fixture.given(panel()).when(openTopicChoice(GRADES, CANDIDATES, -1)), 422, "invalid-seats");
        }

        @Test
        void moreSeatsThanOptionsAreRefused() {
            expectRejected(fixture.given(panel()).when(openTopicChoice(GRADES, CANDIDATES, 4)), 422, "invalid-seats");
        }

        @Test
        void aTopicChoiceNamesItsAssembly() {
            expectRejected(
                    fixture.given(panel())
                            .when(new OpenJudgmentVote(CONVENTION, TOPICS, TOPIC_CHOICE, null, GRADES, CANDIDATES, 2)),
                    422,
                    "topic-choice-needs-assembly");
        }

        @Test
        void aTopicChoiceChoosesAtLeastOneTopic() {
            expectRejected(
                    fixture.given(panel()).when(openTopicChoice(GRADES, CANDIDATES, 0)),
                    422,
                    "topic-choice-needs-assembly");
        }

        @Test
        void anAssemblyTheConventionDoesNotHoldIsRefused() {
            expectRejected(
                    fixture.given(panel())
                            .when(new OpenJudgmentVote(
                                    CONVENTION, TOPICS, TOPIC_CHOICE, DEMOCRATIC, GRADES, CANDIDATES, 2)),
                    422,
                    "unknown-assembly");
        }

        @Test
        void aTitleTheAssemblyAlreadyChoseIsNotACandidate() {
            expectRejected(
                    fixture.given(panel(new TopicChosen(CONVENTION, "top-1", ECOLOGICAL, "Food")))
                            .when(openTopicChoice()),
                    409,
                    "topic-exists");
        }
    }

    @Nested
    class OpeningAPrioritisation {

        @Test
        void thePlenaryGradesTheActionSheetsUnderTheirRegisteredLabels() {
            actionsOfTheConvention();
            fixture.given(panel())
                    .when(openPrioritisation(0))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(prioritisationOpened(0));
        }

        @Test
        void anAssemblyMayPrioritiseItsOwnActions() {
            actionsOfTheConvention();
            fixture.given(panel())
                    .when(new OpenJudgmentVote(
                            CONVENTION,
                            PRIORITIES,
                            PRIORITISATION,
                            SOCIAL,
                            GRADES,
                            List.of(new VoteOption(ACTION_5, "grocery")),
                            0))
                    .expectEvents(new JudgmentVoteOpened(
                            CONVENTION,
                            PRIORITIES,
                            PRIORITISATION,
                            SOCIAL,
                            GRADES,
                            List.of(new VoteOption(ACTION_5, LABEL_5)),
                            0));
        }

        @Test
        void anUnknownActionIsRefused() {
            actionsOfTheConvention();
            when(register.conventionOfAction("act-9")).thenReturn(Optional.empty());
            expectRejected(
                    fixture.given(panel())
                            .when(new OpenJudgmentVote(
                                    CONVENTION,
                                    PRIORITIES,
                                    PRIORITISATION,
                                    null,
                                    GRADES,
                                    List.of(new VoteOption(ACTION_3, "cycling"), new VoteOption("act-9", "x")),
                                    0)),
                    422,
                    "unknown-action");
        }

        @Test
        void anActionOfAnotherConventionIsRefused() {
            actionsOfTheConvention();
            when(register.conventionOfAction("act-9")).thenReturn(Optional.of(OTHER_CONVENTION));
            expectRejected(
                    fixture.given(panel())
                            .when(new OpenJudgmentVote(
                                    CONVENTION,
                                    PRIORITIES,
                                    PRIORITISATION,
                                    null,
                                    GRADES,
                                    List.of(new VoteOption("act-9", "x"), new VoteOption(ACTION_5, "grocery")),
                                    0)),
                    422,
                    "unknown-action");
        }

        @Test
        void anActionListedTwiceIsRefused() {
            actionsOfTheConvention();
            expectRejected(
                    fixture.given(panel())
                            .when(new OpenJudgmentVote(
                                    CONVENTION,
                                    PRIORITIES,
                                    PRIORITISATION,
                                    null,
                                    GRADES,
                                    List.of(new VoteOption(ACTION_3, "a"), new VoteOption(ACTION_3, "b")),
                                    0)),
                    422,
                    "duplicate-option");
        }

        @Test
        void aPrioritisationIdIsUsedOnce() {
            actionsOfTheConvention();
            expectRejected(
                    fixture.given(panel(prioritisationOpened(0))).when(openPrioritisation(0)), 409, "vote-exists");
        }
    }

    // ---- judging ---------------------------------------------------------------------------------

    @Nested
    class CastingAJudgment {

        @Test
        void aMemberOfTheAssemblyGradesEveryCandidate() {
            fixture.given(panel(topicChoiceOpened()))
                    .when(judge(TOPICS, "eco-1", 4, 3, 1))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(judged(TOPICS, "eco-1", 4, 3, 1));
        }

        @Test
        void inAPlenaryVoteEveryAssemblyJudges() {
            fixture.given(panel(prioritisationOpened(0), judged(PRIORITIES, "eco-1", 0, 4)))
                    .when(judge(PRIORITIES, "soc-1", 2, 2))
                    .expectEvents(judged(PRIORITIES, "soc-1", 2, 2));
        }

        @Test
        void anUnknownVoteIsNotFound() {
            expectRejected(
                    fixture.given(panel(topicChoiceOpened())).when(judge("vote-9", "eco-1", 4, 3, 1)),
                    404,
                    "unknown-vote");
        }

        @Test
        void aClosedVoteTakesNoMoreJudgments() {
            expectRejected(
                    fixture.given(panel(
                                    topicChoiceOpened(),
                                    judged(TOPICS, "eco-1", 4, 3, 1),
                                    new JudgmentVoteClosed(
                                            CONVENTION,
                                            TOPICS,
                                            1,
                                            List.of(
                                                    new RankedOption("opt-mobility", "Mobility", 1, "very good"),
                                                    new RankedOption("opt-food", "Food", 2, "good"),
                                                    new RankedOption("opt-energy", "Energy", 3, "poor")),
                                            List.of("opt-mobility", "opt-food")),
                                    new TopicChosen(CONVENTION, "opt-mobility", ECOLOGICAL, "Mobility"),
                                    new TopicChosen(CONVENTION, "opt-food", ECOLOGICAL, "Food")))
                            .when(judge(TOPICS, "eco-2", 3, 3, 2)),
                    409,
                    "vote-closed");
        }

        @Test
        void someoneWhoIsNotSeatedDoesNotJudge() {
            expectRejected(
                    fixture.given(panel(topicChoiceOpened())).when(judge(TOPICS, "res-42", 4, 3, 1)),
                    422,
                    "not-a-member");
        }

        @Test
        void aVolunteerNotYetSeatedDoesNotJudge() {
            expectRejected(
                    fixture.given(panel(
                                    topicChoiceOpened(),
                                    new InvitationSent(CONVENTION, "inv-v", "res-v", "electoral-roll", SENT_ON),
                                    new InvitationAnswered(CONVENTION, "inv-v", Answer.ACCEPTED, ANSWERED_ON)))
                            .when(judge(TOPICS, "res-v", 4, 3, 1)),
                    422,
                    "not-a-member");
        }

        @Test
        void aMemberWhoWithdrewNoLongerJudges() {
            expectRejected(
                    fixture.given(panel(
                                    topicChoiceOpened(),
                                    new MemberWithdrew(CONVENTION, "eco-1", WithdrawalReason.PERSONAL, LEFT_ON)))
                            .when(judge(TOPICS, "eco-1", 4, 3, 1)),
                    422,
                    "not-a-member");
        }

        @Test
        void aMemberWhoLostMembershipNoLongerJudges() {
            expectRejected(
                    fixture.given(panel(
                                    prioritisationOpened(0),
                                    new MembershipLost(CONVENTION, "soc-1", 3, 2, "contract-v2", LEFT_ON)))
                            .when(judge(PRIORITIES, "soc-1", 2, 2)),
                    422,
                    "not-a-member");
        }

        @Test
        void theOtherMembersStillJudgeWhenOneLeft() {
            fixture.given(panel(
                            topicChoiceOpened(),
                            new MemberWithdrew(CONVENTION, "eco-1", WithdrawalReason.MOVED_AWAY, LEFT_ON)))
                    .when(judge(TOPICS, "eco-2", 3, 3, 2))
                    .expectEvents(judged(TOPICS, "eco-2", 3, 3, 2));
        }

        @Test
        void aMemberOfAnotherAssemblyDoesNotJudgeItsTopics() {
            expectRejected(
                    fixture.given(panel(topicChoiceOpened())).when(judge(TOPICS, "soc-1", 4, 3, 1)),
                    422,
                    "other-assembly");
        }

        @Test
        void aMemberJudgesOnce() {
            expectRejected(
                    fixture.given(panel(topicChoiceOpened(), judged(TOPICS, "eco-1", 4, 3, 1)))
                            .when(judge(TOPICS, "eco-1", 0, 0, 0)),
                    409,
                    "already-judged");
        }

        @Test
        void tooFewGradesAreRefused() {
            expectRejected(
                    fixture.given(panel(topicChoiceOpened())).when(judge(TOPICS, "eco-1", 4, 3)),
                    422,
                    "grades-per-option");
        }

        @Test
        void tooManyGradesAreRefused() {
            expectRejected(
                    fixture.given(panel(topicChoiceOpened())).when(judge(TOPICS, "eco-1", 4, 3, 1, 0)),
                    422,
                    "grades-per-option");
        }

        @Test
        void missingGradesAreRefused() {
            expectRejected(
                    fixture.given(panel(topicChoiceOpened())).when(new CastJudgment(CONVENTION, TOPICS, "eco-1", null)),
                    422,
                    "grades-per-option");
        }

        @Test
        void aGradeAboveTheScaleIsRefused() {
            expectRejected(
                    fixture.given(panel(topicChoiceOpened())).when(judge(TOPICS, "eco-1", 4, 5, 1)),
                    422,
                    "unknown-grade");
        }

        @Test
        void aNegativeGradeIsRefused() {
            expectRejected(
                    fixture.given(panel(topicChoiceOpened())).when(judge(TOPICS, "eco-1", -1, 3, 1)),
                    422,
                    "unknown-grade");
        }

        @Test
        void aMissingGradeIsRefused() {
            expectRejected(
                    fixture.given(panel(topicChoiceOpened())).when(judge(TOPICS, "eco-1", 4, null, 1)),
                    422,
                    "unknown-grade");
        }
    }

    // ---- closing ---------------------------------------------------------------------------------

    @Nested
    class ClosingAVote {

        @Test
        void aTopicChoiceClosesWithItsRankingAndTheBestTopicsAreChosen() {
            fixture.given(panel(plus(topicChoiceOpened(), threeJudgments())))
                    .when(new CloseJudgmentVote(CONVENTION, TOPICS))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(
                            new JudgmentVoteClosed(
                                    CONVENTION, TOPICS, 3, handComputedRanking(), List.of("opt-mobility", "opt-food")),
                            new TopicChosen(CONVENTION, "opt-mobility", ECOLOGICAL, "Mobility"),
                            new TopicChosen(CONVENTION, "opt-food", ECOLOGICAL, "Food"));
        }

        @Test
        void withOneSeatOnlyTheBestTopicIsChosen() {
            fixture.given(panel(plus(topicChoiceOpened(1), threeJudgments())))
                    .when(new CloseJudgmentVote(CONVENTION, TOPICS))
                    .expectEvents(
                            new JudgmentVoteClosed(
                                    CONVENTION, TOPICS, 3, handComputedRanking(), List.of("opt-mobility")),
                            new TopicChosen(CONVENTION, "opt-mobility", ECOLOGICAL, "Mobility"));
        }

        /**
         * Four judgments: act-3 gets 0, 1, 3, 4 (majority grade = the lower median, the 2nd: "poor"),
         * act-5 gets 2, 2, 2, 2 ("fair"), although both average 2.
         */
        @Test
        void aPrioritisationClosesWithItsRankingOnly() {
            fixture.given(panel(
                            prioritisationOpened(0),
                            judged(PRIORITIES, "eco-1", 0, 2),
                            judged(PRIORITIES, "eco-2", 1, 2),
                            judged(PRIORITIES, "soc-1", 3, 2),
                            judged(PRIORITIES, "soc-2", 4, 2)))
                    .when(new CloseJudgmentVote(CONVENTION, PRIORITIES))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new JudgmentVoteClosed(
                            CONVENTION,
                            PRIORITIES,
                            4,
                            List.of(
                                    new RankedOption(ACTION_5, LABEL_5, 1, "fair"),
                                    new RankedOption(ACTION_3, LABEL_3, 2, "poor")),
                            List.of()));
        }

        @Test
        void aPrioritisationChoosingSeatsIsRefused() {
            when(register.conventionOfAction(ACTION_5)).thenReturn(Optional.of(CONVENTION));
            when(register.conventionOfAction(ACTION_3)).thenReturn(Optional.of(CONVENTION));
            expectRejected(
                    fixture.given(panel())
                            .when(new OpenJudgmentVote(
                                    CONVENTION,
                                    PRIORITIES,
                                    PRIORITISATION,
                                    null,
                                    GRADES,
                                    List.of(new VoteOption(ACTION_5, ACTION_5), new VoteOption(ACTION_3, ACTION_3)),
                                    1)),
                    422,
                    "prioritisation-chooses-nothing");
        }

        /** Recorded before seats were refused for prioritisations: closing it still chooses no topic. */
        @Test
        void aPrioritisationKeepingItsBestActionsChoosesNoTopic() {
            fixture.given(panel(
                            prioritisationOpened(1),
                            judged(PRIORITIES, "eco-1", 0, 2),
                            judged(PRIORITIES, "soc-1", 1, 3)))
                    .when(new CloseJudgmentVote(CONVENTION, PRIORITIES))
                    .expectEvents(new JudgmentVoteClosed(
                            CONVENTION,
                            PRIORITIES,
                            2,
                            List.of(
                                    new RankedOption(ACTION_5, LABEL_5, 1, "fair"),
                                    new RankedOption(ACTION_3, LABEL_3, 2, "to reject")),
                            List.of(ACTION_5)));
        }

        /** Food and Energy tie exactly below the cut: they share rank 2 (in id order) and the vote closes. */
        @Test
        void anExactTieBelowTheCutSharesARank() {
            fixture.given(panel(topicChoiceOpened(1), judged(TOPICS, "eco-1", 4, 2, 2)))
                    .when(new CloseJudgmentVote(CONVENTION, TOPICS))
                    .expectEvents(
                            new JudgmentVoteClosed(
                                    CONVENTION,
                                    TOPICS,
                                    1,
                                    List.of(
                                            new RankedOption("opt-mobility", "Mobility", 1, "very good"),
                                            new RankedOption("opt-energy", "Energy", 2, "fair"),
                                            new RankedOption("opt-food", "Food", 2, "fair")),
                                    List.of("opt-mobility")),
                            new TopicChosen(CONVENTION, "opt-mobility", ECOLOGICAL, "Mobility"));
        }

        @Test
        void anExactTieAtTheCutIsForTheAssemblyToSettle() {
            expectRejected(
                    fixture.given(panel(
                                    topicChoiceOpened(2),
                                    judged(TOPICS, "eco-1", 4, 2, 2),
                                    judged(TOPICS, "eco-2", 3, 1, 1)))
                            .when(new CloseJudgmentVote(CONVENTION, TOPICS)),
                    409,
                    "tie-at-the-cut");
        }

        @Test
        void aVoteWithoutJudgmentsDoesNotClose() {
            expectRejected(
                    fixture.given(panel(topicChoiceOpened())).when(new CloseJudgmentVote(CONVENTION, TOPICS)),
                    422,
                    "no-judgments");
        }

        @Test
        void anUnknownVoteIsNotFound() {
            expectRejected(
                    fixture.given(panel(topicChoiceOpened())).when(new CloseJudgmentVote(CONVENTION, "vote-9")),
                    404,
                    "unknown-vote");
        }

        @Test
        void aVoteClosesOnce() {
            expectRejected(
                    fixture.given(panel(
                                    prioritisationOpened(0),
                                    judged(PRIORITIES, "eco-1", 0, 2),
                                    new JudgmentVoteClosed(
                                            CONVENTION,
                                            PRIORITIES,
                                            1,
                                            List.of(
                                                    new RankedOption(ACTION_5, LABEL_5, 1, "fair"),
                                                    new RankedOption(ACTION_3, LABEL_3, 2, "to reject")),
                                            List.of())))
                            .when(new CloseJudgmentVote(CONVENTION, PRIORITIES)),
                    409,
                    "vote-closed");
        }

        @Test
        void aTopicChosenByTheVoteIsNoLongerACandidate() {
            expectRejected(
                    fixture.given(panel(
                                    plus(topicChoiceOpened(), threeJudgments()),
                                    new JudgmentVoteClosed(
                                            CONVENTION,
                                            TOPICS,
                                            3,
                                            handComputedRanking(),
                                            List.of("opt-mobility", "opt-food")),
                                    new TopicChosen(CONVENTION, "opt-mobility", ECOLOGICAL, "Mobility"),
                                    new TopicChosen(CONVENTION, "opt-food", ECOLOGICAL, "Food")))
                            .when(new OpenJudgmentVote(
                                    CONVENTION,
                                    "vote-again",
                                    TOPIC_CHOICE,
                                    ECOLOGICAL,
                                    GRADES,
                                    List.of(new VoteOption("opt-x", "Mobility"), new VoteOption("opt-y", "Water")),
                                    1)),
                    409,
                    "topic-exists");
        }

        @Test
        void aVoteDoesNotChooseATitleTheAssemblyChoseMeanwhile() {
            JudgmentVoteOpened first = new JudgmentVoteOpened(
                    CONVENTION,
                    "vote-a",
                    TOPIC_CHOICE,
                    ECOLOGICAL,
                    GRADES,
                    List.of(new VoteOption("opt-a1", "Mobility"), new VoteOption("opt-a2", "Water")),
                    1);
            JudgmentVoteOpened second = new JudgmentVoteOpened(
                    CONVENTION,
                    "vote-b",
                    TOPIC_CHOICE,
                    ECOLOGICAL,
                    GRADES,
                    List.of(new VoteOption("opt-b1", "Mobility"), new VoteOption("opt-b2", "Housing")),
                    1);
            expectRejected(
                    fixture.given(panel(
                                    first,
                                    second,
                                    judged("vote-a", "eco-1", 4, 0),
                                    judged("vote-b", "eco-1", 4, 0),
                                    new JudgmentVoteClosed(
                                            CONVENTION,
                                            "vote-a",
                                            1,
                                            List.of(
                                                    new RankedOption("opt-a1", "Mobility", 1, "very good"),
                                                    new RankedOption("opt-a2", "Water", 2, "to reject")),
                                            List.of("opt-a1")),
                                    new TopicChosen(CONVENTION, "opt-a1", ECOLOGICAL, "Mobility")))
                            .when(new CloseJudgmentVote(CONVENTION, "vote-b")),
                    409,
                    "topic-exists");
        }
    }

    // ---- the whole vote, by commands -------------------------------------------------------------

    @Test
    void theEcologicalAssemblyChoosesItsTopicsCommandByCommand() {
        fixture.given(panel())
                .andGivenCommands(
                        openTopicChoice(),
                        judge(TOPICS, "eco-1", 4, 3, 1),
                        judge(TOPICS, "eco-2", 3, 3, 2),
                        judge(TOPICS, "eco-3", 2, 1, 0))
                .when(new CloseJudgmentVote(CONVENTION, TOPICS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(
                        new JudgmentVoteClosed(
                                CONVENTION, TOPICS, 3, handComputedRanking(), List.of("opt-mobility", "opt-food")),
                        new TopicChosen(CONVENTION, "opt-mobility", ECOLOGICAL, "Mobility"),
                        new TopicChosen(CONVENTION, "opt-food", ECOLOGICAL, "Food"));
    }

    /** One event followed by others, as one array. */
    private static Object[] plus(Object first, Object... more) {
        Object[] all = new Object[more.length + 1];
        all[0] = first;
        System.arraycopy(more, 0, all, 1, more.length);
        return all;
    }

    // ---- topics ----------------------------------------------------------------------------------

    @Nested
    class ChoosingATopic {

        @Test
        void anAssemblyChoosesATopic() {
            fixture.given(opened())
                    .when(choose("top-1", ECOLOGICAL, "Mobility"))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(topic("top-1", ECOLOGICAL, "Mobility"));
        }

        @Test
        void anotherAssemblyMayChooseATopicOfTheSameTitle() {
            fixture.given(opened(), topic("top-1", ECOLOGICAL, "Mobility"))
                    .when(choose("top-2", SOCIAL, "Mobility"))
                    .expectEvents(topic("top-2", SOCIAL, "Mobility"));
        }

        @Test
        void anAssemblyCannotChooseTheSameTitleTwice() {
            expectRejected(
                    fixture.given(opened(), topic("top-1", ECOLOGICAL, "Mobility"))
                            .when(choose("top-2", ECOLOGICAL, "Mobility")),
                    409,
                    "topic-exists");
        }

        @Test
        void anAssemblyTheConventionDoesNotHoldCannotChoose() {
            expectRejected(
                    fixture.given(opened()).when(choose("top-1", DEMOCRATIC, "Participatory budget")),
                    422,
                    "unknown-assembly");
        }

        @Test
        void aTopicNeedsATitle() {
            expectRejected(fixture.given(opened()).when(choose("top-1", ECOLOGICAL, "")), 422, "title-required");
        }
    }
}
