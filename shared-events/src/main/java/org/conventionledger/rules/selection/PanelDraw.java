package org.conventionledger.rules.selection;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Draws one panel of a {@link PanelLottery} from a public seed, orders the reserve, and picks
 * replacements — all by fixed rules anyone can recompute from the seed (SHA-256 of UTF-8 text).
 *
 * <ul>
 *   <li><b>Panel</b> ({@link #draw}): {@code u} is the first 8 bytes of {@code SHA-256("panel|" + seed)}
 *   read as an unsigned big-endian 64-bit integer, of which the top 53 bits divided by 2<sup>53</sup>
 *   give a fraction in {@code [0, 1)}. Walking the lottery's panels in list order and adding up their
 *   probabilities, the first panel whose running total exceeds {@code u} is drawn (if rounding leaves
 *   the total at or below {@code u}, the last panel).</li>
 *   <li><b>Reserve</b> ({@link #reserveOrder}): the volunteers not on the panel, ordered by the lowercase
 *   hex of {@code SHA-256("reserve|" + seed + "|" + id)}, ascending (ties, impossible with distinct ids,
 *   by pool order).</li>
 *   <li><b>Replacement</b> ({@link #replacement}): see there.</li>
 * </ul>
 */
public final class PanelDraw {

    private PanelDraw() {}

    /** The fraction {@code u} in {@code [0, 1)} the panel draw uses for {@code seed}. */
    public static double uniform(String seed) {
        long bits = ByteBuffer.wrap(sha256("panel|" + requireSeed(seed))).getLong();
        return (bits >>> 11) * 0x1.0p-53;
    }

    /** The position, in {@code lottery.panels()}, of the panel drawn with {@code seed}. */
    public static int drawIndex(PanelLottery lottery, String seed) {
        List<PanelLottery.Panel> panels = lottery.panels();
        if (panels.isEmpty()) {
            throw new IllegalArgumentException("The lottery has no panel");
        }
        double u = uniform(seed);
        double cumulative = 0;
        for (int i = 0; i < panels.size(); i++) {
            cumulative += panels.get(i).probability();
            if (u < cumulative) {
                return i;
            }
        }
        return panels.size() - 1;
    }

    /** The panel drawn with {@code seed}. */
    public static PanelLottery.Panel draw(PanelLottery lottery, String seed) {
        return lottery.panels().get(drawIndex(lottery, seed));
    }

    /** The pool indices of the volunteers not on {@code panel}, in reserve order for {@code seed}. */
    public static List<Integer> reserveOrder(List<Volunteer> pool, PanelLottery.Panel panel, String seed) {
        requireSeed(seed);
        Set<Integer> seated = new HashSet<>(panel.members());
        List<Integer> reserve = new ArrayList<>();
        List<String> keys = new ArrayList<>(pool.size());
        for (int i = 0; i < pool.size(); i++) {
            keys.add(HexFormat.of()
                    .formatHex(sha256("reserve|" + seed + "|" + pool.get(i).id())));
            if (!seated.contains(i)) {
                reserve.add(i);
            }
        }
        reserve.sort(Comparator.comparing(keys::get).thenComparing(Comparator.naturalOrder()));
        return reserve;
    }

    /**
     * How many of {@code seated} have each value of each category: category name → value → count, in
     * quota order, every value present (0 if nobody has it).
     */
    public static Map<String, Map<String, Integer>> valueCounts(Quotas quotas, Collection<Volunteer> seated) {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (Category category : quotas.categories()) {
            Map<String, Integer> ofCategory = new LinkedHashMap<>();
            for (ValueQuota quota : category.values()) {
                ofCategory.put(quota.value(), 0);
            }
            for (Volunteer volunteer : seated) {
                ofCategory.merge(volunteer.valueOf(category.name()), 1, Integer::sum);
            }
            counts.put(category.name(), ofCategory);
        }
        return counts;
    }

    /**
     * Who replaces {@code leaver}, given the value counts of the seated panel (leaver included, as
     * {@link #valueCounts} gives them), the households of the volunteers still on the panel (leaver
     * excluded) and the reserve in {@link #reserveOrder reserve order}.
     *
     * <p>Rule: remove the leaver from the counts; skip every reserve volunteer whose household is in
     * {@code households} (the panel seats at most one volunteer per household, as every panel of the
     * lottery does); then take the first remaining volunteer whose addition puts every value of every
     * category between its min and max. If nobody does, take the first whose addition keeps every value at
     * or below its max (a min stays short: the panel still has its size and no quota is overrun). If nobody
     * does either, there is no replacement.
     */
    public static Optional<Volunteer> replacement(
            Quotas quotas,
            Map<String, Map<String, Integer>> seatedCounts,
            Set<String> households,
            Volunteer leaver,
            List<Volunteer> reserve) {
        Volunteer withinMaximums = null;
        for (Volunteer candidate : reserve) {
            if (candidate.id().equals(leaver.id())
                    || (candidate.household() != null && households.contains(candidate.household()))) {
                continue;
            }
            boolean minimumsMet = true;
            boolean maximumsKept = true;
            for (Category category : quotas.categories()) {
                for (ValueQuota quota : category.values()) {
                    int count =
                            seatedCounts.getOrDefault(category.name(), Map.of()).getOrDefault(quota.value(), 0)
                                    - (quota.value().equals(leaver.valueOf(category.name())) ? 1 : 0)
                                    + (quota.value().equals(candidate.valueOf(category.name())) ? 1 : 0);
                    minimumsMet &= count >= quota.min();
                    maximumsKept &= count <= quota.max();
                }
            }
            if (minimumsMet && maximumsKept) {
                return Optional.of(candidate);
            }
            if (maximumsKept && withinMaximums == null) {
                withinMaximums = candidate;
            }
        }
        return Optional.ofNullable(withinMaximums);
    }

    private static String requireSeed(String seed) {
        if (seed == null || seed.isEmpty()) {
            throw new IllegalArgumentException("A draw needs a non-empty seed");
        }
        return seed;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-256", e);
        }
    }
}
