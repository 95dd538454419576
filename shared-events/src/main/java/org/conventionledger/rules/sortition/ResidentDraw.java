package org.conventionledger.rules.sortition;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.conventionledger.events.recruitment.DrawnResident;
import org.conventionledger.events.recruitment.ListQuota;

/**
 * The draw by lot of residents from frozen source lists, algorithm {@value #ALGORITHM}: a deterministic
 * function of the lists, the plan and the revealed seed, which the command side runs to draw and a
 * garant re-runs from an export of the log ({@code ledger verify-draw}) to check it.
 *
 * <p>The plan is the ordered list of {@link ListQuota}s of {@code DrawPlanned}, with either a count per
 * list (and {@code overall} 0), or an overall count (and every list's count 0). A list's people are
 * its distinct person ids; {@code H(x)} is the lowercase hex SHA-256 of the UTF-8 bytes of {@code x},
 * and "ranking by H" sorts ascending by that hex text (ties, which SHA-256 makes practically
 * impossible, by person id).
 * <ul>
 *   <li><b>Per list.</b> Visit the lists in plan order. Rank the list's people by
 *   {@code H("draw-v1|" + seed + "|" + listId + "|" + personId)} and take, in that order, the first
 *   {@code count} people not already drawn from an earlier list: someone on several lists is drawn at
 *   most once, and the later list draws the next person of its own ranking instead.</li>
 *   <li><b>Overall.</b> Take the union of the lists' people; a person's list of origin is the first
 *   list in plan order that holds them. Rank the union by {@code H("draw-v1|" + seed + "|" + personId)}
 *   and take the first {@code overall} people.</li>
 * </ul>
 * The result lists the drawn people in the order they were taken: list after list in plan order, each in
 * ranking order (per list), or in ranking order (overall).
 *
 * <p>An {@link InvalidDrawException} naming the list is thrown when a list of the plan is not among the
 * frozen lists or is planned twice, a count is negative, both per-list counts and an overall count are
 * given, nothing is to be drawn, or a list (or the union) has fewer undrawn people than asked; and for
 * an invalid seed ({@link SeedCommitment}).
 */
public final class ResidentDraw {

    public static final String ALGORITHM = "draw-v1";

    private ResidentDraw() {}

    /**
     * Draws residents.
     *
     * @param frozenLists the person ids of each frozen list by list id (lists the plan does not name are
     *                    ignored; order and repeats within a list do not matter)
     * @param plan        the lists to draw from, in the order the algorithm visits them, with their counts
     * @param overall     how many to draw from the union of the plan's lists, or 0 to count per list
     * @param seed        the draw's randomness: {@link SeedCommitment#drawRandomness} of the revealed seed and
     *                    the public entropy
     * @return the drawn residents with the list each was drawn from, in the order they were taken
     */
    public static List<DrawnResident> draw(
            Map<String, ? extends Collection<String>> frozenLists, List<ListQuota> plan, int overall, String seed) {
        Objects.requireNonNull(frozenLists, "frozenLists");
        Objects.requireNonNull(plan, "plan");
        if (seed == null || seed.isBlank() || seed.length() > 2 * SeedCommitment.MAX_SEED_LENGTH + 1) {
            throw new InvalidDrawException("The draw's randomness must not be blank and at most "
                    + (2 * SeedCommitment.MAX_SEED_LENGTH + 1) + " characters (seed | public entropy)");
        }
        Map<String, Set<String>> lists = listsOf(frozenLists, plan, overall);
        return overall > 0 ? overall(lists, overall, seed) : perList(lists, plan, seed);
    }

    /** The plan's lists in plan order, each as its distinct people, after checking the plan. */
    private static Map<String, Set<String>> listsOf(
            Map<String, ? extends Collection<String>> frozenLists, List<ListQuota> plan, int overall) {
        if (plan.isEmpty()) {
            throw new InvalidDrawException("The draw names no source list");
        }
        if (overall < 0) {
            throw new InvalidDrawException("The overall count must not be negative, found " + overall);
        }
        Map<String, Set<String>> lists = new LinkedHashMap<>();
        int perListTotal = 0;
        for (ListQuota quota : plan) {
            String listId = Objects.requireNonNull(quota, "a list of the plan is missing")
                    .listId();
            if (quota.count() < 0) {
                throw new InvalidDrawException(
                        "The count for list " + listId + " must not be negative, found " + quota.count());
            }
            if (overall > 0 && quota.count() > 0) {
                throw new InvalidDrawException("The draw gives both an overall count (" + overall
                        + ") and a count for list " + listId + " (" + quota.count() + "): give one or the other");
            }
            Collection<String> people = frozenLists.get(listId);
            if (people == null) {
                throw new InvalidDrawException("List " + listId + " is not among the frozen source lists");
            }
            if (lists.containsKey(listId)) {
                throw new InvalidDrawException("List " + listId + " is planned twice");
            }
            Set<String> distinct = new LinkedHashSet<>();
            for (String personId : people) {
                if (personId == null || personId.isBlank()) {
                    throw new InvalidDrawException("List " + listId + " holds a blank person id");
                }
                distinct.add(personId);
            }
            lists.put(listId, distinct);
            perListTotal += quota.count();
        }
        if (overall == 0 && perListTotal == 0) {
            throw new InvalidDrawException("Nothing to draw: every count is 0 and no overall count is given");
        }
        return lists;
    }

    private static List<DrawnResident> perList(Map<String, Set<String>> lists, List<ListQuota> plan, String seed) {
        MessageDigest digest = Sha256.digest();
        Set<String> drawnSoFar = new HashSet<>();
        List<DrawnResident> drawn = new ArrayList<>();
        for (ListQuota quota : plan) {
            String listId = quota.listId();
            List<String> ranking = ranked(lists.get(listId), digest, ALGORITHM + "|" + seed + "|" + listId + "|");
            int taken = 0;
            for (String personId : ranking) {
                if (taken == quota.count()) {
                    break;
                }
                if (drawnSoFar.add(personId)) {
                    drawn.add(new DrawnResident(personId, listId));
                    taken++;
                }
            }
            if (taken < quota.count()) {
                throw new InvalidDrawException("List " + listId + " has " + taken
                        + " people not drawn from an earlier list, " + quota.count() + " asked");
            }
        }
        return List.copyOf(drawn);
    }

    private static List<DrawnResident> overall(Map<String, Set<String>> lists, int overall, String seed) {
        Map<String, String> origin = new LinkedHashMap<>();
        lists.forEach((listId, people) -> people.forEach(personId -> origin.putIfAbsent(personId, listId)));
        if (origin.size() < overall) {
            throw new InvalidDrawException("Lists " + String.join(", ", lists.keySet()) + " hold " + origin.size()
                    + " distinct people, " + overall + " asked");
        }
        List<String> ranking = ranked(origin.keySet(), Sha256.digest(), ALGORITHM + "|" + seed + "|");
        return ranking.subList(0, overall).stream()
                .map(personId -> new DrawnResident(personId, origin.get(personId)))
                .toList();
    }

    /** {@code people} sorted by the hex SHA-256 of {@code prefix + personId}, ascending. */
    private static List<String> ranked(Collection<String> people, MessageDigest digest, String prefix) {
        record Ranked(String hash, String personId) {}
        return people.stream()
                .map(personId -> new Ranked(Sha256.hex(digest, prefix + personId), personId))
                .sorted(Comparator.comparing(Ranked::hash).thenComparing(Ranked::personId))
                .map(Ranked::personId)
                .toList();
    }
}
