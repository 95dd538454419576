package org.conventionledger.command.deliberation;

import static org.conventionledger.command.platform.RuleViolationMatcher.expectRejected;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.events.deliberation.ExpertKind.EXPERT_BY_USE;
import static org.conventionledger.events.deliberation.ExpertKind.SCIENTIFIC;
import static org.conventionledger.events.deliberation.OpinionBody.ADVISORY_COUNCIL;
import static org.conventionledger.events.deliberation.OpinionBody.STEERING_COMMITTEE;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conventionledger.events.deliberation.CacSheetWritten;
import org.conventionledger.events.deliberation.ExpertHeard;
import org.conventionledger.events.deliberation.ExpertKind;
import org.conventionledger.events.deliberation.OpinionGiven;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A topic group's work before its action sheets: expert hearings, CAC sheets, opinions on the topic. */
class TopicGroupTest {

    private static final String CONVENTION = "conv-1";
    private static final String TOPIC = "top-1";
    private static final LocalDate HEARD_ON = LocalDate.of(2025, 2, 8);
    private static final LocalDate GIVEN_ON = LocalDate.of(2025, 3, 22);
    private static final String CONTRIBUTION = "Cycling doubles when lanes are continuous and separated.";
    private static final List<String> COMMON = List.of("Feasible within the mandate", "Fair for every neighbourhood");
    private static final List<String> SPECIFIC = List.of("Cuts car trips to school");

    private FixtureConfiguration<TopicGroup> fixture;
    private DeliberationRegister register;

    @BeforeEach
    void setUp() {
        register = mock(DeliberationRegister.class);
        fixture = new AggregateTestFixture<>(TopicGroup.class);
        fixture.registerInjectableResource(register);
    }

    // ---- building blocks -------------------------------------------------------------------------

    /** The convention chose topic {@code top-1}; the register knows no other topic. */
    private void topicChosen() {
        when(register.topic(TOPIC))
                .thenReturn(Optional.of(new DeliberationRegister.Topic(CONVENTION, TOPIC, ECOLOGICAL, "Mobility")));
    }

    private static RecordExpertHearing hearing(
            String hearingId, String expertName, ExpertKind kind, String contribution) {
        return new RecordExpertHearing(
                TOPIC,
                hearingId,
                expertName,
                "University of Clermont",
                kind,
                true,
                "members",
                HEARD_ON,
                contribution,
                List.of("doc-12"));
    }

    private static ExpertHeard heard(String hearingId) {
        return new ExpertHeard(
                CONVENTION,
                TOPIC,
                hearingId,
                "Dr Martin",
                "University of Clermont",
                SCIENTIFIC,
                true,
                "members",
                HEARD_ON,
                CONTRIBUTION,
                List.of("doc-12"));
    }

    private static WriteCacSheet cac(String findings, String analysis, List<String> common, List<String> specific) {
        return new WriteCacSheet(TOPIC, findings, analysis, common, specific);
    }

    private static WriteCacSheet cac() {
        return cac("Few pupils cycle", "Lanes stop before the schools", COMMON, SPECIFIC);
    }

    private static CacSheetWritten cacWritten(int version) {
        return new CacSheetWritten(
                CONVENTION, TOPIC, version, "Few pupils cycle", "Lanes stop before the schools", COMMON, SPECIFIC);
    }

    private static OpinionGiven opinionGiven(String opinionId) {
        return new OpinionGiven(CONVENTION, opinionId, ADVISORY_COUNCIL, "TOPIC", TOPIC, "A relevant topic.", GIVEN_ON);
    }

    // ---- hearings --------------------------------------------------------------------------------

    @Nested
    class RecordingAnExpertHearing {

        @Test
        void theFirstHearingStartsTheGroupsStreamUnderTheTopicsConvention() {
            topicChosen();
            fixture.givenNoPriorActivity()
                    .when(hearing("hear-1", "Dr Martin", SCIENTIFIC, CONTRIBUTION))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(heard("hear-1"));
        }

