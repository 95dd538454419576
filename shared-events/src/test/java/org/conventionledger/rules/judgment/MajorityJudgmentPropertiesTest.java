package org.conventionledger.rules.judgment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.conventionledger.rules.judgment.MajorityJudgment.Ranked;

/**
 * Properties of the majority-judgment ranking on random elections: it agrees with the definition
 * (ballots expanded, lower medians removed one by one), a better judgment never costs a rank, and the
 * ranking ignores the map's order and the scale of the tallies.
 */
class MajorityJudgmentPropertiesTest {

    /** Tallies of equal totals: random counts, each option padded up to the largest total at a grade of its own. */
    record Election(int grades, Map<String, long[]> tallies) {

        Map<String, long[]> copy() {
            Map<String, long[]> copy = new TreeMap<>();
            tallies.forEach((name, tally) -> copy.put(name, tally.clone()));
            return copy;
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            tallies.forEach((name, tally) ->
                    text.append(name).append('=').append(Arrays.toString(tally)).append(' '));
            return text.toString();
        }
    }

    @Provide
    Arbitrary<Election> elections() {
        return Combinators.combine(
                        Arbitraries.integers().between(2, 6),
                        Arbitraries.of(3L, 40L), // small counts make exact ties likely
                        Arbitraries.strings()
                                .withCharRange('a', 'e')
                                .ofMinLength(1)
                                .ofMaxLength(3)
                                .list()
                                .uniqueElements()
                                .ofMinSize(1)
                                .ofMaxSize(8))
                .flatAs((grades, maxCount, names) -> {
                    Arbitrary<List<Long>> tally =
                            Arbitraries.longs().between(0, maxCount).list().ofSize(grades);
                    Arbitrary<Integer> padGrade = Arbitraries.integers().between(0, grades - 1);
                    return Combinators.combine(
                                    tally.list().ofSize(names.size()),
                                    padGrade.list().ofSize(names.size()))
                            .as((tallies, pads) -> balanced(grades, names, tallies, pads));
                });
    }

    private static Election balanced(int grades, List<String> names, List<List<Long>> counts, List<Integer> pads) {
        long max = counts.stream()
                .mapToLong(c -> c.stream().mapToLong(Long::longValue).sum())
                .max()
                .orElse(0);
        Map<String, long[]> tallies = new TreeMap<>();
        for (int i = 0; i < names.size(); i++) {
            long[] tally = counts.get(i).stream().mapToLong(Long::longValue).toArray();
            tally[pads.get(i)] += max - Arrays.stream(tally).sum();
            tallies.put(names.get(i), tally);
        }
        return new Election(grades, tallies);
    }

    // ---------------------------------------------------------------------------------------------

    @Property
    void agreesWithTheDefinitionOnExpandedBallots(@ForAll("elections") Election election) {
        assertThat(MajorityJudgment.rank(election.tallies())).isEqualTo(byDefinition(election.tallies()));
    }

    @Property
    void aBestGradeForOneOptionNeverLowersItsRank(
            @ForAll("elections") Election election, @ForAll @IntRange(min = 0, max = 1000) int pick) {
        List<String> names = new ArrayList<>(election.tallies().keySet());
        String chosen = names.get(pick % names.size());
        int before = rankOf(chosen, MajorityJudgment.rank(election.tallies()));

        Map<String, long[]> after = election.copy();
        after.forEach((name, tally) -> {
            if (name.equals(chosen)) {
                tally[tally.length - 1]++; // one more judgment at the best grade
            } else {
                tally[0]++; // and one at the worst grade for every other option, so totals stay equal
            }
        });
        assertThat(rankOf(chosen, MajorityJudgment.rank(after))).isLessThanOrEqualTo(before);
    }

    @Property
    void raisingOneJudgmentNeverLowersTheRank(
            @ForAll("elections") Election election, @ForAll @IntRange(min = 0, max = 1_000_000) int pick) {
        // pick chooses the option, the judgment to raise and how far, all at random
        List<String> names = new ArrayList<>(election.tallies().keySet());
        String chosen = names.get(pick % names.size());
        long[] tally = election.tallies().get(chosen);
        int grades = tally.length;
        int lower = pick / names.size() % (grades - 1);
        int higher = lower + 1 + pick / names.size() / (grades - 1) % (grades - 1 - lower);
        Assume.that(tally[lower] > 0);
        int before = rankOf(chosen, MajorityJudgment.rank(election.tallies()));

        Map<String, long[]> after = election.copy();
        after.get(chosen)[lower]--;
        after.get(chosen)[higher]++; // same total, one judgment better
        assertThat(rankOf(chosen, MajorityJudgment.rank(after))).isLessThanOrEqualTo(before);
    }

