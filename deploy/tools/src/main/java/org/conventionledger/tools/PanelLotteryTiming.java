package org.conventionledger.tools;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.conventionledger.rules.selection.Category;
import org.conventionledger.rules.selection.LeximinSelection;
import org.conventionledger.rules.selection.PanelLottery;
import org.conventionledger.rules.selection.Quotas;
import org.conventionledger.rules.selection.ValueQuota;
import org.conventionledger.rules.selection.Volunteer;

/**
 * {@code ledger panel-probabilities --timing}: the LEXIMIN lottery timed on generated pools of 250, 500,
 * 1,000 and 2,000 volunteers, beside the legacy greedy selection's minimum, as a table on stdout. Both
 * the wall time and the selecting thread's CPU time are printed: on a shared machine the second says
 * what the computation costs, the first what a user waited. The spread is the largest probability
 * minus the smallest.
 *
 * <p>Pools are drawn with a fixed seed per size and skewed as volunteer pools are (older and more
 * educated than the population); quotas are the population shares of the panel ±2 seats. Up to 1,000
 * volunteers: 5 categories (gender, age band, education, area, political leaning); 2,000: a sixth
 * (housing). Panel sizes: 25, 50, 100 and 150.
 *
 * <p>The legacy method is the greedy one organisers used before LEXIMIN (Flanigan et al., Nature 2021,
 * "LEGACY"): while seats remain, take the value whose unmet minimum is largest relative to the
 * volunteers still eligible for it, seat one of those at random, and drop everyone whose seating would
 * now overrun a maximum; start again if it gets stuck. Its probabilities are not computed but estimated
 * from {@value #LEGACY_DRAWS} draws, so its minimum is a frequency (0 when someone was never drawn).
 */
public final class PanelLotteryTiming {

    static final int LEGACY_DRAWS = 1_000;

    /** A dimension of the generated pools: values, their population shares and the pool's skewed shares. */
    private record Dimension(String name, String[] values, double[] population, double[] pool) {}

    private static final List<Dimension> DIMENSIONS = List.of(
            new Dimension(
                    "gender", new String[] {"female", "male"}, new double[] {0.51, 0.49}, new double[] {0.53, 0.47}),
            new Dimension(
                    "age",
                    new String[] {"16-29", "30-44", "45-59", "60-74", "75+"},
                    new double[] {0.20, 0.25, 0.25, 0.20, 0.10},
                    new double[] {0.09, 0.17, 0.26, 0.33, 0.15}),
            new Dimension(
                    "education",
                    new String[] {"none-or-basic", "secondary", "higher"},
                    new double[] {0.35, 0.40, 0.25},
                    new double[] {0.14, 0.34, 0.52}),
            new Dimension(
                    "area",
                    new String[] {"centre", "north", "south", "outskirts"},
                    new double[] {0.30, 0.25, 0.25, 0.20},
                    new double[] {0.36, 0.24, 0.22, 0.18}),
            new Dimension(
                    "leaning", new String[] {"left", "centre", "right"}, new double[] {0.35, 0.30, 0.35}, new double[] {
                        0.42, 0.31, 0.27
                    }),
            new Dimension(
                    "housing",
                    new String[] {"owner", "tenant", "social"},
                    new double[] {0.55, 0.33, 0.12},
                    new double[] {0.64, 0.28, 0.08}));

    /** One generated instance: pool size, panel size, number of categories. */
    record Size(int pool, int panel, int categories) {}

    static final List<Size> SIZES =
            List.of(new Size(250, 25, 5), new Size(500, 50, 5), new Size(1_000, 100, 5), new Size(2_000, 150, 6));

    private PanelLotteryTiming() {}

    /** Prints the table; returns the exit code. */
    public static int run(PrintStream out) {
        out.printf(
                Locale.ROOT,
                "%-6s %-5s %-10s %-6s %-8s %-8s %-8s %-12s %-12s %-10s %-10s%n",
                "pool",
                "panel",
                "categories",
                "types",
                "panels",
                "wall_s",
                "cpu_s",
                "leximin_min",
                "leximin_max",
                "spread",
                "legacy_min");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (Size size : SIZES) {
            Quotas quotas = quotas(size);
            List<Volunteer> pool = pool(size);
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime(); // includes the solvers' native code
            PanelLottery lottery = LeximinSelection.select(quotas, pool);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            double max = lottery.probabilities().stream()
                    .mapToDouble(Double::doubleValue)
                    .max()
                    .orElseThrow();
            long types = pool.stream().map(v -> v.values()).distinct().count();
            out.printf(
                    Locale.ROOT,
                    "%-6d %-5d %-10d %-6d %-8d %-8.1f %-8.1f %-12.6f %-12.6f %-10.6f %-10.3f%n",
                    size.pool(),
                    size.panel(),
                    size.categories(),
                    types,
                    lottery.panels().size(),
                    seconds,
                    cpu,
                    lottery.minimumProbability(),
                    max,
                    max - lottery.minimumProbability(),
                    legacyMinimum(quotas, pool, new Random(size.pool())));
            out.flush();
        }
        return 0;
    }

