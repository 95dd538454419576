package org.conventionledger.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's command line. Every option has a default, so {@code deploy/benchmark.sh} alone runs the
 * full benchmark (1,000,000 ballots, 32 clients, embedded store).
 */
record Options(
        long ballots,
        int clients,
        Store store,
        boolean crash,
        boolean json,
        boolean rawOnly,
        long warmup,
        int actions,
        int duplicates,
        int late,
        long rawEvents,
        int rawReferenceBatch,
        List<String> rebuild,
        int rankingIntervalMillis,
        Duration settleTimeout,
        double crashAt,
        String crashTarget,
        Duration crashDowntime,
        Path dataDir,
        boolean keep,
        Path commandJar,
        Path queryJar,
        String commandHeap,
        String queryHeap,
        List<String> profiles,
        List<String> serviceProperties,
        String h2Options,
        long batchBallots,
        int batchSize,
        int batchClients,
        int asOfRequests,
        int idleSeconds) {

    enum Store {
        H2,
        POSTGRES;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static final String USAGE = """
            deploy/benchmark.sh [options]

              --ballots N            online ballots to cast, timed (default 1000000)
              --clients C            concurrent HTTP clients, and threads of the raw append (default 32)
              --store h2|postgres    event store: the embedded H2 file (default) or PostgreSQL, from
                                     LEDGER_BENCH_POSTGRES_URL / _USER / _PASSWORD (a fresh schema per run)
              --crash                SIGKILL the query-service in the middle of the load, restart it, and
                                     check that the ranking still equals the accepted ballots exactly;
                                     1% of the load's requests are then re-sent ballots (must be refused)
              --json                 print the figures as one JSON document on standard output (the
                                     progress and the tables go to standard error)
              --batch-ballots N      ballots relayed in batches after the single-ballot load, timed
                                     (POST …/ballots:batch; default: --ballots; 0 skips the phase)
              --batch-size K         ballots per batch, 1 to 500 (default 500)
              --batch-clients C      concurrent clients sending batches (default 4)
              --raw-only             measure (b) only: no services, no HTTP
              --warmup N             untimed ballots before the timed load (default 2000)
              --actions N            finalised actions on the ballot (default 12)
              --duplicates N         ballots re-sent after the load, all to be refused (default 1000)
              --late N               ballots sent after the close, all to be refused (default 1000)
              --raw-events N         rows appended by the raw-append measurement (default: --ballots)
              --raw-reference-batch K  also append with K rows per transaction: the batched raw append the
                                     relayed batches compare with (default 256, the intake's group; 0: skip)
              --rebuild P[,P…]       projections to rebuild and time (default rankings; "none" to skip)
              --as-of-requests N     rankings "as of" random instants of the load, timed (default 200)
              --idle-seconds S       after the load, both services' CPU over S seconds with nothing sent
                                     (default 60; 0: skip)
              --ranking-interval-ms T  pause between two ranking reads of the latency probe (default 20)
              --settle-timeout-s S   how long to wait for the projections to catch up (default 1800)
              --crash-at F           fraction of the load after which --crash kills (default 0.4)
              --crash-target T       query (default) or command: which service --crash kills; killing the
                                     command-service shows whether acknowledged ballots survive its crash
              --crash-downtime-s S   how long the killed service stays down (default 3)
              --data-dir DIR         where the services' data go (default: a fresh temporary directory)
              --keep                 keep the data directory (and PostgreSQL schemas) afterwards
              --command-jar JAR, --query-jar JAR   the services' executable jars (the script sets them)
              --command-heap X, --query-heap X     -Xmx of the services (default 2g and 3g)
              --profile P            extra Spring profile for both services (repeatable)
              --service-property K=V a Spring property for both services (repeatable), as a JVM system
                                     property, e.g. axon.timeout.enabled=false: to measure a setting
              --h2-options ;K=V…     settings appended to the H2 URL of both services and of the raw
                                     store alike, e.g. ;MAX_LENGTH_INPLACE_LOB=1024
            """;

    static Options parse(String... args) {
        long ballots = 1_000_000;
        int clients = 32;
        Store store = Store.H2;
        boolean crash = false;
        boolean json = false;
        boolean rawOnly = false;
        long warmup = 2_000;
        int actions = 12;
        int duplicates = 1_000;
        int late = 1_000;
        Long rawEvents = null;
        int rawReferenceBatch = 256;
        Long batchBallots = null;
        int batchSize = 500;
        int batchClients = 4;
        int asOfRequests = 200;
        int idleSeconds = 60;
        List<String> rebuild = List.of("rankings");
        int rankingInterval = 20;
        Duration settle = Duration.ofMinutes(30);
        double crashAt = 0.4;
        String crashTarget = "query";
        Duration crashDowntime = Duration.ofSeconds(3);
        Path dataDir = null;
        boolean keep = false;
        Path commandJar = Path.of("command-service/target/command-service-0.1.0-SNAPSHOT-exec.jar");
        Path queryJar = Path.of("query-service/target/query-service-0.1.0-SNAPSHOT-exec.jar");
        String commandHeap = "2g";
        String queryHeap = "3g";
        List<String> profiles = new ArrayList<>();
        List<String> serviceProperties = new ArrayList<>();
        String h2Options = "";

        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--crash" -> crash = true;
                case "--json" -> json = true;
                case "--keep" -> keep = true;
                case "--raw-only" -> rawOnly = true;
                case "-h", "--help" -> throw new Usage(null);
                default -> {
                    if (i + 1 >= args.length) {
                        throw new Usage(
                                option.startsWith("--") && isValued(option)
                                        ? option + " needs a value"
                                        : "unknown option: " + option);
                    }
                    String value = args[++i];
                    switch (option) {
                        case "--ballots" -> ballots = positiveLong(option, value, 1);
                        case "--clients" -> clients = (int) positiveLong(option, value, 1);
                        case "--store" ->
                            store = switch (value.toLowerCase(Locale.ROOT)) {
                                case "h2", "embedded" -> Store.H2;
                                case "postgres", "postgresql" -> Store.POSTGRES;
                                default -> throw new Usage("--store is h2 or postgres, not " + value);
                            };
                        case "--warmup" -> warmup = positiveLong(option, value, 0);
                        case "--actions" -> actions = (int) positiveLong(option, value, 3);
                        case "--duplicates" -> duplicates = (int) positiveLong(option, value, 0);
                        case "--late" -> late = (int) positiveLong(option, value, 0);
                        case "--raw-events" -> rawEvents = positiveLong(option, value, 0);
                        case "--batch-ballots" -> batchBallots = positiveLong(option, value, 0);
                        case "--batch-size" -> {
                            batchSize = (int) positiveLong(option, value, 1);
                            if (batchSize > 500) {
                                throw new Usage("--batch-size is at most 500 (the endpoint's limit), not " + value);
                            }
                        }
                        case "--batch-clients" -> batchClients = (int) positiveLong(option, value, 1);
                        case "--as-of-requests" -> asOfRequests = (int) positiveLong(option, value, 1);
                        case "--idle-seconds" -> idleSeconds = (int) positiveLong(option, value, 0);
                        case "--raw-reference-batch" -> rawReferenceBatch = (int) positiveLong(option, value, 0);
                        case "--rebuild" ->
                            rebuild = "none".equals(value)
                                    ? List.of()
                                    : Arrays.stream(value.split(","))
                                            .map(String::trim)
                                            .filter(s -> !s.isEmpty())
                                            .toList();
                        case "--ranking-interval-ms" -> rankingInterval = (int) positiveLong(option, value, 0);
                        case "--settle-timeout-s" -> settle = Duration.ofSeconds(positiveLong(option, value, 1));
                        case "--crash-at" -> {
                            try {
                                crashAt = Double.parseDouble(value);
                            } catch (NumberFormatException e) {
                                throw new Usage("--crash-at is a fraction between 0 and 1, not " + value);
                            }
                            if (!(crashAt > 0 && crashAt < 1)) {
                                throw new Usage("--crash-at is a fraction between 0 and 1, not " + value);
                            }
                        }
                        case "--crash-target" -> {
                            if (!value.equals("query") && !value.equals("command")) {
                                throw new Usage("--crash-target is query or command, not " + value);
                            }
                            crashTarget = value;
                        }
                        case "--crash-downtime-s" -> crashDowntime = Duration.ofSeconds(positiveLong(option, value, 0));
                        case "--data-dir" -> dataDir = Path.of(value);
                        case "--command-jar" -> commandJar = Path.of(value);
                        case "--query-jar" -> queryJar = Path.of(value);
                        case "--command-heap" -> commandHeap = heap(option, value);
                        case "--query-heap" -> queryHeap = heap(option, value);
                        case "--profile" -> profiles.add(value);
                        case "--service-property" -> {
                            if (!value.matches("[A-Za-z0-9_.\\-\\[\\]]+=.*")) {
                                throw new Usage("--service-property is name=value, not " + value);
                            }
                            serviceProperties.add(value);
                        }
                        case "--h2-options" -> {
                            if (!value.isEmpty() && !value.matches("(;[A-Za-z_]+=[A-Za-z0-9_]+)+")) {
                                throw new Usage(
                                        "--h2-options are ;NAME=VALUE settings, such as ;MAX_LENGTH_INPLACE_LOB=1024");
                            }
                            h2Options = value;
                        }
                        default -> throw new Usage("unknown option: " + option);
                    }
                }
            }
        }
        if (crash && ballots < 1_000) {
            throw new Usage("--crash needs at least 1000 ballots, to kill the query-service in the middle of the load");
        }
        return new Options(
                ballots,
                clients,
                store,
                crash,
                json,
                rawOnly,
                warmup,
                actions,
                duplicates,
                late,
                rawEvents == null ? ballots : rawEvents,
                rawReferenceBatch,
                List.copyOf(rebuild),
                rankingInterval,
                settle,
                crashAt,
                crashTarget,
                crashDowntime,
                dataDir,
                keep,
                commandJar,
                queryJar,
                commandHeap,
                queryHeap,
                List.copyOf(profiles),
                List.copyOf(serviceProperties),
                h2Options,
                batchBallots == null ? ballots : batchBallots,
                batchSize,
                batchClients,
                asOfRequests,
                idleSeconds);
    }

    private static boolean isValued(String option) {
        return !List.of("--crash", "--json", "--keep", "--raw-only").contains(option);
    }

    private static long positiveLong(String option, String value, long minimum) {
        long parsed;
        try {
            parsed = Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new Usage(option + " needs a whole number, not " + value);
        }
        if (parsed < minimum) {
            throw new Usage(option + " must be at least " + minimum + ", not " + value);
        }
        return parsed;
    }

    private static String heap(String option, String value) {
        if (!value.matches("\\d+[kKmMgG]?")) {
            throw new Usage(option + " is a JVM heap size such as 2g or 1536m, not " + value);
        }
        return value;
    }

    /** Bad usage: the message (if any) and the usage text, exit code 2. */
    static final class Usage extends RuntimeException {
        Usage(String message) {
            super(message);
        }
    }
}
