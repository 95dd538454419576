package org.conventionledger.tools;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts the two services as separate processes from their packaged jars, on a private data directory
 * and free ports, as {@code deploy/run-local.sh} does. Needs {@code mvn verify} (or install) to have
 * packaged the services first; the parent lists this module last for that reason.
 */
public final class LedgerServices implements AutoCloseable {

    /** Set by CI after it started PostgreSQL: the services then use the {@code postgres} profile. */
    static final String POSTGRES_URL = System.getenv("LEDGER_TEST_POSTGRES_URL");

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent().getParent();

    final Path dataDir;
    final int commandPort = freePort();
    final int queryPort = freePort();
    private final Map<String, String> environment = new HashMap<>();
    private final Map<String, String> commandEnvironment = new HashMap<>();
    private Process command;
    private Process query;
    private final List<Path> logs = new ArrayList<>();

    /** On the embedded default when {@code postgresUrl} is null, else on that PostgreSQL database. */
    public LedgerServices(Path dataDir, String postgresUrl) {
        this.dataDir = dataDir;
        environment.put("LEDGER_DATA_DIR", dataDir.toString());
        // where the query-service's API explorer page reads the command-service's OpenAPI document
        environment.put("COMMAND_URL", commandUrl());
        if (postgresUrl != null) {
            environment.put("SPRING_PROFILES_ACTIVE", "postgres");
            environment.put("EVENTSTORE_URL", postgresUrl);
            environment.put("EVENTSTORE_USER", System.getenv().getOrDefault("LEDGER_TEST_POSTGRES_USER", "ledger"));
            environment.put("EVENTSTORE_PASSWORD", System.getenv().getOrDefault("LEDGER_TEST_POSTGRES_PASSWORD", ""));
        }
    }

    /**
     * Both embedded stores written without compression (before {@link #start()}): compression is an encoding
     * of the same pages, and one that hides text from a search of the files' bytes, whether it is there or not.
     */
    public LedgerServices uncompressed() {
        environment.put("LEDGER_EVENTSTORE_H2SETTINGS", ";AUTO_SERVER=TRUE;WRITE_DELAY=0;RETENTION_TIME=5000");
        environment.put("LEDGER_READSTORE_COMPRESS", "false");
        return this;
    }

    /** Sets an environment variable of the command-service only (before {@link #start()}). */
    public LedgerServices withCommandEnvironment(String name, String value) {
        commandEnvironment.put(name, value);
        return this;
    }

    public String commandUrl() {
        return "http://localhost:" + commandPort;
    }

    public String queryUrl() {
        return "http://localhost:" + queryPort;
    }

    public Path accounts() {
        return dataDir.resolve("accounts.txt");
    }

    public LedgerServices start() throws Exception {
        try {
            command = launch("command-service", "COMMAND_PORT", commandPort);
            awaitHealthy(commandPort, command);
            startQuery();
            return this;
        } catch (Exception | Error failed) {
            // try-with-resources never closes what its constructor call did not return: stop what started
            close();
            throw failed;
        }
    }

    void startQuery() throws Exception {
        query = launch("query-service", "QUERY_PORT", queryPort);
        awaitHealthy(queryPort, query);
    }

    /** SIGKILL: no shutdown hook, no flush, no token release. */
    void killQuery() throws InterruptedException {
        query.destroyForcibly().waitFor();
    }

    String logs() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path log : logs) {
            all.append(Files.readString(log));
        }
        return all.toString();
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : new Process[] {query, command}) {
            if (p != null && p.isAlive()) {
                p.destroy();
                p.waitFor();
            }
        }
    }

    private Process launch(String service, String portVariable, int port) throws IOException {
        Path jar = ROOT.resolve(service + "/target/" + service + "-0.1.0-SNAPSHOT-exec.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run `mvn verify` from the repository root, which"
                    + " packages the services before these end-to-end tests");
        }
        Path log = dataDir.resolve(service + "-" + logs.size() + ".log");
        logs.add(log);
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx1g", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        if (service.equals("command-service")) {
            builder.environment().putAll(commandEnvironment);
        }
        builder.environment().put(portVariable, String.valueOf(port));
        return builder.start();
    }

    private static void awaitHealthy(int port, Process process) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        // generous: on a build machine shared by several builds a service has taken over 150 s to start
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("service on port " + port + " exited with " + process.exitValue());
            }
            try {
                // readiness, not the overall health: a service that found the log tampered with starts DOWN
                var response = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(300);
        }
        throw new IllegalStateException("service on port " + port + " did not become healthy");
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