    /** The quotas of {@code size}: the population share of the panel ±2 seats for every value. */
    static Quotas quotas(Size size) {
        List<Category> categories = new ArrayList<>();
        for (Dimension dimension : DIMENSIONS.subList(0, size.categories())) {
            List<ValueQuota> values = new ArrayList<>();
            for (int v = 0; v < dimension.values().length; v++) {
                long share = Math.round(dimension.population()[v] * size.panel());
                values.add(new ValueQuota(dimension.values()[v], (int) Math.max(0, share - 2), (int) share + 2));
            }
            categories.add(new Category(dimension.name(), values));
        }
        return new Quotas(size.panel(), categories);
    }

    /** The generated pool of {@code size}, the same on every run (seeded by the pool size). */
    static List<Volunteer> pool(Size size) {
        Random random = new Random(size.pool());
        List<Volunteer> pool = new ArrayList<>();
        for (int i = 0; i < size.pool(); i++) {
            Map<String, String> values = new HashMap<>();
            for (Dimension dimension : DIMENSIONS.subList(0, size.categories())) {
                values.put(dimension.name(), dimension.values()[pick(dimension.pool(), random)]);
            }
            pool.add(new Volunteer("v" + (i + 1), values));
        }
        return pool;
    }

    private static int pick(double[] shares, Random random) {
        double u = random.nextDouble();
        for (int v = 0; v < shares.length - 1; v++) {
            u -= shares[v];
            if (u < 0) {
                return v;
            }
        }
        return shares.length - 1;
    }

    /** The smallest selection frequency over {@value #LEGACY_DRAWS} draws of the legacy greedy method. */
    static double legacyMinimum(Quotas quotas, List<Volunteer> pool, Random random) {
        int[] selected = new int[pool.size()];
        int[][] valueOf = new int[pool.size()][quotas.categories().size()];
        for (int i = 0; i < pool.size(); i++) {
            for (int c = 0; c < quotas.categories().size(); c++) {
                Category category = quotas.categories().get(c);
                valueOf[i][c] = category.indexOf(pool.get(i).valueOf(category.name()));
            }
        }
        for (int draw = 0; draw < LEGACY_DRAWS; draw++) {
            int[] panel = null;
            for (int attempt = 0; attempt < 1_000 && panel == null; attempt++) {
                panel = legacyDraw(quotas, valueOf, random);
            }
            if (panel == null) {
                throw new IllegalStateException("The legacy method found no panel in 1,000 attempts");
            }
            for (int i : panel) {
                selected[i]++;
            }
        }
        return (double) Arrays.stream(selected).min().orElseThrow() / LEGACY_DRAWS;
    }

    /** One legacy draw: the panel's pool indices, or null when it got stuck. */
    private static int[] legacyDraw(Quotas quotas, int[][] valueOf, Random random) {
        List<Category> categories = quotas.categories();
        int n = valueOf.length;
        boolean[] eligible = new boolean[n];
        Arrays.fill(eligible, true);
        int[][] seated = new int[categories.size()][];
        for (int c = 0; c < categories.size(); c++) {
            seated[c] = new int[categories.get(c).values().size()];
        }
        int[] panel = new int[quotas.panelSize()];
        for (int seat = 0; seat < panel.length; seat++) {
            int[][] available = new int[categories.size()][];
            for (int c = 0; c < categories.size(); c++) {
                available[c] = new int[categories.get(c).values().size()];
            }
            for (int i = 0; i < n; i++) {
                if (eligible[i]) {
                    for (int c = 0; c < categories.size(); c++) {
                        available[c][valueOf[i][c]]++;
                    }
                }
            }
            // the value in most need: unmet minimum over eligible volunteers having it, largest first
            int bestCategory = -1;
            int bestValue = -1;
            double bestRatio = -1;
            for (int c = 0; c < categories.size(); c++) {
                for (int v = 0; v < available[c].length; v++) {
                    if (available[c][v] == 0) {
                        continue;
                    }
                    int missing = categories.get(c).values().get(v).min() - seated[c][v];
                    double ratio = (double) Math.max(0, missing) / available[c][v];
                    if (ratio > bestRatio) {
                        bestRatio = ratio;
                        bestCategory = c;
                        bestValue = v;
                    }
                }
            }
            if (bestCategory < 0) {
                return null;
            }
            List<Integer> candidates = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (eligible[i] && valueOf[i][bestCategory] == bestValue) {
                    candidates.add(i);
                }
            }
            int chosen = candidates.get(random.nextInt(candidates.size()));
            panel[seat] = chosen;
            eligible[chosen] = false;
            for (int c = 0; c < categories.size(); c++) {
                seated[c][valueOf[chosen][c]]++;
            }
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < categories.size() && eligible[i]; c++) {
                    int v = valueOf[i][c];
                    eligible[i] =
                            seated[c][v] < categories.get(c).values().get(v).max();
                }
            }
        }
        for (int c = 0; c < categories.size(); c++) {
            for (int v = 0; v < seated[c].length; v++) {
                if (seated[c][v] < categories.get(c).values().get(v).min()) {
                    return null;
                }
            }
        }
        return panel;
    }
}
