package org.conventionledger.rules.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link PanelDraw}: the seeded draw, the reserve order and replacements. */
class PanelDrawTest {

    private static final PanelLottery THREE_PANELS = new PanelLottery(
            LeximinSelection.ALGORITHM,
            1,
            List.of(
                    new PanelLottery.Panel(List.of(0), 0.5),
                    new PanelLottery.Panel(List.of(1), 0.3),
                    new PanelLottery.Panel(List.of(2), 0.2)),
            List.of(0.5, 0.3, 0.2),
            0.2);

    /** Reference values computed independently: {@code sha256("panel|" + seed)}, first 8 bytes, top 53 bits. */
    @Test
    void theFractionIsTheTop53BitsOfTheHash() {
        assertThat(PanelDraw.uniform("clermont-2025")).isEqualTo(0.9799310406868866); // fadcc2bc15de524f…
        assertThat(PanelDraw.uniform("0")).isEqualTo(0.5970320062607304); // 98d716ed8e1b5385…
    }

    @Test
    void walksThePanelsInOrderAddingUpProbabilities() {
        assertThat(PanelDraw.drawIndex(THREE_PANELS, "0")).isEqualTo(1); // 0.5 <= 0.597 < 0.8
        assertThat(PanelDraw.drawIndex(THREE_PANELS, "clermont-2025")).isEqualTo(2); // 0.8 <= 0.980
    }

    @Test
    void sameSeedSamePanel() {
        Lotteries.Instance instance = Lotteries.published("example_small_20", 20);
        PanelLottery lottery = LeximinSelection.select(instance.quotas(), instance.pool());

        assertThat(PanelDraw.draw(lottery, "seed 42")).isEqualTo(PanelDraw.draw(lottery, "seed 42"));
        assertThat(PanelDraw.draw(lottery, "seed 42")).isNotEqualTo(PanelDraw.draw(lottery, "seed 43"));
    }

    @Test
    void seedsPickPanelsAccordingToTheirProbabilities() {
        int[] drawn = new int[3];
        for (int s = 0; s < 2000; s++) {
            drawn[PanelDraw.drawIndex(THREE_PANELS, "seed-" + s)]++;
        }
        assertThat(drawn[0] / 2000.0).isCloseTo(0.5, within(0.04));
        assertThat(drawn[1] / 2000.0).isCloseTo(0.3, within(0.04));
        assertThat(drawn[2] / 2000.0).isCloseTo(0.2, within(0.04));
    }

    /** Over 2,000 seeds each volunteer of the small published instance is drawn about 10% of the time. */
    @Test
    void volunteersAreDrawnAboutAsOftenAsTheirProbability() {
        Lotteries.Instance instance = Lotteries.published("example_small_20", 20);
        PanelLottery lottery = LeximinSelection.select(instance.quotas(), instance.pool());
        int[] seated = new int[instance.pool().size()];
        int draws = 2000;
        for (int s = 0; s < draws; s++) {
            PanelDraw.draw(lottery, "draw " + s).members().forEach(i -> seated[i]++);
        }
        // one standard deviation of a frequency is sqrt(0.1 · 0.9 / 2000) ≈ 0.0067
        for (int i = 0; i < seated.length; i++) {
            assertThat(seated[i] / (double) draws)
                    .as("volunteer %d", i)
                    .isCloseTo(lottery.probabilities().get(i), within(0.035));
        }
    }

