package org.conventionledger.tools.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Invents plausible, deterministic individual votes that add up exactly to published per-action counts
 * (the report gives totals only): online ballots of one to three distinct actions, and the split of
 * paper votes between collection desks.
 */
public final class BallotMaker {

    private BallotMaker() {}

    /**
     * Ballots whose choices, counted per action, equal {@code votesByAction}. Each ballot draws up to
     * {@code maxChoices} distinct actions, weighted by the votes each still has to receive, so that
     * ballots mix popular and less popular actions; the same seed gives the same ballots.
     */
    public static List<List<Integer>> onlineBallots(Map<Integer, Integer> votesByAction, int maxChoices, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        TreeMap<Integer, Integer> remaining = new TreeMap<>(votesByAction);
        remaining.values().removeIf(v -> v <= 0);
        List<List<Integer>> ballots = new ArrayList<>();
        long left = remaining.values().stream().mapToLong(Integer::longValue).sum();
        while (left > 0) {
            int size = Math.min(1 + random.nextInt(maxChoices), remaining.size());
            List<Integer> ballot = new ArrayList<>(size);
            TreeMap<Integer, Integer> candidates = new TreeMap<>(remaining);
            for (int i = 0; i < size; i++) {
                int chosen = drawWeighted(candidates, random);
                candidates.remove(chosen);
                ballot.add(chosen);
            }
            for (int chosen : ballot) {
                if (remaining.merge(chosen, -1, Integer::sum) == 0) {
                    remaining.remove(chosen);
                }
            }
            left -= size;
            ballots.add(List.copyOf(ballot));
        }
        return ballots;
    }

    /**
     * Splits each action's paper votes between desks in proportion to the desks' weights, the
     * rounding remainder going to the desks with the largest fractional shares (largest remainder),
     * ties to the earlier desk. The sums per action are exact.
     */
    public static List<Map<Integer, Integer>> paperTallies(Map<Integer, Integer> votesByAction, double[] deskWeights) {
        double totalWeight = 0;
        for (double w : deskWeights) {
            totalWeight += w;
        }
        List<Map<Integer, Integer>> desks = new ArrayList<>();
        for (int d = 0; d < deskWeights.length; d++) {
            desks.add(new TreeMap<>());
        }
        for (var entry : new TreeMap<>(votesByAction).entrySet()) {
            int votes = entry.getValue();
            int[] shares = new int[deskWeights.length];
            double[] fractions = new double[deskWeights.length];
            int given = 0;
            for (int d = 0; d < deskWeights.length; d++) {
                double exact = votes * deskWeights[d] / totalWeight;
                shares[d] = (int) Math.floor(exact);
                fractions[d] = exact - shares[d];
                given += shares[d];
            }
            for (int extra = votes - given; extra > 0; extra--) {
                int best = 0;
                for (int d = 1; d < deskWeights.length; d++) {
                    if (fractions[d] > fractions[best]) {
                        best = d;
                    }
                }
                shares[best]++;
                fractions[best] = -1;
            }
            for (int d = 0; d < deskWeights.length; d++) {
                desks.get(d).put(entry.getKey(), shares[d]);
            }
        }
        return desks;
    }

    /** A deterministic shuffle, for anything whose order should look natural but replay identically. */
    public static <T> List<T> shuffled(List<T> items, long seed) {
        List<T> copy = new ArrayList<>(items);
        java.util.Collections.shuffle(copy, new Random(seed));
        return copy;
    }

    private static int drawWeighted(TreeMap<Integer, Integer> weights, SplittableRandom random) {
        long total = weights.values().stream().mapToLong(Integer::longValue).sum();
        long target = random.nextLong(total);
        for (var entry : weights.entrySet()) {
            target -= entry.getValue();
            if (target < 0) {
                return entry.getKey();
            }
        }
        throw new IllegalStateException("no candidate left");
    }
}
