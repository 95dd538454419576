package org.conventionledger.rules.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Quotas no panel can meet are refused with the categories to blame named. */
class InfeasibleQuotasTest {

    /** 4 young women in the north, 4 old men in the south. */
    private static final List<Volunteer> POOL = pool();

    private static List<Volunteer> pool() {
        List<Volunteer> pool = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pool.add(new Volunteer("f" + i, Map.of("gender", "female", "age", "young", "district", "north")));
            pool.add(new Volunteer("m" + i, Map.of("gender", "male", "age", "old", "district", "south")));
        }
        return pool;
    }

    private static Category category(
            String name, String value1, int min1, int max1, String value2, int min2, int max2) {
        return new Category(name, List.of(new ValueQuota(value1, min1, max1), new ValueQuota(value2, min2, max2)));
    }

    private static final Category ANY_GENDER = category("gender", "female", 0, 4, "male", 0, 4);
    private static final Category ANY_AGE = category("age", "young", 0, 4, "old", 0, 4);
    private static final Category ANY_DISTRICT = category("district", "north", 0, 4, "south", 0, 4);

    private static InfeasibleQuotas refusal(int k, Category... categories) {
        return catchThrowableOfType(
                InfeasibleQuotas.class, () -> LeximinSelection.select(new Quotas(k, List.of(categories)), POOL));
    }

    @Test
    void minAboveMax() {
        InfeasibleQuotas refused = refusal(4, category("gender", "female", 3, 2, "male", 0, 4), ANY_AGE);

        assertThat(refused.conflictingCategories()).containsExactly("gender");
        assertThat(refused).hasMessageContaining("category 'gender': value 'female' has min 3 above max 2");
    }

    @Test
    void minimumsAboveThePanelSize() {
        InfeasibleQuotas refused = refusal(4, ANY_GENDER, category("age", "young", 3, 4, "old", 2, 4));

        assertThat(refused.conflictingCategories()).containsExactly("age");
        assertThat(refused)
                .hasMessageContaining("category 'age': the minimums add up to 5, more than the panel size 4");
    }

    @Test
    void maximumsBelowThePanelSize() {
        InfeasibleQuotas refused = refusal(4, ANY_GENDER, ANY_AGE, category("district", "north", 0, 1, "south", 0, 2));

        assertThat(refused.conflictingCategories()).containsExactly("district");
        assertThat(refused)
                .hasMessageContaining("category 'district': the maximums add up to 3, less than the panel size 4");
    }

    @Test
    void aMinimumAboveTheVolunteersWhoHaveTheValue() {
        InfeasibleQuotas refused = refusal(6, category("gender", "female", 5, 6, "male", 0, 6), ANY_AGE);

        assertThat(refused.conflictingCategories()).containsExactly("gender");
        assertThat(refused)
                .hasMessageContaining("value 'female' needs at least 5 but only 4 volunteers of the pool have it");
    }

    @Test
    void maximumsThePoolCannotFill() {
        InfeasibleQuotas refused = refusal(6, ANY_GENDER, category("age", "young", 0, 6, "old", 0, 1));

        assertThat(refused.conflictingCategories()).containsExactly("age");
        assertThat(refused)
                .hasMessageContaining("category 'age': with this pool its maximums let at most 5 volunteers be seated");
    }

    @Test
    void everyCategoryFailingOnItsOwnIsNamed() {
        InfeasibleQuotas refused = refusal(
                4,
                category("gender", "female", 4, 4, "male", 1, 4),
                ANY_AGE,
                category("district", "north", 5, 3, "south", 0, 4));

        assertThat(refused.conflictingCategories()).containsExactly("gender", "district");
    }

    @Test
    void aPoolSmallerThanThePanelBlamesNoCategory() {
        InfeasibleQuotas refused = refusal(9, ANY_GENDER);

        assertThat(refused.conflictingCategories()).isEmpty();
        assertThat(refused).hasMessage("The pool has 8 volunteers, fewer than the panel size 9");
    }

    /** 8 volunteers in 3 households and 2 living alone: a panel of one per household seats at most 5. */
    @Test
    void tooFewHouseholdsBlameNoCategory() {
        List<Volunteer> pool = new ArrayList<>();
        for (int i = 0; i < POOL.size(); i++) {
            Volunteer volunteer = POOL.get(i);
            pool.add(new Volunteer(volunteer.id(), volunteer.values(), i < 6 ? "h" + i / 2 : null));
        }

        InfeasibleQuotas refused = catchThrowableOfType(
                InfeasibleQuotas.class, () -> LeximinSelection.select(new Quotas(6, List.of(ANY_GENDER)), pool));

        assertThat(refused.conflictingCategories()).isEmpty();
        assertThat(refused)
                .hasMessage("At most one volunteer per household can be seated, and the pool has 5 "
                        + "households, fewer than the panel size 6");
        assertThat(LeximinSelection.select(new Quotas(5, List.of(ANY_GENDER)), pool)
                        .minimumProbability())
                .as("with 5 seats: one per household, both who live alone always seated")
                .isPositive();
    }

    /**
     * Each category alone can be met (3 women, or 3 old people, on a panel of 4), but in this pool every
     * woman is young: only the integer program sees it, and the deletion filter drops the district,
     * which plays no part.
     */
    @Test
    void categoriesThatConflictOnlyTogether() {
        InfeasibleQuotas refused = refusal(
                4,
                ANY_DISTRICT,
                category("gender", "female", 3, 4, "male", 0, 4),
                category("age", "young", 0, 4, "old", 3, 4));

        assertThat(refused.conflictingCategories()).containsExactly("gender", "age");
        assertThat(refused)
                .hasMessageStartingWith("No panel of 4 volunteers from this pool meets the quotas of categories"
                        + " 'gender', 'age' together");
    }

    /**
     * Gender (3 women) conflicts with age (3 old) and with district (3 in the south), which agree with
     * each other. Leaving gender out makes a panel possible, so it stays; leaving age out does not (gender
     * and district still conflict), so age goes; district then stays: a minimal set, in quota order.
     */
    @Test
    void theDeletionFilterKeepsAMinimalSet() {
        InfeasibleQuotas refused = refusal(
                4,
                category("gender", "female", 3, 4, "male", 0, 4),
                category("age", "young", 0, 4, "old", 3, 4),
                category("district", "north", 0, 4, "south", 3, 4));

        assertThat(refused.conflictingCategories()).containsExactly("gender", "district");
    }
}
