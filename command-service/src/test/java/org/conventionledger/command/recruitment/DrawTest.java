package org.conventionledger.command.recruitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.command.platform.RuleViolationMatcher.expectRejected;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.conventionledger.command.organisation.ConventionRegister;
import org.conventionledger.command.platform.AggregateFixtures;
import org.conventionledger.command.recruitment.RecruitmentRegister.ListState;
import org.conventionledger.events.recruitment.DrawPlanned;
import org.conventionledger.events.recruitment.DrawnResident;
import org.conventionledger.events.recruitment.FrozenList;
import org.conventionledger.events.recruitment.ListQuota;
import org.conventionledger.events.recruitment.ResidentsDrawn;
import org.conventionledger.rules.sortition.ListFingerprint;
import org.conventionledger.rules.sortition.ResidentDraw;
import org.conventionledger.rules.sortition.SeedCommitment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A draw by lot: planned with a seed commitment before its lists are frozen, performed once with the seed
 * and public entropy drawn at the draw.
 */
class DrawTest {

    private static final String CONVENTION = "conv-1";
    private static final String OTHER_CONVENTION = "conv-2";
    private static final String DRAW = "draw-1";
    private static final String ROLL = "electoral-roll";
    private static final String TENANTS = "tenants";
    /** The organiser's seed, committed with the plan before the lists were frozen. */
    private static final String SEED = "steering committee 2024-09-16: amber heron";

    private static final String COMMITMENT = SeedCommitment.of(SEED);
    /** Drawn at the draw itself, after the lists were frozen: dice rolled before the bailiff. */
    private static final String ENTROPY = "bailiff dice 2024-10-02: 3 6 1 4 4 2";
    /** Named with the plan, before anyone could know the dice. */
    private static final String SOURCE = "six dice rolled before the bailiff at the public draw of 2024-10-02";

    /** The people on each list; p-04 is on both. */
    private static final List<String> ROLL_PEOPLE = List.of("p-01", "p-02", "p-03", "p-04", "p-05", "p-06");

    private static final List<String> TENANT_PEOPLE = List.of("p-04", "p-07", "p-08");

    private FixtureConfiguration<Draw> fixture;
    private ConventionRegister conventions;
    private RecruitmentRegister register;

    @BeforeEach
    void setUp() {
        conventions = mock(ConventionRegister.class);
        register = mock(RecruitmentRegister.class);
        fixture = AggregateFixtures.fixture(Draw.class, conventions, register);
        when(conventions.conventionExists(CONVENTION)).thenReturn(true);
    }

    // ---- building blocks -------------------------------------------------------------------------

    /** A list of the convention as the register shows it before any draw names it. */
    private void openList(String listId) {
        when(register.list(listId)).thenReturn(Optional.of(new ListState(listId, CONVENTION, null, false, null, 3)));
    }

    /** A list frozen after draw-1 committed to its seed, holding {@code people}. */
    private void frozenList(String listId, List<String> people) {
        when(register.list(listId))
                .thenReturn(Optional.of(new ListState(
                        listId, CONVENTION, DRAW, true, ListFingerprint.of(listId, people), people.size())));
        when(register.residentsOf(listId)).thenReturn(people);
    }

    /** A list draw-1 committed to but not frozen yet. */
    private void committedList(String listId) {
        when(register.list(listId)).thenReturn(Optional.of(new ListState(listId, CONVENTION, DRAW, false, null, 3)));
    }

    private static PlanDraw plan(List<ListQuota> lists, int overall, String commitment) {
        return new PlanDraw(DRAW, CONVENTION, lists, overall, commitment, SOURCE);
    }

    private static DrawPlanned planned(List<ListQuota> lists, int overall) {
        return new DrawPlanned(CONVENTION, DRAW, lists, overall, COMMITMENT, ResidentDraw.ALGORITHM, SOURCE);
    }

