package org.conventionledger.command.oversight;

import static org.conventionledger.command.platform.RuleViolationMatcher.expectRejected;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conventionledger.command.organisation.ConventionRegister;
import org.conventionledger.events.oversight.MatterReferred;
import org.conventionledger.events.oversight.ReferralAcknowledged;
import org.conventionledger.events.oversight.ReferralAnswered;
import org.conventionledger.events.oversight.ReferralInvestigated;
import org.conventionledger.events.privacy.SealedPersonalData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A referral to the garants: received, acknowledged once, investigated, answered once. */
class ReferralTest {

    private static final String CONVENTION = "conv-1";
    private static final String REFERRAL = "ref-1";
    private static final LocalDate DAY = LocalDate.of(2022, 3, 1);
    private static final List<String> ATTACHMENTS = List.of("doc-letter-12");

    private FixtureConfiguration<Referral> fixture;
    private ConventionRegister register;

    @BeforeEach
    void setUp() {
        register = mock(ConventionRegister.class);
        when(register.conventionExists(CONVENTION)).thenReturn(true);
        fixture = new AggregateTestFixture<>(Referral.class);
        fixture.registerInjectableResource(register);
    }

    private static ReferMatter refer(String subject, String text, String referredBy) {
        return new ReferMatter(CONVENTION, REFERRAL, subject, text, ATTACHMENTS, referredBy, DAY, null);
    }

    private static ReferMatter referAttaching(List<String> attachments) {
        return new ReferMatter(CONVENTION, REFERRAL, "Subject", "Text", attachments, "member", DAY, null);
    }

    private static MatterReferred referred() {
        return new MatterReferred(
                CONVENTION,
                REFERRAL,
                "Speaking time",
                "Some members never get the floor.",
                ATTACHMENTS,
                "member",
                DAY,
                null);
    }

    private static ReferralAcknowledged acknowledged() {
        return new ReferralAcknowledged(CONVENTION, REFERRAL, DAY.plusDays(2));
    }

    private static ReferralAnswered answered() {
        return new ReferralAnswered(
                CONVENTION, REFERRAL, "The facilitators now keep a speakers' list.", DAY.plusDays(20));
    }

    // ---- ReferMatter ------------------------------------------------------------------------------

    @Test
    void aMemberRefersAMatter() {
        fixture.givenNoPriorActivity()
                .when(refer("Speaking time", "Some members never get the floor.", "member"))
                .expectEvents(referred());
    }

    @Test
    void aResidentRefersAMatterWithoutAttachments() {
        fixture.givenNoPriorActivity()
                .when(new ReferMatter(
                        CONVENTION, REFERRAL, "Information", "The sheets are not online.", null, "resident", DAY, null))
                .expectEvents(new MatterReferred(
                        CONVENTION,
                        REFERRAL,
                        "Information",
                        "The sheets are not online.",
                        List.of(),
                        "resident",
                        DAY,
                        null));
    }

    @Test
    void aReferralToAnUnknownConventionIsNotFound() {
        expectRejected(
                fixture.givenNoPriorActivity()
                        .when(new ReferMatter(
                                "nowhere", REFERRAL, "Subject", "Text", ATTACHMENTS, "member", DAY, null)),
                404,
                "unknown-convention");
    }

    @Test
    void aReferralWithoutSubjectIsRefused() {
        expectRejected(fixture.givenNoPriorActivity().when(refer(" ", "Text", "member")), 422, "subject-required");
        expectRejected(fixture.givenNoPriorActivity().when(refer(null, "Text", "member")), 422, "subject-required");
    }

    @Test
    void aReferralWithoutTextIsRefused() {
        expectRejected(fixture.givenNoPriorActivity().when(refer("Subject", "", "member")), 422, "text-required");
        expectRejected(fixture.givenNoPriorActivity().when(refer("Subject", null, "member")), 422, "text-required");
    }

    @Test
    void aReferralNamesACapacityNeverAName() {
        expectRejected(
                fixture.givenNoPriorActivity().when(refer("Subject", "Text", "Jeanne Dupont")),
                422,
                "invalid-referred-by");
        expectRejected(fixture.givenNoPriorActivity().when(refer("Subject", "Text", null)), 422, "invalid-referred-by");
    }

    @Test
    void aReferralWithoutDateIsRefused() {
        expectRejected(
                fixture.givenNoPriorActivity()
                        .when(new ReferMatter(
                                CONVENTION, REFERRAL, "Subject", "Text", ATTACHMENTS, "member", null, null)),
                422,
                "date-required");
    }

    @Test
    void aBlankAttachmentIsRefused() {
        expectRejected(
                fixture.givenNoPriorActivity().when(referAttaching(Arrays.asList("doc-1", " "))),
                422,
                "invalid-attachment");
    }

    @Test
    void aCitizenWithoutAccountLeavesAContactThatTheLogHoldsOnlySealed() {
        SealedPersonalData contact = new SealedPersonalData("p-0123456789abcdef01234567", "v1:c2VhbGVk");
        fixture.givenNoPriorActivity()
                .when(new ReferMatter(
                        CONVENTION, REFERRAL, "Noise", "Late start.", List.of(), "resident", DAY, contact))
                .expectEvents(new MatterReferred(
                        CONVENTION, REFERRAL, "Noise", "Late start.", List.of(), "resident", DAY, contact));
    }

