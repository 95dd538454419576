package org.conventionledger.command.recruitment.selection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

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
 * the compositions found so far is solved in its dual form:
 * <pre>
 *   minimise  cap − Σ_{t fixed} f[t]·y[t]
 *   s.t.      Σ_{t not fixed} y[t] = 1,   y ≥ 0
 *             Σ_t y[t]·c[t]/n[t] ≤ cap      for every known composition c
 * </pre>
 * whose optimum is the largest {@code z} such that some lottery over the known compositions gives every
 * unfixed type at least {@code z} and every fixed type at least its {@code f[t]}. The pricing problem
 * ({@link CompositionSearch}) looks for the composition maximising {@code Σ_t y[t]·c[t]/n[t]}; if it beats
 * {@code cap} by more than {@value #PRICING_TOLERANCE} it is added and the master is solved again.
 * Otherwise the dual solution is optimal for all compositions and, by complementary slackness, every
 * unfixed type with {@code y[t] > }{@value #FIXING_TOLERANCE} has probability exactly {@code z} in every
 * optimal lottery: those are fixed at {@code z} (at least one, as their weights add up to 1). Once all
 * are fixed, a last linear program finds probabilities of the known compositions meeting every
 * {@code f[t]} (up to a slack it minimises); compositions below {@value #NEGLIGIBLE_PROBABILITY} are
 * dropped and the rest renormalised.
 *
 * <p>Finally each composition is turned into panels of volunteers by {@link PanelExpansion}, which
 * gives the members of a type equal shares, so the probabilities reported per volunteer are those of
 * the panels listed.
 */
public final class LeximinSelection {

    /** The rule and its version, as recorded with a lottery. */
    public static final String ALGORITHM = "leximin-v1";

    /** How much a new composition must improve on the dual bound to be worth adding. */
    static final double PRICING_TOLERANCE = 1e-7;
    /** The dual weight above which a type is held at the current level. */
    static final double FIXING_TOLERANCE = 1e-7;
    /** Compositions with a smaller probability are dropped from the lottery. */
    static final double NEGLIGIBLE_PROBABILITY = 1e-9;

    static final boolean DEBUG = Boolean.getBoolean("leximin.debug");
    private LeximinSelection() {
    }

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
        List<Integer> allCategories = IntStream.range(0, quotas.categories().size()).boxed().toList();

        List<int[]> compositions = new ArrayList<>();
        Set<List<Integer>> known = new HashSet<>(); // membership only, never iterated
        int[] first = QuotaFeasibility.check(quotas, types, search);
        compositions.add(first);
        known.add(key(first));

        int typeCount = types.count();
        boolean[] fixed = new boolean[typeCount];
        double[] level = new double[typeCount];
        int unfixed = typeCount;
        while (unfixed > 0) {
            Dual dual = solveDual(types, compositions, fixed, level);
            double[] seatWeights = new double[typeCount];
            for (int t = 0; t < typeCount; t++) {
                seatWeights[t] = dual.weights()[t] / types.size(t);
            }
            long T0=System.nanoTime();
            int[] candidate = search.best(seatWeights, allCategories)
                    .orElseThrow(() -> new IllegalStateException("The quotas were feasible and are no longer"));
            double value = 0;
            for (int t = 0; t < typeCount; t++) {
                value += seatWeights[t] * candidate[t];
            }
            if (DEBUG) System.err.printf("types=%d cols=%d unfixed=%d level=%.9f cap=%.9f value=%.9f ilpms=%.1f%n", typeCount, compositions.size(), unfixed, dual.level(), dual.cap(), value, (System.nanoTime()-T0)/1e6);
            if (value > dual.cap() + PRICING_TOLERANCE && known.add(key(candidate))) {
                compositions.add(candidate);
                continue;
            }
            for (int t = 0; t < typeCount; t++) {
                if (!fixed[t] && dual.weights()[t] > FIXING_TOLERANCE) {
                    fixed[t] = true;
                    level[t] = Math.max(0, dual.level());
                    unfixed--;
                }
            }
        }

        double[] probabilities = solvePrimal(types, compositions, level);
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
            weights.set(j, weights.get(j) / total);
            for (int t = 0; t < typeCount; t++) {
                typeProbability[t] += weights.get(j) * support.get(j)[t] / types.size(t);
            }
        }
        List<Double> perVolunteer = new ArrayList<>(types.poolSize());
        double minimum = Double.POSITIVE_INFINITY;
        for (int i = 0; i < types.poolSize(); i++) {
            double probability = typeProbability[types.typeOf(i)];
            perVolunteer.add(probability);
            minimum = Math.min(minimum, probability);
        }
        return new PanelLottery(ALGORITHM, quotas.panelSize(), PanelExpansion.expand(types, support, weights),
                perVolunteer, minimum);
    }

    /** The dual master's solution: a weight per type, the cap, and the level it proves (its objective). */
    private record Dual(double[] weights, double cap, double level) {
    }

    private static Dual solveDual(VolunteerTypes types, List<int[]> compositions, boolean[] fixed, double[] level) {
        int typeCount = types.count();
        Optimisation.Options oo = new Optimisation.Options(); oo.experimental = Boolean.getBoolean("lp.exp");
        ExpressionsBasedModel model = new ExpressionsBasedModel(oo);
        Variable[] weights = new Variable[typeCount];
        Expression unfixedWeights = model.addExpression("unfixed weights").level(1);
        for (int t = 0; t < typeCount; t++) {
            weights[t] = model.addVariable("y" + t).lower(0).weight(fixed[t] ? -level[t] : 0);
            if (!fixed[t]) {
                unfixedWeights.set(weights[t], 1);
            }
        }
        Variable cap = model.addVariable("cap").weight(1);
        for (int j = 0; j < compositions.size(); j++) {
            Expression panel = model.addExpression("panel " + j).upper(0).set(cap, -1);
            int[] composition = compositions.get(j);
            for (int t = 0; t < typeCount; t++) {
                if (composition[t] > 0) {
                    panel.set(weights[t], (double) composition[t] / types.size(t));
                }
            }
        }
        Optimisation.Result result = model.minimise();
        requireOptimal(result, "dual master problem");
        double[] values = new double[typeCount];
        for (int t = 0; t < typeCount; t++) {
            values[t] = Math.max(0, result.doubleValue(t));
        }
        return new Dual(values, result.doubleValue(typeCount), result.getValue());
    }

    /** Probabilities of the compositions giving every type at least its level, up to the smallest slack. */
    private static double[] solvePrimal(VolunteerTypes types, List<int[]> compositions, double[] level) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Variable[] probabilities = new Variable[compositions.size()];
        Expression total = model.addExpression("total").level(1);
        for (int j = 0; j < probabilities.length; j++) {
            probabilities[j] = model.addVariable("p" + j).lower(0);
            total.set(probabilities[j], 1);
        }
        Variable slack = model.addVariable("slack").lower(0).weight(1);
        for (int t = 0; t < types.count(); t++) {
            Expression reached = model.addExpression("type " + t).lower(level[t]).set(slack, 1);
            for (int j = 0; j < probabilities.length; j++) {
                int count = compositions.get(j)[t];
                if (count > 0) {
                    reached.set(probabilities[j], (double) count / types.size(t));
                }
            }
        }
        Optimisation.Result result = model.minimise();
        requireOptimal(result, "final lottery problem");
        double[] values = new double[probabilities.length];
        for (int j = 0; j < values.length; j++) {
            values[j] = Math.max(0, result.doubleValue(j));
        }
        return values;
    }

    private static void requireOptimal(Optimisation.Result result, String problem) {
        if (result.getState() != Optimisation.State.OPTIMAL) {
            throw new IllegalStateException("The " + problem + " ended in state " + result.getState());
        }
    }

    private static List<Integer> key(int[] composition) {
        return Arrays.stream(composition).boxed().toList();
    }
}
