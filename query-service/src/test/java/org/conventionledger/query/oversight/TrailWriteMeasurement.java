package org.conventionledger.query.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.query.oversight.TrailFixture.JSON;
import static org.conventionledger.query.oversight.TrailFixture.SERIALIZER;
import static org.conventionledger.query.oversight.TrailFixture.SIMULATED_JDBC_LOG;
import static org.conventionledger.query.platform.TestEvents.onlineBallot;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.conventionledger.query.platform.EventLog;
import org.conventionledger.query.platform.ReadStore;
import org.conventionledger.query.platform.WholeOperationH2Backend;
import org.conventionledger.query.platform.WorkPackageDouble;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A measurement, not a timed test: the CPU the garants' trail costs per entry in this process, on the
 * embedded read store as the service opens it (H2 file, compressed pages, {@link WholeOperationH2Backend}),
 * for its two stages: the projection writing a processor's batches of 200 online ballots, then the chain
 * sealer linking them. Prints a {@code TRAIL …} line, with the file's size once closed and, on the
 * service's backend, the most memory H2 held uncommitted at a commit; checks only that every entry was
 * written and chained. {@code -Dledger.trail.backend=library} runs it on the library's H2 backend as the
 * service opened it before ADR-015, to compare.
 *
 * <p>{@code mvn test -pl query-service -am -Dtest=TrailWriteMeasurement -Dsurefire.failIfNoSpecifiedTests=false
 * -Dledger.trail.events=20000}
 */
class TrailWriteMeasurement {

    private static final int EVENTS = Integer.getInteger("ledger.trail.events", 5_000);
    private static final boolean LIBRARY = "library".equals(System.getProperty("ledger.trail.backend"));
    private static final int BATCH = 200;
    private static final Map<String, String> VOTER = Map.of("actorId", "anonymous", "actorRole", "VOTER");
    private static final com.sun.management.OperatingSystemMXBean PROCESS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @TempDir
    Path dataDir;

    @Test
    void writesAndChainsABallotLoad() throws IOException {
        Path file = dataDir.resolve("readstore.mv");
        WholeOperationH2Backend whole =
                LIBRARY ? null : WholeOperationH2Backend.open(file, true, WholeOperationH2Backend.Housekeeping.DEFAULT);
        long peakUncommitted;
        String line;
        try (ReadStore store = ReadStore.on(
                LIBRARY
                        ? new H2Backend(new MVStore.Builder()
                                .fileName(file.toString())
                                .compress()
                                .open())
                        : whole)) {
            MongoTemplate mongo = store.mongo();
            AuditTrailProjection projection = new AuditTrailProjection(mongo, JSON, SERIALIZER);
            ChainSealer sealer = new ChainSealer(mongo, JSON, SIMULATED_JDBC_LOG);
            WorkPackageDouble segment = new WorkPackageDouble(store);
            EventLog log = EventLog.jdbc();
            for (int i = 1; i <= EVENTS; i++) {
                log.append(onlineBallot("conv-lyon", "vot-1", "ballot-" + i, 1 + i % 12, 1 + (i + 5) % 12), VOTER);
            }
            List<TrackedEventMessage<?>> all = log.delivered();

            long cpu0 = PROCESS.getProcessCpuTime();
            long wall0 = System.nanoTime();
            for (int from = 0; from < all.size(); from += BATCH) {
                segment.process(
                        all.subList(from, Math.min(all.size(), from + BATCH)),
                        m -> projection.on(m, m.trackingToken()));
            }
            long cpu1 = PROCESS.getProcessCpuTime();
            long wall1 = System.nanoTime();
            ChainHead head = sealer.extend();
            long cpu2 = PROCESS.getProcessCpuTime();
            long wall2 = System.nanoTime();

            assertThat(head.position()).isEqualTo(EVENTS);
            line = String.format(
                    "TRAIL %s events=%d write: %.3f ms CPU/entry (%.0f entries/s wall) chain: %.3f ms CPU/entry"
                            + " (%.0f entries/s wall)",
                    LIBRARY ? "library" : "whole-operation",
                    EVENTS,
                    (cpu1 - cpu0) / 1e6 / EVENTS,
                    EVENTS / ((wall1 - wall0) / 1e9),
                    (cpu2 - cpu1) / 1e6 / EVENTS,
                    EVENTS / ((wall2 - wall1) / 1e9));
            peakUncommitted = LIBRARY ? -1 : whole.peakUncommittedBytes();
        }
        System.out.printf(
                "%s file: %d B/entry, peak uncommitted at a commit: %d KB%n",
                line, Files.size(file) / EVENTS, peakUncommitted / 1024);
    }
}
