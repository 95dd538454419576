package org.conventionledger.command.recruitment.selection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link SwapPricing}, the heuristic tried before CP-SAT: whatever the weights, what it returns is a
 * composition the exact search accepts (panel size, every quota, one per household), worth at least its
 * start, and no single swap improves it any more; the same input gives the same answer.
 */
class SwapPricingTest {

    /** A feasible pool (with households half of the time), a feasible start and random seat weights. */
    record Case(Quotas quotas, VolunteerTypes types, int[] start, double[] weights) {
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.randomValue(random -> {
            Lotteries.Instance instance = LeximinPropertiesTest.instance(random, 5 + random.nextInt(56), 5,
                    random.nextBoolean());
            VolunteerTypes types = VolunteerTypes.of(instance.quotas(), instance.pool());
            int[] start = new CompositionSearch(instance.quotas(), types).best(randomWeights(random, types.count()),
                    all(instance.quotas())).orElseThrow();
            return new Case(instance.quotas(), types, start, randomWeights(random, types.count()));
        });
    }

    private static double[] randomWeights(Random random, int count) {
        // a few weights tie or are zero, as the master's duals often are
        return IntStream.range(0, count).mapToDouble(t -> random.nextInt(4) == 0 ? 0 : random.nextInt(5) / 4.0
                + random.nextDouble() * (random.nextBoolean() ? 0 : 1e-3)).toArray();
    }

    private static List<Integer> all(Quotas quotas) {
        return IntStream.range(0, quotas.categories().size()).boxed().toList();
    }

    @Property(tries = 300)
    void improvesWithinTheQuotasUntilNoSwapHelps(@ForAll("cases") Case c) {
        int[] before = c.start().clone();
        int[] improved = new SwapPricing(c.quotas(), c.types()).improve(c.start(), c.weights());

        CompositionSearch exact = new CompositionSearch(c.quotas(), c.types());
        assertThat(exact.meets(improved, all(c.quotas()))).isTrue();
        assertThat(c.start()).as("the start is left alone").isEqualTo(before);
        assertThat(value(improved, c.weights())).isGreaterThanOrEqualTo(value(before, c.weights()));
        for (int out = 0; out < improved.length; out++) {
            for (int in = 0; in < improved.length; in++) {
                if (improved[out] > 0 && c.weights()[in] > c.weights()[out]) {
                    int[] swapped = improved.clone();
                    swapped[out]--;
                    swapped[in]++;
                    assertThat(exact.meets(swapped, all(c.quotas())))
                            .as("moving a seat from type %d to the heavier type %d", out, in).isFalse();
                }
            }
        }
        assertThat(new SwapPricing(c.quotas(), c.types()).improve(c.start(), c.weights())).isEqualTo(improved);
    }

    private static double value(int[] composition, double[] weights) {
        double value = 0;
        for (int t = 0; t < composition.length; t++) {
            value += weights[t] * composition[t];
        }
        return value;
    }
}