    /** Two from the roll, then one from the tenants. */
    private static final List<ListQuota> PER_LIST = List.of(new ListQuota(ROLL, 2), new ListQuota(TENANTS, 1));
    /** Four from both lists together. */
    private static final List<ListQuota> UNION = List.of(new ListQuota(ROLL, 0), new ListQuota(TENANTS, 0));

    /**
     * The event the draw must log: the frozen lists' fingerprints and {@link ResidentDraw}'s result on the
     * combined randomness of the seed and the public entropy.
     */
    private static ResidentsDrawn expectedDraw(List<ListQuota> plan, int overall) {
        return expectedDraw(plan, overall, ENTROPY);
    }

    private static ResidentsDrawn expectedDraw(List<ListQuota> plan, int overall, String entropy) {
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        frozen.put(ROLL, ROLL_PEOPLE);
        frozen.put(TENANTS, TENANT_PEOPLE);
        List<FrozenList> fingerprints = List.of(
                new FrozenList(ROLL, ROLL_PEOPLE.size(), ListFingerprint.of(ROLL, ROLL_PEOPLE)),
                new FrozenList(TENANTS, TENANT_PEOPLE.size(), ListFingerprint.of(TENANTS, TENANT_PEOPLE)));
        return new ResidentsDrawn(
                CONVENTION,
                DRAW,
                SEED,
                entropy,
                SOURCE,
                ResidentDraw.ALGORITHM,
                fingerprints,
                ResidentDraw.draw(frozen, plan, overall, SeedCommitment.drawRandomness(SEED, entropy)));
    }

    // ---- planning --------------------------------------------------------------------------------

    @Nested
    class PlanningADraw {

        @Test
        void aDrawWithACountPerListIsPlannedAndItsSeedCommitted() {
            openList(ROLL);
            openList(TENANTS);
            fixture.givenNoPriorActivity()
                    .when(plan(PER_LIST, 0, COMMITMENT))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new DrawPlanned(CONVENTION, DRAW, PER_LIST, 0, COMMITMENT, "draw-v1", SOURCE));
        }

        @Test
        void aDrawWithoutTheSourceOfItsPublicEntropyIsRefused() {
            openList(ROLL);
            expectRejected(
                    fixture.givenNoPriorActivity()
                            .when(new PlanDraw(DRAW, CONVENTION, List.of(new ListQuota(ROLL, 2)), 0, COMMITMENT, null)),
                    422,
                    "public-entropy-source-required");
            expectRejected(
                    fixture.givenNoPriorActivity()
                            .when(new PlanDraw(DRAW, CONVENTION, List.of(new ListQuota(ROLL, 2)), 0, COMMITMENT, " ")),
                    422,
                    "public-entropy-source-required");
        }

        @Test
        void anOverlongSourceIsRefused() {
            openList(ROLL);
            expectRejected(
                    fixture.givenNoPriorActivity()
                            .when(new PlanDraw(
                                    DRAW, CONVENTION, List.of(new ListQuota(ROLL, 2)), 0, COMMITMENT, "s".repeat(201))),
                    422,
                    "public-entropy-source-required");
        }

        @Test
        void aDrawWithAnOverallCountIsPlanned() {
            openList(ROLL);
            openList(TENANTS);
            fixture.givenNoPriorActivity().when(plan(UNION, 4, COMMITMENT)).expectEvents(planned(UNION, 4));
        }

        @Test
        void theCommitmentIsLoggedInLowerCase() {
            openList(ROLL);
            fixture.givenNoPriorActivity()
                    .when(plan(List.of(new ListQuota(ROLL, 2)), 0, COMMITMENT.toUpperCase()))
                    .expectEvents(planned(List.of(new ListQuota(ROLL, 2)), 0));
        }

        @Test
        void anUnknownConventionIsNotFound() {
            openList(ROLL);
            expectRejected(
                    fixture.givenNoPriorActivity()
                            .when(new PlanDraw(DRAW, "conv-9", List.of(new ListQuota(ROLL, 2)), 0, COMMITMENT, SOURCE)),
                    404,
                    "unknown-convention");
        }

