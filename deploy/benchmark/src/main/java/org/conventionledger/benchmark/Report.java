package org.conventionledger.benchmark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of a run: printed as a table, and as JSON with {@code --json}. */
final class Report {

    static final double TARGET_BALLOTS_PER_SECOND = 10_000;
    static final double TARGET_RATIO = 0.5;
    static final double TARGET_REBUILD_EVENTS_PER_SECOND = 50_000;
    static final double TARGET_RANKING_P99_MILLIS = 10;

    private final Map<String, Object> values = new LinkedHashMap<>();

    void put(String key, Object value) {
        values.put(key, value);
    }

    Map<String, Object> values() {
        return values;
    }

    static String machineLine(Map<String, Object> m) {
        return m.get("cpuModel") + ", " + m.get("cpus") + " CPUs"
                + (Boolean.TRUE.equals(m.get("virtualised")) ? " (virtual machine)" : "")
                + ", " + m.get("memoryGiB") + " GiB RAM, " + m.get("os") + ", " + m.get("java") + "; disk "
                + m.get("disk")
                + ", fsync of 4 KiB: " + m.get("fsyncPerSecond") + "/s (" + m.get("fsyncMillis") + " ms)";
    }

    @SuppressWarnings("unchecked")
    void print(Options options) {
        Map<String, Object> e2e = map("endToEnd");
        List<Map<String, Object>> raws = (List<Map<String, Object>>) values.getOrDefault("rawAppend", List.of());
        Map<String, Object> lag = map("projectionLag");
        Map<String, Object> latency = map("rankingLatency");
        List<Map<String, Object>> rebuilds = (List<Map<String, Object>>) values.getOrDefault("rebuilds", List.of());
        Map<String, Object> checks = map("checks");
        Map<String, Object> cpu = map("cpuDuringLoad");

        double perSecond = number(e2e.get("ballotsPerSecond"));
        double raw = raws.isEmpty() ? Double.NaN : number(raws.get(0).get("rowsPerSecond"));
        double ratio = perSecond / raw;
        values.put("ratioEndToEndToRaw", ratio);

        line("");
        line("== Results, " + values.get("date") + " (run " + values.get("run") + ")");
        line("machine  " + machineLine(map("machine")));
        line("build    " + values.get("build"));
        line("store    " + options.store().label() + ": " + values.get("store") + " "
                + values.getOrDefault("storeSettings", ""));
        if (!options.serviceProperties().isEmpty()
                || !options.h2Options().isEmpty()
                || !options.profiles().isEmpty()) {
            line("settings " + (options.profiles().isEmpty() ? "" : "profiles " + options.profiles() + " ")
                    + (options.serviceProperties().isEmpty()
                            ? ""
                            : "service properties " + options.serviceProperties() + " ")
                    + (options.h2Options().isEmpty() ? "" : "H2 URL options " + options.h2Options()));
        }
        line("load     " + n(number(e2e.get("ballots"))) + " ballots accepted of " + n(number(e2e.get("requests")))
                + " requests, " + options.clients() + " concurrent clients (HTTP/1.1 keep-alive), " + options.actions()
                + " actions, 1 to 3 choices a ballot" + (options.crash() ? "; CRASH MODE" : ""));
        line("");
        row("figure", "measured", "target", "");
        row(
                "(a) ballots/s end to end (HTTP, committed)",
                n(perSecond) + " /s",
                "≥ 10,000 /s",
                verdict(perSecond >= TARGET_BALLOTS_PER_SECOND));
        Map<String, Object> ceiling = map("httpCeiling");
        if (!ceiling.isEmpty()) {
            StringBuilder each = new StringBuilder();
            for (Map<String, Object> m : (List<Map<String, Object>>) ceiling.getOrDefault("measures", List.of())) {
                each.append(each.length() == 0 ? "" : ", ")
                        .append(m.get("when"))
                        .append(' ')
                        .append(n(number(m.get("requestsPerSecond"))));
            }
            row(
                    "    HTTP ceiling, same clients, nothing appended",
                    n(number(ceiling.get("requestsPerSecond"))) + " requests/s (" + each + ")",
                    "",
                    "");
            double share = number(ceiling.get("singleBallotsShare"));
            row(
                    "    single ballots / HTTP ceiling",
                    String.format("%.1f %%", share * 100),
                    "≥ 50 %",
                    verdict(share >= TARGET_RATIO));
        }
        for (Map<String, Object> r : raws) {
            int batch = (int) number(r.get("rowsPerTransaction"));
            row(
                    batch == 1
                            ? "(b) raw append, same rows, 1 row/transaction"
                            : "    raw append, " + batch + " rows/transaction (reference)",
                    n(number(r.get("rowsPerSecond"))) + " rows/s (machine busy " + r.get("machineBusyCores")
                            + " cores, " + r.get("benchmarkCores") + " of them the append)",
                    batch == 1 ? "the physical limit" : "",
                    "");
        }
        row("    ratio (a) / (b)", String.format("%.1f %%", ratio * 100), "≥ 50 %", verdict(ratio >= TARGET_RATIO));
        Map<String, Object> relayed = map("relayedBatches");
        if (!relayed.isEmpty()) {
            double batched = raws.stream()
                    .filter(r -> number(r.get("rowsPerTransaction")) > 1)
                    .mapToDouble(r -> number(r.get("rowsPerSecond")))
                    .findFirst()
                    .orElse(Double.NaN);
            double rate = number(relayed.get("ballotsPerSecond"));
            row(
                    "relayed batches of " + relayed.get("batchSize") + ", ballots/s end to end",
                    n(rate) + " /s (" + relayed.get("commandServiceCpuMillisPerBallot")
                            + " ms command-service CPU a ballot)",
                    "≥ 10,000 /s",
                    verdict(rate >= TARGET_BALLOTS_PER_SECOND));
            row(
                    "    ratio to the batched raw append",
                    String.format("%.1f %%", rate / batched * 100),
                    "≥ 50 %",
                    verdict(rate / batched >= TARGET_RATIO));
            row("    outcomes", String.valueOf(relayed.get("outcomes")), "", "");
        }
        row(
                "(c) projection lag, rankings, p50 / p99 / max",
                String.format(
                        "%s / %s / %s s", f(lag.get("p50Seconds")), f(lag.get("p99Seconds")), f(lag.get("maxSeconds"))),
                "",
                "");
        Object catchUp = lag.get("catchUpAfterLoadSeconds");
        row(
                "    ranking complete after the load's end",
                catchUp == null ? "not within the timeout" : f(catchUp) + " s",
                "",
                "");
        Map<String, Object> behind = (Map<String, Object>) lag.getOrDefault("eventsBehindDuringLoad", Map.of());
        for (var entry : behind.entrySet()) {
            Map<String, Object> b = (Map<String, Object>) entry.getValue();
            row(
                    "    " + entry.getKey() + ": events behind p50 / p99 / max",
                    n(number(b.get("p50"))) + " / " + n(number(b.get("p99"))) + " / " + n(number(b.get("max"))),
                    "",
                    "");
        }
        Map<String, Object> trail = (Map<String, Object>) lag.getOrDefault("auditTrailSecondsBehind", Map.of());
        if (trail.get("p99") != null) {
            row(
                    "    audit-trail: seconds behind p50 / p99 / max",
                    f(trail.get("p50")) + " / " + f(trail.get("p99")) + " / " + f(trail.get("max")) + " s",
                    "p99 ≤ 10 s",
                    verdict(number(trail.get("p99")) <= 10));
        }
        Map<String, Object> caughtUp =
                (Map<String, Object>) lag.getOrDefault("processorsCaughtUpSecondsAfterLoad", Map.of());
        StringBuilder caught = new StringBuilder();
        caughtUp.forEach((p, s) -> caught.append(caught.length() == 0 ? "" : ", ")
                .append(p)
                .append(' ')
                .append(s instanceof Number ? f(s) + " s" : s));
        row("    processors at the load's last event after", caught.toString(), "", "");
        double p99 = number(latency.get("p99Millis"));
        row(
                "(d) ranking read latency p50 / p99 / max",
                String.format(
                        "%s / %s / %s ms",
                        f(latency.get("p50Millis")), f(latency.get("p99Millis")), f(latency.get("maxMillis"))),
                "p99 < 10 ms",
                verdict(p99 < TARGET_RANKING_P99_MILLIS));
        Map<String, Object> idle = map("rankingLatencyIdle");
        if (!idle.isEmpty()) {
            row(
                    "    same reads with the load over p50 / p99",
                    f(idle.get("p50Millis")) + " / " + f(idle.get("p99Millis")) + " ms",
                    "p99 < 10 ms",
                    verdict(number(idle.get("p99Millis")) < TARGET_RANKING_P99_MILLIS));
        }
        row(
                "    reads during the load (failed)",
                n(number(latency.get("reads"))) + " (" + n(number(latency.get("failedReads"))) + ")",
                "",
                "");
        for (Map<String, Object> r : rebuilds) {
            double rate = number(r.get("eventsPerSecond"));
            row(
                    "(e) rebuild " + r.get("projection") + " from the log",
                    n(rate) + " events/s",
                    "≥ 50,000 /s",
                    verdict(rate >= TARGET_REBUILD_EVENTS_PER_SECOND));
            row(
                    "    events, seconds",
                    n(number(r.get("events"))) + " in " + f(r.get("seconds")) + " s"
                            + (Boolean.TRUE.equals(r.get("completed")) ? "" : " (NOT COMPLETED)")
                            + (r.containsKey("exact")
                                    ? (Boolean.TRUE.equals(r.get("exact"))
                                            ? ", ranking exact after"
                                            : ", ranking DIFFERENT after")
                                    : ""),
                    "",
                    "");
        }
        Map<String, Object> merge = map("treeHeadMergeDelay");
        if (!merge.isEmpty()) {
            row(
                    "tree heads: merge delay p99 / max (heads)",
                    f(merge.get("p99Seconds")) + " / " + f(merge.get("maxSeconds")) + " s (" + merge.get("heads") + "; "
                            + n(number(merge.get("eventsNotYetCovered"))) + " events not yet covered)",
                    "≤ " + f(merge.get("statedMaxSeconds")) + " s",
                    check(Boolean.TRUE.equals(merge.get("withinStatedMax"))));
        }
        Map<String, Object> quiet = map("idle");
        for (String service : List.of("commandService", "queryService")) {
            if (quiet.get(service) instanceof Map<?, ?> used) {
                row(
                        "idle " + f(quiet.get("seconds")) + " s: " + service + " CPU",
                        f(used.get("cpuPercent")) + " % of a core (" + used.get("busiestThreadsMillis") + " ms)",
                        "",
                        "");
            }
        }
        row(
                "exactness: ranking = accepted = ballot rows",
                (Boolean.TRUE.equals(checks.get("exact")) ? "EXACT " : "DIFFERENT ")
                        + n(number(checks.get("rankingOnlineBallots"))) + " = " + n(number(checks.get("accepted")))
                        + " = "
                        + n(number(checks.get("ballotRowsInLog")))
                        + (Boolean.TRUE.equals(checks.get("perActionEqual"))
                                ? ", per action equal"
                                : ", per action DIFFERENT"),
                "all equal",
                check(Boolean.TRUE.equals(checks.get("exact"))));
        row(
                "duplicates re-sent / refused / accepted",
                n(number(checks.get("duplicatesSent"))) + " / " + n(number(checks.get("duplicatesRefused"))) + " / "
                        + n(number(checks.get("duplicatesAccepted"))),
                "all refused",
                check(number(checks.get("duplicatesAccepted")) == 0
                        && number(checks.get("duplicatesRefused")) == number(checks.get("duplicatesSent"))));
        row(
                "late ballots sent / refused / accepted",
                n(number(checks.get("lateSent"))) + " / " + n(number(checks.get("lateRefused"))) + " / "
                        + n(number(checks.get("lateAccepted"))),
                "all refused",
                check(number(checks.get("lateAccepted")) == 0
                        && number(checks.get("lateRefused")) == number(checks.get("lateSent"))));
        row("unknown outcomes, settled by re-sending", n(number(checks.get("unknownOutcomesSettled"))), "", "");
        if (values.containsKey("crash")) {
            Map<String, Object> crash = map("crash");
            row(
                    "SIGKILL of the " + crash.getOrDefault("target", "query-service"),
                    crash.containsKey("error")
                            ? "FAILED: " + crash.get("error")
                            : "at " + n(number(crash.get("killedAtAccepted"))) + " accepted ("
                                    + f(crash.get("killedAtSeconds")) + " s), healthy again after "
                                    + f(crash.get("restartSeconds")) + " s",
                    "",
                    "");
        }
        row(
                "CPU during the load (cores of " + map("machine").get("cpus") + ")",
                "machine busy " + cpu.get("machineBusyCores")
                        + " (iowait " + cpu.get("systemIowaitPercent") + " %): command-service "
                        + cpu.get("commandServiceCores")
                        + ", query-service " + cpu.get("queryServiceCores") + ", benchmark clients "
                        + cpu.get("benchmarkCores")
                        + (cpu.containsKey("postgresCores") ? ", PostgreSQL " + cpu.get("postgresCores") : "")
                        + ", OTHER processes " + cpu.get("otherProcessesCores"),
                "",
                "");
        row(
                "CPU per ballot (ms)",
                "command-service " + cpu.getOrDefault("commandServiceCpuMillisPerBallot", "n/a") + ", query-service "
                        + cpu.getOrDefault("queryServiceCpuMillisPerBallot", "n/a") + ", benchmark clients "
                        + cpu.get("benchmarkCpuMillisPerBallot"),
                "",
                "");
        row(
                "load average at start / after the load",
                values.get("loadAverageAtStart") + " / " + cpu.get("loadAverageAfter"),
                "",
                "");
        row("ballot rows (end to end)", String.valueOf(values.get("e2eRowShape")), "", "");
        if (!raws.isEmpty()) {
            row("ballot rows (raw append)", String.valueOf(raws.get(0).get("rowShape")), "", "");
        }
        if (values.containsKey("eventStoreBytes")) {
            row(
                    "event store on disk after the run",
                    n(number(values.get("eventStoreBytes")) / 1e6) + " MB, "
                            + n(number(values.get("storeBytesPerBallot"))) + " B a ballot",
                    "H2 ≤ 2,048 B",
                    "");
        }
        if (values.containsKey("readStoreBytes")) {
            row(
                    "embedded read store file after the run",
                    n(number(values.get("readStoreBytes")) / 1e6) + " MB, "
                            + n(number(values.get("readStoreBytesPerBallot"))) + " B a ballot",
                    "",
                    "");
        }
    }

