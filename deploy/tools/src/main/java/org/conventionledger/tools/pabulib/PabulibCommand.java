package org.conventionledger.tools.pabulib;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.conventionledger.tools.LedgerClient;

/**
 * {@code ledger pabulib-import} and {@code ledger pabulib-export}: exit code 0 when done, 1 when the
 * services refused or the votation cannot be represented, 2 for bad usage or an unreadable file.
 */
public final class PabulibCommand {

    private PabulibCommand() {}

    public static int importFile(
            String file, String commandUrl, Path accounts, int threads, PrintStream out, PrintStream err) {
        if (file == null) {
            err.println("pabulib-import needs --file F.pb");
            return 2;
        }
        PabulibFile parsed;
        try {
            parsed = PabulibFile.parse(Files.readString(Path.of(file), StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException unreadable) {
            err.println("Cannot read " + file + ": " + unreadable.getMessage());
            return 2;
        }
        String source = Path.of(file).getFileName().toString().replaceFirst("\\.pb$", "");
        try {
            PabulibImport.Summary summary = new PabulibImport(
                            new LedgerClient(accounts), commandUrl, threads, out::println)
                    .run(parsed, source);
            out.println("{\"conventionId\":\"" + summary.conventionId() + "\",\"votationId\":\"" + summary.votationId()
                    + "\",\"projects\":" + summary.projects() + ",\"online\":" + summary.onlineVoters() + ",\"paper\":"
                    + summary.paperVoters() + "}");
            return 0;
        } catch (IllegalArgumentException | LedgerClient.Rejected | UncheckedIOException refused) {
            err.println(refused.getMessage());
            return 1;
        } catch (Exception failed) {
            err.println("Import failed: " + failed);
            return 1;
        }
    }

    public static int export(
            String votationId, String queryUrl, Path accounts, String outFile, PrintStream out, PrintStream err) {
        if (votationId == null || outFile == null) {
            err.println("pabulib-export needs --votation ID and --out F.pb");
            return 2;
        }
        try {
            PabulibFile file = new PabulibExport(new LedgerClient(accounts), queryUrl).run(votationId);
            Files.writeString(Path.of(outFile), file.write(), StandardCharsets.UTF_8);
            out.println("Exported votation " + votationId + " to " + outFile + ": "
                    + file.projects().rows().size() + " projects, "
                    + file.votes().rows().size() + " voters");
            return 0;
        } catch (IllegalStateException | LedgerClient.Rejected | UncheckedIOException refused) {
            err.println(refused.getMessage());
            return 1;
        } catch (IOException unwritable) {
            err.println("Cannot write " + outFile + ": " + unwritable.getMessage());
            return 2;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }
}
