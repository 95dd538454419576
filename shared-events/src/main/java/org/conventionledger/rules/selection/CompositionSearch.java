package org.conventionledger.rules.selection;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Finds panel <em>compositions</em> — how many volunteers of each {@link VolunteerTypes type} sit on a
 * panel — that meet the quotas, by integer programming (OR-Tools' CP-SAT).
 *
 * <p>One integer count per type replaces one binary per person: when every member of a type weighs the
 * same, which panel members of a type are picked does not change a panel's weight, so the best panel
 * is found among compositions. The program is
 * <pre>
 *   maximise  Σ_t round(weight[t]·s)·c[t]      with s = {@value #SCALE} / max(1, largest weight)
 *   s.t.      Σ_t c[t] = panel size
 *             min(v) ≤ Σ_{t has value v} c[t] ≤ max(v)   for every value v of every included category
 *             Σ_{t in h} c[t] ≤ 1                        for every household h of two or more volunteers
 *             c[t] ∈ {0, …, size of type t}
 * </pre>
 * CP-SAT optimises integer objectives exactly, so the weights are scaled to integers: a panel of
 * {@code k} seats loses at most {@code k/(2·s)} of its weight to the rounding (7.5·10^-9 for 150 seats
 * and weights up to 1), below the column generation's tolerance
 * ({@link LeximinSelection#PRICING_TOLERANCE}), and a panel's scaled weight stays far below 2^63.
 */
final class CompositionSearch {

    /** Weights up to 1 are rounded to multiples of 1/SCALE. */
    static final double SCALE = 1e10;

    private final Quotas quotas;
    private final VolunteerTypes types;
    /** The last composition found, the next search's starting hint: a function of the inputs, so reproducible. */
    private int[] previous;

    CompositionSearch(Quotas quotas, VolunteerTypes types) {
        this.quotas = quotas;
        this.types = types;
        Solvers.load();
    }

    /**
     * The composition of largest weight meeting the panel size, the households and the quotas of the
     * categories at {@code categories} (indices into the quotas' categories), or empty if none does.
     */
    Optional<int[]> best(double[] weights, List<Integer> categories) {
        CpModel model = new CpModel();
        IntVar[] counts = new IntVar[types.count()];
        for (int t = 0; t < counts.length; t++) {
            counts[t] = model.newIntVar(0, types.size(t), "c" + t);
        }
        model.addEquality(LinearExpr.sum(counts), quotas.panelSize());
        for (int c : categories) {
            Category category = quotas.categories().get(c);
            LinearExprBuilder[] seated = new LinearExprBuilder[category.values().size()];
            boolean[] held = new boolean[seated.length];
            for (int v = 0; v < seated.length; v++) {
                seated[v] = LinearExpr.newBuilder();
            }
            for (int t = 0; t < counts.length; t++) {
                seated[types.valueIndex(t, c)].add(counts[t]);
                held[types.valueIndex(t, c)] = true;
            }
            for (int v = 0; v < seated.length; v++) {
                ValueQuota quota = category.values().get(v);
                if (held[v]) {
                    model.addLinearConstraint(seated[v], quota.min(), quota.max());
                } else if (quota.min() > 0) {
                    return Optional.empty(); // nobody has the value: CP-SAT is not given empty constraints
                }
            }
        }
        for (int[] household : types.households()) {
            LinearExprBuilder members = LinearExpr.newBuilder();
            for (int t : household) {
                members.add(counts[t]);
            }
            model.addLessOrEqual(members, 1);
        }
        long[] scaled = new long[counts.length];
        boolean weighted = false;
        double scale =
                SCALE / Math.max(1, Arrays.stream(weights).map(Math::abs).max().orElse(0));
        for (int t = 0; t < counts.length; t++) {
            scaled[t] = Math.round(weights[t] * scale);
            weighted |= scaled[t] != 0;
        }
        if (weighted) {
            model.maximize(LinearExpr.weightedSum(counts, scaled));
        }
        if (previous != null) {
            for (int t = 0; t < counts.length; t++) {
                model.addHint(counts[t], previous[t]);
            }
        }
        CpSolver solver = Solvers.integer();
        CpSolverStatus status = solver.solve(model);
        if (status == CpSolverStatus.INFEASIBLE) {
            return Optional.empty();
        }
        if (status != CpSolverStatus.OPTIMAL && !(status == CpSolverStatus.FEASIBLE && !weighted)) {
            throw new IllegalStateException("The integer program for a panel ended in state " + status);
        }
        int[] composition = new int[counts.length];
        for (int t = 0; t < counts.length; t++) {
            composition[t] = Math.toIntExact(solver.value(counts[t]));
        }
        if (!meets(composition, categories)) {
            throw new IllegalStateException("The integer program returned a panel that misses the quotas");
        }
        previous = composition;
        return Optional.of(composition);
    }

    /** Whether some composition meets the panel size, the households and the quotas of {@code categories}. */
    boolean feasible(List<Integer> categories) {
        return best(new double[types.count()], categories).isPresent();
    }

    /**
     * Whether {@code composition} has the panel size and meets the households and the quotas of
     * {@code categories}, exactly.
     */
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
        for (int[] household : types.households()) {
            int seated = 0;
            for (int t : household) {
                seated += composition[t];
            }
            if (seated > 1) {
                return false;
            }
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
}
