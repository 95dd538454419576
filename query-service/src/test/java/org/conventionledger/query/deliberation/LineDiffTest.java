package org.conventionledger.query.deliberation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.query.deliberation.LineDiff.Line.added;
import static org.conventionledger.query.deliberation.LineDiff.Line.removed;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LineDiffTest {

    @Test
    void identicalTextsHaveNoDiff() {
        assertThat(LineDiff.diff("a\nb\nc", "a\nb\nc")).isEmpty();
        assertThat(LineDiff.diff(null, null)).isEmpty();
        assertThat(LineDiff.diff("", null)).isEmpty();
    }

    @Test
    void fromNothingEveryLineIsAddedAndToNothingEveryLineIsRemoved() {
        assertThat(LineDiff.diff(null, "a\nb")).containsExactly(added("a"), added("b"));
        assertThat(LineDiff.diff("a\nb", "")).containsExactly(removed("a"), removed("b"));
    }

    @Test
    void aChangedLineIsRemovedThenAdded() {
        assertThat(LineDiff.diff(
                        "Line A free on Saturdays\nFunded by the city\nFrom 2026",
                        "Line A free on Saturdays\nFunded by the city and the metropolis\nFrom 2026"))
                .containsExactly(removed("Funded by the city"), added("Funded by the city and the metropolis"));
    }

    @Test
    void insertionsAndDeletionsAnywhereKeepTheCommonLines() {
        assertThat(LineDiff.diff("a\nb\nc\nd\ne", "x\na\nc\nd\ny\ne\nz"))
                .containsExactly(added("x"), removed("b"), added("y"), added("z"));
    }

    @Test
    void aReplacedBlockListsItsRemovedLinesBeforeItsAddedOnes() {
        assertThat(LineDiff.diff("keep\nold 1\nold 2\nend", "keep\nnew 1\nnew 2\nnew 3\nend"))
                .containsExactly(removed("old 1"), removed("old 2"), added("new 1"), added("new 2"), added("new 3"));
    }

    @Test
    void lineEndingsAndATrailingNewlineDoNotMatter() {
        assertThat(LineDiff.diff("a\r\nb\r\n", "a\nb")).isEmpty();
        assertThat(LineDiff.diff("a\nb\n", "a\nb\nc\n")).containsExactly(added("c"));
    }

    @Test
    void repeatedLinesAreMatchedOnce() {
        assertThat(LineDiff.diff("x\nx\nx", "x\nx")).containsExactly(removed("x"));
        assertThat(LineDiff.diff("a\nx\nb\nx", "x\na\nx\nb")).hasSize(2);
    }

    /**
     * On random texts: the removed lines are a subsequence of the old text and the added ones of the new
     * text, what remains of both is the same, and the diff is minimal (only lines off a longest common
     * subsequence change).
     */
    @Test
    void theDiffIsMinimalAndConsistentOnRandomTexts() {
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            List<String> before = randomLines(random);
            List<String> after = randomLines(random);
            List<LineDiff.Line> diff = LineDiff.diff(String.join("\n", before), String.join("\n", after));

            List<String> removedLines = diff.stream()
                    .filter(l -> l.op().equals("-"))
                    .map(LineDiff.Line::line)
                    .toList();
            List<String> addedLines = diff.stream()
                    .filter(l -> l.op().equals("+"))
                    .map(LineDiff.Line::line)
                    .toList();
            int lcs = lcsLength(before, after);
            assertThat(removedLines).hasSize(before.size() - lcs);
            assertThat(addedLines).hasSize(after.size() - lcs);
            assertThat(lcsLength(removedLines, before)).isEqualTo(removedLines.size());
            assertThat(lcsLength(addedLines, after)).isEqualTo(addedLines.size());
            assertThat(sorted(minus(before, removedLines))).isEqualTo(sorted(minus(after, addedLines)));
        }
    }

    @Test
    void hugeTextsAreReportedAsReplacedInTheMiddleInsteadOfExhaustingMemory() {
        String before = IntStream.range(0, 3000).mapToObj(i -> "old " + i).collect(Collectors.joining("\n"));
        String after = IntStream.range(0, 3000).mapToObj(i -> "new " + i).collect(Collectors.joining("\n"));

        List<LineDiff.Line> diff = LineDiff.diff("same\n" + before + "\nsame", "same\n" + after + "\nsame");

        assertThat(diff).hasSize(6000);
        assertThat(diff.subList(0, 3000)).allMatch(l -> l.op().equals("-"));
        assertThat(diff.subList(3000, 6000)).allMatch(l -> l.op().equals("+"));
    }

    private static List<String> randomLines(Random random) {
        int n = random.nextInt(12);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add(String.valueOf((char) ('a' + random.nextInt(4))));
        }
        return lines;
    }

    private static int lcsLength(List<String> a, List<String> b) {
        int[][] t = new int[a.size() + 1][b.size() + 1];
        for (int i = 1; i <= a.size(); i++) {
            for (int j = 1; j <= b.size(); j++) {
                t[i][j] = a.get(i - 1).equals(b.get(j - 1)) ? t[i - 1][j - 1] + 1 : Math.max(t[i - 1][j], t[i][j - 1]);
            }
        }
        return t[a.size()][b.size()];
    }

    private static List<String> minus(List<String> lines, List<String> taken) {
        List<String> rest = new ArrayList<>(lines);
        taken.forEach(rest::remove);
        return rest;
    }

    private static List<String> sorted(List<String> lines) {
        return lines.stream().sorted().toList();
    }
}
