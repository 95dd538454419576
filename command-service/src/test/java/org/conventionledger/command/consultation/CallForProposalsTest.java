package org.conventionledger.command.consultation;

import static org.conventionledger.command.platform.RuleViolationMatcher.expectRejected;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conventionledger.command.deliberation.DeliberationRegister;
import org.conventionledger.command.organisation.ConventionRegister;
import org.conventionledger.events.Transition;
import org.conventionledger.events.consultation.CallForProposalsClosed;
import org.conventionledger.events.consultation.CallForProposalsOpened;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Opening a call for proposals on a topic, from its CAC sheet, and closing it. */
class CallForProposalsTest {

    static final String CONVENTION = "conv-1";
    static final String TOPIC = "topic-mobility";
    static final String CALL = "call-1";
    static final Instant NOW = Instant.parse("2022-03-01T09:00:00Z");
    static final Instant OPENS = Instant.parse("2022-03-01T08:00:00Z");
    static final Instant CLOSES = Instant.parse("2022-03-15T22:00:00Z");
    static final List<String> CAC_CRITERIA =
            List.of("Feasible within the mandate", "Benefits every neighbourhood", "Fewer cars in the centre");

    private FixtureConfiguration<CallForProposals> fixture;
    private DeliberationRegister deliberation;
    private ConventionRegister conventions;
    private ConsultationRegister consultation;

    @BeforeEach
    void setUp() {
        deliberation = mock(DeliberationRegister.class);
        conventions = mock(ConventionRegister.class);
        consultation = mock(ConsultationRegister.class);
        fixture = new AggregateTestFixture<>(CallForProposals.class);
        fixture.registerInjectableResource(deliberation);
        fixture.registerInjectableResource(conventions);
        fixture.registerInjectableResource(consultation);
        when(conventions.conventionExists(CONVENTION)).thenReturn(true);
        when(deliberation.topic(CONVENTION, TOPIC))
                .thenReturn(Optional.of(
                        new DeliberationRegister.Topic(CONVENTION, TOPIC, Transition.ECOLOGICAL, "Mobilité")));
        when(consultation.cacSheet(TOPIC))
                .thenReturn(Optional.of(new ConsultationRegister.CacSheet(TOPIC, 2, CAC_CRITERIA)));
    }

    private static OpenCallForProposals open(List<String> criteria) {
        return new OpenCallForProposals(
                CALL, CONVENTION, TOPIC, " Vos idées pour la mobilité ", "Proposez…", criteria, OPENS, CLOSES, NOW);
    }

    static CallForProposalsOpened opened(List<String> criteria, Integer cacVersion) {
        return new CallForProposalsOpened(
                CONVENTION,
                CALL,
                TOPIC,
                "Mobilité",
                "Vos idées pour la mobilité",
                "Proposez…",
                criteria,
                cacVersion,
                OPENS,
                CLOSES);
    }

    @Test
    void aCallTakesTheCriteriaOfTheTopicsLatestCacSheet() {
        fixture.givenNoPriorActivity()
                .when(open(null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(opened(CAC_CRITERIA, 2));
    }

    @Test
    void criteriaGivenWithTheCallReplaceTheSheetsAndBlankOnesAreDropped() {
        fixture.givenNoPriorActivity()
                .when(open(Arrays.asList(" Faisable en deux ans ", " ", null, "Accessible à tous")))
                .expectEvents(opened(List.of("Faisable en deux ans", "Accessible à tous"), 2));
    }

    @Test
    void aTopicWithoutCacSheetNeedsTheCriteriaWithTheCall() {
        when(consultation.cacSheet(TOPIC)).thenReturn(Optional.empty());
        expectRejected(fixture.givenNoPriorActivity().when(open(List.of())), 422, "criteria-required");

        fixture.givenNoPriorActivity()
                .when(open(List.of("Accessible à tous")))
                .expectEvents(opened(List.of("Accessible à tous"), null));
    }

    @Test
    void theTopicMustBeOneTheConventionChose() {
        when(deliberation.topic(CONVENTION, TOPIC)).thenReturn(Optional.empty());
        expectRejected(fixture.givenNoPriorActivity().when(open(null)), 404, "unknown-topic");

        when(conventions.conventionExists(CONVENTION)).thenReturn(false);
        expectRejected(fixture.givenNoPriorActivity().when(open(null)), 404, "unknown-convention");
    }

    @Test
    void aCallHasATitle() {
        expectRejected(
                fixture.givenNoPriorActivity()
                        .when(new OpenCallForProposals(CALL, CONVENTION, TOPIC, "  ", null, null, OPENS, CLOSES, NOW)),
                422,
                "title-required");
    }

    @Test
    void aCallClosesAfterItOpensAndInTheFuture() {
        expectRejected(
                fixture.givenNoPriorActivity()
                        .when(new OpenCallForProposals(CALL, CONVENTION, TOPIC, "T", null, null, OPENS, null, NOW)),
                422,
                "dates-required");
        expectRejected(
                fixture.givenNoPriorActivity()
                        .when(new OpenCallForProposals(CALL, CONVENTION, TOPIC, "T", null, null, CLOSES, CLOSES, NOW)),
                422,
                "closes-before-opening");
        expectRejected(
                fixture.givenNoPriorActivity()
                        .when(new OpenCallForProposals(
                                CALL, CONVENTION, TOPIC, "T", null, null, OPENS.minusSeconds(7200), OPENS, NOW)),
                422,
                "closes-in-the-past");
    }

    @Test
    void aCallThatOpensLaterIsAccepted() {
        Instant later = NOW.plusSeconds(86_400);
        fixture.givenNoPriorActivity()
                .when(new OpenCallForProposals(CALL, CONVENTION, TOPIC, "T", null, null, later, CLOSES, NOW))
                .expectEvents(new CallForProposalsOpened(
                        CONVENTION, CALL, TOPIC, "Mobilité", "T", "", CAC_CRITERIA, 2, later, CLOSES));
    }

    @Test
    void theOrganisersCloseTheCallOnce() {
        Instant at = Instant.parse("2022-03-14T18:00:00Z");
        fixture.given(opened(CAC_CRITERIA, 2))
                .when(new CloseCallForProposals(CALL, at))
                .expectEvents(new CallForProposalsClosed(CONVENTION, CALL, at));

        expectRejected(
                fixture.given(opened(CAC_CRITERIA, 2), new CallForProposalsClosed(CONVENTION, CALL, at))
                        .when(new CloseCallForProposals(CALL, at.plusSeconds(60))),
                409,
                "call-closed");
    }
}
