package org.conventionledger.rules.judgment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.assertj.core.groups.Tuple;
import org.conventionledger.rules.judgment.MajorityJudgment.Ranked;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Majority judgment: the published test vectors of the Mieux Voter libraries, re-expressed on our API,
 * then hand-checked cases.
 *
 * <p>About the vectors: they come from the libraries' standard {@code MajorityJudgmentDeliberator} /
 * {@code MajorityJudgment} tests only (the Java library names "central" and "usual" judgment as other
 * possible deliberators, and the TypeScript one has a non-default "favor adhesion" switch; none of those
 * is used here). Where a library pads unbalanced tallies itself (a "static default grade", a "median
 * default grade", or normalisation), the vector is given here already padded or scaled, since our API
 * asks the caller to do it explicitly; the comment says how. Tallies are worst grade first, and
 * options named {@code p00, p01, …} keep the index order of the source.
 */
class MajorityJudgmentTest {

    // ---------------------------------------------------------------------------------------------
    // Published vectors
    // ---------------------------------------------------------------------------------------------

    @Nested
    @DisplayName("Mieux Voter: majority-judgment-library-java")
    class JavaLibrary {

        // src/test/resources/assertions.json, "Few judgments" (same case as "Few participants" in
        // majority-judgment-library-typescript assertions.json)
        @Test
        void fewJudgments() {
            assertThat(ranks(t(1, 1, 1), t(1, 0, 2), t(3, 0, 0), t(2, 0, 1), t(0, 3, 0)))
                    .containsExactly(3, 1, 5, 4, 2);
        }

        // MajorityJudgmentDeliberatorTest.testDemoUsage (also in the TypeScript library's
        // MajorityJudgmentDeliberator.test.ts, "Test the basic demo usage of the README")
        @Test
        void readmeDemo() {
            assertThat(ranks(t(4, 5, 2, 1, 3, 1, 2), t(3, 6, 2, 1, 3, 1, 2))).containsExactly(2, 1);
        }

        // MajorityJudgmentDeliberatorTest.testDemoUsageWithBigNumbers: 75 billion judgments each, the two
        // options differ by 10 judgments moved from grade 1 to grade 3
        @Test
        void billionsOfJudgments() {
            assertThat(ranks(
                            t(11312415004L, 21153652410L, 24101523299L, 18758623562L),
                            t(11312415004L, 21153652400L, 24101523299L, 18758623572L)))
                    .containsExactly(2, 1);
        }

        // MajorityJudgmentDeliberatorTest.testDemoUsageCollectedTally: the collected judgments counted
        // per grade (reject, passable, good, excellent)
        @Test
        void collectedTally() {
            assertThat(ranks(t(2, 3, 0, 3), t(2, 0, 4, 2), t(2, 1, 3, 2))).containsExactly(3, 1, 2);
        }

        // MajorityJudgmentDeliberatorTest.testWithStaticDefaultGrade: 3 participants, missing judgments
        // count as grade 0; {0,0,1} padded to {2,0,1}
        @Test
        void staticDefaultGrade() {
            assertThat(ranks(t(2, 0, 1), t(0, 3, 0))).containsExactly(2, 1);
        }

        // MajorityJudgmentDeliberatorTest.testWithThousandsOfProposals: 1,337 identical tallies all tie
        @Test
        void thousandsOfIdenticalProposals() {
            Map<String, long[]> tallies = new HashMap<>();
            for (int i = 0; i < 1337; i++) {
                tallies.put("p" + i, t(0, 2, 1));
            }
            assertThat(MajorityJudgment.rank(tallies)).hasSize(1337).allSatisfy(r -> {
                assertThat(r.rank()).isEqualTo(1);
                assertThat(r.medianGrade()).isEqualTo(1);
                assertThat(r.tieBreak()).isEmpty();
            });
        }
    }

    @Nested
    @DisplayName("Mieux Voter: majority-judgment-library-typescript")
    class TypeScriptLibrary {

        // assertions.json, "Thousands of participants" (37,000 each)
        @Test
        void thousandsOfParticipants() {
            assertThat(ranks(
                            t(11142, 6970, 4040, 1968, 9888, 2992),
                            t(10141, 8971, 4043, 1965, 8884, 2996),
                            t(14141, 8971, 1043, 1965, 7884, 2996)))
                    .containsExactly(1, 2, 3);
        }

        // assertions.json, "Millions of participants" (72,327,456 each)
        @Test
        void millionsOfParticipants() {
            assertThat(ranks(
                            t(5272679, 19797001, 10732688, 9612936, 1379840, 16886281, 8646031),
                            t(16354546, 11690342, 9451800, 14245973, 817593, 12461162, 7306040),
                            t(9849171, 17970690, 14276861, 4606692, 16404594, 6760147, 2459301),
                            t(2645563, 12907474, 1278331, 22843261, 8025412, 8964952, 15662463),
                            t(16293252, 12277630, 38348, 14929905, 11087753, 10634266, 7066302)))
                    .containsExactly(3, 4, 5, 1, 2);
        }

        // assertions.json, "Static Default Grade": 10 participants, default grade 0; the source tallies
        // {1,2,2,2,2}, {0,0,4,0,0}, {0,0,0,0,2}, {0,0,0,1,1} padded at grade 0
        @Test
        void staticDefaultGradeZero() {
            assertThat(ranks(t(2, 2, 2, 2, 2), t(2, 2, 2, 2, 2), t(6, 0, 4, 0, 0), t(8, 0, 0, 0, 2), t(8, 0, 0, 1, 1)))
                    .containsExactly(1, 1, 3, 4, 5);
        }

        // assertions.json, "Static Default Grade to Passable": default grade 2; source tallies
        // {2,2,1,2,2}, {0,0,4,0,0}, {0,0,0,0,2}, {0,0,0,1,1} padded at grade 2
        @Test
        void staticDefaultGradePassable() {
            assertThat(ranks(t(2, 2, 2, 2, 2), t(2, 2, 2, 2, 2), t(0, 0, 10, 0, 0), t(0, 0, 8, 0, 2), t(0, 0, 8, 1, 1)))
                    .containsExactly(4, 4, 3, 1, 2);
        }

        // assertions.json, "Median Default Grade": each tally padded with its own (lower) median grade:
        // {2,2,1,2,2} at 2, {0,0,4,0,0} at 2, {0,0,0,0,2} at 4, {0,0,0,1,1} at 3
        @Test
        void medianDefaultGrade() {
            assertThat(ranks(
                            t(2, 2, 2, 2, 2), t(2, 2, 2, 2, 2), t(0, 0, 10, 0, 0), t(0, 0, 0, 0, 10), t(0, 0, 0, 9, 1)))
                    .containsExactly(4, 4, 3, 1, 2);
        }

        // assertions.json, "Normalization": totals 10, 5, 5, 4, 3 scaled to their least common multiple
        // 60 (x6, x12, x12, x15, x20)
        @Test
        void normalization() {
            assertThat(ranks(
                            t(12, 12, 12, 12, 12),
                            t(12, 12, 12, 12, 12),
                            t(0, 0, 60, 0, 0),
                            t(0, 30, 0, 30, 0),
                            t(20, 0, 0, 20, 20)))
                    .containsExactly(3, 3, 2, 5, 1);
        }

        // MajorityJudgmentDeliberator.test.ts, 'Test with a static default grade ("worst grade" == 0)':
        // 3 judges; {0,0,1} padded to {2,0,1}. The first and the last are exact ties.
        @Test
        void staticDefaultGradeWithTie() {
            assertThat(ranks(t(2, 0, 1), t(0, 3, 0), t(2, 0, 1))).containsExactly(2, 1, 2);
        }

        // MajorityJudgmentDeliberator.test.ts, "Test static default grade with thousands of proposals and
        // millions of judges": 1,337 x {7,204,107} with 60,000,000 judges, the rest at grade 0
        @Test
        void thousandsOfProposalsMillionsOfJudges() {
            Map<String, long[]> tallies = new HashMap<>();
            for (int i = 0; i < 1337; i++) {
                tallies.put("p" + i, t(7 + (60_000_000L - 7 - 204 - 107), 204, 107));
            }
            assertThat(MajorityJudgment.rank(tallies))
                    .hasSize(1337)
                    .allSatisfy(r -> assertThat(r.rank()).isEqualTo(1));
        }

        // MajorityJudgmentDeliberator.test.ts, "Test with a median default grade": 42 judges, each tally
        // padded with its lower median: {0,0,1}->{0,0,42}, {0,1,0}->{0,42,0}, {1,1,1}->{1,40,1},
        // {1,0,1}->{41,0,1}, {1,0,0}->{42,0,0}
        @Test
        void medianDefaultGradeFortyTwoJudges() {
            assertThat(ranks(t(0, 0, 42), t(0, 42, 0), t(1, 40, 1), t(41, 0, 1), t(42, 0, 0)))
                    .containsExactly(1, 2, 3, 4, 5);
        }
    }

    @Nested
    @DisplayName("Mieux Voter: majority-judgment-library-php")
    class PhpLibrary {

        // test/MajorityJudgmentDeliberatorTest.php, first dataset (the same as "Feedback from Paris" in
        // the TypeScript assertions.json): 21 judgments; proposal_d's source tally {1,0,4,3,7,4,1} has 20,
        // the library pads the missing one at grade 0. Checks names, order and the 1, 2, 2, 4 ranking.
        @Test
        void feedbackFromParis() {
            Map<String, long[]> tallies = new LinkedHashMap<>();
            tallies.put("proposal_a", t(1, 1, 4, 3, 7, 4, 1));
            tallies.put("proposal_b", t(0, 2, 4, 3, 7, 4, 1));
            tallies.put("proposal_c", t(1, 1, 4, 3, 7, 4, 1));
            tallies.put("proposal_d", t(2, 0, 4, 3, 7, 4, 1));
            assertThat(MajorityJudgment.rank(tallies))
                    .extracting(Ranked::option, Ranked::rank)
                    .containsExactly(
                            Tuple.tuple("proposal_b", 1),
                            Tuple.tuple("proposal_a", 2),
                            Tuple.tuple("proposal_c", 2),
                            Tuple.tuple("proposal_d", 4));
        }

        // test/MajorityJudgmentTest.php "Paris' real data" and MajorityJudgmentDeliberatorTest.php second
        // dataset (MieuxVoter/mvapi fixtures/election1.yaml): 17 proposals, 18 judgments, 6 grades
        @Test
        void parisRealData() {
            assertThat(ranks(
                            t(0, 2, 0, 7, 5, 4),
                            t(1, 1, 1, 7, 4, 4),
                            t(2, 4, 2, 1, 5, 4),
                            t(1, 2, 4, 6, 2, 3),
                            t(1, 2, 5, 4, 3, 3),
                            t(1, 4, 3, 2, 5, 3),
                            t(1, 1, 2, 4, 4, 6),
                            t(1, 3, 1, 4, 3, 6),
                            t(1, 2, 2, 6, 3, 4),
                            t(2, 2, 1, 5, 2, 6),
                            t(0, 0, 0, 0, 1, 17),
                            t(1, 0, 2, 3, 7, 5),
                            t(0, 2, 1, 1, 4, 10),
                            t(1, 1, 3, 1, 5, 7),
                            t(1, 1, 0, 1, 11, 4),
                            t(1, 2, 3, 6, 5, 1),
                            t(1, 0, 2, 0, 3, 12)))
                    .containsExactly(9, 12, 10, 15, 17, 16, 7, 8, 13, 11, 1, 6, 3, 4, 5, 14, 2);
        }

        // test/MajorityJudgmentTest.php, "Simple example" (ranks, then indices best first)
        @Test
        void simpleExample() {
            long[][] tallies = {t(1, 2, 3, 4), t(4, 3, 2, 1), t(3, 3, 3, 1), t(9, 0, 0, 1), t(0, 0, 1, 9)};
            assertThat(ranks(tallies)).containsExactly(2, 4, 3, 5, 1);
            assertThat(order(tallies)).containsExactly("p04", "p00", "p02", "p01", "p03");
        }

        // test/MajorityJudgmentTest.php, "Equality is allowed & order is stable"
        @Test
        void equalityAndStableOrder() {
            long[][] tallies = {t(1, 2, 3, 4), t(4, 3, 2, 1), t(1, 2, 3, 4)};
            assertThat(ranks(tallies)).containsExactly(1, 3, 1);
            assertThat(order(tallies)).containsExactly("p00", "p02", "p01");
        }

        // test/MajorityJudgmentTest.php, "A single candidate is allowed"
        @Test
        void singleCandidate() {
            assertThat(ranks(t(1, 1, 1))).containsExactly(1);
        }

        // test/MajorityJudgmentTest.php, testReadmeExample01, with the grade names of the source:
        // #1 Chips (very good), #2 Arancini (good), #3 Burger (somewhat good)
        @Test
        void readmeExample() {
            List<String> grades =
                    List.of("to reject", "insufficient", "passable", "somewhat good", "good", "very good", "excellent");
            Map<String, long[]> tallies = Map.of(
                    "Arancini", t(1, 1, 4, 3, 7, 4, 1),
                    "Burger", t(2, 2, 5, 5, 5, 0, 2),
                    "Chips", t(0, 1, 2, 1, 6, 7, 4));
            List<Ranked> ranking = MajorityJudgment.rank(tallies);
            assertThat(ranking)
                    .extracting(r -> "#" + r.rank() + " " + r.option() + " (" + grades.get(r.medianGrade()) + ")")
                    .containsExactly("#1 Chips (very good)", "#2 Arancini (good)", "#3 Burger (somewhat good)");
        }

        // test/MajorityJudgmentTest.php, testGetMedianGradeIndex: the lower median of each tally
        @Test
        void medianGradeIndex() {
            assertThat(median(t(1, 1))).isZero();
            assertThat(median(t(2, 2, 2))).isEqualTo(1);
            assertThat(median(t(2, 2, 7))).isEqualTo(2);
            assertThat(median(t(2, 2, 5, 1, 3))).isEqualTo(2);
            assertThat(median(t(2, 3, 5, 7, 11, 13))).isEqualTo(4);
            assertThat(median(t(0, 0, 0, 0, 0, 0))).isZero();
            assertThat(median(t(0, 0, 0, 1, 0, 0))).isEqualTo(3);
            assertThat(median(t(0, 0, 1, 0, 1, 0))).isEqualTo(2);
            assertThat(median(t(0, 2, 2))).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("Mieux Voter: majority-judgment-library-go")
    class GoLibrary {

        // judgment/majorityjudgment_test.go, TestBunchOfWorkingScenarios "Basic 01"
        @Test
        void basic01() {
            assertThat(ranks(t(1, 1, 1), t(1, 2, 0), t(0, 2, 1))).containsExactly(2, 3, 1);
        }

        // judgment/majorityjudgment_test.go, TestBunchOfWorkingScenarios "Billions of participants"
        @Test
        void billionsOfParticipants() {
            assertThat(ranks(t(10_000_000_000L, 10_000_000_000L), t(9_999_999_999L, 10_000_000_001L)))
                    .containsExactly(2, 1);
        }

        // judgment/majorityjudgment_test.go and majorityjudgment_test.go, TestReadmeDemo: A and E are
        // identical and share rank 4; sorted: B, C, D, A, E
        @Test
        void readmeDemo() {
            long[][] tallies = {t(2, 2, 2, 2, 2), t(2, 1, 1, 1, 5), t(2, 1, 1, 2, 4), t(2, 1, 5, 0, 2), t(2, 2, 2, 2, 2)
            };
            assertThat(ranks(tallies)).containsExactly(4, 1, 2, 3, 4);
            assertThat(order(tallies)).containsExactly("p01", "p02", "p03", "p00", "p04");
        }

        // judgment/majorityjudgment_test.go, TestUnbalancedTally and TestMishapedTally
        @Test
        void rejectsUnbalancedAndMisshapedTallies() {
            assertThatThrownBy(() -> MajorityJudgment.rank(named(t(2, 2, 2, 2, 2), t(2, 0, 0, 0, 2))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("p01");
            assertThatThrownBy(() -> MajorityJudgment.rank(named(t(2, 2, 2, 2, 2), t(2, 2, 2, 2))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("p01");
        }
    }

    @Nested
    @DisplayName("Mieux Voter: majority-judgment-library-python")
    class PythonLibrary {

        // majority_judgment/__init__.py, doctest of majority_judgment: A = [3,3,3,0,0,0,1,1,2,2],
        // B = [0,0,1,1,2,2,2,2,3,3] (individual grades, here counted per grade)
        @Test
        void doctestAB() {
            assertThat(order(t(3, 2, 2, 3), t(2, 2, 4, 2))).containsExactly("p01", "p00");
        }

        // majority_judgment/__init__.py, doctest with candidates 81 and 82 (37 grades 0..5 each)
        @Test
        void doctest81And82() {
            Map<String, long[]> tallies = Map.of("81", t(1, 6, 2, 12, 8, 8), "82", t(1, 8, 2, 2, 8, 16));
            assertThat(MajorityJudgment.rank(tallies))
                    .extracting(Ranked::option)
                    .containsExactly("82", "81");
        }

        // README.md example: Chips, Pasta, Pizza, Bread
        @Test
        void readmeExample() {
            Map<String, long[]> tallies = Map.of(
                    "Pizza", t(3, 2, 2, 3),
                    "Chips", t(2, 2, 4, 2),
                    "Pasta", t(2, 3, 2, 3),
                    "Bread", t(2, 4, 3, 1));
            assertThat(MajorityJudgment.rank(tallies))
                    .extracting(Ranked::option, Ranked::rank)
                    .containsExactly(
                            Tuple.tuple("Chips", 1),
                            Tuple.tuple("Pasta", 2),
                            Tuple.tuple("Pizza", 3),
                            Tuple.tuple("Bread", 4));
        }

        // majority_judgment/__init__.py, compute_majority_values doctest ("examples from MJ book"): the
        // grades 7..11 are indexes 0..4 here. [7,11,9,9,11] has majority value [9,9,11,7,11] and
        // [8,11,9,9,10] has [9,9,10,8,11]; so the first wins at the third median, and its tie-break is
        // the shared prefix 9, 9 followed by its own 11.
        @Test
        void majorityValuesOfTheBook() {
            assertThat(MajorityJudgment.majorityValue(t(1, 0, 2, 0, 2))).containsExactly(2, 2, 4, 0, 4);
            assertThat(MajorityJudgment.majorityValue(t(0, 1, 2, 1, 1))).containsExactly(2, 2, 3, 1, 4);
            List<Ranked> ranking = MajorityJudgment.rank(named(t(0, 1, 2, 1, 1), t(1, 0, 2, 0, 2)));
            assertThat(ranking.get(0).option()).isEqualTo("p01");
            assertThat(ranking.get(0).tieBreak()).containsExactly(2, 2, 4);
        }
    }

    @Nested
    @DisplayName("Mieux Voter: majority-judgment-library-kotlin")
    class KotlinLibrary {

        // test/fr/mieuxvoter/kmj/MajorityJudgmentTest.kt, getData(): the balanced cases
        @Test
        void dataCases() {
            assertThat(ranks(t(11, 2, 7), t(10, 4, 6))).containsExactly(2, 1);
            assertThat(ranks(t(30, 30, 30, 30, 30), t(20, 35, 35, 40, 20), t(25, 35, 30, 40, 20)))
                    .containsExactly(3, 1, 2);
            assertThat(ranks(
                            t(10_000_000, 20_000_000, 15_111_222),
                            t(30_000_000, 10_111_000, 5_000_222),
                            t(5_000_000, 15_111_000, 25_000_222)))
                    .containsExactly(2, 3, 1);
            // "Perfect equality is allowed"
            assertThat(ranks(
                            t(300, 300, 300, 300, 300),
                            t(150, 150, 0, 600, 600),
                            t(150, 150, 0, 600, 600),
                            t(350, 250, 350, 250, 300)))
                    .containsExactly(3, 1, 1, 4);
            assertThat(ranks(t(0, 1, 2, 3, 4, 5, 6))).containsExactly(1);
        }

        // getData(), "Balance with default static grade" (3 judgments, padded at grade 0) and "Balance
        // with default median grade" (padded with each tally's lower median; no judgment at all counts as
        // grade 0)
        @Test
        void balancedCases() {
            assertThat(ranks(t(0, 0, 3), t(0, 2, 1), t(2, 0, 1), t(2, 1, 0), t(3, 0, 0)))
                    .containsExactly(1, 2, 3, 4, 5);
            assertThat(ranks(t(0, 0, 3), t(0, 2, 1), t(0, 0, 3), t(0, 3, 0), t(3, 0, 0)))
                    .containsExactly(1, 3, 1, 4, 5);
        }

        // testReadmeExample: ranks 2, 3, 1; indices best first 2, 0, 1
        @Test
        void readmeExample() {
            long[][] tallies = {t(4, 5, 2, 1, 3, 1, 2), t(3, 6, 2, 2, 2, 1, 2), t(5, 3, 0, 2, 3, 2, 3)};
            assertThat(ranks(tallies)).containsExactly(2, 3, 1);
            assertThat(order(tallies)).containsExactly("p02", "p00", "p01");
        }

        // testSimpleExampleWithBigIntegers: Arancini, Burger, Chips
        @Test
        void simpleExample() {
            assertThat(ranks(t(3, 3, 3, 3, 3), t(2, 2, 4, 6, 1), t(0, 0, 10, 5, 0)))
                    .containsExactly(3, 1, 2);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Hand-checked cases
    // ---------------------------------------------------------------------------------------------

    @Nested
    class HandChecked {

        /**
         * {@code {2,0,2}} = judgments 0, 0, 2, 2: the lower median is the 2nd, grade 0 (not 2, and no
         * average). {@code {0,2,2}} = 1, 1, 2, 2: median 1, while {@code {0,1,3}} = 1, 2, 2, 2: median 2,
         * which wins at once.
         */
        @Test
        void lowerMedianWithEvenCounts() {
            assertThat(median(t(2, 0, 2))).isZero();
            assertThat(median(t(1, 1, 1, 1))).isEqualTo(1);
            List<Ranked> ranking = MajorityJudgment.rank(Map.of("a", t(0, 2, 2), "b", t(0, 1, 3)));
            assertThat(ranking)
                    .extracting(Ranked::option, Ranked::medianGrade, Ranked::tieBreak)
                    .containsExactly(Tuple.tuple("b", 2, List.of(2)), Tuple.tuple("a", 1, List.of()));
        }

        /**
         * Both medians are 2 (of grades 0..4), five judgments each. "up" = 1, 2, 2, 3, 3: two judgments
         * above its median, one below; "down" = 1, 1, 2, 2, 3: one above, two below. Majority values
         * (odd count: median, then left, right, left, right): up = 2, 2, 3, 1, 3; down = 2, 1, 2, 1, 3.
         * The second median decides (2 against 1): the group below "down"'s median is the larger one.
         */
        @Test
        void tieBrokenByTheGroupsAroundTheMedian() {
            List<Ranked> ranking = MajorityJudgment.rank(Map.of("down", t(0, 2, 2, 1, 0), "up", t(0, 1, 2, 2, 0)));
            assertThat(ranking).extracting(Ranked::option).containsExactly("up", "down");
            assertThat(ranking.get(0).medianGrade())
                    .isEqualTo(ranking.get(1).medianGrade())
                    .isEqualTo(2);
            assertThat(ranking.get(0).tieBreak()).containsExactly(2, 2);
            assertThat(ranking.get(1).tieBreak()).isEmpty();
            assertThat(MajorityJudgment.majorityValue(t(0, 1, 2, 2, 0))).containsExactly(2, 2, 3, 1, 3);
            assertThat(MajorityJudgment.majorityValue(t(0, 2, 2, 1, 0))).containsExactly(2, 1, 2, 1, 3);
        }

        /**
         * Even count: after the lower median, the judgment just above it comes first. "a" = 0, 1, 1, 2 →
         * majority value 1, 1, 0, 2; "b" = 0, 1, 2, 2 → 1, 2, 0, 2: "b" wins at the second median — its
         * group above the median is bigger, even though both have one judgment below it.
         */
        @Test
        void evenCountLooksAboveFirst() {
            assertThat(MajorityJudgment.majorityValue(t(1, 2, 1))).containsExactly(1, 1, 0, 2);
            assertThat(MajorityJudgment.majorityValue(t(1, 1, 2))).containsExactly(1, 2, 0, 2);
            List<Ranked> ranking = MajorityJudgment.rank(Map.of("a", t(1, 2, 1), "b", t(1, 1, 2)));
            assertThat(ranking).extracting(Ranked::option).containsExactly("b", "a");
            assertThat(ranking.get(0).tieBreak()).containsExactly(1, 2);
        }

        /** Identical tallies share a rank, the next rank skips, ties are listed in name order. */
        @Test
        void exactTiesShareARank() {
            Map<String, long[]> tallies = new LinkedHashMap<>();
            tallies.put("z-worst", t(3, 0, 0));
            tallies.put("c-tied", t(1, 1, 1));
            tallies.put("m-best", t(0, 0, 3));
            tallies.put("b-tied", t(1, 1, 1));
            List<Ranked> ranking = MajorityJudgment.rank(tallies);
            assertThat(ranking)
                    .containsExactly(
                            new Ranked("m-best", 1, 2, List.of(2)),
                            new Ranked("b-tied", 2, 1, List.of()),
                            new Ranked("c-tied", 2, 1, List.of(1)),
                            new Ranked("z-worst", 4, 0, List.of()));
        }

        @Test
        void threeWayTieAtTheTop() {
            Map<String, long[]> tallies =
                    new TreeMap<>(Map.of("c", t(1, 2, 3), "a", t(1, 2, 3), "b", t(1, 2, 3), "d", t(2, 2, 2)));
            assertThat(MajorityJudgment.rank(tallies))
                    .extracting(Ranked::option, Ranked::rank)
                    .containsExactly(
                            Tuple.tuple("a", 1), Tuple.tuple("b", 1), Tuple.tuple("c", 1), Tuple.tuple("d", 4));
        }

        @Test
        void noJudgmentsAtAll() {
            assertThat(MajorityJudgment.rank(Map.of("y", t(0, 0, 0), "x", t(0, 0, 0))))
                    .containsExactly(new Ranked("x", 1, 0, List.of()), new Ranked("y", 1, 0, List.of()));
        }

        @Test
        void noOptions() {
            assertThat(MajorityJudgment.rank(Map.of())).isEmpty();
        }

        /**
         * One million judgments each; "a" = 100,000 x grade 0, 800,000 x 2, 100,000 x 4; "b" moves one
         * judgment from 4 to 0. Sorted positions 100,001 (a: 2, b: 0) and 900,001 (a: 4, b: 2) differ.
         * n is even, m = 500,000: the left position is at depth 399,999 = majority-value index 799,998;
         * the right one at depth 400,001 = index 800,001. So "a" wins at index 799,998 with a 2 against
         * a 0, after 799,998 shared medians that are all 2.
         */
        @Test
        void deepTieBreak() {
            List<Ranked> ranking = MajorityJudgment.rank(Map.of(
                    "a", t(100_000, 0, 800_000, 0, 100_000),
                    "b", t(100_001, 0, 800_000, 0, 99_999)));
            assertThat(ranking)
                    .extracting(Ranked::option, Ranked::rank)
                    .containsExactly(Tuple.tuple("a", 1), Tuple.tuple("b", 2));
            List<Integer> tieBreak = ranking.get(0).tieBreak();
            assertThat(tieBreak).hasSize(799_999).containsOnly(2);
            assertThat(MajorityJudgment.majorityValue(t(100_001, 0, 800_000, 0, 99_999))
                            .get(799_998))
                    .isZero();
        }

        /** 1,000 options x 1,000,000 judgments x 7 grades, random (fixed seed): completes quickly. */
        @Test
        void thousandOptionsMillionJudgmentsEach() {
            SplittableRandom random = new SplittableRandom(20220101);
            Map<String, long[]> tallies = new HashMap<>();
            for (int i = 0; i < 1000; i++) {
                long[] tally = new long[7];
                long left = 1_000_000;
                for (int g = 0; g < 6; g++) {
                    long count = random.nextLong(left / 3 + 1);
                    tally[g] = count;
                    left -= count;
                }
                tally[6] = left;
                tallies.put("option-" + i, tally);
            }
            // and a block of exact ties to keep the ranking honest
            for (int i = 0; i < 10; i++) {
                tallies.put("tied-" + i, t(100_000, 100_000, 200_000, 200_000, 200_000, 100_000, 100_000));
            }
            List<Ranked> ranking = MajorityJudgment.rank(tallies);
            assertThat(ranking).hasSize(1010);
            assertThat(ranking.get(0).rank()).isEqualTo(1);
            for (int i = 1; i < ranking.size(); i++) {
                Ranked previous = ranking.get(i - 1);
                Ranked current = ranking.get(i);
                assertThat(current.rank()).isGreaterThanOrEqualTo(previous.rank());
                assertThat(current.medianGrade()).isLessThanOrEqualTo(previous.medianGrade());
                if (current.rank() == previous.rank()) {
                    assertThat(tallies.get(current.option())).isEqualTo(tallies.get(previous.option()));
                    assertThat(current.option()).isGreaterThan(previous.option());
                } else {
                    assertThat(current.rank()).isEqualTo(i + 1);
                    assertThat(previous.tieBreak()).isNotEmpty();
                }
            }
            assertThat(ranking)
                    .filteredOn(r -> r.option().startsWith("tied-"))
                    .extracting(Ranked::rank)
                    .containsOnly(ranking.stream()
                            .filter(r -> r.option().equals("tied-0"))
                            .findFirst()
                            .orElseThrow()
                            .rank());
        }
    }

    @Nested
    class Rejections {

        @Test
        void unequalTotalsNameTheOption() {
            assertThatThrownBy(() ->
                            MajorityJudgment.rank(Map.of("alpha", t(1, 2, 3), "beta", t(1, 2, 2), "gamma", t(3, 2, 1))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'beta'")
                    .hasMessageContaining("5 judgments")
                    .hasMessageContaining("6");
        }

        @Test
        void unequalTotalsNameTheOddOneEvenIfItComesFirst() {
            assertThatThrownBy(() ->
                            MajorityJudgment.rank(Map.of("alpha", t(0, 0, 1), "beta", t(1, 1, 1), "gamma", t(3, 0, 0))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'alpha'");
        }

        @Test
        void malformedTallies() {
            assertThatThrownBy(() -> MajorityJudgment.rank(Map.of("a", t(3))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'a'");
            assertThatThrownBy(() -> MajorityJudgment.rank(Map.of("a", t(1, 1), "b", t(1, 0, 1))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'b'");
            assertThatThrownBy(() -> MajorityJudgment.rank(Map.of("a", t(3, -1, 1))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("negative");
            assertThatThrownBy(() -> MajorityJudgment.rank(Map.of("a", t(Long.MAX_VALUE, 1))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'a'");
            Map<String, long[]> withNull = new HashMap<>();
            withNull.put("a", null);
            assertThatThrownBy(() -> MajorityJudgment.rank(withNull))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'a'");
            Map<String, long[]> nullName = new HashMap<>();
            nullName.put(null, t(1, 1));
            assertThatThrownBy(() -> MajorityJudgment.rank(nullName)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void tieBreakIsReadOnly() {
            List<Integer> tieBreak = MajorityJudgment.rank(Map.of("a", t(0, 3), "b", t(3, 0)))
                    .get(0)
                    .tieBreak();
            assertThat(tieBreak).containsExactly(1);
            assertThatThrownBy(() -> tieBreak.add(0)).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    // ---------------------------------------------------------------------------------------------

    static long[] t(long... counts) {
        return counts;
    }

    /** Options named p00, p01, … in the given order (name order = index order). */
    static Map<String, long[]> named(long[]... tallies) {
        Map<String, long[]> map = new HashMap<>();
        for (int i = 0; i < tallies.length; i++) {
            map.put(String.format("p%02d", i), tallies[i]);
        }
        return map;
    }

    /** The rank of each tally, in input order. */
    static int[] ranks(long[]... tallies) {
        int[] ranks = new int[tallies.length];
        for (Ranked ranked : MajorityJudgment.rank(named(tallies))) {
            ranks[Integer.parseInt(ranked.option().substring(1))] = ranked.rank();
        }
        return ranks;
    }

    /** Option names best first. */
    static List<String> order(long[]... tallies) {
        return MajorityJudgment.rank(named(tallies)).stream()
                .map(Ranked::option)
                .toList();
    }

    static int median(long[] tally) {
        return MajorityJudgment.rank(Map.of("only", tally)).get(0).medianGrade();
    }
}
