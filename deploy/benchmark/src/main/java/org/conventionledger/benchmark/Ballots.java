package org.conventionledger.benchmark;

/**
 * The ballots of the run, deterministic per voter number: one to three distinct actions, skewed towards
 * the low action numbers so that the ranking has a clear order. The platform names each voter with a
 * reference unique to the run.
 */
final class Ballots {

    private static final long SEED = 0x5EED_2022_0619L;

    private Ballots() {}

    static String voterRef(String runId, long voter) {
        return "bench-" + runId + "-" + voter;
    }

    /** The action numbers (1…actions) voter {@code voter} chooses, distinct. */
    static int[] choices(long voter, int actions) {
        long h = mix(voter * 0x9E3779B97F4A7C15L + SEED);
        int size = Math.min(actions, 1 + (int) Long.remainderUnsigned(h, 3));
        int[] chosen = new int[size];
        int n = 0;
        while (n < size) {
            h = mix(h + 0x9E3779B97F4A7C15L);
            double u = (h >>> 11) * 0x1.0p-53;
            int action = 1 + (int) (actions * u * u);
            boolean taken = false;
            for (int i = 0; i < n; i++) {
                taken |= chosen[i] == action;
            }
            if (!taken) {
                chosen[n++] = action;
            }
        }
        return chosen;
    }

    /**
     * The request body of {@code POST /api/votations/{id}/ballots} as the voting platform sends it: the
     * voter's reference, the choices, and the facts the platform attests for the votation's eligibility
     * rule (the default rule: residents aged 16 or more on the closing day). The facts are checked and
     * never logged.
     */
    static String body(String runId, long voter, int actions) {
        StringBuilder json = new StringBuilder(128)
                .append("{\"voterRef\":\"")
                .append(voterRef(runId, voter))
                .append("\",\"choices\":[");
        int[] choices = choices(voter, actions);
        for (int i = 0; i < choices.length; i++) {
            json.append(i == 0 ? "" : ",").append(choices[i]);
        }
        return json.append("],\"voterFacts\":{\"ageAtClosing\":")
                .append(16 + Math.floorMod(voter, 70))
                .append(",\"resident\":true}}")
                .toString();
    }

    /** SplitMix64's finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
