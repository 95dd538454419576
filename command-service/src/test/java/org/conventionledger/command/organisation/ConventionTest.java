package org.conventionledger.command.organisation;

import static org.conventionledger.command.platform.RuleViolationMatcher.expectRejected;
import static org.conventionledger.events.Transition.DEMOCRATIC;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.events.Transition.SOCIAL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conventionledger.command.deliberation.ChooseTopic;
import org.conventionledger.command.recruitment.RecordInvitationAnswer;
import org.conventionledger.command.recruitment.SeatMember;
import org.conventionledger.command.recruitment.SendInvitations;
import org.conventionledger.command.recruitment.SendInvitations.Invitee;
import org.conventionledger.events.Transition;
import org.conventionledger.events.deliberation.TopicChosen;
import org.conventionledger.events.organisation.ConventionOpened;
import org.conventionledger.events.organisation.Mandate;
import org.conventionledger.events.recruitment.Answer;
import org.conventionledger.events.recruitment.InvitationAnswered;
import org.conventionledger.events.recruitment.InvitationSent;
import org.conventionledger.events.recruitment.MemberSeated;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The convention's panel: opening, invitations, answers, seating and topics. */
class ConventionTest {

    private static final String CONVENTION = "conv-1";
    private static final LocalDate STARTS = LocalDate.of(2025, 1, 15);
    private static final LocalDate ENDS = LocalDate.of(2025, 6, 30);
    private static final LocalDate SENT_ON = LocalDate.of(2024, 11, 4);
    private static final LocalDate ANSWERED_ON = LocalDate.of(2024, 11, 20);
    private static final LocalDate SEATED_ON = LocalDate.of(2025, 1, 15);

