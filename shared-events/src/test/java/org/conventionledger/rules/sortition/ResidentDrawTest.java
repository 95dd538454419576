package org.conventionledger.rules.sortition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conventionledger.events.recruitment.DrawnResident;
import org.conventionledger.events.recruitment.ListQuota;
import org.junit.jupiter.api.Test;

/**
 * The {@code draw-v1} rule on a small case whose expected results were computed independently of this
 * code, from the rule's text, with Python's {@code hashlib}.
 */
class ResidentDrawTest {

    private static final String SEED = "dice 3 rolled before Maître Durand";
    /** p-07 and p-08 are on both lists. */
    private static final Map<String, List<String>> LISTS = Map.of(
            "electoral-roll", List.of("p-01", "p-02", "p-03", "p-04", "p-05", "p-06", "p-07", "p-08"),
            "tenants", List.of("p-07", "p-08", "p-09", "p-10", "p-11", "p-12"));

    private static DrawnResident drawn(String personId, String listId) {
        return new DrawnResident(personId, listId);
    }

    @Test
    void perListTakesEachListsBestRankedNotYetDrawn() {
        List<DrawnResident> drawn = ResidentDraw.draw(
                LISTS, List.of(new ListQuota("electoral-roll", 3), new ListQuota("tenants", 2)), 0, SEED);

        // p-07 ranks first on the tenants' list too, but was already drawn from the electoral roll
        assertThat(drawn)
                .containsExactly(
                        drawn("p-07", "electoral-roll"),
                        drawn("p-04", "electoral-roll"),
                        drawn("p-02", "electoral-roll"),
                        drawn("p-10", "tenants"),
                        drawn("p-11", "tenants"));
    }

    @Test
    void overallRanksTheUnionAndNamesTheFirstListHoldingEachPerson() {
        List<DrawnResident> drawn = ResidentDraw.draw(
                LISTS, List.of(new ListQuota("electoral-roll", 0), new ListQuota("tenants", 0)), 4, SEED);

        assertThat(drawn)
                .containsExactly(
                        drawn("p-01", "electoral-roll"),
                        drawn("p-10", "tenants"),
                        drawn("p-07", "electoral-roll"),
                        drawn("p-04", "electoral-roll"));
    }

    @Test
    void planOrderDecidesTheOriginOfPeopleOnSeveralLists() {
        List<DrawnResident> drawn = ResidentDraw.draw(
                LISTS, List.of(new ListQuota("tenants", 0), new ListQuota("electoral-roll", 0)), 4, SEED);

        assertThat(drawn)
                .containsExactly(
                        drawn("p-01", "electoral-roll"),
                        drawn("p-10", "tenants"),
                        drawn("p-07", "tenants"),
                        drawn("p-04", "electoral-roll"));
    }

    @Test
    void ignoresTheOrderAndRepeatsOfTheListsAndListsNotPlanned() {
        Map<String, List<String>> shuffled = new LinkedHashMap<>();
        shuffled.put("students", List.of("p-99"));
        shuffled.put("tenants", List.of("p-12", "p-10", "p-10", "p-07", "p-09", "p-11", "p-08"));
        shuffled.put("electoral-roll", List.of("p-08", "p-07", "p-06", "p-05", "p-04", "p-03", "p-02", "p-01", "p-02"));
        List<ListQuota> plan = List.of(new ListQuota("electoral-roll", 3), new ListQuota("tenants", 2));

        assertThat(ResidentDraw.draw(shuffled, plan, 0, SEED)).isEqualTo(ResidentDraw.draw(LISTS, plan, 0, SEED));
    }

    @Test
    void aListWithTooFewUndrawnPeopleIsNamed() {
        // the tenants' list has 6 people, but p-07 and p-08 are drawn with the whole electoral roll
        assertThatThrownBy(() -> ResidentDraw.draw(
                        LISTS, List.of(new ListQuota("electoral-roll", 8), new ListQuota("tenants", 5)), 0, SEED))
                .isInstanceOf(InvalidDrawException.class)
                .hasMessage("List tenants has 4 people not drawn from an earlier list, 5 asked");
        assertThatThrownBy(() -> ResidentDraw.draw(
                        LISTS, List.of(new ListQuota("electoral-roll", 0), new ListQuota("tenants", 0)), 13, SEED))
                .isInstanceOf(InvalidDrawException.class)
                .hasMessage("Lists electoral-roll, tenants hold 12 distinct people, 13 asked");
    }

    @Test
    void rejectsPlansThatCannotBeDrawn() {
        assertThatThrownBy(() -> ResidentDraw.draw(LISTS, List.of(new ListQuota("students", 1)), 0, SEED))
                .isInstanceOf(InvalidDrawException.class)
                .hasMessage("List students is not among the frozen source lists");
        assertThatThrownBy(() -> ResidentDraw.draw(LISTS, List.of(new ListQuota("tenants", -1)), 0, SEED))
                .isInstanceOf(InvalidDrawException.class)
                .hasMessage("The count for list tenants must not be negative, found -1");
        assertThatThrownBy(() -> ResidentDraw.draw(LISTS, List.of(new ListQuota("tenants", 0)), -2, SEED))
                .isInstanceOf(InvalidDrawException.class)
                .hasMessageContaining("overall count must not be negative");
        assertThatThrownBy(() -> ResidentDraw.draw(
                        LISTS, List.of(new ListQuota("electoral-roll", 0), new ListQuota("tenants", 2)), 3, SEED))
                .isInstanceOf(InvalidDrawException.class)
                .hasMessageContaining("both an overall count (3) and a count for list tenants (2)");
        assertThatThrownBy(() -> ResidentDraw.draw(
                        LISTS, List.of(new ListQuota("electoral-roll", 0), new ListQuota("tenants", 0)), 0, SEED))
                .isInstanceOf(InvalidDrawException.class)
                .hasMessageContaining("Nothing to draw");
        assertThatThrownBy(() -> ResidentDraw.draw(LISTS, List.of(), 3, SEED))
                .isInstanceOf(InvalidDrawException.class)
                .hasMessageContaining("no source list");
        assertThatThrownBy(() -> ResidentDraw.draw(
                        LISTS, List.of(new ListQuota("tenants", 1), new ListQuota("tenants", 1)), 0, SEED))
                .isInstanceOf(InvalidDrawException.class)
                .hasMessage("List tenants is planned twice");
        assertThatThrownBy(() -> ResidentDraw.draw(LISTS, List.of(new ListQuota("tenants", 1)), 0, " "))
                .isInstanceOf(InvalidDrawException.class)
                .hasMessageContaining("seed");
        assertThatThrownBy(() -> ResidentDraw.draw(LISTS, List.of(new ListQuota("tenants", 1)), 0, "s".repeat(402)))
                .isInstanceOf(InvalidDrawException.class)
                .hasMessageContaining("at most 401");
    }

    @Test
    void theLongestSeedAndEntropyTogetherStillDraw() {
        String randomness = SeedCommitment.drawRandomness(
                "s".repeat(SeedCommitment.MAX_SEED_LENGTH), "e".repeat(SeedCommitment.MAX_SEED_LENGTH));
        assertThat(ResidentDraw.draw(LISTS, List.of(new ListQuota("tenants", 1)), 0, randomness))
                .hasSize(1);
    }
}
