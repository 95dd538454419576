package org.conventionledger.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a service costs with nothing to do: its CPU time over a fixed window in which the benchmark sends
 * nothing, from the process's own counters, and which of its threads used it (Linux's
 * {@code /proc/<pid>/task/<tid>/stat}, in clock ticks of 10 ms; threads named alike, digits aside, summed).
 */
final class IdleCpu {

    /** Linux's USER_HZ: the unit of a thread's utime and stime. */
    private static final double MILLIS_PER_TICK = 10;

    private static final int TOP_THREADS = 8;

    /** HotSpot's C1 and C2 compiler threads, as {@link #threadTicks} names them. */
    private static final String COMPILER = "C# CompilerThre";

    private IdleCpu() {}

    /** Both services over {@code seconds} of nothing sent. */
    static Map<String, Object> measure(Map<String, Long> pids, int seconds) throws InterruptedException {
        Map<String, Duration> cpu0 = new LinkedHashMap<>();
        Map<String, Map<String, Long>> threads0 = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            cpu0.put(name, Services.cpu(pid));
            threads0.put(name, threadTicks(pid));
        });
        long started = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        double window = (System.nanoTime() - started) / 1e9;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("seconds", Math.round(window * 10) / 10.0);
        pids.forEach((name, pid) -> {
            double millis = Services.cpu(pid).minus(cpu0.get(name)).toNanos() / 1e6;
            Map<String, Object> service = new LinkedHashMap<>();
            service.put("cpuMillis", Math.round(millis));
            service.put("cpuPercent", Math.round(millis / 10 / window * 100) / 100.0);
            Map<String, Long> threads = threadTicks(pid);
            // the JIT still compiling what the load made hot: real, but not what an idle service keeps costing
            long compiler = Math.round(
                    (threads.getOrDefault(COMPILER, 0L) - threads0.get(name).getOrDefault(COMPILER, 0L))
                            * MILLIS_PER_TICK);
            service.put("compilerMillis", compiler);
            service.put("cpuPercentWithoutCompiler", Math.round((millis - compiler) / 10 / window * 100) / 100.0);
            service.put("busiestThreadsMillis", busiest(threads0.get(name), threads));
            figures.put(name, service);
        });
        figures.put("loadAverage", Benchmark.loadAverage());
        return figures;
    }

    private static Map<String, Long> busiest(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> used = new HashMap<>();
        after.forEach((name, ticks) -> used.put(name, ticks - before.getOrDefault(name, 0L)));
        Map<String, Long> top = new LinkedHashMap<>();
        used.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(TOP_THREADS)
                .forEach(e -> top.put(e.getKey(), Math.round(e.getValue() * MILLIS_PER_TICK)));
        return top;
    }

    /** utime + stime of each thread of {@code pid}, by name (digits replaced by '#'); empty off Linux. */
    static Map<String, Long> threadTicks(long pid) {
        Map<String, Long> ticks = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(open + 1, close).replaceAll("\\d+", "#");
                    // after the name: state is field 3, utime field 14 and stime field 15
                    String[] f = stat.substring(close + 2).split(" ");
                    ticks.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // a thread that ended between the listing and the read
                }
            });
        } catch (IOException | RuntimeException noProc) {
            return Map.of();
        }
        return ticks;
    }
}
