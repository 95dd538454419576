package org.conventionledger.command.recruitment;

import static org.conventionledger.command.platform.RuleViolationMatcher.expectRejected;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conventionledger.command.organisation.Convention;
import org.conventionledger.command.organisation.ConventionFixtures;
import org.conventionledger.command.recruitment.SendInvitations.Invitee;
import org.conventionledger.events.organisation.ConventionOpened;
import org.conventionledger.events.recruitment.Answer;
import org.conventionledger.events.recruitment.InvitationAnswered;
import org.conventionledger.events.recruitment.InvitationSent;
import org.conventionledger.events.recruitment.VolunteerRegistered;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The panel's invitations sent in batches and their plain answers, through the {@link Convention} aggregate
 * whose member {@link Panel} handles them. The rest of the recruitment (drawn residents, volunteers' profiles,
 * panel selection, seating, members leaving) is in {@link PanelTest}.
 */
class InvitationsTest {

    private static final String CONVENTION = "conv-1";
    private static final LocalDate STARTS = LocalDate.of(2025, 1, 15);
    private static final LocalDate ENDS = LocalDate.of(2025, 6, 30);
    private static final LocalDate SENT_ON = LocalDate.of(2024, 11, 4);
    private static final LocalDate ANSWERED_ON = LocalDate.of(2024, 11, 20);

    private FixtureConfiguration<Convention> fixture;

    @BeforeEach
    void setUp() {
        // residents res-1, res-2 and res-3 were drawn by lot from the electoral roll
        RecruitmentRegister recruitment = mock(RecruitmentRegister.class);
        for (String resident : List.of("res-1", "res-2", "res-3")) {
            when(recruitment.drawnFrom(CONVENTION, resident)).thenReturn(Optional.of("electoral-roll"));
        }
        fixture = new AggregateTestFixture<>(Convention.class);
        fixture.registerInjectableResource(recruitment);
    }

    // ---- building blocks -------------------------------------------------------------------------

    private static ConventionOpened opened() {
        return ConventionFixtures.opened(CONVENTION);
    }

    private static InvitationSent sent(String invitationId, String residentRef) {
        return new InvitationSent(CONVENTION, invitationId, residentRef, "electoral-roll", SENT_ON);
    }

    private static InvitationAnswered answered(String invitationId, Answer answer) {
        return new InvitationAnswered(CONVENTION, invitationId, answer, ANSWERED_ON);
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

    /** Opened, with invitation {@code inv-1} sent to resident {@code res-1} and answered as given. */
    private static List<Object> invitationAnswered(Answer answer) {
        return List.of(opened(), sent("inv-1", "res-1"), answered("inv-1", answer));
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
            expectRejected(
                    fixture.given(opened()).when(new SendInvitations(CONVENTION, null, SENT_ON)),
                    422,
                    "invitees-required");
        }

        @Test
        void anInvitationIdAlreadySentIsRefused() {
            expectRejected(
                    fixture.given(opened(), sent("inv-1", "res-1")).when(invite(invitee("inv-1", "res-2"))),
                    409,
                    "invitation-exists");
        }

        @Test
        void anInvitationIdUsedTwiceInOneBatchIsRefusedAndNoLetterOfTheBatchIsSent() {
            expectRejected(
                    fixture.given(opened()).when(invite(invitee("inv-1", "res-1"), invitee("inv-1", "res-2"))),
                    409,
                    "invitation-exists");
        }

        @Test
        void aResidentAlreadyInvitedIsRefused() {
            expectRejected(
                    fixture.given(opened(), sent("inv-1", "res-1")).when(invite(invitee("inv-2", "res-1"))),
                    409,
                    "resident-already-invited");
        }

        @Test
        void aResidentNamedTwiceInOneBatchIsRefusedAndNoLetterOfTheBatchIsSent() {
            expectRejected(
                    fixture.given(opened())
                            .when(invite(
                                    invitee("inv-1", "res-1"), invitee("inv-2", "res-2"), invitee("inv-3", "res-1"))),
                    409,
                    "resident-already-invited");
        }
    }

    // ---- answers ---------------------------------------------------------------------------------

    @Nested
    class RecordingAnAnswer {

        @Test
        void anAcceptanceIsRecordedAndTheVolunteerRegisteredWithTheirProfile() {
            fixture.given(opened(), sent("inv-1", "res-1"))
                    .when(new RecordInvitationAnswer(
                            CONVENTION, "inv-1", Answer.ACCEPTED, ANSWERED_ON, Map.of("gender", "f"), null, null))
                    .expectEvents(
                            answered("inv-1", Answer.ACCEPTED),
                            new VolunteerRegistered(CONVENTION, "inv-1", "res-1", Map.of("gender", "f"), null, null));
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
            expectRejected(
                    fixture.given(opened(), sent("inv-1", "res-1")).when(answer("inv-9", Answer.ACCEPTED)),
                    404,
                    "unknown-invitation");
        }

        @Test
        void anInvitationIsAnsweredOnlyOnce() {
            expectRejected(
                    fixture.given(invitationAnswered(Answer.DECLINED)).when(answer("inv-1", Answer.ACCEPTED)),
                    409,
                    "invitation-already-answered");
        }

        @Test
        void theSameAnswerTwiceIsAlsoRefused() {
            expectRejected(
                    fixture.given(invitationAnswered(Answer.ACCEPTED)).when(answer("inv-1", Answer.ACCEPTED)),
                    409,
                    "invitation-already-answered");
        }

        @Test
        void anAnswerWithoutItsValueIsRefused() {
            expectRejected(
                    fixture.given(opened(), sent("inv-1", "res-1")).when(answer("inv-1", null)),
                    422,
                    "answer-required");
        }
    }
}
