package org.conventionledger.rules.selection;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

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
 * With every category (the pricing problem) it is first solved by a branch and bound on its linear
 * relaxation ({@link Relaxation}), exact within {@value #PRUNING_TOLERANCE}; SCIP answers when that
 * search cannot conclude, and for the feasibility checks on some categories. SCIP is asked for a gap of
 * zero, so the composition it returns is optimal up to its own tolerances (10^-9 on objective values of
 * the order of 1, far below {@link LeximinSelection#PRICING_TOLERANCE}). Counts are rounded and then
 * checked exactly against the quotas. Both run on one thread, with no time limit, so the answers depend
 * only on the model and the calls made before on the same search (ADR-006).
 */
final class CompositionSearch {

    /** Linear programs one branch and bound may solve before SCIP is asked instead. */
    static final int NODE_LIMIT = 200;
    /** A part of the search is dropped when its bound exceeds the best composition found by at most this. */
    static final double PRUNING_TOLERANCE = 1e-9;
    /** How far from an integer a count of the relaxation may be and still be taken as that integer. */
    private static final double INTEGRALITY = 1e-6;

    private final Quotas quotas;
    private final VolunteerTypes types;
    private final List<Integer> allCategories;
    private Relaxation relaxation;

    CompositionSearch(Quotas quotas, VolunteerTypes types) {
        this.quotas = quotas;
        this.types = types;
        this.allCategories =
                IntStream.range(0, quotas.categories().size()).boxed().toList();
        Solvers.load();
    }

    /** Frees the native model of the branch and bound now rather than at garbage collection. */
    void close() {
        if (relaxation != null) {
            relaxation.solver.delete();
            relaxation = null;
        }
    }

    /**
     * The composition of largest weight meeting the panel size, the households and the quotas of the
     * categories at {@code categories} (indices into the quotas' categories), or empty if none does.
     */
    Optional<int[]> best(double[] weights, List<Integer> categories) {
        if (categories.size() == quotas.categories().size()) {
            if (relaxation == null) {
                relaxation = new Relaxation();
            }
            Optional<int[]> found = relaxation.best(weights);
            if (found.isPresent()) {
                return found;
            }
        }
        return integerProgram(weights, categories);
    }

    /** SCIP on the integer program above; what {@link #best} falls back on. */
    Optional<int[]> integerProgram(double[] weights, List<Integer> categories) {
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

    private static double value(double[] weights, int[] composition) {
        double value = 0;
        for (int t = 0; t < composition.length; t++) {
            value += weights[t] * composition[t];
        }
        return value;
    }

    /**
     * Branch and bound on the linear relaxation of the program above, for every category (the pricing
     * problem), on one GLOP model kept across calls: only the objective and, while branching, one count's
     * bounds change, so GLOP starts from its last basis. It starts from the previous call's answer, which
     * meets the same constraints. A part of the search is dropped only on a bound computed here from
     * GLOP's row duals {@code y}, valid for any {@code y} whatever GLOP's tolerances:
     * <pre>
     *   Σ_t w[t]·c[t] ≤ Σ_t max(d[t]·lo[t], d[t]·hi[t]) + Σ_r max(y[r]·min[r], y[r]·max[r]),
     *   d[t] = w[t] − Σ_{r holds t} y[r]
     * </pre>
     * for counts within their bounds {@code [lo, hi]} and rows within theirs. The answer is then optimal
     * within {@value #PRUNING_TOLERANCE}. When the search would need more than {@value #NODE_LIMIT} linear
     * programs, ends in another state than optimal or infeasible, or proves nothing (no composition, a
     * rounded answer off the quotas, an integral relaxation short of its bound), it answers nothing and
     * SCIP decides.
     */
    private final class Relaxation {

        private final MPSolver solver = Solvers.relaxation();
        private final MPVariable[] counts = new MPVariable[types.count()];
        private final List<MPConstraint> rows = new ArrayList<>();
        private final List<double[]> rowBounds = new ArrayList<>();
        private final int[][] rowsOf = new int[types.count()][];
        private final double[] lower = new double[types.count()];
        private final double[] upper = new double[types.count()];
        private int[] previous;
        private double[] weights;
        private int nodes;
        private int[] best;
        private double bestValue;

        Relaxation() {
            List<List<Integer>> typeRows = new ArrayList<>();
            for (int t = 0; t < counts.length; t++) {
                upper[t] = types.size(t);
                counts[t] = solver.makeNumVar(0, upper[t], "c" + t);
                typeRows.add(new ArrayList<>());
            }
            int[] everyType = IntStream.range(0, counts.length).toArray();
            row(quotas.panelSize(), quotas.panelSize(), everyType, typeRows);
            for (int c : allCategories) {
                List<ValueQuota> values = quotas.categories().get(c).values();
                for (int v = 0; v < values.size(); v++) {
                    int value = v;
                    int[] having = IntStream.range(0, counts.length)
                            .filter(t -> types.valueIndex(t, c) == value)
                            .toArray();
                    row(values.get(v).min(), values.get(v).max(), having, typeRows);
                }
            }
            for (int[] household : types.households()) {
                row(0, 1, household, typeRows);
            }
            for (int t = 0; t < counts.length; t++) {
                rowsOf[t] = typeRows.get(t).stream().mapToInt(Integer::intValue).toArray();
            }
            solver.objective().setMaximization();
        }

        private void row(double min, double max, int[] members, List<List<Integer>> typeRows) {
            MPConstraint row = solver.makeConstraint(min, max, "r" + rows.size());
            for (int t : members) {
                row.setCoefficient(counts[t], 1);
                typeRows.get(t).add(rows.size());
            }
            rows.add(row);
            rowBounds.add(new double[] {min, max});
        }

        Optional<int[]> best(double[] weights) {
            this.weights = weights;
            for (int t = 0; t < counts.length; t++) {
                solver.objective().setCoefficient(counts[t], weights[t]);
            }
            nodes = 0;
            best = previous;
            bestValue = previous == null ? Double.NEGATIVE_INFINITY : value(weights, previous);
            if (!explore() || best == null) {
                return Optional.empty();
            }
            previous = best;
            return Optional.of(best.clone());
        }

        /** Searches the counts within {@code [lower, upper]}; false when it cannot conclude. */
        private boolean explore() {
            if (++nodes > NODE_LIMIT) {
                return false;
            }
            MPSolver.ResultStatus status = solver.solve();
            if (status == MPSolver.ResultStatus.INFEASIBLE) {
                return true;
            }
            if (status != MPSolver.ResultStatus.OPTIMAL) {
                return false;
            }
            double bound = bound();
            if (bound <= bestValue + PRUNING_TOLERANCE) {
                return true;
            }
            int branch = -1;
            double farthest = INTEGRALITY;
            double fractional = 0;
            int[] rounded = new int[counts.length];
            for (int t = 0; t < counts.length; t++) {
                double count = counts[t].solutionValue();
                rounded[t] = (int) Math.round(count);
                if (Math.abs(count - rounded[t]) > farthest) {
                    farthest = Math.abs(count - rounded[t]);
                    branch = t;
                    fractional = count;
                }
            }
            if (branch < 0) {
                if (!meets(rounded, allCategories)) {
                    return false;
                }
                double value = value(weights, rounded);
                if (value > bestValue) {
                    best = rounded;
                    bestValue = value;
                }
                // an integral optimum of the relaxation: nothing in this part beats the bound
                return bound <= bestValue + PRUNING_TOLERANCE;
            }
            double down = Math.floor(fractional);
            boolean upFirst = fractional - down >= 0.5;
            double lo = lower[branch];
            double hi = upper[branch];
            for (int side = 0; side < 2; side++) {
                if ((side == 0) == upFirst) {
                    lower[branch] = down + 1;
                } else {
                    upper[branch] = down;
                }
                counts[branch].setBounds(lower[branch], upper[branch]);
                boolean concluded = explore();
                lower[branch] = lo;
                upper[branch] = hi;
                counts[branch].setBounds(lo, hi);
                if (!concluded) {
                    return false;
                }
            }
            return true;
        }

        /** The bound of the class comment at GLOP's row duals: no composition within the bounds exceeds it. */
        private double bound() {
            double[] duals = new double[rows.size()];
            double bound = 0;
            for (int r = 0; r < duals.length; r++) {
                duals[r] = rows.get(r).dualValue();
                double[] limits = rowBounds.get(r);
                bound += Math.max(duals[r] * limits[0], duals[r] * limits[1]);
            }
            for (int t = 0; t < counts.length; t++) {
                double reduced = weights[t];
                for (int r : rowsOf[t]) {
                    reduced -= duals[r];
                }
                bound += Math.max(reduced * lower[t], reduced * upper[t]);
            }
            return bound;
        }
    }
}
