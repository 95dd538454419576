package org.conventionledger.query.deliberation;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two texts: the lines removed from the first ({@code "-"}) and added in the second
 * ({@code "+"}), in reading order, unchanged lines left out. It keeps a longest common subsequence of
 * lines; where lines are replaced, the removed ones come before the added ones. Lines are split as
 * {@link String#lines()} does ({@code \n}, {@code \r\n} or {@code \r}; no trailing empty line), and a
 * {@code null} text has no lines. Pure and deterministic.
 *
 * <p>The common prefix and suffix are skipped first; if the differing middle parts would still need
 * more than {@value #MAX_CELLS} table cells, the middle part is reported as wholly replaced (all its
 * old lines removed, all its new lines added) rather than holding a huge table in memory.
 */
public final class LineDiff {

    static final long MAX_CELLS = 4_000_000L;

    /** One changed line. */
    public record Line(String op, String line) {

        public static Line added(String line) {
            return new Line("+", line);
        }

        public static Line removed(String line) {
            return new Line("-", line);
        }
    }

    private LineDiff() {}

    public static List<Line> diff(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        int start = 0;
        while (start < a.size() && start < b.size() && a.get(start).equals(b.get(start))) {
            start++;
        }
        int endA = a.size();
        int endB = b.size();
        while (endA > start && endB > start && a.get(endA - 1).equals(b.get(endB - 1))) {
            endA--;
            endB--;
        }
        List<String> x = a.subList(start, endA);
        List<String> y = b.subList(start, endB);
        List<Line> changes = new ArrayList<>();
        if ((long) (x.size() + 1) * (y.size() + 1) > MAX_CELLS) {
            x.forEach(line -> changes.add(Line.removed(line)));
            y.forEach(line -> changes.add(Line.added(line)));
            return List.copyOf(changes);
        }
        // lcs[i][j]: length of a longest common subsequence of x[i..] and y[j..]
        int[][] lcs = new int[x.size() + 1][y.size() + 1];
        for (int i = x.size() - 1; i >= 0; i--) {
            for (int j = y.size() - 1; j >= 0; j--) {
                lcs[i][j] = x.get(i).equals(y.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < x.size() && j < y.size()) {
            if (x.get(i).equals(y.get(j))) {
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                changes.add(Line.removed(x.get(i++)));
            } else {
                changes.add(Line.added(y.get(j++)));
            }
        }
        while (i < x.size()) {
            changes.add(Line.removed(x.get(i++)));
        }
        while (j < y.size()) {
            changes.add(Line.added(y.get(j++)));
        }
        return List.copyOf(changes);
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().toList();
    }
}