    @Test
    void aReferralCannotMakeTheLogHoldMoreThanItsBounds() {
        expectRejected(
                fixture.givenNoPriorActivity().when(refer("s".repeat(Referral.SUBJECT_MAX + 1), "Text", "member")),
                422,
                "subject-too-long");
        expectRejected(
                fixture.givenNoPriorActivity().when(refer("Subject", "t".repeat(Referral.TEXT_MAX + 1), "member")),
                422,
                "text-too-long");
        expectRejected(
                fixture.givenNoPriorActivity().when(referAttaching(List.of("d".repeat(Referral.REFERENCE_MAX + 1)))),
                422,
                "invalid-attachment");
        fixture.givenNoPriorActivity()
                .when(refer("s".repeat(Referral.SUBJECT_MAX), "t".repeat(Referral.TEXT_MAX), "member"))
                .expectSuccessfulHandlerExecution();
    }

    // ---- AcknowledgeReferral ----------------------------------------------------------------------

    @Test
    void theGarantsAcknowledgeAReferral() {
        fixture.given(referred())
                .when(new AcknowledgeReferral(REFERRAL, DAY.plusDays(2)))
                .expectEvents(acknowledged());
    }

    @Test
    void aReferralIsAcknowledgedOnce() {
        expectRejected(
                fixture.given(referred(), acknowledged()).when(new AcknowledgeReferral(REFERRAL, DAY.plusDays(3))),
                409,
                "already-acknowledged");
    }

    @Test
    void anAcknowledgementBeforeTheReferralIsRefused() {
        expectRejected(
                fixture.given(referred()).when(new AcknowledgeReferral(REFERRAL, DAY.minusDays(1))),
                422,
                "date-before-referral");
    }

    @Test
    void anAcknowledgementWithoutDateIsRefused() {
        expectRejected(fixture.given(referred()).when(new AcknowledgeReferral(REFERRAL, null)), 422, "date-required");
    }

    // ---- InvestigateReferral ----------------------------------------------------------------------

    @Test
    void theGarantsInvestigateSeveralTimes() {
        fixture.given(
                        referred(),
                        acknowledged(),
                        new ReferralInvestigated(CONVENTION, REFERRAL, "Attended session 3", DAY.plusDays(5)))
                .when(new InvestigateReferral(REFERRAL, "Met the facilitators", DAY.plusDays(9)))
                .expectEvents(new ReferralInvestigated(CONVENTION, REFERRAL, "Met the facilitators", DAY.plusDays(9)));
    }

    @Test
    void anInvestigationNeedsTheAcknowledgement() {
        expectRejected(
                fixture.given(referred()).when(new InvestigateReferral(REFERRAL, "Note", DAY.plusDays(5))),
                409,
                "not-acknowledged");
    }

    @Test
    void anInvestigationAfterTheAnswerIsRefused() {
        expectRejected(
                fixture.given(referred(), acknowledged(), answered())
                        .when(new InvestigateReferral(REFERRAL, "Note", DAY.plusDays(25))),
                409,
                "already-answered");
    }

    @Test
    void anInvestigationWithoutNoteIsRefused() {
        expectRejected(
                fixture.given(referred(), acknowledged()).when(new InvestigateReferral(REFERRAL, " ", DAY.plusDays(5))),
                422,
                "note-required");
    }

    @Test
    void anInvestigationWithoutDateOrBeforeTheReferralIsRefused() {
        expectRejected(
                fixture.given(referred(), acknowledged()).when(new InvestigateReferral(REFERRAL, "Note", null)),
                422,
                "date-required");
        expectRejected(
                fixture.given(referred(), acknowledged())
                        .when(new InvestigateReferral(REFERRAL, "Note", DAY.minusDays(1))),
                422,
                "date-before-referral");
    }

    // ---- AnswerReferral ---------------------------------------------------------------------------

    @Test
    void theGarantsAnswerAReferral() {
        fixture.given(referred(), acknowledged())
                .when(new AnswerReferral(REFERRAL, "The facilitators now keep a speakers' list.", DAY.plusDays(20)))
                .expectEvents(answered());
    }

    @Test
    void anAnswerNeedsTheAcknowledgement() {
        expectRejected(
                fixture.given(referred()).when(new AnswerReferral(REFERRAL, "Answer", DAY.plusDays(20))),
                409,
                "not-acknowledged");
    }

    @Test
    void aReferralIsAnsweredOnce() {
        expectRejected(
                fixture.given(referred(), acknowledged(), answered())
                        .when(new AnswerReferral(REFERRAL, "Again", DAY.plusDays(21))),
                409,
                "already-answered");
    }

    @Test
    void anAnswerWithoutTextIsRefused() {
        expectRejected(
                fixture.given(referred(), acknowledged()).when(new AnswerReferral(REFERRAL, "", DAY.plusDays(20))),
                422,
                "answer-required");
        expectRejected(
                fixture.given(referred(), acknowledged()).when(new AnswerReferral(REFERRAL, null, DAY.plusDays(20))),
                422,
                "answer-required");
    }

    @Test
    void anAnswerWithoutDateOrBeforeTheReferralIsRefused() {
        expectRejected(
                fixture.given(referred(), acknowledged()).when(new AnswerReferral(REFERRAL, "Answer", null)),
                422,
                "date-required");
        expectRejected(
                fixture.given(referred(), acknowledged())
                        .when(new AnswerReferral(REFERRAL, "Answer", DAY.minusDays(1))),
                422,
                "date-before-referral");
    }
}