    @Property
    void doesNotDependOnTheOrderOfTheMap(@ForAll("elections") Election election, @ForAll long seed) {
        List<String> names = new ArrayList<>(election.tallies().keySet());
        Collections.shuffle(names, new Random(seed));
        Map<String, long[]> shuffled = new LinkedHashMap<>();
        names.forEach(name -> shuffled.put(name, election.tallies().get(name)));
        Map<String, long[]> reversed = new TreeMap<>(Comparator.reverseOrder());
        reversed.putAll(election.tallies());

        List<Ranked> expected = MajorityJudgment.rank(election.tallies());
        assertThat(MajorityJudgment.rank(shuffled)).isEqualTo(expected);
        assertThat(MajorityJudgment.rank(reversed)).isEqualTo(expected);
    }

    @Property
    void ranksEveryOptionOnceWithNonDecreasingCompetitionRanks(@ForAll("elections") Election election) {
        Map<String, long[]> tallies = election.tallies();
        List<Ranked> ranking = MajorityJudgment.rank(tallies);

        assertThat(ranking).hasSize(tallies.size());
        assertThat(ranking).extracting(Ranked::option).containsExactlyInAnyOrderElementsOf(tallies.keySet());
        assertThat(ranking.get(0).rank()).isEqualTo(1);
        for (int i = 1; i < ranking.size(); i++) {
            Ranked previous = ranking.get(i - 1);
            Ranked current = ranking.get(i);
            boolean tied = Arrays.equals(tallies.get(previous.option()), tallies.get(current.option()));
            assertThat(current.rank())
                    .isGreaterThanOrEqualTo(previous.rank())
                    .isEqualTo(tied ? previous.rank() : i + 1);
            assertThat(current.medianGrade()).isLessThanOrEqualTo(previous.medianGrade());
            assertThat(previous.tieBreak().isEmpty()).isEqualTo(tied);
            if (tied) {
                assertThat(current.option()).isGreaterThan(previous.option());
            } else {
                assertThat(previous.tieBreak().get(0)).isEqualTo(previous.medianGrade());
            }
        }
        assertThat(ranking.get(ranking.size() - 1).tieBreak()).isEmpty();
    }

    @Property
    void scalingEveryTallyKeepsTheOrder(
            @ForAll("elections") Election election, @ForAll @IntRange(min = 1, max = 1_000_000) int factor) {
        Map<String, long[]> scaled = election.copy();
        scaled.values().forEach(tally -> {
            for (int g = 0; g < tally.length; g++) {
                tally[g] *= factor;
            }
        });
        assertThat(MajorityJudgment.rank(scaled))
                .extracting(Ranked::option, Ranked::rank, Ranked::medianGrade)
                .isEqualTo(MajorityJudgment.rank(election.tallies()).stream()
                        .map(r -> org.assertj.core.groups.Tuple.tuple(r.option(), r.rank(), r.medianGrade()))
                        .toList());
    }

    // ---------------------------------------------------------------------------------------------

    private static int rankOf(String option, List<Ranked> ranking) {
        return ranking.stream()
                .filter(r -> r.option().equals(option))
                .findFirst()
                .orElseThrow()
                .rank();
    }

    /**
     * The ranking straight from the definition, independently of the class under test: expand each tally
     * into sorted ballots, remove the lower median one at a time, compare the sequences lexicographically.
     */
    static List<Ranked> byDefinition(Map<String, long[]> tallies) {
        record Candidate(String option, List<Integer> majorityValue) {}
        List<Candidate> candidates = new ArrayList<>();
        new TreeMap<>(tallies).forEach((option, tally) -> {
            List<Integer> ballots = new ArrayList<>();
            for (int grade = 0; grade < tally.length; grade++) {
                for (long c = 0; c < tally[grade]; c++) {
                    ballots.add(grade);
                }
            }
            List<Integer> majorityValue = new ArrayList<>();
            while (!ballots.isEmpty()) {
                majorityValue.add(ballots.remove((ballots.size() + 1) / 2 - 1));
            }
            candidates.add(new Candidate(option, majorityValue));
        });
        Comparator<Candidate> lexicographic = (a, b) -> {
            for (int i = 0; i < a.majorityValue().size(); i++) {
                int c = Integer.compare(
                        a.majorityValue().get(i), b.majorityValue().get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        candidates.sort(lexicographic.reversed()); // stable: ties stay in name order

        List<Ranked> ranking = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            Candidate current = candidates.get(i);
            int rank = i > 0 && lexicographic.compare(candidates.get(i - 1), current) == 0
                    ? ranking.get(i - 1).rank()
                    : i + 1;
            List<Integer> tieBreak = List.of();
            if (i + 1 < candidates.size()) {
                List<Integer> next = candidates.get(i + 1).majorityValue();
                for (int t = 0; t < next.size(); t++) {
                    if (!current.majorityValue().get(t).equals(next.get(t))) {
                        tieBreak = current.majorityValue().subList(0, t + 1);
                        break;
                    }
                }
            }
            int median = current.majorityValue().isEmpty()
                    ? 0
                    : current.majorityValue().get(0);
            ranking.add(new Ranked(current.option(), rank, median, tieBreak));
        }
        return ranking;
    }
}
