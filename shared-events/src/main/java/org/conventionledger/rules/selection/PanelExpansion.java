package org.conventionledger.rules.selection;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a lottery over compositions (how many volunteers of each type) into a lottery over panels of
 * volunteers in which all members of a type have the same probability.
 *
 * <p>Rule, for a composition of probability {@code p} and a type of {@code n} members of which it seats
 * {@code c} ({@code 0 < c < n}): with {@code g = gcd(n, c)} and {@code L = n/g}, split {@code [0, 1)} into
 * {@code L} equal windows; window {@code r} seats the members at positions {@code r·c, r·c+1, …, r·c+c−1}
 * (mod {@code n}) of the type, in pool order. The {@code L} windows go round the type {@code c/g} times,
 * so every member sits in {@code c/g} of them and gets {@code p·c/n}, its share. A type seated entirely
 * or not at all needs no windows. The windows of all types of the composition are overlaid on the same
 * {@code [0, 1)}: every piece between two consecutive window boundaries (exact fractions) is one panel,
 * of probability {@code p} times the piece's length. Panels come in composition order, then piece order.
 * No panel repeats: compositions differ, and within one, every type's window only moves forward from
 * piece to piece and at least one moves at each boundary.
 */
final class PanelExpansion {

    private PanelExpansion() {}

    static List<PanelLottery.Panel> expand(VolunteerTypes types, List<int[]> compositions, List<Double> probabilities) {
        List<PanelLottery.Panel> panels = new ArrayList<>();
        for (int j = 0; j < compositions.size(); j++) {
            int[] composition = compositions.get(j);
            int[] windows = new int[types.count()];
            List<long[]> boundaries = new ArrayList<>(); // fractions {numerator, denominator} in (0, 1)
            for (int t = 0; t < types.count(); t++) {
                int n = types.size(t);
                int c = composition[t];
                windows[t] = c == 0 || c == n ? 1 : n / gcd(n, c);
                for (int r = 1; r < windows[t]; r++) {
                    boundaries.add(new long[] {r, windows[t]});
                }
            }
            boundaries.add(new long[] {1, 1});
            boundaries.sort((a, b) -> Long.compare(a[0] * b[1], b[0] * a[1]));
            long[] start = {0, 1};
            for (long[] end : boundaries) {
                if (end[0] * start[1] == start[0] * end[1]) {
                    continue; // the same boundary from another type
                }
                double length = (double) (end[0] * start[1] - start[0] * end[1]) / (start[1] * end[1]);
                panels.add(new PanelLottery.Panel(
                        members(types, composition, windows, start), probabilities.get(j) * length));
                start = end;
            }
        }
        return panels;
    }

    /** The panel seated during the piece starting at fraction {@code start}, members ascending. */
    private static List<Integer> members(VolunteerTypes types, int[] composition, int[] windows, long[] start) {
        List<Integer> members = new ArrayList<>();
        for (int t = 0; t < types.count(); t++) {
            int[] ofType = types.members(t);
            int n = ofType.length;
            int c = composition[t];
            long window = start[0] * windows[t] / start[1]; // floor(start · L): the window holding the piece
            for (int s = 0; s < c; s++) {
                members.add(ofType[(int) ((window * c + s) % n)]);
            }
        }
        members.sort(null);
        return members;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