    @Test
    void theReserveIsEveryoneElseOrderedByHash() throws Exception {
        List<Volunteer> pool = List.of(
                volunteer("a", "female"), volunteer("b", "male"), volunteer("c", "female"), volunteer("d", "male"));
        PanelLottery.Panel panel = new PanelLottery.Panel(List.of(3), 1);

        // sha256("reserve|s|a") = a1af…, "b" → eb15…, "c" → a014…
        assertThat(PanelDraw.reserveOrder(pool, panel, "s")).containsExactly(2, 0, 1);

        List<Integer> reserve = PanelDraw.reserveOrder(pool, new PanelLottery.Panel(List.of(1), 1), "other seed");
        assertThat(reserve)
                .containsExactlyInAnyOrder(0, 2, 3)
                .isEqualTo(PanelDraw.reserveOrder(pool, new PanelLottery.Panel(List.of(1), 1), "other seed"));
        List<String> hashes = new ArrayList<>();
        for (int i : reserve) {
            hashes.add(HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(("reserve|other seed|" + pool.get(i).id()).getBytes(StandardCharsets.UTF_8))));
        }
        assertThat(hashes).isSorted();
    }

    @Test
    void theReserveOfADrawnPanelExcludesItsMembers() {
        Lotteries.Instance instance = Lotteries.published("example_small_20", 20);
        PanelLottery lottery = LeximinSelection.select(instance.quotas(), instance.pool());
        PanelLottery.Panel panel = PanelDraw.draw(lottery, "2025-03-01");

        List<Integer> reserve = PanelDraw.reserveOrder(instance.pool(), panel, "2025-03-01");

        assertThat(reserve).hasSize(180).doesNotContainAnyElementsOf(panel.members());
        assertThat(IntStream.concat(
                                reserve.stream().mapToInt(i -> i),
                                panel.members().stream().mapToInt(i -> i))
                        .sorted()
                        .toArray())
                .isEqualTo(IntStream.range(0, 200).toArray());
    }

    @Test
    void aReplacementKeepsEveryQuotaWhenSomeoneCan() {
        Quotas quotas = new Quotas(
                2,
                List.of(new Category("gender", List.of(new ValueQuota("female", 1, 1), new ValueQuota("male", 1, 1)))));
        Volunteer leaver = volunteer("w1", "female");
        List<Volunteer> seated = List.of(leaver, volunteer("m1", "male"));
        List<Volunteer> reserve =
                List.of(volunteer("m2", "male"), volunteer("w2", "female"), volunteer("w3", "female"));

        Optional<Volunteer> replacement =
                PanelDraw.replacement(quotas, PanelDraw.valueCounts(quotas, seated), Set.of(), leaver, reserve);

        assertThat(replacement).map(Volunteer::id).contains("w2");
    }

    @Test
    void otherwiseTheFirstWhoKeepsEveryMaximum() {
        Quotas quotas = new Quotas(
                3,
                List.of(new Category(
                        "gender",
                        List.of(
                                new ValueQuota("female", 1, 2),
                                new ValueQuota("male", 1, 2),
                                new ValueQuota("other", 0, 1)))));
        Volunteer leaver = volunteer("w1", "female");
        List<Volunteer> seated = List.of(leaver, volunteer("m1", "male"), volunteer("o1", "other"));
        Map<String, Map<String, Integer>> counts = PanelDraw.valueCounts(quotas, seated);
        assertThat(counts).isEqualTo(Map.of("gender", Map.of("female", 1, "male", 1, "other", 1)));
        List<Volunteer> reserve = List.of(volunteer("o2", "other"), volunteer("m2", "male"), volunteer("m3", "male"));

        // no woman in the reserve: the female minimum stays short; "o2" would exceed the "other" maximum
        assertThat(PanelDraw.replacement(quotas, counts, Set.of(), leaver, reserve))
                .map(Volunteer::id)
                .contains("m2");
        assertThat(PanelDraw.replacement(quotas, counts, Set.of(), leaver, List.of(volunteer("o2", "other"))))
                .isEmpty();
    }

    /**
     * w2 would keep every quota but shares a household with m1, still seated: w3 is called. When every
     * volunteer keeping the quotas is of a seated household, the fallback skips them too.
     */
    @Test
    void aReplacementSharesNoHouseholdWithThePanel() {
        Quotas quotas = new Quotas(
                2,
                List.of(new Category("gender", List.of(new ValueQuota("female", 1, 1), new ValueQuota("male", 1, 1)))));
        Volunteer leaver = new Volunteer("w1", Map.of("gender", "female"), "h-leaver");
        Volunteer seated = new Volunteer("m1", Map.of("gender", "male"), "h-m1");
        Map<String, Map<String, Integer>> counts = PanelDraw.valueCounts(quotas, List.of(leaver, seated));
        Volunteer housemate = new Volunteer("w2", Map.of("gender", "female"), "h-m1");
        Volunteer leaversHousemate = new Volunteer("w3", Map.of("gender", "female"), "h-leaver");

        assertThat(PanelDraw.replacement(quotas, counts, Set.of("h-m1"), leaver, List.of(housemate, leaversHousemate)))
                .map(Volunteer::id)
                .as("the leaver's own household is free again")
                .contains("w3");
        assertThat(PanelDraw.replacement(quotas, counts, Set.of(), leaver, List.of(housemate)))
                .map(Volunteer::id)
                .contains("w2");
        assertThat(PanelDraw.replacement(
                        quotas, counts, Set.of("h-m1"), leaver, List.of(housemate, volunteer("m2", "male"))))
                .as("m2 would overrun the male maximum; w2 is of m1's household")
                .isEmpty();
    }

    @Test
    void aSeedIsRequired() {
        assertThatThrownBy(() -> PanelDraw.uniform("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PanelDraw.drawIndex(THREE_PANELS, null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Volunteer volunteer(String id, String gender) {
        return new Volunteer(id, Map.of("gender", gender));
    }
}
