package org.conventionledger.rules.selection;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Checks that some panel of the pool meets the quotas before any lottery is computed, and otherwise
 * names the categories to blame with an {@link InfeasibleQuotas}.
 *
 * <ol>
 *   <li><b>Pool size.</b> A pool, or a number of households, smaller than the panel: no category is
 *   named.</li>
 *   <li><b>One category at a time</b> (cheap, exact for a single category): a value whose min exceeds
 *   its max; a value whose min exceeds the number of volunteers having it; minimums adding up to more
 *   than the panel size; maximums adding up to less; and maximums, each capped by the volunteers having
 *   the value, adding up to less. Every category failing one of these is named.</li>
 *   <li><b>Categories together.</b> The integer program of {@link CompositionSearch}. If it finds no
 *   panel, a deletion filter finds a minimal conflicting set: going through the categories in order, a
 *   category is left out for good when the remaining ones still admit no panel. The categories kept
 *   conflict, and leaving out any one of them (alone) makes a panel possible.</li>
 * </ol>
 */
final class QuotaFeasibility {

    private QuotaFeasibility() {}

    /** A composition meeting the quotas; throws {@link InfeasibleQuotas} if there is none. */
    static int[] check(Quotas quotas, VolunteerTypes types, CompositionSearch search) {
        int k = quotas.panelSize();
        if (types.poolSize() < k) {
            throw new InfeasibleQuotas(
                    "The pool has " + types.poolSize() + " volunteers, fewer than the panel size " + k, List.of());
        }
        if (types.seatableHouseholds() < k) {
            throw new InfeasibleQuotas(
                    "At most one volunteer per household can be seated, and the pool has " + types.seatableHouseholds()
                            + " households, fewer than the panel size " + k,
                    List.of());
        }
        List<String> problems = new ArrayList<>();
        List<String> blamed = new ArrayList<>();
        for (int c = 0; c < quotas.categories().size(); c++) {
            List<String> found = singleCategoryProblems(quotas, types, c);
            if (!found.isEmpty()) {
                problems.addAll(found);
                blamed.add(quotas.categories().get(c).name());
            }
        }
        if (!problems.isEmpty()) {
            throw new InfeasibleQuotas("No panel can meet the quotas: " + String.join("; ", problems), blamed);
        }
        List<Integer> all =
                IntStream.range(0, quotas.categories().size()).boxed().toList();
        Optional<int[]> panel = search.best(new double[types.count()], all);
        if (panel.isPresent()) {
            return panel.get();
        }
        List<Integer> kept = new ArrayList<>(all);
        for (Integer c : all) {
            List<Integer> without = new ArrayList<>(kept);
            without.remove(c);
            if (!search.feasible(without)) {
                kept = without;
            }
        }
        List<String> names =
                kept.stream().map(c -> quotas.categories().get(c).name()).toList();
        List<String> described =
                kept.stream().map(c -> describe(quotas.categories().get(c))).toList();
        throw new InfeasibleQuotas(
                "No panel of " + k + " volunteers from this pool meets the quotas of categories "
                        + String.join(
                                ", ", names.stream().map(n -> "'" + n + "'").toList())
                        + " together, though it could without any one of them (" + String.join("; ", described) + ")",
                names);
    }

    private static List<String> singleCategoryProblems(Quotas quotas, VolunteerTypes types, int c) {
        Category category = quotas.categories().get(c);
        int k = quotas.panelSize();
        int[] available = new int[category.values().size()];
        for (int t = 0; t < types.count(); t++) {
            available[types.valueIndex(t, c)] += types.size(t);
        }
        String prefix = "category '" + category.name() + "': ";
        List<String> problems = new ArrayList<>();
        long minimums = 0;
        long maximums = 0;
        long seatable = 0;
        for (int v = 0; v < available.length; v++) {
            ValueQuota quota = category.values().get(v);
            if (quota.min() > quota.max()) {
                problems.add(
                        prefix + "value '" + quota.value() + "' has min " + quota.min() + " above max " + quota.max());
            } else if (quota.min() > available[v]) {
                problems.add(prefix + "value '" + quota.value() + "' needs at least " + quota.min() + " but only "
                        + available[v] + " volunteers of the pool have it");
            }
            minimums += quota.min();
            maximums += quota.max();
            seatable += Math.min(quota.max(), available[v]);
        }
        if (minimums > k) {
            problems.add(prefix + "the minimums add up to " + minimums + ", more than the panel size " + k);
        }
        if (maximums < k) {
            problems.add(prefix + "the maximums add up to " + maximums + ", less than the panel size " + k);
        } else if (seatable < k) {
            problems.add(prefix + "with this pool its maximums let at most " + seatable
                    + " volunteers be seated, fewer than the panel size " + k);
        }
        return problems;
    }

    private static String describe(Category category) {
        return category.name() + ": "
                + String.join(
                        ", ",
                        category.values().stream()
                                .map(v -> v.value() + " " + v.min() + "-" + v.max())
                                .toList());
    }
}