        @Test
        void anExpertByUseWithoutDocumentsIsHeard() {
            topicChosen();
            fixture.givenNoPriorActivity()
                    .when(new RecordExpertHearing(
                            TOPIC,
                            "hear-1",
                            "Cycling association",
                            null,
                            EXPERT_BY_USE,
                            false,
                            "facilitators",
                            HEARD_ON,
                            "Parents fear the roundabouts.",
                            null))
                    .expectEvents(new ExpertHeard(
                            CONVENTION,
                            TOPIC,
                            "hear-1",
                            "Cycling association",
                            null,
                            EXPERT_BY_USE,
                            false,
                            "facilitators",
                            HEARD_ON,
                            "Parents fear the roundabouts.",
                            List.of()));
        }

        @Test
        void laterHearingsUseTheConventionAlreadyRecorded() {
            fixture.given(heard("hear-1"))
                    .when(hearing("hear-2", "Dr Martin", SCIENTIFIC, CONTRIBUTION))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(heard("hear-2"));
            verify(register, never()).topic(anyString());
        }

        @Test
        void aTopicNeverChosenIsNotFound() {
            when(register.topic(TOPIC)).thenReturn(Optional.empty());
            expectRejected(
                    fixture.givenNoPriorActivity().when(hearing("hear-1", "Dr Martin", SCIENTIFIC, CONTRIBUTION)),
                    404,
                    "unknown-topic");
        }

        @Test
        void theKindOfExpertiseIsRequired() {
            topicChosen();
            expectRejected(
                    fixture.givenNoPriorActivity().when(hearing("hear-1", "Dr Martin", null, CONTRIBUTION)),
                    422,
                    "kind-required");
        }

        @Test
        void theExpertIsNamed() {
            topicChosen();
            expectRejected(
                    fixture.givenNoPriorActivity().when(hearing("hear-1", " ", SCIENTIFIC, CONTRIBUTION)),
                    422,
                    "expert-required");
        }

        @Test
        void aMissingExpertIsRefused() {
            expectRejected(
                    fixture.given(heard("hear-1")).when(hearing("hear-2", null, SCIENTIFIC, CONTRIBUTION)),
                    422,
                    "expert-required");
        }

        @Test
        void theSheetRecordsTheContribution() {
            topicChosen();
            expectRejected(
                    fixture.givenNoPriorActivity().when(hearing("hear-1", "Dr Martin", SCIENTIFIC, null)),
                    422,
                    "contribution-required");
        }

        @Test
        void aBlankContributionIsRefused() {
            expectRejected(
                    fixture.given(heard("hear-1")).when(hearing("hear-2", "Dr Martin", SCIENTIFIC, "  ")),
                    422,
                    "contribution-required");
        }

        @Test
        void aHearingIsRecordedOnce() {
            expectRejected(
                    fixture.given(heard("hear-1")).when(hearing("hear-1", "Dr Martin", SCIENTIFIC, CONTRIBUTION)),
                    409,
                    "hearing-exists");
        }
    }

    // ---- CAC sheets ------------------------------------------------------------------------------

    @Nested
    class WritingTheCacSheet {

        @Test
        void theFirstSheetIsVersionOne() {
            topicChosen();
            fixture.givenNoPriorActivity()
                    .when(cac())
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(cacWritten(1));
        }

        @Test
        void aGroupThatHeardExpertsWritesVersionOne() {
            fixture.given(heard("hear-1")).when(cac()).expectEvents(cacWritten(1));
        }

        @Test
        void theNextSheetIsVersionTwo() {
            fixture.given(cacWritten(1)).when(cac()).expectEvents(cacWritten(2));
        }

        @Test
        void versionsFollowOneAnother() {
            fixture.given(cacWritten(1), heard("hear-1"), cacWritten(2))
                    .when(cac())
                    .expectEvents(cacWritten(3));
        }

        @Test
        void topicSpecificCriteriaAloneAreEnough() {
            topicChosen();
            fixture.givenNoPriorActivity()
                    .when(cac("Few pupils cycle", "Lanes stop before the schools", null, SPECIFIC))
                    .expectEvents(new CacSheetWritten(
                            CONVENTION,
                            TOPIC,
                            1,
                            "Few pupils cycle",
                            "Lanes stop before the schools",
                            List.of(),
                            SPECIFIC));
        }