        @Test
        void anUnknownListIsNotFound() {
            openList(ROLL);
            expectRejected(
                    fixture.givenNoPriorActivity()
                            .when(plan(List.of(new ListQuota(ROLL, 2), new ListQuota("students", 1)), 0, COMMITMENT)),
                    404,
                    "unknown-list");
        }

        @Test
        void aListOfAnotherConventionIsNotFound() {
            when(register.list(ROLL))
                    .thenReturn(Optional.of(new ListState(ROLL, OTHER_CONVENTION, null, false, null, 3)));
            expectRejected(
                    fixture.givenNoPriorActivity().when(plan(List.of(new ListQuota(ROLL, 2)), 0, COMMITMENT)),
                    404,
                    "unknown-list");
        }

        @Test
        void aListNamedTwiceIsRefused() {
            openList(ROLL);
            expectRejected(
                    fixture.givenNoPriorActivity()
                            .when(plan(List.of(new ListQuota(ROLL, 2), new ListQuota(ROLL, 1)), 0, COMMITMENT)),
                    422,
                    "duplicate-list");
        }

        @Test
        void noListIsRefused() {
            expectRejected(fixture.givenNoPriorActivity().when(plan(List.of(), 4, COMMITMENT)), 422, "lists-required");
        }

        @Test
        void missingListsAreRefused() {
            expectRejected(fixture.givenNoPriorActivity().when(plan(null, 4, COMMITMENT)), 422, "lists-required");
        }

        @Test
        void aListAnotherDrawPlannedIsRefused() {
            openList(ROLL);
            when(register.list(TENANTS))
                    .thenReturn(Optional.of(new ListState(TENANTS, CONVENTION, "draw-0", false, null, 3)));
            expectRejected(
                    fixture.givenNoPriorActivity().when(plan(PER_LIST, 0, COMMITMENT)), 409, "list-already-planned");
        }

        @Test
        void aFrozenListIsRefusedAsTheSeedWouldBeCommittedAfterTheListIsFinal() {
            when(register.list(ROLL))
                    .thenReturn(Optional.of(new ListState(
                            ROLL, CONVENTION, null, true, ListFingerprint.of(ROLL, ROLL_PEOPLE), ROLL_PEOPLE.size())));
            expectRejected(
                    fixture.givenNoPriorActivity().when(plan(List.of(new ListQuota(ROLL, 2)), 0, COMMITMENT)),
                    409,
                    "list-already-frozen");
        }

        @Test
        void aCountPerListAndAnOverallCountTogetherAreRefused() {
            openList(ROLL);
            openList(TENANTS);
            expectRejected(fixture.givenNoPriorActivity().when(plan(PER_LIST, 4, COMMITMENT)), 422, "counts");
        }

        @Test
        void aListWithoutCountBesideListsWithACountIsRefused() {
            openList(ROLL);
            openList(TENANTS);
            expectRejected(
                    fixture.givenNoPriorActivity()
                            .when(plan(List.of(new ListQuota(ROLL, 2), new ListQuota(TENANTS, 0)), 0, COMMITMENT)),
                    422,
                    "counts");
        }

        @Test
        void aNegativeCountForAListIsRefused() {
            openList(ROLL);
            expectRejected(
                    fixture.givenNoPriorActivity().when(plan(List.of(new ListQuota(ROLL, -2)), 0, COMMITMENT)),
                    422,
                    "counts");
        }

        @Test
        void aNegativeOverallCountIsRefused() {
            openList(ROLL);
            openList(TENANTS);
            expectRejected(fixture.givenNoPriorActivity().when(plan(UNION, -4, COMMITMENT)), 422, "counts");
        }

        @Test
        void aCommitmentThatIsNotASha256IsRefused() {
            openList(ROLL);
            expectRejected(
                    fixture.givenNoPriorActivity()
                            .when(plan(List.of(new ListQuota(ROLL, 2)), 0, COMMITMENT.substring(1))),
                    422,
                    "seed-commitment");
        }

