package org.conventionledger.query.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.query.platform.ReadStoreKillWriter.BATCH;
import static org.conventionledger.query.platform.ReadStoreKillWriter.DATABASE;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded read store killed (SIGKILL) while it is written, again and again on the same file: after
 * each kill the file must hold whole operations only, in the order they were answered. Every document is
 * found by each of its indexes under its own values and every index entry leads to a document; a bulk
 * insert is there whole or not at all; a later operation (the counter, then the token) is never there
 * without an earlier one, so a token is never ahead of its documents; and a batch answered more than
 * {@link #DURABLE_AFTER} before the kill is there. The same kills on the library's backend as the service
 * opened it before ADR-015 break these rules at once (ADR-015 gives the figures).
 */
class ReadStoreKillTest {

    private static final int KILLS = Integer.getInteger("ledger.read-store.kills", 5);
    private static final Duration INTERVAL = Duration.ofMillis(200);
    /** Five commit rounds, with room for a busy machine's scheduling. */
    private static final Duration DURABLE_AFTER = Duration.ofSeconds(1);

    private final Random random = new Random();

    @TempDir
    Path dir;

    @Test
    void everyKillLeavesWholeOperationsInTheOrderTheyWereAnswered() throws Exception {
        Path file = dir.resolve("readstore.mv");
        long next = 1;
        int durabilityChecked = 0;
        for (int kill = 1; kill <= KILLS; kill++) {
            Writer writer = new Writer("whole", file, next, dir.resolve("writer-" + kill + ".log"));
            long killedAt = writer.killAtRandom(random);

            OnDisk disk = OnDisk.read(file);
            assertThat(disk.violations())
                    .as("the file after kill %d of %d", kill, KILLS)
                    .isEmpty();
            long durable = writer.lastAckedBefore(killedAt - DURABLE_AFTER.toNanos());
            assertThat(disk.lastBatch())
                    .as(
                            "batches on file after kill %d; batch %d was answered %d ms before it",
                            kill, durable, DURABLE_AFTER.toMillis())
                    .isGreaterThanOrEqualTo(durable);
            durabilityChecked += durable > 0 ? 1 : 0;
            next = disk.lastBatch() + 1;
        }
        assertThat(durabilityChecked)
                .as("kills after which a batch had to be on file")
                .isPositive();
    }

    /**
     * The checks can fail: mongo-java-server's own H2 backend, opened as the service opened it before,
     * leaves a split operation on file in most kills (17 of 20 in ADR-015's run), so within a few.
     */
    @Test
    void theLibrarysBackendAloneLeavesSplitOperationsOnFile() throws Exception {
        List<String> violations = List.of();
        for (int kill = 1; kill <= KILLS && violations.isEmpty(); kill++) {
            Path file = dir.resolve("library-" + kill + ".mv");
            new Writer("library", file, 1, dir.resolve("library-" + kill + ".log")).killAtRandom(random);
            violations = OnDisk.read(file).violations();
        }
        assertThat(violations).isNotEmpty();
    }

    /** The writer process and the times at which it acknowledged its batches. */
    private static final class Writer {

        private final Process process;
        private final Path log;
        private final ConcurrentSkipListMap<Long, Long> ackedAt = new ConcurrentSkipListMap<>();
        private final CountDownLatch firstAck = new CountDownLatch(1);

        Writer(String backend, Path file, long firstBatch, Path log) throws IOException {
            this.log = log;
            process = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx256m",
                            "-XX:TieredStopAtLevel=1",
                            "-cp",
                            System.getProperty("java.class.path"),
                            ReadStoreKillWriter.class.getName(),
                            file.toString(),
                            backend,
                            Long.toString(INTERVAL.toMillis()),
                            Long.toString(firstBatch))
                    .redirectError(log.toFile())
                    .start();
            Thread reader = new Thread(this::readAcks, "kill-writer-acks");
            reader.setDaemon(true);
            reader.start();
        }

        private void readAcks() {
            try (BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("ACK ")) {
                        ackedAt.put(System.nanoTime(), Long.parseLong(line.substring(4)));
                        firstAck.countDown();
                    }
                }
            } catch (IOException e) {
                // the process was killed: its output ends here
            }
        }

        /** SIGKILL at a random moment after the first acknowledged batch; returns when it was sent. */
        long killAtRandom(Random random) throws Exception {
            if (!firstAck.await(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("the writer acknowledged nothing: " + logText());
            }
            Thread.sleep(300 + random.nextInt(1_700));
            assertThat(process.isAlive())
                    .as("the writer still running: %s", logText())
                    .isTrue();
            long at = System.nanoTime();
            process.destroyForcibly();
            process.waitFor();
            return at;
        }

        long lastAckedBefore(long nanoTime) {
            Map.Entry<Long, Long> last = ackedAt.floorEntry(nanoTime);
            return last == null ? 0 : last.getValue();
        }

        private String logText() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                return e.toString();
            }
        }
    }

    /** What the file holds, read as mongo-java-server's H2 backend lays it out, and what is wrong with it. */
    private record OnDisk(long lastBatch, List<String> violations) {

        private static final String DOCUMENTS = "databases." + DATABASE + ".docs";
        private static final String INDEXES = DATABASE + ".docs._index_";

        static OnDisk read(Path file) {
            try (MVStore store =
                    new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
                List<String> violations = new ArrayList<>();
                Map<Object, Map<?, ?>> documents = new HashMap<>();
                content(store, DOCUMENTS).forEach((id, document) -> documents.put(id, (Map<?, ?>) document));
                checkIndexes(store, documents, violations);
                long lastBatch = checkBatches(documents, violations);
                long count = number(
                        content(store, "databases." + DATABASE + ".counters").get("docs"), "count");
                long token = number(
                        content(store, "databases." + DATABASE + ".tokens").get("writer"), "batch");
                if (count != BATCH * lastBatch && count != BATCH * (lastBatch - 1)) {
                    violations.add("the counter says " + count + " documents with batches 1–" + lastBatch);
                }
                if (token != lastBatch && token != lastBatch - 1) {
                    violations.add("the token is at " + token + " with batches 1–" + lastBatch);
                }
                if (token == lastBatch && count != BATCH * lastBatch) {
                    violations.add("the token is at " + token + " but the counter, written before it, is not");
                }
                return new OnDisk(lastBatch, violations);
            }
        }

        private static void checkIndexes(MVStore store, Map<Object, Map<?, ?>> documents, List<String> violations) {
            List<String> indexes = store.getMapNames().stream()
                    .filter(name -> name.startsWith(INDEXES))
                    .toList();
            if (!documents.isEmpty() && indexes.size() != 1 + ReadStoreKillWriter.UNIQUE.size()) {
                violations.add("indexes " + indexes + " for " + documents.size() + " documents");
            }
            for (String index : indexes) {
                // MongoDB's index names: "_id_", "a_1"
                String name = index.substring(INDEXES.length());
                String field = name.equals("_id_") ? "_id" : name.substring(0, name.lastIndexOf('_'));
                Set<Object> found = new HashSet<>();
                content(store, index).forEach((key, position) -> {
                    Map<?, ?> document = documents.get(position);
                    if (document == null) {
                        violations.add(field + " index entry " + key + " leads to no document (" + position + ")");
                    } else if (!((KeyValue) key).get(0).equals(document.get(field))) {
                        violations.add(field + " index entry " + key + " disagrees with document " + position);
                    } else if (!found.add(position)) {
                        violations.add(field + " index holds document " + position + " twice");
                    }
                });
                documents.keySet().stream()
                        .filter(id -> !found.contains(id))
                        .forEach(id -> violations.add("document " + id + " is missing from the " + field + " index"));
            }
        }

        /** Each batch whole, batches 1 to the last without a gap; returns the last. */
        private static long checkBatches(Map<Object, Map<?, ?>> documents, List<String> violations) {
            TreeMap<Long, Integer> sizes = new TreeMap<>();
            documents.values().forEach(d -> sizes.merge(((Number) d.get("batch")).longValue(), 1, Integer::sum));
            long expected = 1;
            for (Map.Entry<Long, Integer> batch : sizes.entrySet()) {
                if (batch.getKey() != expected) {
                    violations.add("batch " + batch.getKey() + " on file without batch " + expected);
                }
                if (batch.getValue() != BATCH) {
                    violations.add("batch " + batch.getKey() + " holds " + batch.getValue() + " of " + BATCH);
                }
                expected = batch.getKey() + 1;
            }
            return sizes.isEmpty() ? 0 : sizes.lastKey();
        }

        private static Map<Object, Object> content(MVStore store, String map) {
            if (!store.hasMap(map)) {
                return Map.of();
            }
            MVMap<Object, Object> mvMap = store.openMap(map);
            return new HashMap<>(mvMap);
        }

        private static long number(Object document, String field) {
            return document == null ? 0 : ((Number) ((Map<?, ?>) document).get(field)).longValue();
        }
    }
}
