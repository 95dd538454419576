package org.conventionledger.rules.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test helpers: the published instances, and the checks every lottery must pass. */
final class Lotteries {

    private Lotteries() {}

    /** A pool and its quotas. */
    record Instance(Quotas quotas, List<Volunteer> pool) {}

    /** {@code selection/<name>/categories.csv} and {@code respondents.csv} with panel size {@code k}. */
    static Instance published(String name, int k) {
        List<Category> categories = CategoriesCsv.parse(resource("/selection/" + name + "/categories.csv"));
        return new Instance(
                new Quotas(k, categories),
                PeopleCsv.parse(resource("/selection/" + name + "/respondents.csv"), categories));
    }

    static String resource(String path) {
        try (InputStream in = Lotteries.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether {@code members} (pool indices) is a panel of the right size meeting every quota, with at
     * most one volunteer per household.
     */
    static boolean meetsQuotas(Quotas quotas, List<Volunteer> pool, List<Integer> members) {
        if (members.size() != quotas.panelSize() || members.stream().distinct().count() != members.size()) {
            return false;
        }
        List<String> households = members.stream()
                .map(i -> pool.get(i).household())
                .filter(h -> h != null)
                .toList();
        if (households.stream().distinct().count() != households.size()) {
            return false;
        }
        for (Category category : quotas.categories()) {
            for (ValueQuota quota : category.values()) {
                long seated = members.stream()
                        .filter(i -> quota.value().equals(pool.get(i).valueOf(category.name())))
                        .count();
                if (seated < quota.min() || seated > quota.max()) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The invariants of any lottery: every panel meets the quotas, panel probabilities are positive and
     * add up to 1, each volunteer's probability is what the panels give them, lies in [0, 1], and they
     * add up to the panel size; the minimum is the smallest of them.
     */
    static void assertConsistent(PanelLottery lottery, Quotas quotas, List<Volunteer> pool) {
        assertThat(lottery.algorithm()).isEqualTo(LeximinSelection.ALGORITHM);
        assertThat(lottery.panelSize()).isEqualTo(quotas.panelSize());
        assertThat(lottery.probabilities()).hasSize(pool.size());
        double[] fromPanels = new double[pool.size()];
        double total = 0;
        for (PanelLottery.Panel panel : lottery.panels()) {
            assertThat(meetsQuotas(quotas, pool, panel.members()))
                    .as("panel %s meets the quotas", panel.members())
                    .isTrue();
            assertThat(panel.members()).isSorted();
            assertThat(panel.probability()).isPositive();
            total += panel.probability();
            for (int i : panel.members()) {
                fromPanels[i] += panel.probability();
            }
        }
        assertThat(total).isCloseTo(1, within(1e-9));
        double sum = 0;
        for (int i = 0; i < pool.size(); i++) {
            double probability = lottery.probabilities().get(i);
            assertThat(probability).as("volunteer %d", i).isBetween(0.0, 1.0);
            assertThat(fromPanels[i]).as("volunteer %d from the panels", i).isCloseTo(probability, within(1e-9));
            sum += probability;
        }
        assertThat(sum).isCloseTo(quotas.panelSize(), within(1e-6));
        assertThat(lottery.minimumProbability())
                .isEqualTo(lottery.probabilities().stream()
                        .mapToDouble(Double::doubleValue)
                        .min()
                        .orElseThrow());
    }
}
