package org.conventionledger.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.conventionledger.rules.selection.Quotas;
import org.conventionledger.rules.selection.Volunteer;
import org.junit.jupiter.api.Test;

/**
 * The generated pools of {@code ledger panel-probabilities --timing} are what its table claims (no time is
 * measured here: timings belong to the benchmark, not to tests).
 */
class PanelLotteryTimingTest {

    @Test
    void poolsAreReproducibleAndSkewedOlderAndMoreEducated() {
        PanelLotteryTiming.Size size = PanelLotteryTiming.SIZES.get(3);
        List<Volunteer> pool = PanelLotteryTiming.pool(size);

        assertThat(pool).hasSize(2_000).isEqualTo(PanelLotteryTiming.pool(size));
        assertThat(pool.get(0).values()).hasSize(6);
        double higher = pool.stream()
                        .filter(v -> v.valueOf("education").equals("higher"))
                        .count()
                / 2_000.0;
        double over60 = pool.stream()
                        .filter(v -> List.of("60-74", "75+").contains(v.valueOf("age")))
                        .count()
                / 2_000.0;
        assertThat(higher).as("population share 25%").isGreaterThan(0.45);
        assertThat(over60).as("population share 30%").isGreaterThan(0.42);
    }

    @Test
    void quotasAreThePopulationSharesOfThePanelPlusOrMinusTwo() {
        Quotas quotas = PanelLotteryTiming.quotas(PanelLotteryTiming.SIZES.get(2));

        assertThat(quotas.panelSize()).isEqualTo(100);
        assertThat(quotas.categories()).hasSize(5);
        assertThat(quotas.categories().get(0).values().get(0))
                .satisfies(female ->
                        assertThat(List.of(female.min(), female.max())).containsExactly(49, 53));
    }

    @Test
    void theLegacyMinimumIsAFrequencyOfDrawsMeetingTheQuotas() {
        PanelLotteryTiming.Size size = PanelLotteryTiming.SIZES.get(0);

        double minimum = PanelLotteryTiming.legacyMinimum(
                PanelLotteryTiming.quotas(size), PanelLotteryTiming.pool(size), new Random(1));

        assertThat(minimum * PanelLotteryTiming.LEGACY_DRAWS).isEqualTo(Math.rint(minimum * 1_000));
        assertThat(minimum).isBetween(0.0, (double) size.panel() / size.pool());
    }
}
