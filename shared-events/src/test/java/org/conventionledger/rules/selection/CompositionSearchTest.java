package org.conventionledger.rules.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The pricing search's branch and bound on the linear relaxation against SCIP on the same integer
 * program: on random pools (households included) and sequences of dual-like weights (many zeros, ties,
 * as the masters give), every answer meets the panel size, every quota and the households, and is worth
 * what SCIP's is to within {@link CompositionSearch#PRUNING_TOLERANCE} plus SCIP's own tolerance; the
 * same calls on a fresh search give the same answers, bit for bit.
 */
class CompositionSearchTest {

    /** SCIP's answers may themselves fall short of the optimum by its tolerances (10^-9 seen). */
    private static final double SCIP_TOLERANCE = 1e-8;

    record Case(Lotteries.Instance instance, List<double[]> weights) {

        VolunteerTypes types() {
            return VolunteerTypes.of(instance.quotas(), instance.pool());
        }

        List<Integer> allCategories() {
            return IntStream.range(0, instance.quotas().categories().size())
                    .boxed()
                    .toList();
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.randomValue(random -> {
            Lotteries.Instance instance =
                    LeximinPropertiesTest.instance(random, 10 + random.nextInt(111), 5, random.nextBoolean());
            int typeCount =
                    VolunteerTypes.of(instance.quotas(), instance.pool()).count();
            List<double[]> weights = new ArrayList<>();
            for (int call = 0; call < 6; call++) {
                weights.add(weights(random, typeCount));
            }
            return new Case(instance, weights);
        });
    }

    private static double[] weights(Random random, int typeCount) {
        double[] weights = new double[typeCount];
        double[] shared = {1.0 / 12, 1.0 / 7, 0.25};
        for (int t = 0; t < typeCount; t++) {
            int kind = random.nextInt(4);
            weights[t] = kind == 0 ? 0 : kind == 1 ? shared[random.nextInt(shared.length)] : random.nextDouble();
        }
        return weights;
    }

    @Property(tries = 150)
    void theBranchAndBoundIsAsGoodAsScipAndMeetsEveryConstraint(@ForAll("cases") Case input) {
        VolunteerTypes types = input.types();
        List<Integer> all = input.allCategories();
        CompositionSearch search = new CompositionSearch(input.instance().quotas(), types);
        try {
            for (double[] weights : input.weights()) {
                int[] found = search.best(weights, all).orElseThrow();
                int[] scip = search.integerProgram(weights, all).orElseThrow();
                assertThat(search.meets(found, all)).isTrue();
                for (int[] household : types.households()) {
                    assertThat(IntStream.of(household).map(t -> found[t]).sum()).isLessThanOrEqualTo(1);
                }
                assertThat(value(weights, found))
                        .isGreaterThanOrEqualTo(
                                value(weights, scip) - CompositionSearch.PRUNING_TOLERANCE - SCIP_TOLERANCE);
            }
        } finally {
            search.close();
        }
    }

    @Property(tries = 50)
    void theSameCallsGiveTheSameCompositions(@ForAll("cases") Case input) {
        assertThat(answers(input)).containsExactlyElementsOf(answers(input));
    }

    private static List<List<Integer>> answers(Case input) {
        List<Integer> all = input.allCategories();
        CompositionSearch search = new CompositionSearch(input.instance().quotas(), input.types());
        try {
            List<List<Integer>> answers = new ArrayList<>();
            for (double[] weights : input.weights()) {
                answers.add(IntStream.of(search.best(weights, all).orElseThrow())
                        .boxed()
                        .toList());
            }
            return answers;
        } finally {
            search.close();
        }
    }

    private static double value(double[] weights, int[] composition) {
        double value = 0;
        for (int t = 0; t < composition.length; t++) {
            value += weights[t] * composition[t];
        }
        return value;
    }
}
