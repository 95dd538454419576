package org.conventionledger.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Both services as separate processes from their executable jars, on a private data directory and free
 * ports, as {@code deploy/run-local.sh} does (and the end-to-end tests' {@code LedgerServices}). The
 * query-service can be killed with SIGKILL and started again on the same data.
 */
final class Services implements AutoCloseable {

    private final Path dataDir;
    private final Path commandJar;
    private final Path queryJar;
    private final String commandHeap;
    private final String queryHeap;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> systemProperties;
    private final List<Path> logs = new ArrayList<>();
    final int commandPort = freePort();
    final int queryPort = freePort();
    private Process command;
    private Process query;
    private Duration lastQueryStart = Duration.ZERO;

    Services(
            Path dataDir,
            Path commandJar,
            Path queryJar,
            String commandHeap,
            String queryHeap,
            Map<String, String> extraEnvironment,
            List<String> systemProperties) {
        this.systemProperties = systemProperties;
        this.dataDir = dataDir;
        this.commandJar = commandJar;
        this.queryJar = queryJar;
        this.commandHeap = commandHeap;
        this.queryHeap = queryHeap;
        environment.put("LEDGER_DATA_DIR", dataDir.toString());
        environment.putAll(extraEnvironment);
    }

    String commandUrl() {
        return "http://localhost:" + commandPort;
    }

    String queryUrl() {
        return "http://localhost:" + queryPort;
    }

    Path accounts() {
        return dataDir.resolve("accounts.txt");
    }

    Services start() throws Exception {
        // Ctrl-C or a failure of the benchmark must not leave the services running
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            for (Process p : new Process[] {query, command}) {
                                if (p != null && p.isAlive()) {
                                    p.destroyForcibly();
                                }
                            }
                        },
                        "stop-services"));
        command = launch("command-service", commandJar, commandHeap, "COMMAND_PORT", commandPort);
        awaitHealthy(commandPort, command);
        startQuery();
        return this;
    }

    void startQuery() throws Exception {
        long started = System.nanoTime();
        query = launch("query-service", queryJar, queryHeap, "QUERY_PORT", queryPort);
        awaitHealthy(queryPort, query);
        lastQueryStart = Duration.ofNanos(System.nanoTime() - started);
    }

    Duration lastQueryStart() {
        return lastQueryStart;
    }

    /** SIGKILL of the command-service: whatever it had acknowledged but not written is lost. */
    void killCommand() throws InterruptedException {
        command.destroyForcibly().waitFor();
    }

    void startCommand() throws Exception {
        long started = System.nanoTime();
        command = launch("command-service", commandJar, commandHeap, "COMMAND_PORT", commandPort);
        awaitHealthy(commandPort, command);
        lastQueryStart = Duration.ofNanos(System.nanoTime() - started);
    }

    /** SIGKILL (Process.destroyForcibly on Linux): no shutdown hook, no flush, no token release. */
    void killQuery() throws InterruptedException {
        query.destroyForcibly().waitFor();
    }

    long commandPid() {
        return command.pid();
    }

    long queryPid() {
        return query.pid();
    }

    /** CPU time a service process has used so far, or zero when unknown. */
    static Duration cpu(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    List<Path> logs() {
        return logs;
    }

    /** Graceful stop (SIGTERM), as an operator would. */
    @Override
    public void close() throws InterruptedException {
        for (Process p : new Process[] {query, command}) {
            if (p != null && p.isAlive()) {
                p.destroy();
                if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                }
            }
        }
    }

    private Process launch(String service, Path jar, String heap, String portVariable, int port) throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: build with `mvn -B -DskipTests install` (the script does)");
        }
        Path log = dataDir.resolve(service + "-" + logs.size() + ".log");
        logs.add(log);
        List<String> command =
                new ArrayList<>(List.of(javaBinary(), "-Xmx" + heap, "-Daxoniq.update-checker.disabled=true"));
        systemProperties.forEach(p -> command.add("-D" + p));
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put(portVariable, String.valueOf(port));
        return builder.start();
    }

    private static void awaitHealthy(int port, Process process) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        // a machine shared with builds has taken over 3 minutes to start a service
        Instant deadline = Instant.now().plus(Duration.ofMinutes(8));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("service on port " + port + " exited with " + process.exitValue()
                        + " (see its log in the data directory)");
            }
            try {
                var response = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("service on port " + port + " did not become healthy within 8 minutes");
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
