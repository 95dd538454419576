package org.conventionledger.rules.selection;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.util.List;
import java.util.Optional;

/**
 * Finds panel <em>compositions</em> — how many volunteers of each {@link VolunteerTypes type} sit on a
 * panel — that meet the quotas, by integer programming (SCIP, through OR-Tools' MPSolver).
 *
 * <p>One integer count per type replaces one binary per person: when every member of a type weighs the
 * same, which panel members of a type are picked does not change a panel's weight, so the best panel
 * is found among compositions. The program is
 * <pre>
 *   maximise  Σ_t weight[t]·c[t]
 *   s.t.      Σ_t c[t] = panel size
 *             min(v) ≤ Σ_{t has value v} c[t] ≤ max(v)   for every value v of every included category
 *             Σ_{t in h} c[t] ≤ 1                        for every household h of two or more volunteers
 *             c[t] ∈ {0, …, size of type t}
 * </pre>
 * SCIP is asked for a gap of zero, so the composition it returns is optimal up to its own tolerances
 * (10^-9 on objective values of the order of 1, far below {@link LeximinSelection#PRICING_TOLERANCE});
 * the counts it returns are rounded and then checked exactly against the quotas. It runs on one thread,
 * with no time limit, so its answer depends only on the model (ADR-006).
 */
final class CompositionSearch {

    private final Quotas quotas;
    private final VolunteerTypes types;

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
        MPSolver solver = Solvers.integer();
        try {
            MPVariable[] counts = new MPVariable[types.count()];
            MPConstraint size = solver.makeConstraint(quotas.panelSize(), quotas.panelSize(), "size");
            for (int t = 0; t < counts.length; t++) {
                counts[t] = solver.makeIntVar(0, types.size(t), "c" + t);
                size.setCoefficient(counts[t], 1);
                solver.objective().setCoefficient(counts[t], weights[t]);
            }
            for (int c : categories) {
                List<ValueQuota> values = quotas.categories().get(c).values();
                MPConstraint[] seated = new MPConstraint[values.size()];
                for (int v = 0; v < seated.length; v++) {
                    seated[v] = solver.makeConstraint(
                            values.get(v).min(), values.get(v).max(), "q" + c + "_" + v);
                }
                for (int t = 0; t < counts.length; t++) {
                    seated[types.valueIndex(t, c)].setCoefficient(counts[t], 1);
                }
            }
            for (int[] household : types.households()) {
                MPConstraint members = solver.makeConstraint(0, 1, "household");
                for (int t : household) {
                    members.setCoefficient(counts[t], 1);
                }
            }
            solver.objective().setMaximization();
            MPSolverParameters parameters = new MPSolverParameters();
            parameters.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0);
            MPSolver.ResultStatus status = solver.solve(parameters);
            if (status == MPSolver.ResultStatus.INFEASIBLE) {
                return Optional.empty();
            }
            if (status != MPSolver.ResultStatus.OPTIMAL) {
                throw new IllegalStateException("The integer program for a panel ended in state " + status);
            }
            int[] composition = new int[counts.length];
            for (int t = 0; t < counts.length; t++) {
                composition[t] = Math.toIntExact(Math.round(counts[t].solutionValue()));
            }
            if (!meets(composition, categories)) {
                throw new IllegalStateException("The integer program returned a panel that misses the quotas");
            }
            return Optional.of(composition);
        } finally {
            solver.delete(); // frees the native model now rather than at garbage collection
        }
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
