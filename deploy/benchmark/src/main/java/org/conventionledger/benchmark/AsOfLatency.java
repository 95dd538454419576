package org.conventionledger.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * "As of" latency: the ranking as of instants drawn at random within the timed load, asked one after
 * the other once the load is over. The first request is timed apart: it is the one that reads the
 * whole log to build the votation's checkpoints; the percentiles are over the others, each an instant
 * not asked before (the service caches a view per instant).
 */
final class AsOfLatency {

    private AsOfLatency() {}

    static Map<String, Object> measure(Api api, String rankingUrl, Instant from, Instant to, int requests)
            throws InterruptedException {
        Random random = new Random(42);
        long span = Math.max(1, Duration.between(from, to).toMillis());
        double first = ask(api, rankingUrl, to);
        double[] millis = new double[requests];
        int ok = 0;
        int failed = first < 0 ? 1 : 0;
        for (int i = 0; i < requests; i++) {
            Instant at = from.plusMillis(random.nextLong(span)).plusNanos(1_000L * random.nextInt(1_000));
            double took = ask(api, rankingUrl, at);
            if (took < 0) {
                failed++;
            } else {
                millis[ok++] = took;
            }
        }
        double[] kept = Arrays.copyOf(millis, ok);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("requests", ok);
        m.put("failed", failed);
        m.put("firstMillis", first < 0 ? null : round2(first));
        m.put("p50Millis", ok == 0 ? null : round2(Probes.percentile(kept, 50)));
        m.put("p99Millis", ok == 0 ? null : round2(Probes.percentile(kept, 99)));
        m.put("maxMillis", ok == 0 ? null : round2(Probes.max(kept)));
        Benchmark.say("-- ranking as of " + ok + " instants of the load: first " + m.get("firstMillis") + " ms, p50 "
                + m.get("p50Millis") + " ms, p99 " + m.get("p99Millis") + " ms, max " + m.get("maxMillis") + " ms"
                + (failed > 0 ? ", " + failed + " failed" : ""));
        return m;
    }

    /** Milliseconds until the answer, or -1 if it was not a 2xx. */
    private static double ask(Api api, String rankingUrl, Instant at) throws InterruptedException {
        long sent = System.nanoTime();
        try {
            Api.Response response = api.get(rankingUrl + "?asOf=" + at, Benchmark.GARANT, Duration.ofMinutes(5));
            return response.ok() ? (System.nanoTime() - sent) / 1e6 : -1;
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
