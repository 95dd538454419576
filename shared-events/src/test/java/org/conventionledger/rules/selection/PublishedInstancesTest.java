package org.conventionledger.rules.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The example instances published with Flanigan et al. (Nature 596, 2021) in the replication
 * repository {@code pgoelz/citizensassemblies-replication} ({@code data/example_small_20},
 * {@code data/example_large_200}); see {@code src/test/resources/selection/README.md}. Their reference
 * output gives a LEXIMIN minimum selection probability of 10.0% for both.
 */
class PublishedInstancesTest {

    @ParameterizedTest(name = "{0}: n={1}, k={2}")
    @CsvSource({"example_small_20,  200,  20, 0.100", "example_large_200, 2000, 200, 0.100"})
    void minimumProbabilityMatchesThePublishedLeximinFigure(String name, int poolSize, int k, double published) {
        Lotteries.Instance instance = Lotteries.published(name, k);
        assertThat(instance.pool()).hasSize(poolSize);

        PanelLottery lottery = LeximinSelection.select(instance.quotas(), instance.pool());

        assertThat(lottery.minimumProbability()).isCloseTo(published, within(0.005));
        Lotteries.assertConsistent(lottery, instance.quotas(), instance.pool());
    }
}
