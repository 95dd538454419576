package org.conventionledger.command.recruitment.selection;

import java.util.List;
import java.util.Optional;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.ojalgo.optimisation.integer.IntegerStrategy;
import org.ojalgo.optimisation.integer.NodeKey;

/**
 * Finds panel <em>compositions</em> — how many volunteers of each {@link VolunteerTypes type} sit on a
 * panel — that meet the quotas, by integer programming (ojAlgo's branch and bound).
 *
 * <p>One integer count per type replaces one binary per person: when every member of a type weighs the
 * same, which panel members of a type are picked does not change a panel's weight, so the best panel
 * is found among compositions. The program is
 * <pre>
 *   maximise  Σ_t weight[t]·c[t]
 *   s.t.      Σ_t c[t] = panel size
 *             min(v) ≤ Σ_{t has value v} c[t] ≤ max(v)   for every value v of every included category
 *             c[t] ∈ {0, …, size of type t}
 * </pre>
 * The branch and bound runs on one worker in a fixed node order: with several workers, the order in
 * which they finish decides between equally good compositions, and the lottery would not be
 * reproducible. Its Gomory mixed-integer cuts are switched off (no variable is ever fractional enough
 * for one): ojAlgo 55.1.0 was seen to derive an invalid cut and report a worse panel as optimal — with
 * 5 seats, types of 2, 4 and 2 volunteers weighing 1/4, 0 and 1/4 a seat and at least 2 of the second,
 * it returned (1, 3, 1) worth 1/2 instead of (1, 2, 2) worth 3/4 — which would end the column
 * generation too early. Without the cuts, 60,000 random small programs matched exhaustive search.
 */
final class CompositionSearch {

    static {
        // ojAlgo prints a hardware-profile notice on stdout when it first loads unless this is set; the
        // notice would corrupt the JSON the `ledger panel-probabilities` command prints.
        if (System.getProperty("shut.up.ojAlgo") == null) {
            System.setProperty("shut.up.ojAlgo", "true");
        }
    }

    private final Quotas quotas;
    private final VolunteerTypes types;

    CompositionSearch(Quotas quotas, VolunteerTypes types) {
        this.quotas = quotas;
        this.types = types;
    }

    /**
     * The composition of largest weight meeting the panel size and the quotas of the categories at
     * {@code categories} (indices into the quotas' categories), or empty if none does.
     */
    Optional<int[]> best(double[] weights, List<Integer> categories) {
        ExpressionsBasedModel model = new ExpressionsBasedModel(options());
        Variable[] counts = new Variable[types.count()];
        Expression total = model.addExpression("panel size").level(quotas.panelSize());
        for (int t = 0; t < counts.length; t++) {
            counts[t] = model.addVariable("type " + t).lower(0).upper(types.size(t)).integer(true).weight(weights[t]);
            total.set(counts[t], 1);
        }
        for (int c : categories) {
            Category category = quotas.categories().get(c);
            for (int v = 0; v < category.values().size(); v++) {
                ValueQuota quota = category.values().get(v);
                Expression seated = model.addExpression(category.name() + "=" + quota.value())
                        .lower(quota.min()).upper(quota.max());
                for (int t = 0; t < counts.length; t++) {
                    if (types.valueIndex(t, c) == v) {
                        seated.set(counts[t], 1);
                    }
                }
            }
        }
        Optimisation.Result result = model.maximise();
        if (result.getState() == Optimisation.State.INFEASIBLE) {
            return Optional.empty();
        }
        if (!result.getState().isFeasible()) {
            throw new IllegalStateException("The integer program for a panel ended in state " + result.getState());
        }
        int[] composition = new int[counts.length];
        for (int t = 0; t < counts.length; t++) {
            composition[t] = (int) Math.round(result.doubleValue(t));
        }
        if (!meets(composition, categories)) {
            throw new IllegalStateException("The integer program returned a panel that misses the quotas");
        }
        return Optional.of(composition);
    }

    /** Whether some composition meets the panel size and the quotas of the categories at {@code categories}. */
    boolean feasible(List<Integer> categories) {
        return best(new double[types.count()], categories).isPresent();
    }

    /** Whether {@code composition} has the panel size and meets the quotas of {@code categories}, exactly. */
    boolean meets(int[] composition, List<Integer> categories) {
        int total = 0;
        for (int t = 0; t < composition.length; t++) {
            if (composition[t] < 0 || composition[t] > types.size(t)) {
                return false;
            }
            total += composition[t];
        }
        if (total != quotas.panelSize()) {
            return false;
        }
        for (int c : categories) {
            Category category = quotas.categories().get(c);
            int[] seated = new int[category.values().size()];
            for (int t = 0; t < composition.length; t++) {
                seated[types.valueIndex(t, c)] += composition[t];
            }
            for (int v = 0; v < seated.length; v++) {
                ValueQuota quota = category.values().get(v);
                if (seated[v] < quota.min() || seated[v] > quota.max()) {
                    return false;
                }
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked") // ojAlgo takes the node orders as generic varargs
    private static Optimisation.Options options() {
        Optimisation.Options options = new Optimisation.Options();
        options.integer(IntegerStrategy.newConfigurable()
                .withParallelism(() -> 1)
                .withPriorityDefinitions(NodeKey.LATEST_SEQUENCE)
                .withGMICutConfiguration(new IntegerStrategy.GMICutConfiguration().withFractionality(1.0)));
        return options;
    }
}
