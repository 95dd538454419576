package org.conventionledger.command.oversight;

import static org.conventionledger.command.platform.RuleViolationMatcher.expectRejected;
import static org.conventionledger.events.oversight.OpinionOccasion.END_OF_SESSION;
import static org.conventionledger.events.oversight.OpinionOccasion.FINAL;
import static org.conventionledger.events.oversight.OpinionOccasion.VOTATION;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conventionledger.command.organisation.ConventionRegister;
import org.conventionledger.events.oversight.GarantOpinionPublished;
import org.conventionledger.events.oversight.OpinionOccasion;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The garants' opinions: at the end of a session (naming it), at the votation, at the end. */
class GarantOpinionTest {

    private static final String CONVENTION = "conv-1";
    private static final String OPINION = "gop-1";
    private static final LocalDate DAY = LocalDate.of(2022, 6, 19);
    private static final String TEXT = "The session respected the charter.";

    private FixtureConfiguration<GarantOpinion> fixture;

    @BeforeEach
    void setUp() {
        ConventionRegister register = mock(ConventionRegister.class);
        when(register.conventionExists(CONVENTION)).thenReturn(true);
        fixture = new AggregateTestFixture<>(GarantOpinion.class);
        fixture.registerInjectableResource(register);
    }

    private static PublishGarantOpinion publish(OpinionOccasion occasion, Integer session, String text) {
        return new PublishGarantOpinion(CONVENTION, OPINION, occasion, session, text, DAY);
    }

    @Test
    void anEndOfSessionOpinionNamesItsSession() {
        fixture.givenNoPriorActivity()
                .when(publish(END_OF_SESSION, 6, TEXT))
                .expectEvents(new GarantOpinionPublished(CONVENTION, OPINION, END_OF_SESSION, 6, TEXT, DAY));
    }

    @ParameterizedTest
    @EnumSource(
            value = OpinionOccasion.class,
            names = {"VOTATION", "FINAL"})
    void votationAndFinalOpinionsNameNoSession(OpinionOccasion occasion) {
        fixture.givenNoPriorActivity()
                .when(publish(occasion, null, TEXT))
                .expectEvents(new GarantOpinionPublished(CONVENTION, OPINION, occasion, null, TEXT, DAY));
    }

    @Test
    void anOpinionOnAnUnknownConventionIsNotFound() {
        expectRejected(
                fixture.givenNoPriorActivity()
                        .when(new PublishGarantOpinion("nowhere", OPINION, FINAL, null, TEXT, DAY)),
                404,
                "unknown-convention");
    }

    @Test
    void anOpinionWithoutTextIsRefused() {
        expectRejected(fixture.givenNoPriorActivity().when(publish(FINAL, null, " ")), 422, "text-required");
        expectRejected(fixture.givenNoPriorActivity().when(publish(FINAL, null, null)), 422, "text-required");
    }

    @Test
    void anEndOfSessionOpinionWithoutSessionIsRefused() {
        expectRejected(
                fixture.givenNoPriorActivity().when(publish(END_OF_SESSION, null, TEXT)), 422, "session-required");
        expectRejected(fixture.givenNoPriorActivity().when(publish(END_OF_SESSION, 0, TEXT)), 422, "session-required");
    }

    @Test
    void votationAndFinalOpinionsCarryingASessionAreRefused() {
        expectRejected(fixture.givenNoPriorActivity().when(publish(VOTATION, 3, TEXT)), 422, "session-not-allowed");
        expectRejected(fixture.givenNoPriorActivity().when(publish(FINAL, 9, TEXT)), 422, "session-not-allowed");
    }

    @Test
    void anOpinionWithoutOccasionIsRefused() {
        expectRejected(fixture.givenNoPriorActivity().when(publish(null, null, TEXT)), 422, "occasion-required");
    }

    @Test
    void anOpinionWithoutDateIsRefused() {
        expectRejected(
                fixture.givenNoPriorActivity()
                        .when(new PublishGarantOpinion(CONVENTION, OPINION, FINAL, null, TEXT, null)),
                422,
                "date-required");
    }
}
