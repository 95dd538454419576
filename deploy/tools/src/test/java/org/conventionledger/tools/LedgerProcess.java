package org.conventionledger.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code ledger} CLI in a separate JVM on the test class path, as an observer would run it, so that
 * the exit code and both streams are the real ones and not those of an in-process call.
 */
public final class LedgerProcess {

    /** What the finished process gave: its exit code, its standard output and its standard error. */
    public record Finished(int exitCode, String out, String err) {}

    private LedgerProcess() {}

    /** Runs {@code ledger args...}, keeping its output in {@code dir}, and waits at most a minute for it. */
    public static Finished run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Ledger.class.getName()));
        command.addAll(List.of(args));
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("ledger finished").isTrue();
        return new Finished(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
