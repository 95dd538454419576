package org.conventionledger.rules.judgment;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * Majority judgment (MJ): ranks options from the judgments (grades) voters gave each of them. Pure
 * Java, no framework: the command side, the read side and the garants' {@code ledger mj} recount all
 * use this one class.
 *
 * <h2>Input</h2>
 * {@link #rank(Map)} takes, for each option, its <em>merit profile</em>: the number of judgments it
 * received in each grade, index {@code 0} = worst grade … last index = best grade. All arrays have the
 * same length (at least 2), counts are {@code >= 0}, and every option has the same total number of
 * judgments. Unequal totals are rejected ({@link IllegalArgumentException} naming the option): the
 * caller decides how missing judgments count (usually as the worst grade, "to reject") and pads the
 * tallies explicitly before calling.
 *
 * <h2>Rules</h2>
 * As defined by M. Balinski and R. Laraki, <i>Majority Judgment: Measuring, Ranking, and Electing</i>,
 * MIT Press, 2010 (the "majority grade" and the "majority value"), and as implemented by the
 * Mieux Voter association's libraries ({@code github.com/MieuxVoter/majority-judgment-library-*},
 * their {@code MajorityJudgmentDeliberator}, not the "central" or "usual" judgment variants):
 * <ol>
 *   <li><b>Median.</b> Sort an option's {@code n} judgments from worst to best, {@code s[1] <= … <=
 *   s[n]}. Its <em>majority grade</em> is the median {@code s[m]} with {@code m = ceil(n/2)}: the
 *   <b>lower</b> median when {@code n} is even (with 4 judgments, the 2nd worst).</li>
 *   <li><b>Majority value.</b> Remove one judgment equal to the median and take the (lower) median of
 *   the {@code n-1} remaining ones, and so on until none is left: the sequence of these {@code n}
 *   medians is the option's <em>majority value</em>. An option ranks above another when its majority
 *   value is lexicographically greater, best grade first: the first median that differs decides.</li>
 *   <li><b>Exact ties.</b> Two options whose majority values are identical — with equal totals, this
 *   happens exactly when their tallies are identical — share a rank. Ranks follow the standard
 *   competition ranking: 1, 2, 2, 4.</li>
 * </ol>
 *
 * <h2>How it is computed</h2>
 * Never by expanding ballots. Removing lower medians one by one always takes the judgments in the same
 * order around the first median {@code s[m]}: when the remaining judgments are {@code s[1..a]} and
 * {@code s[b..n]}, the lower median is {@code s[a]} if {@code a >= n-b+1}, else {@code s[b]}. Hence
 * the majority value is
 * <pre>
 *   n odd:  s[m], s[m-1], s[m+1], s[m-2], s[m+2], …   (left first)
 *   n even: s[m], s[m+1], s[m-1], s[m+2], s[m-2], …   (right first)
 * </pre>
 * so nothing is removed one judgment at a time: whole blocks of equal judgments on each side of the
 * median are consumed at once, and position {@code t} of the majority value is a fixed sorted position
 * that depends only on {@code n} — the same for every option, since totals are equal. Two options
 * therefore first differ at the earliest such position where their sorted judgments differ, which the
 * cumulative counts give directly: for each grade {@code g}, the sorted positions whose grade is above
 * {@code g} in one option and not in the other form the interval
 * {@code (min(cumA[g], cumB[g]), max(cumA[g], cumB[g])]}. A comparison is thus {@code O(grades)}
 * whatever the number of judgments (longs: billions are fine), and a ranking
 * {@code O(options · log(options) · grades)}: a thousand options with a million judgments each rank in
 * well under a second.
 *
 * <h2>Output</h2>
 * The options best first; exact ties in {@link String#compareTo} order of their names (so the result
 * does not depend on the map's iteration order). See {@link Ranked} for the fields. With no judgments
 * at all (every total is 0) all options tie at rank 1 with median grade 0.
 */
public final class MajorityJudgment {

    private MajorityJudgment() {}

    /**
     * One option's place in the ranking.
     *
     * @param option      the option's name, as given
     * @param rank        1 = best; exact ties share a rank and the next rank skips (1, 2, 2, 4)
     * @param medianGrade the option's majority grade: its lower median judgment, as a grade index (0 =
     *                    worst); 0 when there are no judgments
     * @param tieBreak    what put this option above the next one in the list: the prefix of this
     *                    option's majority value (grade indexes, see {@link MajorityJudgment}) up to and
     *                    including the first median that differs from the next option's. Every element
     *                    but the last is shared by both options; the last is this option's grade at the
     *                    deciding step, strictly better than the next option's grade there. The first
     *                    element is always {@code medianGrade}, so a one-element list means the median
     *                    grades alone decided. Empty for the last option and when this option is
     *                    exactly tied with the next one (same rank). The list is an immutable view
     *                    computed on demand from the tally (it may be long when two options agree on
     *                    most judgments, but costs no memory); it is capped at
     *                    {@link Integer#MAX_VALUE} elements.
     */
    public record Ranked(String option, int rank, int medianGrade, List<Integer> tieBreak) {

        public Ranked {
            Objects.requireNonNull(option, "option");
            Objects.requireNonNull(tieBreak, "tieBreak");
        }
    }

    /**
     * Ranks the options by majority judgment.
     *
     * @param tallies for each option, its number of judgments per grade, worst grade first; all arrays of
     *                the same length (at least 2), counts {@code >= 0}, the same total for every option
     * @return every option once, best first (see {@link MajorityJudgment} for the rules)
     * @throws IllegalArgumentException if an option's name or tally is missing, a tally has fewer than 2
     *                                  grades or not as many as the others, a count is negative, a total
     *                                  exceeds {@link Long#MAX_VALUE}, or the totals differ (the message
     *                                  names the option)
     */
    public static List<Ranked> rank(Map<String, long[]> tallies) {
        Objects.requireNonNull(tallies, "tallies");
        Profile[] profiles = profiles(tallies);
        if (profiles.length == 0) {
            return List.of();
        }
        // profiles are in name order; the sort is stable, so exact ties stay in name order
        Arrays.sort(profiles, (a, b) -> compare(b, a));

        List<Ranked> ranking = new ArrayList<>(profiles.length);
        int rank = 1;
        for (int i = 0; i < profiles.length; i++) {
            Profile current = profiles[i];
            if (i > 0 && firstDifference(profiles[i - 1], current) < 0) {
                rank = ranking.get(i - 1).rank();
            } else {
                rank = i + 1;
            }
            List<Integer> tieBreak = List.of();
            if (i + 1 < profiles.length) {
                long deciding = firstDifference(current, profiles[i + 1]);
                if (deciding >= 0) {
                    tieBreak = new MajorityValuePrefix(current, deciding + 1);
                }
            }
            ranking.add(new Ranked(current.option, rank, current.medianGrade(), tieBreak));
        }
        return List.copyOf(ranking);
    }

    /** Validates the input and builds the profiles, in name order. */
    private static Profile[] profiles(Map<String, long[]> tallies) {
        List<String> names = new ArrayList<>(tallies.size());
        for (String name : tallies.keySet()) {
            if (name == null) {
                throw new IllegalArgumentException("An option has no name");
            }
            names.add(name);
        }
        names.sort(null);
        Profile[] profiles = new Profile[names.size()];
        int grades = -1;
        String gradesSetBy = null;
        for (int i = 0; i < profiles.length; i++) {
            String name = names.get(i);
            long[] tally = tallies.get(name);
            if (tally == null) {
                throw new IllegalArgumentException("Option '" + name + "' has no tally");
            }
            if (tally.length < 2) {
                throw new IllegalArgumentException(
                        "Option '" + name + "' has " + tally.length + " grade(s); majority judgment needs at least 2");
            }
            if (grades < 0) {
                grades = tally.length;
                gradesSetBy = name;
            } else if (tally.length != grades) {
                throw new IllegalArgumentException("Option '" + name + "' has " + tally.length + " grades but option '"
                        + gradesSetBy + "' has " + grades);
            }
            profiles[i] = Profile.of(name, tally);
        }
        requireEqualTotals(profiles);
        return profiles;
    }

    /** Names the first option (in name order) whose total differs from the most common total. */
    private static void requireEqualTotals(Profile[] profiles) {
        if (profiles.length == 0) {
            return;
        }
        Map<Long, Integer> frequency = new HashMap<>();
        long common = profiles[0].total;
        int commonCount = 0;
        for (Profile profile : profiles) {
            int count = frequency.merge(profile.total, 1, Integer::sum);
            if (count > commonCount) {
                common = profile.total;
                commonCount = count;
            }
        }
        for (Profile profile : profiles) {
            if (profile.total != common) {
                throw new IllegalArgumentException("Option '" + profile.option + "' has " + profile.total
                        + " judgments but " + commonCount + " other option(s) have " + common
                        + ": every option needs the same number of judgments (pad missing judgments"
                        + " explicitly, e.g. as the worst grade)");
            }
        }
    }

    /** {@code > 0} if {@code a} ranks above {@code b}, {@code 0} for an exact tie. */
    static int compare(Profile a, Profile b) {
        long t = firstDifference(a, b);
        return t < 0 ? 0 : Integer.compare(a.majorityValueAt(t), b.majorityValueAt(t));
    }

    /**
     * The first position (0-based) at which the majority values of {@code a} and {@code b} differ, or
     * {@code -1} if they are identical. Both have the same total {@code n} and number of grades.
     */
    static long firstDifference(Profile a, Profile b) {
        long n = a.total;
        if (n == 0) {
            return -1;
        }
        long m = a.medianPosition;
        long leftmost = Long.MIN_VALUE; // largest differing sorted position below m
        long rightmost = Long.MAX_VALUE; // smallest differing sorted position above m
        for (int g = 0; g < a.cumulative.length - 1; g++) {
            long ca = a.cumulative[g];
            long cb = b.cumulative[g];
            if (ca == cb) {
                continue;
            }
            // sorted positions (lo, hi] are above grade g in one option and not in the other
            long lo = Math.min(ca, cb);
            long hi = Math.max(ca, cb);
            if (lo < m && m <= hi) {
                return 0; // the median grades differ
            }
            if (lo < m - 1) {
                leftmost = Math.max(leftmost, Math.min(hi, m - 1));
            }
            if (hi > m) {
                rightmost = Math.min(rightmost, Math.max(lo + 1, m + 1));
            }
        }
        boolean odd = (n & 1) == 1;
        long first = Long.MAX_VALUE;
        if (leftmost != Long.MIN_VALUE) {
            long depth = m - leftmost;
            first = odd ? 2 * depth - 1 : 2 * depth;
        }
        if (rightmost != Long.MAX_VALUE) {
            long depth = rightmost - m;
            first = Math.min(first, odd ? 2 * depth : 2 * depth - 1);
        }
        return first == Long.MAX_VALUE ? -1 : first;
    }

    /** Majority value of one tally, as a view (package-private: for tests). */
    static List<Integer> majorityValue(long[] tally) {
        Profile profile = Profile.of("", tally);
        return new MajorityValuePrefix(profile, profile.total);
    }

    /** One option's tally as cumulative counts. */
    static final class Profile {

        final String option;
        /** {@code cumulative[g]} = number of judgments with a grade {@code <= g}. */
        final long[] cumulative;

        final long total;
        /** 1-based sorted position of the lower median, {@code ceil(total / 2)}; 0 without judgments. */
        final long medianPosition;

        private Profile(String option, long[] cumulative) {
            this.option = option;
            this.cumulative = cumulative;
            this.total = cumulative[cumulative.length - 1];
            this.medianPosition = total - total / 2;
        }

        static Profile of(String option, long[] tally) {
            long[] cumulative = new long[tally.length];
            long sum = 0;
            for (int g = 0; g < tally.length; g++) {
                if (tally[g] < 0) {
                    throw new IllegalArgumentException(
                            "Option '" + option + "' has a negative count (" + tally[g] + ") for grade " + g);
                }
                try {
                    sum = Math.addExact(sum, tally[g]);
                } catch (ArithmeticException e) {
                    throw new IllegalArgumentException(
                            "Option '" + option + "' has more than " + Long.MAX_VALUE + " judgments");
                }
                cumulative[g] = sum;
            }
            return new Profile(option, cumulative);
        }

        int medianGrade() {
            return total == 0 ? 0 : gradeAt(medianPosition);
        }

        /** Grade of the judgment at 1-based position {@code k} of the sorted judgments. */
        int gradeAt(long k) {
            int low = 0;
            int high = cumulative.length - 1;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (cumulative[mid] >= k) {
                    high = mid;
                } else {
                    low = mid + 1;
                }
            }
            return low;
        }

        /** Element {@code t} (0-based) of the majority value. */
        int majorityValueAt(long t) {
            if (t == 0) {
                return gradeAt(medianPosition);
            }
            long depth = (t + 1) / 2;
            boolean left = ((t & 1) == 1) == ((total & 1) == 1);
            return gradeAt(left ? medianPosition - depth : medianPosition + depth);
        }
    }

    /** The first {@code length} elements of a majority value, computed on demand. */
    private static final class MajorityValuePrefix extends AbstractList<Integer> implements RandomAccess {

        private final Profile profile;
        private final int size;

        MajorityValuePrefix(Profile profile, long length) {
            this.profile = profile;
            this.size = (int) Math.min(length, Integer.MAX_VALUE);
        }

        @Override
        public Integer get(int index) {
            Objects.checkIndex(index, size);
            return profile.majorityValueAt(index);
        }

        @Override
        public int size() {
            return size;
        }
    }
}
