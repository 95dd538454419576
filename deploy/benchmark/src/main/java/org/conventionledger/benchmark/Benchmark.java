package org.conventionledger.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The votation benchmark: see {@link Options#USAGE} and the README's "Benchmark" section. Prints what it
 * measured, never asserts a time; exits 1 only when an exactness check fails (the ranking differs from
 * the accepted ballots, a duplicate or late ballot was accepted), 2 on bad usage.
 */
public final class Benchmark {

    static final String ORGANISER = "organiser";
    /** Any bound of "as of" is for the garants and the monitoring body; an organiser sees published checkpoints. */
    static final String GARANT = "garant";
    /** Where the progress and the tables go: standard error with {@code --json}, so that stdout is the JSON alone. */
    private static volatile java.io.PrintStream human = System.out;

    private final Options options;
    private final Report report = new Report();
    private final String runId = Long.toString(System.currentTimeMillis(), 36);

    private Benchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        Options options;
        try {
            options = Options.parse(args);
        } catch (Options.Usage usage) {
            if (usage.getMessage() != null) {
                System.err.println(usage.getMessage());
            }
            System.err.print(Options.USAGE);
            System.exit(usage.getMessage() == null ? 0 : 2);
            return;
        }
        if (options.json()) {
            human = System.err;
        }
        int code;
        try {
            code = new Benchmark(options).run();
        } catch (Exception e) {
            System.out.flush();
            System.err.println("benchmark failed: " + e);
            e.printStackTrace();
            code = 1;
        }
        System.exit(code);
    }

    private int run() throws Exception {
        boolean temporary = options.dataDir() == null;
        Path root = temporary
                ? Files.createTempDirectory("ledger-bench-")
                : options.dataDir().toAbsolutePath();
        Path e2eDir = Files.createDirectories(root.resolve("e2e"));
        Instant date = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        say("== Convention Ledger votation benchmark, run " + runId + ", " + date);
        say("   store " + options.store().label() + ", " + n(options.ballots()) + " ballots from " + options.clients()
                + " clients (+" + n(options.warmup()) + " warm-up)"
                + (options.crash()
                        ? ", CRASH MODE (SIGKILL of the " + options.crashTarget() + "-service mid-load)"
                        : ""));
        Map<String, Object> machine = Machine.describe(root);
        say("   machine: " + Report.machineLine(machine));
        report.put("date", date.toString());
        report.put("run", runId);
        report.put("machine", machine);
        report.put(
                "options",
                Map.of(
                        "ballots",
                        options.ballots(),
                        "clients",
                        options.clients(),
                        "store",
                        options.store().label(),
                        "crash",
                        options.crash(),
                        "warmup",
                        options.warmup(),
                        "actions",
                        options.actions(),
                        "profiles",
                        options.profiles(),
                        "serviceProperties",
                        options.serviceProperties(),
                        "h2Options",
                        options.h2Options()));

        report.put("loadAverageAtStart", loadAverage());
        EventStore store;
        List<EventStore> toDrop = new ArrayList<>();
        if (options.store() == Options.Store.POSTGRES) {
            String url = System.getenv("LEDGER_BENCH_POSTGRES_URL");
            if (url == null || url.isBlank()) {
                say("SKIPPED: PostgreSQL is not configured (set LEDGER_BENCH_POSTGRES_URL, _USER, _PASSWORD;"
                        + " deploy/benchmark.sh sets them up from a local cluster when it can).");
                return 0;
            }
            try {
                store = EventStore.postgres(
                        url,
                        env("LEDGER_BENCH_POSTGRES_USER", "ledger"),
                        env("LEDGER_BENCH_POSTGRES_PASSWORD", ""),
                        "bench_" + runId + "_e2e");
                toDrop.add(store);
            } catch (SQLException e) {
                say("SKIPPED: PostgreSQL is not reachable at " + url + ": " + e.getMessage());
                return 0;
            }
        } else {
            store = EventStore.h2(e2eDir, options.h2Options());
        }
        report.put("store", store.describe());
        if (options.rawOnly()) {
            toDrop.forEach(EventStore::dropIfPostgres);
            toDrop.clear();
            rawAppend(root, toDrop);
            report.put("storeSettings", safe(() -> toDrop.get(0).durabilitySettings()));
            report.printRawOnly(options);
            if (options.json()) {
                System.out.println(Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report.values()));
            }
            toDrop.forEach(EventStore::dropIfPostgres);
            if (temporary && !options.keep()) {
                deleteTree(root);
            }
            return 0;
        }

        report.put(
                "build",
                Map.of(
                        "git",
                        env("LEDGER_BENCH_GIT", "?"),
                        "commandJarModified",
                        Files.getLastModifiedTime(options.commandJar()).toString(),
                        "queryJarModified",
                        Files.getLastModifiedTime(options.queryJar()).toString()));
        Path jars = Files.createDirectories(root.resolve("jars"));
        Path commandJar = Files.copy(
                options.commandJar(), jars.resolve("command-service.jar"), StandardCopyOption.REPLACE_EXISTING);
        Path queryJar =
                Files.copy(options.queryJar(), jars.resolve("query-service.jar"), StandardCopyOption.REPLACE_EXISTING);

        Map<String, String> env = new LinkedHashMap<>(store.serviceEnvironment());
        List<String> profiles = new ArrayList<>();
        if (options.store() == Options.Store.POSTGRES) {
            profiles.add("postgres");
        }
        profiles.addAll(options.profiles());
        if (!profiles.isEmpty()) {
            env.put("SPRING_PROFILES_ACTIVE", String.join(",", profiles));
        }

        boolean exact;
        try (Services services = new Services(
                e2eDir,
                commandJar,
                queryJar,
                options.commandHeap(),
                options.queryHeap(),
                env,
                withHttpCeiling(options.serviceProperties()))) {
            long t = System.nanoTime();
            services.start();
            say("-- services started in " + secs(System.nanoTime() - t) + " (command :" + services.commandPort
                    + ", query :" + services.queryPort + ", profiles " + (profiles.isEmpty() ? "default" : profiles)
                    + ")");
            exact = endToEnd(services, store);
            report.put("storeSettings", safe(store::durabilitySettings));
        }
        storeSizes(store, e2eDir);

        rawAppend(root, toDrop);

        report.print(options);
        headline(exact);
        if (options.json()) {
            System.out.println(Api.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report.values()));
        }

        if (!options.keep()) {
            toDrop.forEach(EventStore::dropIfPostgres);
            if (temporary) {
                deleteTree(root);
            }
        } else {
            say("-- kept: " + root + (toDrop.isEmpty() ? "" : " and PostgreSQL schemas bench_" + runId + "_*"));
        }
        return exact ? 0 : 1;
    }

    /** (a), (c), (d), (e) and the exactness checks, against the running services. */
    private boolean endToEnd(Services services, EventStore store) throws Exception {
        Api api = new Api(services.accounts());
        Fixture.Votation votation = Fixture.open(api, services.commandUrl(), runId, options.actions());
        Fixture.awaitProjected(api, services.queryUrl(), votation.votationId(), Duration.ofMinutes(2));
        say("-- fixture: convention " + votation.conventionId() + ", " + votation.actions()
                + " actions finalised through consent rounds, votation " + votation.votationId() + " open ("
                + secs(votation.setup().toNanos()) + ")");
        report.put("fixtureSeconds", votation.setup().toNanos() / 1e9);

        long t0 = System.nanoTime();
        int capacity = (int) Math.min(
                Integer.MAX_VALUE - 16,
                options.warmup() + options.ballots() + options.batchBallots() + options.late() + 1024);
        BallotLoad load = new BallotLoad(
                api, services.commandUrl(), votation.votationId(), runId, votation.actions(), capacity, t0);
        String rankingUrl = services.queryUrl() + "/api/votations/" + votation.votationId() + "/ranking";

        // one ballot first: if the API refuses it, say why and stop rather than time 'ballots' refusals
        BallotLoad.Phase first = load.send("first ballot", options.warmup() + options.ballots() + 20_000_000L, 1, 1, 0);
        if (first.accepted() != 1) {
            say("ABORTED: the first ballot was not accepted: " + first.outcomes() + " — " + load.lastRefusal());
            throw new IllegalStateException(
                    "the ballot endpoint refuses the benchmark's ballots: " + load.lastRefusal());
        }
        if (options.warmup() > 0) {
            BallotLoad.Phase warm = load.send("warm-up", 0, options.warmup(), options.clients(), 0);
            say("-- warm-up: " + n(warm.accepted()) + " ballots accepted (" + n(warm.acceptedPerSecond())
                    + "/s, untimed)");
            awaitCount(api, rankingUrl, load.accepted(), Duration.ofMinutes(5));
        }

        // the HTTP ceiling with the same clients, before the load and again after it
        List<Map<String, Object>> ceilings = new ArrayList<>();
        ceilings.add(
                httpCeiling(load, services, "before the load", options.warmup() + options.ballots() + 40_000_000L));

        Probes.RankingProbe probe = new Probes.RankingProbe(
                        api, services.queryUrl(), votation.votationId(), t0, options.rankingIntervalMillis())
                .start();
        Probes.ProcessorSampler sampler = new Probes.ProcessorSampler(api, services.queryUrl(), t0).start();

        // (a) the timed load, with a progress line every 10 s and, in crash mode, a SIGKILL half-way
        long acceptedBefore = load.accepted();
        AtomicReference<Map<String, Object>> crash = new AtomicReference<>();
        Thread crasher = options.crash()
                ? crashController(
                        services, load, acceptedBefore + (long) (options.ballots() * options.crashAt()), t0, crash)
                : null;
        long[] cpuBefore = Machine.cpuCounters();
        long commandPid = services.commandPid();
        Duration commandCpu0 = Services.cpu(commandPid);
        Duration queryCpu0 = Services.cpu(services.queryPid());
        Duration selfCpu0 = ownCpu();
        Map<Long, Duration> postgresCpu0 = postgresCpu();
        say("-- load: " + n(options.ballots()) + " ballots from " + options.clients() + " concurrent clients"
                + (options.crash() ? " (1% of requests re-send an accepted ballot)" : ""));
        Thread progress = progress(load, probe, acceptedBefore);
        long loadStart = System.nanoTime() - t0;
        Instant loadStartedAt = Instant.now();
        BallotLoad.Phase main =
                load.send("load", options.warmup(), options.ballots(), options.clients(), options.crash() ? 0.01 : 0);
        long loadEnd = System.nanoTime() - t0;
        Instant loadEndedAt = Instant.now();
        progress.interrupt();
        long headAtLoadEnd = store.maxIndex();
        long[] cpuAfter = Machine.cpuCounters();
        Duration loadTime = Duration.ofNanos(loadEnd - loadStart);
        Map<String, Object> cpu = new LinkedHashMap<>();
        double loadSeconds = loadTime.toNanos() / 1e9;
        cpu.put("systemBusyPercent", pct(cpuAfter[0] - cpuBefore[0], cpuAfter[2] - cpuBefore[2]));
        cpu.put("systemIowaitPercent", pct(cpuAfter[1] - cpuBefore[1], cpuAfter[2] - cpuBefore[2]));
        cpu.put(
                "commandServiceCores",
                options.crash() && "command".equals(options.crashTarget())
                        ? "n/a (restarted)"
                        : round2(Services.cpu(commandPid).minus(commandCpu0).toNanos() / 1e9 / loadSeconds));
        cpu.put(
                "queryServiceCores",
                options.crash() && "query".equals(options.crashTarget())
                        ? "n/a (restarted)"
                        : round2(Services.cpu(services.queryPid())
                                        .minus(queryCpu0)
                                        .toNanos()
                                / 1e9
                                / loadSeconds));
        cpu.put("benchmarkCores", round2(ownCpuSince(selfCpu0) / 1e9 / loadSeconds));
        if (options.store() == Options.Store.POSTGRES) {
            Map<Long, Duration> postgresCpu1 = postgresCpu();
            long nanos = 0;
            for (var e : postgresCpu1.entrySet()) {
                nanos += e.getValue()
                        .minus(postgresCpu0.getOrDefault(e.getKey(), Duration.ZERO))
                        .toNanos();
            }
            cpu.put("postgresCores", round2(nanos / 1e9 / loadSeconds));
        }
        double busyCores = (cpuAfter[0] - cpuBefore[0])
                / (double) Math.max(1, cpuAfter[2] - cpuBefore[2])
                * Runtime.getRuntime().availableProcessors();
        double ours = 0;
        for (String k : new String[] {"commandServiceCores", "queryServiceCores", "benchmarkCores", "postgresCores"}) {
            ours += cpu.get(k) instanceof Double d ? d : 0;
        }
        cpu.put("machineBusyCores", round2(busyCores));
        cpu.put("otherProcessesCores", options.crash() ? "n/a" : round2(Math.max(0, busyCores - ours)));
        cpu.put("loadAverageAfter", loadAverage());
        double ballots = Math.max(1, main.accepted());
        if (cpu.get("commandServiceCores") instanceof Double c) {
            cpu.put("commandServiceCpuMillisPerBallot", round2(c * loadSeconds * 1000 / ballots));
        }
        if (cpu.get("queryServiceCores") instanceof Double q) {
            cpu.put("queryServiceCpuMillisPerBallot", round2(q * loadSeconds * 1000 / ballots));
        }
        cpu.put(
                "benchmarkCpuMillisPerBallot",
                round2((double) cpu.get("benchmarkCores") * loadSeconds * 1000 / ballots));
        report.put("cpuDuringLoad", cpu);
        say("   load done: " + n(main.accepted()) + " accepted in " + secs(loadTime.toNanos()) + " = "
                + n(main.acceptedPerSecond()) + " ballots/s; outcomes " + main.outcomes());
        if (crasher != null) {
            crasher.join();
        }

        ceilings.add(httpCeiling(load, services, "after the load", options.warmup() + options.ballots() + 50_000_000L));
        report.put("httpCeiling", ceilingFigures(ceilings, main.acceptedPerSecond()));

        if (!load.serverErrors().isEmpty()) {
            say("-- server errors during the load (first " + load.serverErrors().size() + "):");
            load.serverErrors().forEach(e -> say("   " + e));
            report.put("serverErrors", load.serverErrors());
            printServiceErrors(services);
        }

        // relayed batches: the same kind of ballots, new voters, POST …/ballots:batch
        if (options.batchBallots() > 0) {
            report.put("relayedBatches", relayedBatches(load, services));
        }
        long loadsEnd = System.nanoTime() - t0;

        // settle what is unknown, then duplicates: every re-sent ballot must be refused
        long unknown = load.unknownOutcomes();
        BallotLoad.Phase settled = load.settleUnknown();
        BallotLoad.Phase duplicates = load.resendAccepted("duplicates", options.duplicates(), options.clients());
        say("-- " + n(unknown) + " unknown outcomes settled " + settled.outcomes() + "; " + n(duplicates.requests())
                + " accepted ballots re-sent: " + duplicates.outcomes());

        // (c) catch-up: when the ranking counted every ballot accepted by the end of the load
        // what the ranking can reach is what the log holds: fewer rows than 201s would be lost ballots
        long acceptedAtEnd = Math.min(load.accepted(), store.ballotRows());
        boolean caughtUp = awaitCount(api, rankingUrl, acceptedAtEnd, options.settleTimeout());
        long seenByPoll = System.nanoTime() - t0;
        probe.stop();
        long seenByProbe = firstCountAtLeast(probe, loadEnd, acceptedAtEnd);
        long caughtUpAt = seenByProbe >= 0 ? Math.min(seenByProbe, seenByPoll) : seenByPoll;

        // close, then late ballots: every one must be refused
        Fixture.close(api, services.commandUrl(), votation.votationId());
        BallotLoad.Phase late = load.sendLate(
                "late", options.warmup() + options.ballots() + 10_000_000L, options.late(), options.clients());
        say("-- votation closed; " + n(late.requests()) + " late ballots: " + late.outcomes());

        // exactness: the closed ranking against the client's own account, and the log's rows
        Exactness check = verify(api, rankingUrl, store, load, "after the load", Duration.ofMinutes(10));
        say("-- exactness after the load: " + check.summary());

        // wait for every processor (audit trail included) before timing a rebuild on a quiet machine
        long head = store.maxIndex();
        boolean allProcessed = awaitProcessors(api, services.queryUrl(), head, options.settleTimeout());
        Thread.sleep(1_500); // one more sample of every processor
        sampler.stop();
        Map<String, Object> catchUp = new LinkedHashMap<>();
        Map<String, Long> reached = sampler.caughtUp(loadEnd, headAtLoadEnd);
        for (String p : sampler.processors()) {
            Long at = reached.get(p);
            catchUp.put(p, at == null ? "not within the settle timeout" : round2(Math.max(0, at - loadEnd) / 1e9));
        }
        if (!allProcessed) {
            say("   not every processor reached the head within "
                    + options.settleTimeout().toMinutes() + " min");
        }

        // (d) for reference: the same reads on a quiet read side (load over, processors caught up)
        Map<String, Object> idle = idleLatency(api, rankingUrl, 500);
        say("-- ranking reads with the load over: p50 " + idle.get("p50Millis") + " ms, p99 " + idle.get("p99Millis")
                + " ms");

        // (e) rebuilds
        List<Map<String, Object>> rebuilds = new ArrayList<>();
        boolean rebuiltExact = true;
        for (String projection : options.rebuild()) {
            Map<String, Object> r = rebuild(api, services.queryUrl(), store, projection);
            rebuilds.add(r);
            if ("rankings".equals(projection)) {
                Exactness again = verify(api, rankingUrl, store, load, "after the rebuild", Duration.ofMinutes(5));
                r.put("exact", again.exact());
                rebuiltExact &= again.exact();
                say("   ranking after the rebuild: " + again.summary());
            }
        }
        report.put("asOf", AsOfLatency.measure(api, rankingUrl, loadStartedAt, loadEndedAt, options.asOfRequests()));

        // the services with nothing to do (every processor at the head first), then the tree heads' merge delay
        if (options.idleSeconds() > 0) {
            if (!awaitProcessors(api, services.queryUrl(), store.maxIndex(), options.settleTimeout())) {
                say("   the idle window starts with processors still behind");
            }
            say("-- idle: " + options.idleSeconds() + " s with nothing sent");
            Map<String, Object> quiet = IdleCpu.measure(
                    Map.of("commandService", services.commandPid(), "queryService", services.queryPid()),
                    options.idleSeconds());
            report.put("idle", quiet);
            say("   " + quiet);
        }
        Map<String, Object> merge =
                MergeDelay.measure(store, MergeDelay.stated(options.serviceProperties()), Instant.now());
        report.put("treeHeadMergeDelay", merge);
        say("-- tree heads' merge delay: " + merge);
        report.put("e2eRowShape", safe(store::ballotRowShape));

        // figures
        Map<String, Object> e2e = new LinkedHashMap<>();
        e2e.put("ballots", main.accepted());
        e2e.put("requests", main.requests());
        e2e.put("seconds", loadSeconds);
        e2e.put("ballotsPerSecond", main.acceptedPerSecond());
        e2e.put("outcomes", main.outcomes());
        e2e.put("clients", options.clients());
        report.put("endToEnd", e2e);

        double[] lags = probe.lagSeconds(loadStart, loadEnd, load.acceptanceTimes());
        Map<String, Object> lag = new LinkedHashMap<>();
        lag.put("samples", lags.length);
        lag.put("p50Seconds", Probes.percentile(lags, 50));
        lag.put("p99Seconds", Probes.percentile(lags, 99));
        lag.put("maxSeconds", Probes.max(lags));
        lag.put("catchUpAfterLoadSeconds", caughtUp && caughtUpAt >= 0 ? (caughtUpAt - loadEnd) / 1e9 : null);
        Map<String, Object> behind = new LinkedHashMap<>();
        sampler.behind(loadStart, loadEnd)
                .forEach((p, values) -> behind.put(
                        p,
                        Map.of(
                                "p50",
                                Probes.percentile(values, 50),
                                "p99",
                                Probes.percentile(values, 99),
                                "max",
                                Probes.max(values))));
        lag.put("eventsBehindDuringLoad", behind);
        lag.put("auditTrailSecondsBehind", trailLag(sampler, loadStart, loadsEnd));
        lag.put("processorsCaughtUpSecondsAfterLoad", catchUp);
        report.put("projectionLag", lag);

        double[] latencies = probe.latenciesMillis(loadStart, loadEnd);
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("reads", latencies.length);
        latency.put("failedReads", probe.reads(loadStart, loadEnd, false));
        latency.put("p50Millis", Probes.percentile(latencies, 50));
        latency.put("p99Millis", Probes.percentile(latencies, 99));
        latency.put("maxMillis", Probes.max(latencies));
        report.put("rankingLatency", latency);
        report.put("rankingLatencyIdle", idle);
        report.put("rebuilds", rebuilds);

        Map<String, Object> checks = new LinkedHashMap<>();
        checks.put("accepted", load.accepted());
        checks.put("rankingOnlineBallots", check.rankingBallots());
        checks.put("ballotRowsInLog", check.logRows());
        checks.put("perActionEqual", check.perActionEqual());
        checks.put("exact", check.exact());
        checks.put("unknownOutcomesSettled", unknown);
        checks.put("duplicatesSent", duplicates.requests() + main.duplicatesSent());
        checks.put("duplicatesRefused", duplicates.duplicatesRefused() + main.duplicatesRefused());
        checks.put("duplicatesAccepted", duplicates.duplicatesAccepted() + main.duplicatesAccepted());
        checks.put("lateSent", late.requests());
        checks.put(
                "lateRefused",
                late.outcomes().getOrDefault("409 votation-not-open", 0L)
                        + late.outcomes().getOrDefault("409 votation-closed", 0L));
        checks.put("lateAccepted", load.lateAccepted());
        checks.put("rebuiltRankingExact", rebuiltExact);
        report.put("checks", checks);
        if (crash.get() != null) {
            report.put("crash", crash.get());
        }
        // in crash mode, the run proves nothing about the crash unless the kill and the restart happened
        boolean crashed =
                !options.crash() || (crash.get() != null && !crash.get().containsKey("error"));
        checks.put("crashDone", options.crash() ? crashed : null);
        return check.exact()
                && crashed
                && rebuiltExact
                && duplicates.duplicatesAccepted() + main.duplicatesAccepted() == 0
                && load.lateAccepted() == 0
                && (long) checks.get("lateRefused") == late.requests()
                && (long) checks.get("duplicatesRefused") == (long) checks.get("duplicatesSent");
    }

    /**
     * One measure of the HTTP ceiling: the load's requests (same clients, same kind of bodies) to the endpoint
     * that authenticates and parses a ballot and appends nothing; requests/s and CPU per request.
     */
    private Map<String, Object> httpCeiling(BallotLoad load, Services services, String when, long firstVoter)
            throws InterruptedException {
        long requests = Math.max(1_000, Math.min(options.ballots() / 4, 50_000));
        long commandPid = services.commandPid();
        Duration commandCpu0 = Services.cpu(commandPid);
        Duration selfCpu0 = ownCpu();
        BallotLoad.Phase phase = load.ceiling("ceiling", firstVoter, requests, options.clients());
        double answered = Math.max(1, phase.accepted());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("when", when);
        m.put("requests", phase.requests());
        m.put("seconds", phase.elapsed().toNanos() / 1e9);
        m.put("requestsPerSecond", phase.acceptedPerSecond());
        m.put("outcomes", phase.outcomes());
        m.put(
                "commandServiceCpuMillisPerRequest",
                round2(Services.cpu(commandPid).minus(commandCpu0).toNanos() / 1e6 / answered));
        m.put("benchmarkCpuMillisPerRequest", round2(ownCpuSince(selfCpu0) / 1e6 / answered));
        m.put("loadAverage", loadAverage());
        say("-- HTTP ceiling " + when + ": " + n(phase.accepted()) + " requests parsed, nothing appended, in "
                + secs(phase.elapsed().toNanos()) + " = " + n(phase.acceptedPerSecond()) + " requests/s ("
                + m.get("commandServiceCpuMillisPerRequest") + " ms command-service CPU, "
                + m.get("benchmarkCpuMillisPerRequest") + " ms client CPU a request); outcomes " + phase.outcomes());
        return m;
    }

    /** The ceiling as the mean of its two measures, and the single ballots' share of it. */
    private static Map<String, Object> ceilingFigures(List<Map<String, Object>> measures, double ballotsPerSecond) {
        double sum = 0;
        for (Map<String, Object> m : measures) {
            sum += (double) m.get("requestsPerSecond");
        }
        double perSecond = sum / measures.size();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("requestsPerSecond", perSecond);
        figures.put("singleBallotsShare", perSecond > 0 ? ballotsPerSecond / perSecond : null);
        figures.put("measures", measures);
        return figures;
    }

    /** The relayed batches phase: ballots/s accepted, and the command-service's CPU per ballot. */
    private Map<String, Object> relayedBatches(BallotLoad load, Services services) throws Exception {
        say("-- relayed batches: " + n(options.batchBallots()) + " ballots in batches of " + options.batchSize()
                + " from " + options.batchClients() + " clients (POST …/ballots:batch)");
        long commandPid = services.commandPid();
        Duration commandCpu0 = Services.cpu(commandPid);
        Duration queryCpu0 = Services.cpu(services.queryPid());
        Duration selfCpu0 = ownCpu();
        BallotLoad.Phase phase = load.sendBatches(
                "relayed",
                options.warmup() + options.ballots() + 30_000_000L,
                options.batchBallots(),
                options.batchClients(),
                options.batchSize());
        double seconds = phase.elapsed().toNanos() / 1e9;
        double ballots = Math.max(1, phase.accepted());
        Map<String, Object> relayed = new LinkedHashMap<>();
        relayed.put("ballots", phase.accepted());
        relayed.put("ballotsSent", phase.requests());
        relayed.put("batchSize", options.batchSize());
        relayed.put("clients", options.batchClients());
        relayed.put("seconds", seconds);
        relayed.put("ballotsPerSecond", phase.acceptedPerSecond());
        relayed.put("outcomes", phase.outcomes());
        relayed.put(
                "commandServiceCpuMillisPerBallot",
                round2(Services.cpu(commandPid).minus(commandCpu0).toNanos() / 1e6 / ballots));
        relayed.put(
                "queryServiceCpuMillisPerBallot",
                round2(Services.cpu(services.queryPid()).minus(queryCpu0).toNanos() / 1e6 / ballots));
        relayed.put("benchmarkCpuMillisPerBallot", round2(ownCpuSince(selfCpu0) / 1e6 / ballots));
        say("   relayed: " + n(phase.accepted()) + " accepted in "
                + secs(phase.elapsed().toNanos()) + " = " + n(phase.acceptedPerSecond()) + " ballots/s; outcomes "
                + phase.outcomes());
        return relayed;
    }

    /**
     * The headline figures, under the keys it names ({@code singleBallots.ballotsPerSecond}…);
     * a figure this benchmark does not measure is {@code null} and listed in {@code notMeasured}.
     */
    @SuppressWarnings("unchecked")
    private void headline(boolean exact) {
        Map<String, Object> values = report.values();
        Map<String, Object> e2e = (Map<String, Object>) values.getOrDefault("endToEnd", Map.of());
        Map<String, Object> relayed = (Map<String, Object>) values.getOrDefault("relayedBatches", Map.of());
        List<Map<String, Object>> raws = (List<Map<String, Object>>) values.getOrDefault("rawAppend", List.of());
        List<Map<String, Object>> rebuilds = (List<Map<String, Object>>) values.getOrDefault("rebuilds", List.of());
        List<String> missing = new ArrayList<>();
        Map<String, Object> single = new LinkedHashMap<>();
        single.put("ballotsPerSecond", e2e.get("ballotsPerSecond"));
        Map<String, Object> ceiling = (Map<String, Object>) values.getOrDefault("httpCeiling", Map.of());
        single.put("httpCeilingPerSecond", ceiling.get("requestsPerSecond"));
        single.put("shareOfHttpCeiling", ceiling.get("singleBallotsShare"));
        if (ceiling.get("requestsPerSecond") == null) {
            missing.add("singleBallots.httpCeilingPerSecond");
        }
        Map<String, Object> batches = new LinkedHashMap<>();
        batches.put("ballotsPerSecond", relayed.get("ballotsPerSecond"));
        batches.put(
                "rawBatchedAppendPerSecond",
                raws.stream()
                        .filter(r -> ((Number) r.get("rowsPerTransaction")).intValue() > 1)
                        .map(r -> r.get("rowsPerSecond"))
                        .findFirst()
                        .orElse(null));
        Map<String, Object> rebuild = new LinkedHashMap<>();
        rebuild.put(
                "eventsPerSecond",
                rebuilds.stream()
                        .filter(r -> "rankings".equals(r.get("projection")))
                        .map(r -> r.get("eventsPerSecond"))
                        .findFirst()
                        .orElse(null));
        values.put("singleBallots", single);
        values.put("relayedBatches", merge(relayed, batches));
        values.put("rebuild", rebuild);
        Object trailP99 = values.get("projectionLag") instanceof Map<?, ?> lag
                        && lag.get("auditTrailSecondsBehind") instanceof Map<?, ?> trail
                ? trail.get("p99")
                : null;
        values.put("auditTrailLagP99Seconds", trailP99);
        if (trailP99 == null) {
            missing.add("auditTrailLagP99Seconds");
        }
        Object asOfP99 = ((Map<String, Object>) values.getOrDefault("asOf", Map.of())).get("p99Millis");
        values.put("asOfP99Millis", asOfP99);
        if (asOfP99 == null) {
            missing.add("asOfP99Millis");
        }
        values.put("storeBytesPerBallot", values.get("storeBytesPerBallot"));
        Map<String, Object> idle = (Map<String, Object>) values.getOrDefault("idle", Map.of());
        if (idle.isEmpty()) {
            values.put("idleCpuPercent", null);
            missing.add("idleCpuPercent");
        } else {
            Map<String, Object> percent = new LinkedHashMap<>();
            for (String service : List.of("commandService", "queryService")) {
                percent.put(service, ((Map<String, Object>) idle.get(service)).get("cpuPercent"));
            }
            values.put("idleCpuPercent", percent);
        }
        Map<String, Object> merge = (Map<String, Object>) values.getOrDefault("treeHeadMergeDelay", Map.of());
        values.put("treeHeadMergeDelayMaxSeconds", merge.get("maxSeconds"));
        values.put("treeHeadMergeDelayP99Seconds", merge.get("p99Seconds"));
        values.put("treeHeadMaxMergeDelaySeconds", merge.get("statedMaxSeconds"));
        if (merge.get("maxSeconds") == null) {
            missing.add("treeHeadMergeDelayMaxSeconds");
        }
        values.put("exact", exact);
        for (String key : List.of("ballotsPerSecond", "rawBatchedAppendPerSecond")) {
            if (batches.get(key) == null) {
                missing.add("relayedBatches." + key);
            }
        }
        if (rebuild.get("eventsPerSecond") == null) {
            missing.add("rebuild.eventsPerSecond");
        }
        if (values.get("storeBytesPerBallot") == null) {
            missing.add("storeBytesPerBallot");
        }
        values.put("notMeasured", missing);
    }

    /** The garants' trail behind the log, in seconds, while the ballots (single, then relayed) arrive. */
    private static Map<String, Object> trailLag(Probes.ProcessorSampler sampler, long from, long to) {
        double[] seconds = sampler.secondsBehind("audit-trail", from, to);
        Map<String, Object> lag = new LinkedHashMap<>();
        lag.put("samples", seconds.length);
        lag.put("p50", seconds.length == 0 ? null : Probes.percentile(seconds, 50));
        lag.put("p99", seconds.length == 0 ? null : Probes.percentile(seconds, 99));
        lag.put("max", seconds.length == 0 ? null : Probes.max(seconds));
        return lag;
    }

    /**
     * Bytes on disk per ballot in the log, services stopped: on H2 the whole file (every event, the registers,
     * free pages), on PostgreSQL the event table with its indexes and TOAST; and the embedded read store's
     * file when there is one.
     */
    private void storeSizes(EventStore store, Path e2eDir) throws IOException {
        Object rows = ((Map<?, ?>) report.values().getOrDefault("checks", Map.of())).get("ballotRowsInLog");
        long ballots = rows instanceof Number n ? n.longValue() : 0;
        Long bytes = null;
        if (Files.exists(e2eDir.resolve("eventstore.mv.db"))) {
            bytes = Files.size(e2eDir.resolve("eventstore.mv.db"));
        } else if (safe(store::eventTableBytes) instanceof Long tableBytes) {
            bytes = tableBytes;
        }
        if (bytes != null) {
            report.put("eventStoreBytes", bytes);
            if (ballots > 0) {
                report.put("storeBytesPerBallot", bytes / ballots);
            }
        }
        Path readStore = e2eDir.resolve("readstore.mv");
        if (Files.exists(readStore)) {
            report.put("readStoreBytes", Files.size(readStore));
            if (ballots > 0) {
                report.put("readStoreBytesPerBallot", Files.size(readStore) / ballots);
            }
        }
    }

    private static Map<String, Object> merge(Map<String, Object> details, Map<String, Object> headline) {
        Map<String, Object> merged = new LinkedHashMap<>(details);
        merged.putAll(headline);
        return merged;
    }

    /** (b) the same rows straight into a fresh store of the same kind, services stopped. */
    private void rawAppend(Path root, List<EventStore> toDrop) throws Exception {
        List<Map<String, Object>> raws = new ArrayList<>();
        int[] batches = options.rawReferenceBatch() > 1 ? new int[] {1, options.rawReferenceBatch()} : new int[] {1};
        for (int batch : batches) {
            EventStore store = rawStore(root, "raw" + batch);
            toDrop.add(store);
            say("-- raw append: " + n(options.rawEvents()) + " OnlineBallotCast rows, " + options.clients()
                    + " threads, " + batch + " row" + (batch == 1 ? "" : "s") + " per transaction, into "
                    + store.describe());
            long[] cpu0 = Machine.cpuCounters();
            Duration self0 = ownCpu();
            RawAppend.Result result =
                    RawAppend.run(store, options.rawEvents(), options.clients(), batch, options.actions());
            long[] cpu1 = Machine.cpuCounters();
            double seconds = result.elapsed().toNanos() / 1e9;
            double busy = (cpu1[0] - cpu0[0])
                    / (double) Math.max(1, cpu1[2] - cpu0[2])
                    * Runtime.getRuntime().availableProcessors();
            double self = ownCpuSince(self0) / 1e9 / seconds;
            say("   " + n(result.rowsPerSecond()) + " rows/s ("
                    + secs(result.elapsed().toNanos()) + "; " + n(result.rowsInTable()) + " rows in the table; "
                    + result.rowShape() + ")");
            Map<String, Object> described = new LinkedHashMap<>(RawAppend.describe(result));
            described.put("machineBusyCores", round2(busy));
            described.put("benchmarkCores", round2(self));
            if (store.kind == Options.Store.H2) {
                Path file = Path.of(store.url.substring("jdbc:h2:file:".length(), store.url.indexOf(';')) + ".mv.db");
                if (Files.exists(file)) {
                    described.put("storeBytes", Files.size(file));
                }
            }
            raws.add(described);
        }
        report.put("rawAppend", raws);
    }

    private EventStore rawStore(Path root, String name) throws Exception {
        if (options.store() == Options.Store.POSTGRES) {
            return EventStore.postgres(
                    System.getenv("LEDGER_BENCH_POSTGRES_URL"),
                    env("LEDGER_BENCH_POSTGRES_USER", "ledger"),
                    env("LEDGER_BENCH_POSTGRES_PASSWORD", ""),
                    "bench_" + runId + "_" + name);
        }
        return EventStore.h2(Files.createDirectories(root.resolve(name)), options.h2Options());
    }

    private Thread crashController(
            Services services, BallotLoad load, long killAt, long t0, AtomicReference<Map<String, Object>> outcome) {
        Thread thread = new Thread(
                () -> {
                    Map<String, Object> crash = new LinkedHashMap<>();
                    try {
                        while (load.accepted() < killAt) {
                            Thread.sleep(20);
                        }
                        boolean command = "command".equals(options.crashTarget());
                        crash.put("target", command ? "command-service" : "query-service");
                        crash.put("killedAtAccepted", load.accepted());
                        crash.put("killedAtSeconds", (System.nanoTime() - t0) / 1e9);
                        if (command) {
                            services.killCommand();
                        } else {
                            services.killQuery();
                        }
                        say("   SIGKILL " + crash.get("target") + " at " + n(load.accepted()) + " accepted ballots");
                        Thread.sleep(options.crashDowntime().toMillis());
                        if (command) {
                            services.startCommand();
                        } else {
                            services.startQuery();
                        }
                        crash.put("restartedAtSeconds", (System.nanoTime() - t0) / 1e9);
                        crash.put("restartSeconds", services.lastQueryStart().toNanos() / 1e9);
                        say("   " + crash.get("target") + " restarted (healthy after "
                                + secs(services.lastQueryStart().toNanos()) + ")");
                    } catch (Exception e) {
                        crash.put("error", e.toString());
                        say("   crash controller failed: " + e);
                    }
                    outcome.set(crash);
                },
                "crash-controller");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private Thread progress(BallotLoad load, Probes.RankingProbe probe, long acceptedBefore) {
        Thread thread = new Thread(
                () -> {
                    long started = System.nanoTime();
                    long last = acceptedBefore;
                    long lastAt = started;
                    try {
                        while (true) {
                            Thread.sleep(10_000);
                            long now = System.nanoTime();
                            long accepted = load.accepted();
                            long shown;
                            synchronized (probe) {
                                shown = probe.counted.size() == 0 ? -1 : probe.counted.get(probe.counted.size() - 1);
                            }
                            say(String.format(
                                    "   %4.0f s: %s accepted (%s/s now), ranking counts %s",
                                    (now - started) / 1e9,
                                    n(accepted - acceptedBefore),
                                    n((accepted - last) / ((now - lastAt) / 1e9)),
                                    shown < 0 ? "?" : n(shown)));
                            last = accepted;
                            lastAt = now;
                        }
                    } catch (InterruptedException done) {
                        // the load is over
                    }
                },
                "progress");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Polls the ranking until it counts {@code expected} ballots; false on time-out. */
    private static boolean awaitCount(Api api, String rankingUrl, long expected, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (api.getJson(rankingUrl, ORGANISER).path("onlineBallots").asLong() >= expected) {
                    return true;
                }
            } catch (RuntimeException notYet) {
                // restarting, or not projected yet
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static long firstCountAtLeast(Probes.RankingProbe probe, long from, long expected) {
        synchronized (probe) {
            for (int i = 0; i < probe.sentAt.size(); i++) {
                if (probe.sentAt.get(i) >= from && probe.counted.get(i) >= expected) {
                    return probe.sentAt.get(i) + probe.latency.get(i);
                }
            }
        }
        return -1;
    }

    record Exactness(
            boolean exact, long accepted, long rankingBallots, long logRows, boolean perActionEqual, String detail) {
        String summary() {
            return (exact ? "EXACT" : "DIFFERENT") + " — accepted " + n(accepted) + ", ranking counts "
                    + n(rankingBallots)
                    + " ballots, the log holds " + n(logRows) + " ballot rows; per action "
                    + (perActionEqual ? "equal" : "different") + (detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }

    /** Waits for the ranking to count every accepted ballot, then compares it action by action. */
    private static Exactness verify(
            Api api, String rankingUrl, EventStore store, BallotLoad load, String when, Duration timeout)
            throws Exception {
        long expected = load.accepted();
        awaitCount(api, rankingUrl, Math.min(expected, store.ballotRows()), timeout);
        Thread.sleep(500); // a count beyond the expected would show now
        JsonNode ranking = api.getJson(rankingUrl, ORGANISER);
        long[] votes = load.votesPerAction();
        List<String> differences = new ArrayList<>();
        int entries = 0;
        for (JsonNode entry : ranking.path("entries")) {
            entries++;
            int action = entry.path("actionNumber").asInt();
            long shown = entry.path("onlineVotes").asLong();
            long counted = action > 0 && action < votes.length ? votes[action] : -1;
            if (shown != counted) {
                differences.add("action " + action + ": ranking " + shown + ", accepted " + counted);
            }
        }
        if (entries != votes.length - 1) {
            differences.add(entries + " entries for " + (votes.length - 1) + " actions");
        }
        long shownBallots = ranking.path("onlineBallots").asLong();
        long rows = store.ballotRows();
        if (rows < expected) {
            differences.add(
                    0,
                    (expected - rows) + " ballots answered 201 are NOT IN THE LOG (lost commits; a voter whose"
                            + " ballot was lost can vote again, counted twice here)");
        }
        boolean perAction = differences.isEmpty();
        boolean exact = perAction && shownBallots == expected && rows == expected;
        return new Exactness(
                exact,
                expected,
                shownBallots,
                rows,
                perAction,
                String.join("; ", differences.subList(0, Math.min(5, differences.size()))));
    }

    /** The services' ERROR lines and the lines after them (exception, causes), at most 60. */
    private static void printServiceErrors(Services services) {
        for (Path log : services.logs()) {
            try {
                List<String> lines = Files.readAllLines(log);
                List<String> shown = new ArrayList<>();
                for (int i = 0; i < lines.size() && shown.size() < 60; i++) {
                    if (lines.get(i).contains(" ERROR ")) {
                        for (int j = i; j < Math.min(lines.size(), i + 12) && shown.size() < 60; j++) {
                            if (j == i
                                    || lines.get(j).startsWith("\t")
                                    || lines.get(j).startsWith("Caused by")
                                    || !lines.get(j).matches("^\\d{4}-.*")) {
                                shown.add(lines.get(j));
                            }
                        }
                    }
                }
                if (!shown.isEmpty()) {
                    say("   " + log.getFileName() + ":");
                    shown.forEach(l -> say("     " + l));
                }
            } catch (IOException e) {
                say("   (cannot read " + log + ": " + e.getMessage() + ")");
            }
        }
    }

    /** {@code reads} sequential reads of the ranking, 5 ms apart: latency percentiles (ms). */
    private static Map<String, Object> idleLatency(Api api, String rankingUrl, int reads) throws Exception {
        double[] millis = new double[reads];
        int ok = 0;
        for (int i = 0; i < reads; i++) {
            long sent = System.nanoTime();
            Api.Response response = api.get(rankingUrl, ORGANISER, Duration.ofSeconds(10));
            if (response.ok()) {
                millis[ok++] = (System.nanoTime() - sent) / 1e6;
            }
            Thread.sleep(5);
        }
        double[] kept = java.util.Arrays.copyOf(millis, ok);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reads", ok);
        m.put("p50Millis", round2(Probes.percentile(kept, 50)));
        m.put("p99Millis", round2(Probes.percentile(kept, 99)));
        m.put("maxMillis", round2(Probes.max(kept)));
        return m;
    }

    /** Waits until every streaming processor has reached {@code head}; false on time-out. */
    private static boolean awaitProcessors(Api api, String queryUrl, long head, Duration timeout)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        Instant lastSaid = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            try {
                boolean all = true;
                StringBuilder behind = new StringBuilder();
                for (JsonNode p : api.getJson(queryUrl + "/api/admin/projections", ORGANISER)) {
                    if (p.path("position").asLong() < head) {
                        all = false;
                        behind.append(' ')
                                .append(p.path("processor").asText())
                                .append(" at ")
                                .append(n(p.path("position").asLong()));
                    }
                }
                if (all) {
                    return true;
                }
                if (Duration.between(lastSaid, Instant.now()).toSeconds() >= 30) {
                    say("   waiting for the processors to reach " + n(head) + ":" + behind);
                    lastSaid = Instant.now();
                }
            } catch (RuntimeException busy) {
                // try again
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** (e) rebuilds one projection from zero, services otherwise idle; events/s from its progress. */
    private Map<String, Object> rebuild(Api api, String queryUrl, EventStore store, String projection)
            throws Exception {
        String url = queryUrl + "/api/admin/projections/" + projection;
        long head = store.maxIndex();
        long events = store.count("globalIndex <= " + head);
        say("-- rebuild " + projection + ": " + n(events) + " events up to position " + n(head));
        long started = System.nanoTime();
        api.postJson(url + "/rebuild", ORGANISER, Map.of());
        long position = -1;
        Instant deadline = Instant.now().plus(options.settleTimeout());
        Instant lastSaid = Instant.now();
        while (Instant.now().isBefore(deadline)) {
            try {
                position = api.getJson(url, ORGANISER).path("position").asLong();
            } catch (RuntimeException busy) {
                // try again
            }
            if (position >= head) {
                break;
            }
            if (Duration.between(lastSaid, Instant.now()).toSeconds() >= 15) {
                say("   " + projection + " at " + n(position) + " of " + n(head));
                lastSaid = Instant.now();
            }
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("projection", projection);
        r.put("events", events);
        r.put("seconds", seconds);
        r.put("completed", position >= head);
        r.put("eventsPerSecond", events / seconds);
        say("   " + projection + (position >= head ? " rebuilt" : " NOT rebuilt") + " in "
                + secs((long) (seconds * 1e9)) + " = " + n(events / seconds) + " events/s");
        return r;
    }

    private static Object safe(SqlSupplier supplier) {
        try {
            return supplier.get();
        } catch (Exception e) {
            return "unavailable (" + e.getMessage() + ")";
        }
    }

    @FunctionalInterface
    private interface SqlSupplier {
        Object get() throws Exception;
    }

    /** CPU time so far of every local PostgreSQL process (server, backends, WAL writer…), by pid. */
    private static Map<Long, Duration> postgresCpu() {
        Map<Long, Duration> cpu = new LinkedHashMap<>();
        ProcessHandle.allProcesses().forEach(p -> {
            String command = p.info().command().orElse("");
            if (command.contains("postgres")) {
                p.info().totalCpuDuration().ifPresent(d -> cpu.put(p.pid(), d));
            }
        });
        return cpu;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    static void say(String line) {
        synchronized (Benchmark.class) {
            human.println(line);
            human.flush();
        }
    }

    static String n(double value) {
        return String.format("%,.0f", value);
    }

    static String secs(long nanos) {
        return String.format("%.1f s", nanos / 1e9);
    }

    private static double pct(long part, long total) {
        return total == 0 ? 0 : Math.round(part * 1000.0 / total) / 10.0;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The services' properties and the one that opens the HTTP ceiling's endpoint, off by default. */
    static List<String> withHttpCeiling(List<String> properties) {
        List<String> all = new ArrayList<>(properties);
        all.add("ledger.benchmark.http-ceiling=true");
        return all;
    }

    /** The benchmark client's own CPU time so far. */
    private static Duration ownCpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** The benchmark client's own CPU time since {@code start}, in nanoseconds. */
    private static long ownCpuSince(Duration start) {
        return ownCpu().minus(start).toNanos();
    }
}