        @Test
        void commonCriteriaAloneAreEnough() {
            fixture.given(cacWritten(1))
                    .when(cac("Few pupils cycle", "Lanes stop before the schools", COMMON, List.of()))
                    .expectEvents(new CacSheetWritten(
                            CONVENTION,
                            TOPIC,
                            2,
                            "Few pupils cycle",
                            "Lanes stop before the schools",
                            COMMON,
                            List.of()));
        }

        @Test
        void aTopicNeverChosenIsNotFound() {
            when(register.topic(TOPIC)).thenReturn(Optional.empty());
            expectRejected(fixture.givenNoPriorActivity().when(cac()), 404, "unknown-topic");
        }

        @Test
        void theFindingsAreRequired() {
            expectRejected(
                    fixture.given(cacWritten(1)).when(cac(" ", "Lanes stop before the schools", COMMON, SPECIFIC)),
                    422,
                    "findings-required");
        }

        @Test
        void missingFindingsAreRefusedForTheFirstVersionToo() {
            topicChosen();
            expectRejected(
                    fixture.givenNoPriorActivity().when(cac(null, "Lanes stop", COMMON, SPECIFIC)),
                    422,
                    "findings-required");
        }

        @Test
        void theAnalysisIsRequired() {
            expectRejected(
                    fixture.given(cacWritten(1)).when(cac("Few pupils cycle", null, COMMON, SPECIFIC)),
                    422,
                    "analysis-required");
        }

        @Test
        void criteriaAreRequired() {
            expectRejected(
                    fixture.given(cacWritten(1))
                            .when(cac("Few pupils cycle", "Lanes stop before the schools", null, null)),
                    422,
                    "criteria-required");
        }

        @Test
        void emptyListsOfCriteriaAreRefused() {
            expectRejected(
                    fixture.given(cacWritten(1))
                            .when(cac("Few pupils cycle", "Lanes stop before the schools", List.of(), List.of())),
                    422,
                    "criteria-required");
        }
    }

    // ---- opinions --------------------------------------------------------------------------------

    @Nested
    class GivingAnOpinionOnTheTopic {

        @Test
        void theAdvisoryCouncilGivesTheFirstOpinion() {
            topicChosen();
            fixture.givenNoPriorActivity()
                    .when(new GiveTopicOpinion(TOPIC, "op-1", ADVISORY_COUNCIL, "A relevant topic.", GIVEN_ON))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(opinionGiven("op-1"));
        }

        @Test
        void theSteeringCommitteeGivesAnotherOpinion() {
            fixture.given(heard("hear-1"), opinionGiven("op-1"))
                    .when(new GiveTopicOpinion(TOPIC, "op-2", STEERING_COMMITTEE, "Mind the budget.", GIVEN_ON))
                    .expectEvents(new OpinionGiven(
                            CONVENTION, "op-2", STEERING_COMMITTEE, "TOPIC", TOPIC, "Mind the budget.", GIVEN_ON));
        }

        @Test
        void aTopicNeverChosenIsNotFound() {
            when(register.topic(TOPIC)).thenReturn(Optional.empty());
            expectRejected(
                    fixture.givenNoPriorActivity()
                            .when(new GiveTopicOpinion(TOPIC, "op-1", ADVISORY_COUNCIL, "Relevant.", GIVEN_ON)),
                    404,
                    "unknown-topic");
        }

        @Test
        void anOpinionNamesItsBody() {
            expectRejected(
                    fixture.given(heard("hear-1"))
                            .when(new GiveTopicOpinion(TOPIC, "op-1", null, "Relevant.", GIVEN_ON)),
                    422,
                    "body-required");
        }

        @Test
        void anOpinionHasAText() {
            expectRejected(
                    fixture.given(heard("hear-1"))
                            .when(new GiveTopicOpinion(TOPIC, "op-1", ADVISORY_COUNCIL, " ", GIVEN_ON)),
                    422,
                    "text-required");
        }

        @Test
        void anOpinionIdIsUsedOnce() {
            expectRejected(
                    fixture.given(opinionGiven("op-1"))
                            .when(new GiveTopicOpinion(TOPIC, "op-1", STEERING_COMMITTEE, "Again.", GIVEN_ON)),
                    409,
                    "opinion-exists");
        }
    }
}
