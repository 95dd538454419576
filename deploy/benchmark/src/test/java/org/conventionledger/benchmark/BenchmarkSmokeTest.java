package org.conventionledger.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark itself, end to end on a small load: both services from their jars, every phase, one JSON
 * object. Its figures are not judged here (performance is read from real runs, never asserted); what is
 * checked is that every figure the issue names was measured and that the run was exact, so a change that
 * silently breaks a phase (as a role rule once made every "as of" request a 403) fails the build.
 */
class BenchmarkSmokeTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Path COMMAND_JAR =
            ROOT.resolve("command-service/target/command-service-0.1.0-SNAPSHOT-exec.jar");
    private static final Path QUERY_JAR = ROOT.resolve("query-service/target/query-service-0.1.0-SNAPSHOT-exec.jar");

    @TempDir
    Path dir;

    @Test
    void aSmallRunMeasuresEveryFigureAndIsExact() throws Exception {
        assumeTrue(
                Files.isRegularFile(COMMAND_JAR) && Files.isRegularFile(QUERY_JAR),
                "the services' jars are packaged by the reactor before this module's tests");
        Path out = dir.resolve("report.json");
        Path log = dir.resolve("benchmark.log");
        Process process = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        Benchmark.class.getName(),
                        "--json",
                        "--ballots",
                        "3000",
                        "--warmup",
                        "200",
                        "--clients",
                        "8",
                        "--duplicates",
                        "50",
                        "--late",
                        "50",
                        "--idle-seconds",
                        "10",
                        // a hole in the log (a refused insert's index) is taken as settled after 20 s, not the
                        // default 2 minutes, so that heads cover this short run before it ends (the settle time
                        // must be at least twice the transaction timeout)
                        "--service-property",
                        "ledger.tree-heads.settle-after=PT20S",
                        "--service-property",
                        "ledger.eventstore.transaction-timeout=PT10S",
                        "--command-heap",
                        "768m",
                        "--query-heap",
                        "768m",
                        "--data-dir",
                        dir.resolve("data").toString(),
                        "--command-jar",
                        COMMAND_JAR.toString(),
                        "--query-jar",
                        QUERY_JAR.toString()))
                .redirectOutput(out.toFile())
                .redirectError(log.toFile())
                .start();
        assertThat(process.waitFor(15, TimeUnit.MINUTES))
                .as("the benchmark ends; its log: " + log)
                .isTrue();
        assertThat(process.exitValue()).as(Files.readString(log)).isZero();

        JsonNode report = Api.JSON.readTree(out.toFile());
        assertThat(report.path("exact").asBoolean()).as(Files.readString(log)).isTrue();
        assertThat(report.path("notMeasured")).as(Files.readString(log)).isEmpty();
        for (String key : List.of(
                "singleBallots/ballotsPerSecond",
                "singleBallots/httpCeilingPerSecond",
                "relayedBatches/ballotsPerSecond",
                "relayedBatches/rawBatchedAppendPerSecond",
                "rebuild/eventsPerSecond",
                "auditTrailLagP99Seconds",
                "asOfP99Millis",
                "storeBytesPerBallot",
                "idleCpuPercent/commandService",
                "idleCpuPercent/queryService",
                "treeHeadMergeDelayMaxSeconds",
                "treeHeadMergeDelayP99Seconds",
                "treeHeadMaxMergeDelaySeconds")) {
            assertThat(report.at("/" + key).isNumber())
                    .as(key + " in " + report)
                    .isTrue();
        }
        // the merge delay is a stated guarantee (ADR-005), not a performance figure: every event of the run is
        // in a head signed within it, or younger than it and not yet covered
        assertThat(report.at("/treeHeadMergeDelay/withinStatedMax").asBoolean())
                .as("merge delay " + report.at("/treeHeadMergeDelay"))
                .isTrue();
        assertThat(report.at("/asOf/failed").asInt())
                .as("failed \"as of\" requests")
                .isZero();
    }
}
