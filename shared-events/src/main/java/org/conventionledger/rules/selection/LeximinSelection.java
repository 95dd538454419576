package org.conventionledger.rules.selection;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Fair panel selection under quotas: the LEXIMIN lottery of B. Flanigan, P. Gölz, A. Gupta, B. Hennig
 * and A. D. Procaccia, "Fair algorithms for selecting citizens' assemblies", <i>Nature</i> 596,
 * 548–552 (2021).
 *
 * <h2>What it computes</h2>
 * A lottery over panels that meet the {@link Quotas} such that the smallest selection probability of a
 * volunteer is as large as possible; among such lotteries, the second smallest is as large as possible,
 * and so on (leximin order of the sorted probability vector). The result gives every volunteer's
 * probability, the panels with their probabilities, and the minimum probability; it is identical for
 * identical input (no randomness, no dependence on hash order, one solver thread).
 *
 * <h2>Types</h2>
 * Volunteers with the same value in every category form a {@link VolunteerTypes type}. The probability
 * vectors that lotteries can produce form a convex set that swapping two volunteers of a type maps onto
 * itself, and a convex set has a single leximin-best vector; so that vector gives all members of a
 * type the same probability. The selection therefore runs on types: a panel is described by its
 * <em>composition</em> {@code c[t]} (how many of type {@code t} it seats), and a type-{@code t}
 * volunteer's probability is {@code π[t] = E[c[t]] / n[t]}. With 2 categories of 2 values, 2,000
 * volunteers are 3 types, not 2,000 unknowns.
 *
 * <h2>How (column generation, as in the paper)</h2>
 * Types are fixed one level at a time. While some type is not fixed, the restricted master problem over
 * the compositions {@code c_j} found so far is solved by GLOP (see {@code Master}):
 * <pre>
 *   maximise  z
 *   s.t.      Σ_j p_j·c_j[t]/n[t] ≥ z       for every type t not fixed
 *             Σ_j p_j·c_j[t]/n[t] ≥ f[t]    for every fixed type t
 *             Σ_j p_j = 1,  p ≥ 0,  z ≥ 0
 * </pre>
 * GLOP solves it as its dual ({@code Master}): a weight {@code y[t] ≥ 0} per type (those of the unfixed
 * types add up to at least 1) and a cap {@code μ}; a composition is a row there, so adding one lets
 * GLOP's dual simplex go on from its previous basis. The pricing problem ({@link CompositionSearch},
 * SCIP) looks for the composition maximising {@code Σ_t y[t]·c[t]/n[t]}; if that beats {@code μ} by more
 * than {@value #PRICING_TOLERANCE} it is added and the master solved again. The search first runs at
 * smoothed duals to take fewer rounds (Wentges smoothing, see
 * {@code improving}), but a level ends only when a search at the master's own duals finds nothing. Then
 * the dual solution is feasible, hence optimal, for all compositions, and by
 * complementary slackness every unfixed type with {@code y[t] > }{@value #FIXING_TOLERANCE} gets exactly
 * {@code z} in every optimal lottery: those types are fixed at {@code f[t] = z − }{@value #FIXING_SLACK}
 * (at least one each time; the slack keeps the next master feasible despite GLOP's own tolerances). When
 * the last types are fixed, the master's solution {@code p} meets every {@code f[t]}: it is the lottery.
 * Compositions below {@value #NEGLIGIBLE_PROBABILITY} are dropped, the rest renormalised and rounded to
 * multiples of 10^-12, so that what is published does not carry the solver's last bits.
 *
 * <p>Finally each composition is turned into panels of volunteers by {@link PanelExpansion}, which
 * gives the members of a type equal shares, so the probabilities reported per volunteer are those of
 * the panels listed. The solver choice, tolerances and reproducibility are argued in ADR-006.
 */
public final class LeximinSelection {

    /** The rule and its version, as recorded with a lottery. */
    public static final String ALGORITHM = "leximin-v5";

    /** How much a new composition must beat the master's cap by to be added. */
    static final double PRICING_TOLERANCE = 1e-7;
    /** The dual weight above which a type is held at the current level. */
    static final double FIXING_TOLERANCE = 1e-7;
    /** How far below the level reached a fixed type's floor is set. */
    static final double FIXING_SLACK = 1e-7;
    /** Wentges smoothing: the weight of the centre in the dual point priced first (ADR-006). */
    static final double SMOOTHING = 0.5;
    /** Compositions with a smaller probability are dropped from the lottery. */
    static final double NEGLIGIBLE_PROBABILITY = 1e-9;
    /** Published probabilities are multiples of this. */
    static final double PRECISION = 1e-12;

    private LeximinSelection() {}

    /**
     * The LEXIMIN lottery over the panels of {@code quotas.panelSize()} volunteers of {@code pool} that
     * meet {@code quotas}.
     *
     * @throws InfeasibleQuotas         if no panel of the pool meets the quotas
     * @throws IllegalArgumentException if ids repeat or a volunteer's value is missing or unknown
     */
    public static PanelLottery select(Quotas quotas, List<Volunteer> pool) {
        VolunteerTypes types = VolunteerTypes.of(quotas, pool);
        CompositionSearch search = new CompositionSearch(quotas, types);
        List<Integer> allCategories =
                IntStream.range(0, quotas.categories().size()).boxed().toList();

        List<int[]> compositions = new ArrayList<>();
        Set<List<Integer>> known = new HashSet<>(); // membership only, never iterated
        int[] first = QuotaFeasibility.check(quotas, types, search);
        compositions.add(first);
        known.add(key(first));

        int typeCount = types.count();
        boolean[] fixed = new boolean[typeCount];
        int unfixed = typeCount;
        double[] level = new double[typeCount];
        double[] probabilities = null;
        while (unfixed > 0) {
            // a fresh model per level: GLOP was seen to fail (INFEASIBLE, ABNORMAL) when re-solving a model
            // changed in place
            Master master = new Master(types, fixed, level);
            compositions.forEach(master::add);
            double z = master.solve();
            Centre centre = new Centre();
            Optional<int[]> improving;
            // a composition already known cannot improve the master: rounding, so the level is reached
            while ((improving = improving(master, search, allCategories, centre)).isPresent()
                    && known.add(key(improving.get()))) {
                compositions.add(improving.get());
                master.add(improving.get());
                z = master.solve();
            }
            // this solution gives every type at least the level it is (or is about to be) fixed at
            probabilities = master.probabilities();
            double[] typeWeights = master.typeWeights();
            int before = unfixed;
            for (int t = 0; t < typeCount; t++) {
                if (!fixed[t] && typeWeights[t] > FIXING_TOLERANCE) {
                    fixed[t] = true;
                    level[t] = Math.max(0, z - FIXING_SLACK);
                    unfixed--;
                }
            }
            if (unfixed == before) {
                // the unfixed types' weights add up to 1, so one of them is above the tolerance
                throw new IllegalStateException("The master linear program gave no type a dual weight");
            }
            master.delete();
        }
        search.close();

        List<int[]> support = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        double total = 0;
        for (int j = 0; j < compositions.size(); j++) {
            if (probabilities[j] >= NEGLIGIBLE_PROBABILITY) {
                support.add(compositions.get(j));
                weights.add(probabilities[j]);
                total += probabilities[j];
            }
        }
        double[] typeProbability = new double[typeCount];
        for (int j = 0; j < support.size(); j++) {
            weights.set(j, Math.round(weights.get(j) / total / PRECISION) * PRECISION);
            for (int t = 0; t < typeCount; t++) {
                typeProbability[t] += weights.get(j) * support.get(j)[t] / types.size(t);
            }
        }
        List<Double> perVolunteer = new ArrayList<>(types.poolSize());
        double minimum = Double.POSITIVE_INFINITY;
        for (int i = 0; i < types.poolSize(); i++) {
            // a type seated on every panel adds up to 1 plus rounding
            double probability = Math.min(1, Math.round(typeProbability[types.typeOf(i)] / PRECISION) * PRECISION);
            perVolunteer.add(probability);
            minimum = Math.min(minimum, probability);
        }
        return new PanelLottery(
                ALGORITHM, quotas.panelSize(), PanelExpansion.expand(types, support, weights), perVolunteer, minimum);
    }

    /**
     * The pricing step: a composition that beats the master's cap by more than {@value #PRICING_TOLERANCE}
     * at the master's dual weights, if there is one. With Wentges smoothing: the search first runs at
     * {@value #SMOOTHING}·centre + (1 − {@value #SMOOTHING})·duals, where the centre is the dual point of
     * lowest Lagrangian bound seen in the level; the column found there is kept if it improves the master.
     * Only a search at the master's own duals may answer "none", so each level ends on the same proof of
     * optimality as without smoothing.
     */
    private static Optional<int[]> improving(
            Master master, CompositionSearch search, List<Integer> categories, Centre centre) {
        double[] duals = master.seatWeights();
        if (centre.weights != null) {
            double[] smoothed = new double[duals.length];
            for (int t = 0; t < duals.length; t++) {
                smoothed[t] = SMOOTHING * centre.weights[t] + (1 - SMOOTHING) * duals[t];
            }
            int[] best = best(master, search, categories, smoothed, centre);
            if (value(duals, best) > master.cap() + PRICING_TOLERANCE) {
                return Optional.of(best);
            }
        }
        int[] best = best(master, search, categories, duals, centre);
        return value(duals, best) > master.cap() + PRICING_TOLERANCE ? Optional.of(best) : Optional.empty();
    }

    /** The composition of largest weight at {@code seatWeights}; moves the centre there if its bound is lower. */
    private static int[] best(
            Master master, CompositionSearch search, List<Integer> categories, double[] seatWeights, Centre centre) {
        int[] best = search.best(seatWeights, categories)
                .orElseThrow(() -> new IllegalStateException("The quotas were feasible and are no longer"));
        double bound = value(seatWeights, best) - master.floors(seatWeights);
        if (bound < centre.bound) {
            centre.bound = bound;
            centre.weights = seatWeights;
        }
        return best;
    }

    private static double value(double[] seatWeights, int[] composition) {
        double value = 0;
        for (int t = 0; t < composition.length; t++) {
            value += seatWeights[t] * composition[t];
        }
        return value;
    }

    /**
     * The stabilisation centre of a level: the dual point whose Lagrangian bound on the level,
     * {@code max_c Σ_t y[t]·c[t] − Σ_{t fixed} y[t]·n[t]·f[t]}, is the lowest found so far.
     */
    private static final class Centre {
        private double[] weights;
        private double bound = Double.POSITIVE_INFINITY;
    }

    /**
     * The restricted master problem of one level, solved as its dual (as Flanigan et al. do), a GLOP model
     * over the seat weights {@code s[t] = y[t]/n[t]} and the cap {@code μ}:
     * <pre>
     *   minimise  μ − Σ_{t fixed} n[t]·f[t]·s[t]
     *   s.t.      Σ_t c_j[t]·s[t] − μ ≤ 0          for every composition j found
     *             Σ_{t not fixed} n[t]·s[t] ≥ 1
     *             s ≥ 0,  μ free
     * </pre>
     * A composition is a row, so adding one keeps the previous basis dual feasible and GLOP's dual simplex
     * re-solves from it; the primal master's columns made the primal simplex stall on the degenerate
     * vertices of later levels. The coefficients are the integer counts. The row of the unfixed types is
     * the dual of {@code z ≥ 0}. The lottery {@code p_j} is the
     * dual value of composition j's row (GLOP reports it as {@code ≤ 0} in a minimisation: its negation).
     */
    private static final class Master {

        private final VolunteerTypes types;
        private final boolean[] fixed;
        private final double[] level;
        private final List<int[]> compositions = new ArrayList<>();
        private MPSolver solver;
        private MPVariable[] seats;
        private MPVariable cap;
        private List<MPConstraint> rows;

        Master(VolunteerTypes types, boolean[] fixed, double[] level) {
            this.types = types;
            this.fixed = fixed.clone();
            this.level = level.clone();
            build();
        }

        private void build() {
            solver = Solvers.linear();
            seats = new MPVariable[types.count()];
            cap = solver.makeNumVar(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "cap");
            MPConstraint unfixed = solver.makeConstraint(1, Double.POSITIVE_INFINITY, "unfixed");
            solver.objective().setCoefficient(cap, 1);
            for (int t = 0; t < seats.length; t++) {
                seats[t] = solver.makeNumVar(0, Double.POSITIVE_INFINITY, "s" + t);
                if (fixed[t]) {
                    solver.objective().setCoefficient(seats[t], -types.size(t) * level[t]);
                } else {
                    unfixed.setCoefficient(seats[t], types.size(t));
                }
            }
            solver.objective().setMinimization();
            rows = new ArrayList<>();
            compositions.forEach(this::row);
        }

        void add(int[] composition) {
            compositions.add(composition);
            row(composition);
        }

        private void row(int[] composition) {
            MPConstraint row = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0, "c" + rows.size());
            for (int t = 0; t < seats.length; t++) {
                if (composition[t] > 0) {
                    row.setCoefficient(seats[t], composition[t]);
                }
            }
            row.setCoefficient(cap, -1);
            rows.add(row);
        }

        /** Frees the native model now rather than at garbage collection. */
        void delete() {
            solver.delete();
        }

        /** Solves and returns the level reached by all unfixed types (the optimal value). */
        double solve() {
            MPSolver.ResultStatus status = solver.solve();
            if (status == MPSolver.ResultStatus.ABNORMAL) {
                // GLOP was seen to end a re-solve from the previous basis in ABNORMAL on a master it solves
                // from scratch; the same model is built anew and solved once more, deterministically
                solver.delete();
                build();
                status = solver.solve();
            }
            if (status != MPSolver.ResultStatus.OPTIMAL) {
                throw new IllegalStateException("The master linear program ended in state " + status);
            }
            return solver.objective().value();
        }

        /** The probability of each composition in the last solution, in the order they were added. */
        double[] probabilities() {
            return rows.stream()
                    .mapToDouble(row -> Math.max(0, -row.dualValue()))
                    .toArray();
        }

        /** The dual weight of each type (0 for those that do not bind). */
        double[] typeWeights() {
            double[] weights = new double[seats.length];
            for (int t = 0; t < seats.length; t++) {
                weights[t] = Math.max(0, seats[t].solutionValue()) * types.size(t);
            }
            return weights;
        }

        /** The dual weight of one seat of each type: what a composition is worth in the pricing problem. */
        double[] seatWeights() {
            double[] weights = new double[seats.length];
            for (int t = 0; t < seats.length; t++) {
                weights[t] = Math.max(0, seats[t].solutionValue());
            }
            return weights;
        }

        /** What the floors of the fixed types cost at {@code seatWeights}: {@code Σ_{t fixed} y[t]·n[t]·f[t]}. */
        double floors(double[] seatWeights) {
            double cost = 0;
            for (int t = 0; t < seats.length; t++) {
                if (fixed[t]) {
                    cost += seatWeights[t] * types.size(t) * level[t];
                }
            }
            return cost;
        }

        /** The value a new composition must exceed to improve the master problem. */
        double cap() {
            return cap.solutionValue();
        }
    }

    private static List<Integer> key(int[] composition) {
        return Arrays.stream(composition).boxed().toList();
    }
}
