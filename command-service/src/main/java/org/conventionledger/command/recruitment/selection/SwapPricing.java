package org.conventionledger.command.recruitment.selection;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The cheap pricing step tried before CP-SAT ({@link LeximinSelection}): local search by swaps. From a
 * composition that meets the quotas, one seat of a type is given to a type of larger weight whenever the
 * panel size, every quota and the households still hold, until no such swap is left. Each swap raises
 * the weight strictly, so the search ends; it keeps every constraint, so what it returns is a panel
 * composition like CP-SAT's, only not proven the best. Column generation needs no more than a composition
 * that beats the master's cap; CP-SAT is called only when the swaps find none, and its answer alone
 * decides that a level is done, so the heuristic changes the speed, not the optimum.
 *
 * <p>Deterministic: types are scanned in order of weight, ties by type number, and the first improving
 * swap is taken.
 */
final class SwapPricing {

    private final Quotas quotas;
    private final VolunteerTypes types;
    /** For each type, the household (index into {@link VolunteerTypes#households()}) it belongs to, or -1. */
    private final int[] householdOf;

    SwapPricing(Quotas quotas, VolunteerTypes types) {
        this.quotas = quotas;
        this.types = types;
        householdOf = new int[types.count()];
        Arrays.fill(householdOf, -1);
        int[][] households = types.households();
        for (int h = 0; h < households.length; h++) {
            for (int t : households[h]) {
                householdOf[t] = h;
            }
        }
    }

    /**
     * The composition reached from {@code start} (which must meet the panel size, the quotas of every
     * category and the households) by improving swaps under {@code weights}, the weight of one seat of
     * each type; {@code start} is not changed.
     */
    int[] improve(int[] start, double[] weights) {
        int[] composition = start.clone();
        int categoryCount = quotas.categories().size();
        int[][] seated = new int[categoryCount][];
        for (int c = 0; c < categoryCount; c++) {
            seated[c] = new int[quotas.categories().get(c).values().size()];
        }
        int[] householdSeated = new int[types.households().length];
        for (int t = 0; t < composition.length; t++) {
            for (int c = 0; c < categoryCount; c++) {
                seated[c][types.valueIndex(t, c)] += composition[t];
            }
            if (householdOf[t] >= 0) {
                householdSeated[householdOf[t]] += composition[t];
            }
        }
        int[] heaviestFirst = IntStream.range(0, composition.length).boxed()
                .sorted(Comparator.<Integer>comparingDouble(t -> -weights[t]).thenComparing(t -> t))
                .mapToInt(Integer::intValue).toArray();
        boolean swapped = true;
        while (swapped) {
            swapped = false;
            // the lightest seated type gives up a seat to the heaviest type that can take it
            for (int i = heaviestFirst.length - 1; i > 0 && !swapped; i--) {
                int out = heaviestFirst[i];
                if (composition[out] == 0) {
                    continue;
                }
                for (int j = 0; j < i && weights[heaviestFirst[j]] > weights[out]; j++) {
                    int in = heaviestFirst[j];
                    if (composition[in] < types.size(in) && canSwap(out, in, seated, householdSeated)) {
                        composition[out]--;
                        composition[in]++;
                        for (int c = 0; c < categoryCount; c++) {
                            seated[c][types.valueIndex(out, c)]--;
                            seated[c][types.valueIndex(in, c)]++;
                        }
                        if (householdOf[out] >= 0) {
                            householdSeated[householdOf[out]]--;
                        }
                        if (householdOf[in] >= 0) {
                            householdSeated[householdOf[in]]++;
                        }
                        swapped = true;
                        break;
                    }
                }
            }
        }
        return composition;
    }

    /** Whether one seat can pass from type {@code out} to type {@code in} keeping every quota and household. */
    private boolean canSwap(int out, int in, int[][] seated, int[] householdSeated) {
        int household = householdOf[in];
        if (household >= 0 && householdSeated[household] - (householdOf[out] == household ? 1 : 0) >= 1) {
            return false;
        }
        for (int c = 0; c < seated.length; c++) {
            int from = types.valueIndex(out, c);
            int to = types.valueIndex(in, c);
            if (from != to) {
                Category category = quotas.categories().get(c);
                if (seated[c][from] - 1 < category.values().get(from).min()
                        || seated[c][to] + 1 > category.values().get(to).max()) {
                    return false;
                }
            }
        }
        return true;
    }
}