    @SuppressWarnings("unchecked")
    void printRawOnly(Options options) {
        line("");
        line("== Raw append only, " + values.get("date") + " (run " + values.get("run") + ")");
        line("machine  " + machineLine(map("machine")));
        line("store    " + options.store().label() + " " + values.getOrDefault("storeSettings", ""));
        line("load average at start " + values.get("loadAverageAtStart"));
        for (Map<String, Object> r : (List<Map<String, Object>>) values.getOrDefault("rawAppend", List.of())) {
            row(
                    "raw append, " + r.get("rowsPerTransaction") + " row(s)/transaction, " + r.get("threads")
                            + " threads",
                    n(number(r.get("rowsPerSecond"))) + " rows/s",
                    "",
                    "");
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(String key) {
        Object value = values.get(key);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static double number(Object value) {
        return value instanceof Number number ? number.doubleValue() : Double.NaN;
    }

    private static String check(boolean passed) {
        return passed ? "ok" : "FAILED";
    }

    private static String verdict(boolean met) {
        return met ? "met" : "BELOW TARGET";
    }

    private static String n(double value) {
        return Double.isNaN(value) ? "?" : String.format("%,.0f", value);
    }

    private static String f(Object value) {
        double v = number(value);
        if (Double.isNaN(v)) {
            return "?";
        }
        return v >= 100 ? String.format("%,.0f", v) : v >= 10 ? String.format("%.1f", v) : String.format("%.2f", v);
    }

    private static void row(String figure, String measured, String target, String verdict) {
        line(String.format(" %-48s %-44s %-20s %s", figure, measured, target, verdict)
                .stripTrailing());
    }

    private static void line(String text) {
        Benchmark.say(text);
    }
}
