package org.conventionledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the read side shows while the load runs, sampled from outside as a reader sees it.
 * <ul>
 *   <li>{@link RankingProbe}: one reader GETs the ranking in a loop (a pause between reads); each read
 *   gives a latency (client-side, HTTP included) and the number of ballots the ranking counts then,
 *   from which the projection lag follows.</li>
 *   <li>{@link ProcessorSampler}: every second, each processor's position against the head of the log
 *   ({@code GET /api/admin/projections}).</li>
 * </ul>
 */
final class Probes {

    private Probes() {}

    /** A growable array of longs. */
    static final class Longs {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int size() {
            return size;
        }

        long get(int i) {
            return values[i];
        }
    }

    /** Reads the ranking in a loop. Samples: send time (ns since start), latency (ns), status, ballots counted. */
    static final class RankingProbe implements Runnable {
        private final Api api;
        private final String url;
        private final long startNanos;
        private final long pauseMillis;
        private volatile boolean stop;
        final Longs sentAt = new Longs();
        final Longs latency = new Longs();
        final Longs status = new Longs();
        final Longs counted = new Longs();
        private Thread thread;

        RankingProbe(Api api, String queryUrl, String votationId, long startNanos, long pauseMillis) {
            this.api = api;
            this.url = queryUrl + "/api/votations/" + votationId + "/ranking";
            this.startNanos = startNanos;
            this.pauseMillis = pauseMillis;
        }

        RankingProbe start() {
            thread = new Thread(this, "ranking-probe");
            thread.setDaemon(true);
            thread.start();
            return this;
        }

        void stop() throws InterruptedException {
            stop = true;
            thread.join();
        }

        @Override
        public void run() {
            while (!stop) {
                long sent = System.nanoTime();
                int code;
                long ballots = -1;
                try {
                    Api.Response response = api.get(url, "organiser", Duration.ofSeconds(10));
                    code = response.status();
                    if (response.ok()) {
                        ballots = onlineBallots(response.body());
                    }
                } catch (Exception unavailable) {
                    code = 0;
                }
                long received = System.nanoTime();
                synchronized (this) {
                    sentAt.add(sent - startNanos);
                    latency.add(received - sent);
                    status.add(code);
                    counted.add(ballots);
                }
                if (code == 0) {
                    sleep(200);
                } else if (pauseMillis > 0) {
                    sleep(pauseMillis);
                }
            }
        }

        /** The ranking's {@code onlineBallots}, read without parsing the whole document. */
        static long onlineBallots(String body) {
            int at = body.indexOf("\"onlineBallots\":");
            if (at < 0) {
                return -1;
            }
            int i = at + 16;
            long value = 0;
            boolean digits = false;
            while (i < body.length() && Character.isDigit(body.charAt(i))) {
                value = value * 10 + (body.charAt(i++) - '0');
                digits = true;
            }
            return digits ? value : -1;
        }

        /** Latencies (ms) of the successful reads sent within [from, to) ns. */
        synchronized double[] latenciesMillis(long from, long to) {
            Longs kept = new Longs();
            for (int i = 0; i < sentAt.size(); i++) {
                if (status.get(i) == 200 && sentAt.get(i) >= from && sentAt.get(i) < to) {
                    kept.add(latency.get(i));
                }
            }
            double[] millis = new double[kept.size()];
            for (int i = 0; i < millis.length; i++) {
                millis[i] = kept.get(i) / 1e6;
            }
            return millis;
        }

        synchronized long reads(long from, long to, boolean successful) {
            long n = 0;
            for (int i = 0; i < sentAt.size(); i++) {
                if (sentAt.get(i) >= from && sentAt.get(i) < to && (status.get(i) == 200) == successful) {
                    n++;
                }
            }
            return n;
        }

        /**
         * Projection lag (s) at each successful read sent within [from, to): the age of the oldest ballot
         * whose 201 had come back before the read was sent but which the ranking did not count yet (0 when
         * it counted them all). Assumes the projection counts ballots in about the order they were
         * accepted, which holds up to the few transactions in flight at once.
         */
        synchronized double[] lagSeconds(long from, long to, long[] acceptanceTimes) {
            Longs lags = new Longs();
            for (int i = 0; i < sentAt.size(); i++) {
                long sent = sentAt.get(i);
                long shown = counted.get(i);
                if (status.get(i) != 200 || shown < 0 || sent < from || sent >= to) {
                    continue;
                }
                int acceptedBefore = upperBound(acceptanceTimes, sent);
                lags.add(shown >= acceptedBefore ? 0 : sent - acceptanceTimes[(int) shown]);
            }
            double[] seconds = new double[lags.size()];
            for (int i = 0; i < seconds.length; i++) {
                seconds[i] = lags.get(i) / 1e9;
            }
            return seconds;
        }