        @Test
        void theSeedItselfIsNoCommitment() {
            openList(ROLL);
            expectRejected(
                    fixture.givenNoPriorActivity().when(plan(List.of(new ListQuota(ROLL, 2)), 0, SEED)),
                    422,
                    "seed-commitment");
        }

        @Test
        void aMissingCommitmentIsRefused() {
            openList(ROLL);
            expectRejected(
                    fixture.givenNoPriorActivity().when(plan(List.of(new ListQuota(ROLL, 2)), 0, null)),
                    422,
                    "seed-commitment");
        }
    }

    // ---- performing ------------------------------------------------------------------------------

    @Nested
    class PerformingTheDraw {

        @Test
        void theDrawWithACountPerListIsResidentDrawsResultOnTheFrozenLists() {
            frozenList(ROLL, ROLL_PEOPLE);
            frozenList(TENANTS, TENANT_PEOPLE);
            ResidentsDrawn expected = expectedDraw(PER_LIST, 0);
            assertThat(expected.drawn()).hasSize(3);
            fixture.given(planned(PER_LIST, 0))
                    .when(new PerformDraw(DRAW, SEED, ENTROPY))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(expected)
                    .expectResultMessagePayload(expected.drawn());
        }

        @Test
        void theDrawWithAnOverallCountIsResidentDrawsResultOnTheFrozenLists() {
            frozenList(ROLL, ROLL_PEOPLE);
            frozenList(TENANTS, TENANT_PEOPLE);
            ResidentsDrawn expected = expectedDraw(UNION, 4);
            assertThat(expected.drawn())
                    .hasSize(4)
                    .extracting(DrawnResident::personId)
                    .doesNotHaveDuplicates();
            fixture.given(planned(UNION, 4))
                    .when(new PerformDraw(DRAW, SEED, ENTROPY))
                    .expectEvents(expected);
        }

        @Test
        void aSeedNotMatchingTheCommitmentIsRefused() {
            frozenList(ROLL, ROLL_PEOPLE);
            frozenList(TENANTS, TENANT_PEOPLE);
            expectRejected(
                    fixture.given(planned(PER_LIST, 0)).when(new PerformDraw(DRAW, SEED + " ", ENTROPY)),
                    422,
                    "seed-mismatch");
        }

        @Test
        void theCommitmentItselfIsNotTheSeed() {
            frozenList(ROLL, ROLL_PEOPLE);
            frozenList(TENANTS, TENANT_PEOPLE);
            expectRejected(
                    fixture.given(planned(PER_LIST, 0)).when(new PerformDraw(DRAW, COMMITMENT, ENTROPY)),
                    422,
                    "seed-mismatch");
        }

        @Test
        void aBlankSeedIsRefused() {
            expectRejected(
                    fixture.given(planned(PER_LIST, 0)).when(new PerformDraw(DRAW, " ", ENTROPY)),
                    422,
                    "seed-required");
        }

        @Test
        void anotherEntropyWithTheSameSeedDrawsOtherResidents() {
            frozenList(ROLL, ROLL_PEOPLE);
            frozenList(TENANTS, TENANT_PEOPLE);
            String otherDice = "bailiff dice 2024-10-02: 5 2 2 6 1 3";
            ResidentsDrawn expected = expectedDraw(UNION, 4, otherDice);
            assertThat(expected.drawn()).isNotEqualTo(expectedDraw(UNION, 4).drawn());
            fixture.given(planned(UNION, 4))
                    .when(new PerformDraw(DRAW, SEED, otherDice))
                    .expectEvents(expected);
        }

        @Test
        void aBlankPublicEntropyIsRefused() {
            frozenList(ROLL, ROLL_PEOPLE);
            frozenList(TENANTS, TENANT_PEOPLE);
            expectRejected(
                    fixture.given(planned(PER_LIST, 0)).when(new PerformDraw(DRAW, SEED, " ")),
                    422,
                    "public-entropy-required");
        }

        @Test
        void aMissingPublicEntropyIsRefused() {
            frozenList(ROLL, ROLL_PEOPLE);
            frozenList(TENANTS, TENANT_PEOPLE);
            expectRejected(
                    fixture.given(planned(PER_LIST, 0)).when(new PerformDraw(DRAW, SEED, null)),
                    422,
                    "public-entropy-required");
        }

        @Test
        void aPublicEntropyLongerThan200CharactersIsRefused() {
            frozenList(ROLL, ROLL_PEOPLE);
            frozenList(TENANTS, TENANT_PEOPLE);
            expectRejected(
                    fixture.given(planned(PER_LIST, 0)).when(new PerformDraw(DRAW, SEED, "6".repeat(201))),
                    422,
                    "public-entropy-required");
        }

        @Test
        void thePublicEntropyIsRequiredBeforeTheSeedIsCheckedAgainstTheCommitment() {
            expectRejected(
                    fixture.given(planned(PER_LIST, 0)).when(new PerformDraw(DRAW, SEED + " ", "")),
                    422,
                    "public-entropy-required");
        }

        @Test
        void aBlankSeedIsReportedBeforeAMissingEntropy() {
            expectRejected(
                    fixture.given(planned(PER_LIST, 0)).when(new PerformDraw(DRAW, "", null)), 422, "seed-required");
        }

        @Test
        void everyListMustBeFrozen() {
            frozenList(ROLL, ROLL_PEOPLE);
            committedList(TENANTS);
            expectRejected(
                    fixture.given(planned(PER_LIST, 0)).when(new PerformDraw(DRAW, SEED, ENTROPY)),
                    409,
                    "list-not-frozen");
        }

        /** A plan logged before the source was committed (revision 1, read with the source null). */
        @Test
        void aPlanThatCommittedNoSourceCannotBePerformed() {
            frozenList(ROLL, ROLL_PEOPLE);
            frozenList(TENANTS, TENANT_PEOPLE);
            expectRejected(
                    fixture.given(new DrawPlanned(
                                    CONVENTION, DRAW, PER_LIST, 0, COMMITMENT, ResidentDraw.ALGORITHM, null))
                            .when(new PerformDraw(DRAW, SEED, ENTROPY)),
                    422,
                    "public-entropy-source-not-committed");
        }

        @Test
        void aDrawIsPerformedOnce() {
            frozenList(ROLL, ROLL_PEOPLE);
            frozenList(TENANTS, TENANT_PEOPLE);
            expectRejected(
                    fixture.given(planned(PER_LIST, 0), expectedDraw(PER_LIST, 0))
                            .when(new PerformDraw(DRAW, SEED, ENTROPY)),
                    409,
                    "draw-performed");
        }

        @Test
        void aListWithFewerPeopleThanAskedMakesTheDrawImpossible() {
            frozenList(ROLL, ROLL_PEOPLE);
            frozenList(TENANTS, TENANT_PEOPLE);
            List<ListQuota> tooMany = List.of(new ListQuota(ROLL, 2), new ListQuota(TENANTS, 4));
            expectRejected(
                    fixture.given(planned(tooMany, 0)).when(new PerformDraw(DRAW, SEED, ENTROPY)),
                    422,
                    "draw-impossible");
        }

        @Test
        void moreThanTheDistinctPeopleOfTheListsMakesTheDrawImpossible() {
            frozenList(ROLL, ROLL_PEOPLE);
            frozenList(TENANTS, TENANT_PEOPLE);
            // 6 + 3 listed, but p-04 is on both lists: 8 distinct people
            expectRejected(
                    fixture.given(planned(UNION, 9)).when(new PerformDraw(DRAW, SEED, ENTROPY)),
                    422,
                    "draw-impossible");
        }
    }
}
