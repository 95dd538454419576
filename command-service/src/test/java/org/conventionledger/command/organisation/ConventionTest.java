package org.conventionledger.command.organisation;

import static org.conventionledger.command.organisation.ConventionFixtures.mandate;
import static org.conventionledger.command.platform.RuleViolationMatcher.expectRejected;
import static org.conventionledger.events.Transition.DEMOCRATIC;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.events.Transition.SOCIAL;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conventionledger.events.Transition;
import org.conventionledger.events.organisation.ConventionOpened;
import org.conventionledger.events.organisation.Mandate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Opening a convention, the root of the stream its members share: the panel's recruitment is tested in
 * {@code recruitment} (PanelTest, InvitationsTest), the topics and judgment votes in {@code deliberation}
 * (JudgmentVotesTest), all through this aggregate.
 */
class ConventionTest {

    private static final String CONVENTION = "conv-1";
    private static final LocalDate STARTS = LocalDate.of(2025, 1, 15);
    private static final LocalDate ENDS = LocalDate.of(2025, 6, 30);

    private FixtureConfiguration<Convention> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Convention.class);
    }

    // ---- building blocks -------------------------------------------------------------------------

    private static OpenConvention open(
            String title, String city, Mandate mandate, List<Transition> transitions, int plannedSessions) {
        return new OpenConvention(CONVENTION, title, city, mandate, transitions, plannedSessions);
    }

    private static OpenConvention validOpen() {
        return open(
                "Convention for the transitions", "Saillans", mandate(STARTS, ENDS), List.of(ECOLOGICAL, SOCIAL), 6);
    }

    private static ConventionOpened opened() {
        return ConventionFixtures.opened(CONVENTION);
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
                    .expectEvents(new ConventionOpened(
                            CONVENTION,
                            "One-day convention",
                            "Saillans",
                            mandate(STARTS, STARTS),
                            List.of(DEMOCRATIC),
                            1));
        }

        @Test
        void aBlankTitleIsRefused() {
            expectRejected(
                    fixture.givenNoPriorActivity()
                            .when(open("  ", "Saillans", mandate(STARTS, ENDS), List.of(ECOLOGICAL), 6)),
                    422,
                    "title-required");
        }

        @Test
        void aMissingTitleIsRefused() {
            expectRejected(
                    fixture.givenNoPriorActivity()
                            .when(open(null, "Saillans", mandate(STARTS, ENDS), List.of(ECOLOGICAL), 6)),
                    422,
                    "title-required");
        }

        @Test
        void aBlankCityIsRefused() {
            expectRejected(
                    fixture.givenNoPriorActivity()
                            .when(open("Convention", "", mandate(STARTS, ENDS), List.of(ECOLOGICAL), 6)),
                    422,
                    "city-required");
        }

        @Test
        void noTransitionIsRefused() {
            expectRejected(
                    fixture.givenNoPriorActivity()
                            .when(open("Convention", "Saillans", mandate(STARTS, ENDS), List.of(), 6)),
                    422,
                    "transitions-required");
        }

        @Test
        void missingTransitionsAreRefused() {
            expectRejected(
                    fixture.givenNoPriorActivity().when(open("Convention", "Saillans", mandate(STARTS, ENDS), null, 6)),
                    422,
                    "transitions-required");
        }

        @Test
        void aTransitionListedTwiceIsRefused() {
            expectRejected(
                    fixture.givenNoPriorActivity()
                            .when(open(
                                    "Convention",
                                    "Saillans",
                                    mandate(STARTS, ENDS),
                                    List.of(ECOLOGICAL, SOCIAL, ECOLOGICAL),
                                    6)),
                    422,
                    "duplicate-transition");
        }

        @Test
        void zeroPlannedSessionsAreRefused() {
            expectRejected(
                    fixture.givenNoPriorActivity()
                            .when(open("Convention", "Saillans", mandate(STARTS, ENDS), List.of(SOCIAL), 0)),
                    422,
                    "sessions-required");
        }

        @Test
        void aMandateEndingBeforeItStartsIsRefused() {
            expectRejected(
                    fixture.givenNoPriorActivity()
                            .when(open("Convention", "Saillans", mandate(ENDS, STARTS), List.of(SOCIAL), 6)),
                    422,
                    "mandate-dates");
        }

        @Test
        void aMandateWithoutEndDateIsRefused() {
            expectRejected(
                    fixture.givenNoPriorActivity()
                            .when(open("Convention", "Saillans", mandate(STARTS, null), List.of(SOCIAL), 6)),
                    422,
                    "mandate-dates");
        }

        @Test
        void noMandateIsRefused() {
            expectRejected(
                    fixture.givenNoPriorActivity().when(open("Convention", "Saillans", null, List.of(SOCIAL), 6)),
                    422,
                    "mandate-dates");
        }
    }
}