        private static int upperBound(long[] sorted, long value) {
            int low = 0;
            int high = sorted.length;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (sorted[mid] <= value) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }

        private void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop = true;
            }
        }
    }

    /** Every second, every streaming processor's position and the head of the log. */
    static final class ProcessorSampler implements Runnable {
        record Sample(long at, String processor, long position, long head) {}

        private final Api api;
        private final String url;
        private final long startNanos;
        private volatile boolean stop;
        private final List<Sample> samples = new ArrayList<>();
        private Thread thread;

        ProcessorSampler(Api api, String queryUrl, long startNanos) {
            this.api = api;
            this.url = queryUrl + "/api/admin/projections";
            this.startNanos = startNanos;
        }

        ProcessorSampler start() {
            thread = new Thread(this, "processor-sampler");
            thread.setDaemon(true);
            thread.start();
            return this;
        }

        void stop() throws InterruptedException {
            stop = true;
            thread.interrupt();
            thread.join();
        }

        @Override
        public void run() {
            while (!stop) {
                long at = System.nanoTime() - startNanos;
                try {
                    JsonNode all = api.getJson(url, "organiser");
                    for (JsonNode p : all) {
                        record(
                                at,
                                p.path("processor").asText(),
                                p.path("position").asLong(),
                                p.path("head").asLong());
                    }
                } catch (RuntimeException unavailable) {
                    // the query-service is down (crash mode) or busy: no sample
                }
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** Per processor, the events it was behind the head at each sample within [from, to). */
        synchronized Map<String, double[]> behind(long from, long to) {
            Map<String, Longs> by = new LinkedHashMap<>();
            for (Sample s : samples) {
                if (s.at() >= from && s.at() < to) {
                    by.computeIfAbsent(s.processor(), p -> new Longs()).add(Math.max(0, s.head() - s.position()));
                }
            }
            Map<String, double[]> result = new LinkedHashMap<>();
            by.forEach((p, values) -> {
                double[] d = new double[values.size()];
                for (int i = 0; i < d.length; i++) {
                    d[i] = values.get(i);
                }
                result.put(p, d);
            });
            return result;
        }

        synchronized void record(long at, String processor, long position, long head) {
            samples.add(new Sample(at, processor, position, head));
        }

        /**
         * How long (s) {@code processor} was behind the log at each of its samples within [from, to): from the
         * last sample before its next event was seen in the log (the event was appended after it) to this sample;
         * 0 at the head. Sampled once a second: an upper bound, long by at most the sampling interval.
         */
        synchronized double[] secondsBehind(String processor, long from, long to) {
            List<Sample> polls = new ArrayList<>(); // one per poll: the log's head when the poll was answered
            for (Sample s : samples) {
                if (polls.isEmpty() || polls.get(polls.size() - 1).at() != s.at()) {
                    polls.add(s);
                }
            }
            Longs lags = new Longs();
            for (Sample s : samples) {
                if (!s.processor().equals(processor) || s.at() < from || s.at() >= to) {
                    continue;
                }
                if (s.position() >= s.head()) {
                    lags.add(0);
                    continue;
                }
                int first = 0; // the first poll whose head holds the processor's next event (heads only grow)
                int last = polls.size() - 1;
                while (first < last) {
                    int mid = (first + last) >>> 1;
                    if (polls.get(mid).head() > s.position()) {
                        last = mid;
                    } else {
                        first = mid + 1;
                    }
                }
                long appendedAfter = polls.get(Math.max(0, first - 1)).at();
                lags.add(Math.max(0, s.at() - appendedAfter));
            }
            double[] seconds = new double[lags.size()];
            for (int i = 0; i < seconds.length; i++) {
                seconds[i] = lags.get(i) / 1e9;
            }
            return seconds;
        }

        /** Per processor, the first sample time (ns) at or after {@code from} where it had reached {@code head}. */
        synchronized Map<String, Long> caughtUp(long from, long head) {
            Map<String, Long> result = new LinkedHashMap<>();
            for (Sample s : samples) {
                if (s.at() >= from && s.position() >= head && !result.containsKey(s.processor())) {
                    result.put(s.processor(), s.at());
                }
            }
            return result;
        }

        synchronized List<String> processors() {
            return samples.stream().map(Sample::processor).distinct().toList();
        }
    }

    /** Nearest-rank percentile of unsorted values (sorted in place); NaN when empty. */
    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(values);
        int rank = (int) Math.ceil(p / 100.0 * values.length);
        return values[Math.max(0, Math.min(values.length - 1, rank - 1))];
    }

    static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }
}