    private FixtureConfiguration<Convention> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Convention.class);
    }

    // ---- building blocks -------------------------------------------------------------------------

    private static Mandate mandate(LocalDate startsOn, LocalDate endsOn) {
        return new Mandate("DEL-2024-117", startsOn, endsOn, "A list of actions put to a public vote",
                "Carry out every action the votation adopts", new BigDecimal("80.00"));
    }

    private static OpenConvention open(String title, String city, Mandate mandate, List<Transition> transitions,
                                       int plannedSessions) {
        return new OpenConvention(CONVENTION, title, city, mandate, transitions, plannedSessions);
    }

    private static OpenConvention validOpen() {
        return open("Convention for the transitions", "Saillans", mandate(STARTS, ENDS),
                List.of(ECOLOGICAL, SOCIAL), 6);
    }

    /** A convention with an ecological and a social assembly, but no democratic one. */
    private static ConventionOpened opened() {
        return new ConventionOpened(CONVENTION, "Convention for the transitions", "Saillans", mandate(STARTS, ENDS),
                List.of(ECOLOGICAL, SOCIAL), 6);
    }

    private static InvitationSent sent(String invitationId, String residentRef) {
        return new InvitationSent(CONVENTION, invitationId, residentRef, "electoral-roll", SENT_ON);
    }

    private static InvitationAnswered answered(String invitationId, Answer answer) {
        return new InvitationAnswered(CONVENTION, invitationId, answer, ANSWERED_ON);
    }

    private static MemberSeated seated(String memberId, String invitationId, Transition assembly) {
        return new MemberSeated(CONVENTION, memberId, invitationId, assembly, "contract-v2", SEATED_ON);
    }

    private static TopicChosen topic(String topicId, Transition assembly, String title) {
        return new TopicChosen(CONVENTION, topicId, assembly, title);
    }

    private static Invitee invitee(String invitationId, String residentRef) {
        return new Invitee(invitationId, residentRef, "electoral-roll");
    }

    private static SendInvitations invite(Invitee... invitees) {
        return new SendInvitations(CONVENTION, Arrays.asList(invitees), SENT_ON);
    }

    private static RecordInvitationAnswer answer(String invitationId, Answer answer) {
        return new RecordInvitationAnswer(CONVENTION, invitationId, answer, ANSWERED_ON);
    }

    private static SeatMember seat(String memberId, String invitationId, Transition assembly) {
        return new SeatMember(CONVENTION, memberId, invitationId, assembly, "contract-v2", SEATED_ON);
    }

    private static ChooseTopic choose(String topicId, Transition assembly, String title) {
        return new ChooseTopic(CONVENTION, topicId, assembly, title);
    }

    /** Opened, with invitation {@code inv-1} sent to resident {@code res-1} and answered as given. */
    private static List<Object> invitationAnswered(Answer answer) {
        return List.of(opened(), sent("inv-1", "res-1"), answered("inv-1", answer));
    }

    private static List<Object> plus(List<Object> given, Object... more) {
        List<Object> all = new ArrayList<>(given);
        all.addAll(Arrays.asList(more));
        return all;
    }

    // ---- opening ---------------------------------------------------------------------------------

    @Nested
    class OpeningAConvention {

        @Test
        void theCouncilsMandateOpensTheConvention() {
            fixture.givenNoPriorActivity()
                   .when(validOpen())
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(opened());
        }

        @Test
        void aMandateOfASingleDayIsAccepted() {
            fixture.givenNoPriorActivity()
                   .when(open("One-day convention", "Saillans", mandate(STARTS, STARTS), List.of(DEMOCRATIC), 1))
                   .expectEvents(new ConventionOpened(CONVENTION, "One-day convention", "Saillans",
                           mandate(STARTS, STARTS), List.of(DEMOCRATIC), 1));
        }

        @Test
        void aBlankTitleIsRefused() {
            expectRejected(fixture.givenNoPriorActivity()
                                  .when(open("  ", "Saillans", mandate(STARTS, ENDS), List.of(ECOLOGICAL), 6)),
                    422, "title-required");
        }

        @Test
        void aMissingTitleIsRefused() {
            expectRejected(fixture.givenNoPriorActivity()
                                  .when(open(null, "Saillans", mandate(STARTS, ENDS), List.of(ECOLOGICAL), 6)),
                    422, "title-required");
        }

        @Test
        void aBlankCityIsRefused() {
            expectRejected(fixture.givenNoPriorActivity()
                                  .when(open("Convention", "", mandate(STARTS, ENDS), List.of(ECOLOGICAL), 6)),
                    422, "city-required");
        }

        @Test
        void noTransitionIsRefused() {
            expectRejected(fixture.givenNoPriorActivity()
                                  .when(open("Convention", "Saillans", mandate(STARTS, ENDS), List.of(), 6)),
                    422, "transitions-required");
        }

        @Test
        void missingTransitionsAreRefused() {
            expectRejected(fixture.givenNoPriorActivity()
                                  .when(open("Convention", "Saillans", mandate(STARTS, ENDS), null, 6)),
                    422, "transitions-required");
        }

        @Test
        void aTransitionListedTwiceIsRefused() {
            expectRejected(fixture.givenNoPriorActivity()
                                  .when(open("Convention", "Saillans", mandate(STARTS, ENDS),
                                          List.of(ECOLOGICAL, SOCIAL, ECOLOGICAL), 6)),
                    422, "duplicate-transition");
        }

        @Test
        void zeroPlannedSessionsAreRefused() {
            expectRejected(fixture.givenNoPriorActivity()
                                  .when(open("Convention", "Saillans", mandate(STARTS, ENDS), List.of(SOCIAL), 0)),
                    422, "sessions-required");
        }

        @Test
        void aMandateEndingBeforeItStartsIsRefused() {
            expectRejected(fixture.givenNoPriorActivity()
                                  .when(open("Convention", "Saillans", mandate(ENDS, STARTS), List.of(SOCIAL), 6)),
                    422, "mandate-dates");
        }

        @Test
        void aMandateWithoutEndDateIsRefused() {
            expectRejected(fixture.givenNoPriorActivity()
                                  .when(open("Convention", "Saillans", mandate(STARTS, null), List.of(SOCIAL), 6)),
                    422, "mandate-dates");
        }

        @Test
        void noMandateIsRefused() {
            expectRejected(fixture.givenNoPriorActivity()
                                  .when(open("Convention", "Saillans", null, List.of(SOCIAL), 6)),
                    422, "mandate-dates");
        }
    }

    // ---- invitations -----------------------------------------------------------------------------

    @Nested
    class SendingInvitations {

        @Test
        void eachInviteeOfTheBatchIsSentTheLetter() {
            fixture.given(opened())
                   .when(invite(invitee("inv-1", "res-1"), invitee("inv-2", "res-2")))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(sent("inv-1", "res-1"), sent("inv-2", "res-2"));
        }

        @Test
        void aLaterBatchInvitesOtherResidents() {
            fixture.given(opened(), sent("inv-1", "res-1"))
                   .when(invite(invitee("inv-2", "res-2")))
                   .expectEvents(sent("inv-2", "res-2"));
        }

        @Test
        void anEmptyBatchIsRefused() {
            expectRejected(fixture.given(opened()).when(invite()), 422, "invitees-required");
        }

        @Test
        void aMissingBatchIsRefused() {
            expectRejected(fixture.given(opened()).when(new SendInvitations(CONVENTION, null, SENT_ON)),
                    422, "invitees-required");
        }

        @Test
        void anInvitationIdAlreadySentIsRefused() {
            expectRejected(fixture.given(opened(), sent("inv-1", "res-1"))
                                  .when(invite(invitee("inv-1", "res-2"))),
                    409, "invitation-exists");
        }

        @Test
        void anInvitationIdUsedTwiceInOneBatchIsRefusedAndNoLetterOfTheBatchIsSent() {
            expectRejected(fixture.given(opened())
                                  .when(invite(invitee("inv-1", "res-1"), invitee("inv-1", "res-2"))),
                    409, "invitation-exists");
        }

        @Test
        void aResidentAlreadyInvitedIsRefused() {
            expectRejected(fixture.given(opened(), sent("inv-1", "res-1"))
                                  .when(invite(invitee("inv-2", "res-1"))),
                    409, "resident-already-invited");
        }

        @Test
        void aResidentNamedTwiceInOneBatchIsRefusedAndNoLetterOfTheBatchIsSent() {
            expectRejected(fixture.given(opened())
                                  .when(invite(invitee("inv-1", "res-1"), invitee("inv-2", "res-2"),
                                          invitee("inv-3", "res-1"))),
                    409, "resident-already-invited");
        }
    }

    // ---- answers ---------------------------------------------------------------------------------

    @Nested
    class RecordingAnAnswer {

        @Test
        void anAcceptanceIsRecorded() {
            fixture.given(opened(), sent("inv-1", "res-1"))
                   .when(answer("inv-1", Answer.ACCEPTED))
                   .expectEvents(answered("inv-1", Answer.ACCEPTED));
        }

        @Test
        void aRefusalIsRecorded() {
            fixture.given(opened(), sent("inv-1", "res-1"))
                   .when(answer("inv-1", Answer.DECLINED))
                   .expectEvents(answered("inv-1", Answer.DECLINED));
        }

        @Test
        void thePassedDeadlineIsRecordedAsNoAnswer() {
            fixture.given(opened(), sent("inv-1", "res-1"))
                   .when(answer("inv-1", Answer.NO_ANSWER))
                   .expectEvents(answered("inv-1", Answer.NO_ANSWER));
        }

        @Test
        void anAnswerToAnInvitationNeverSentIsNotFound() {
            expectRejected(fixture.given(opened(), sent("inv-1", "res-1"))
                                  .when(answer("inv-9", Answer.ACCEPTED)),
                    404, "unknown-invitation");
        }

        @Test
        void anInvitationIsAnsweredOnlyOnce() {
            expectRejected(fixture.given(invitationAnswered(Answer.DECLINED))
                                  .when(answer("inv-1", Answer.ACCEPTED)),
                    409, "invitation-already-answered");
        }

        @Test
        void theSameAnswerTwiceIsAlsoRefused() {
            expectRejected(fixture.given(invitationAnswered(Answer.ACCEPTED))
                                  .when(answer("inv-1", Answer.ACCEPTED)),
                    409, "invitation-already-answered");
        }

        @Test
        void anAnswerWithoutItsValueIsRefused() {
            expectRejected(fixture.given(opened(), sent("inv-1", "res-1"))
                                  .when(answer("inv-1", null)),
                    422, "answer-required");
        }
    }

    // ---- seating ---------------------------------------------------------------------------------

    @Nested
    class SeatingAMember {

        @Test
        void aVolunteerWhoAcceptedTakesASeatInAnAssemblyOfTheConvention() {
            fixture.given(invitationAnswered(Answer.ACCEPTED))
                   .when(seat("mem-1", "inv-1", SOCIAL))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(seated("mem-1", "inv-1", SOCIAL));
        }

        @Test
        void anInvitationNeverSentIsNotFound() {
            expectRejected(fixture.given(invitationAnswered(Answer.ACCEPTED))
                                  .when(seat("mem-1", "inv-9", SOCIAL)),
                    404, "unknown-invitation");
        }

        @Test
        void aResidentWhoHasNotAnsweredCannotBeSeated() {
            expectRejected(fixture.given(opened(), sent("inv-1", "res-1"))
                                  .when(seat("mem-1", "inv-1", SOCIAL)),
                    409, "invitation-not-accepted");
        }

        @Test
        void aResidentWhoDeclinedCannotBeSeated() {
            expectRejected(fixture.given(invitationAnswered(Answer.DECLINED))
                                  .when(seat("mem-1", "inv-1", SOCIAL)),
                    409, "invitation-not-accepted");
        }

        @Test
        void aResidentWhoLetTheDeadlinePassCannotBeSeated() {
            expectRejected(fixture.given(invitationAnswered(Answer.NO_ANSWER))
                                  .when(seat("mem-1", "inv-1", SOCIAL)),
                    409, "invitation-not-accepted");
        }

        @Test
        void aVolunteerIsSeatedOnlyOnce() {
            expectRejected(fixture.given(plus(invitationAnswered(Answer.ACCEPTED), seated("mem-1", "inv-1", SOCIAL)))
                                  .when(seat("mem-2", "inv-1", ECOLOGICAL)),
                    409, "already-seated");
        }

        @Test
        void aMemberIdAlreadySeatedIsRefused() {
            expectRejected(fixture.given(plus(invitationAnswered(Answer.ACCEPTED), seated("mem-1", "inv-1", SOCIAL),
                                          sent("inv-2", "res-2"), answered("inv-2", Answer.ACCEPTED)))
                                  .when(seat("mem-1", "inv-2", SOCIAL)),
                    409, "member-exists");
        }

        @Test
        void anAssemblyTheConventionDoesNotHoldIsRefused() {
            expectRejected(fixture.given(invitationAnswered(Answer.ACCEPTED))
                                  .when(seat("mem-1", "inv-1", DEMOCRATIC)),
                    422, "unknown-assembly");
        }

        @Test
        void aMissingAssemblyIsRefused() {
            expectRejected(fixture.given(invitationAnswered(Answer.ACCEPTED))
                                  .when(seat("mem-1", "inv-1", null)),
                    422, "unknown-assembly");
        }

        @Test
        void theSignedContractVersionIsRequired() {
            expectRejected(fixture.given(invitationAnswered(Answer.ACCEPTED))
                                  .when(new SeatMember(CONVENTION, "mem-1", "inv-1", SOCIAL, " ", SEATED_ON)),
                    422, "contract-version-required");
        }
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
            expectRejected(fixture.given(opened(), topic("top-1", ECOLOGICAL, "Mobility"))
                                  .when(choose("top-2", ECOLOGICAL, "Mobility")),
                    409, "topic-exists");
        }

        @Test
        void anAssemblyTheConventionDoesNotHoldCannotChoose() {
            expectRejected(fixture.given(opened())
                                  .when(choose("top-1", DEMOCRATIC, "Participatory budget")),
                    422, "unknown-assembly");
        }

        @Test
        void aTopicNeedsATitle() {
            expectRejected(fixture.given(opened())
                                  .when(choose("top-1", ECOLOGICAL, "")),
                    422, "title-required");
        }
    }
}
