package org.conventionledger.query.platform;

import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mongo-java-server's H2 backend with every operation whole on disk (ADR-015). The library writes a
 * document, then its index entries, each to its own MVStore map, and H2's background writer commits
 * whenever a second has passed or enough memory is unsaved, possibly between the two: a kill then leaves
 * a document its {@code _id} index does not know. Here H2 never commits on its own: every operation the
 * server handles (a command, a query, a whole bulk write) runs under the read side of a lock, and a
 * scheduled round commits under the write side, so a commit only ever holds whole operations, in the
 * order they were answered. A kill loses at most the operations of the last interval, never part of one.
 */
public final class WholeOperationH2Backend extends H2Backend {

    private static final Logger log = LoggerFactory.getLogger(WholeOperationH2Backend.class);

    /**
     * The scheduled round: commit every {@code interval}, then rewrite the emptiest chunks until the live
     * pages fill {@code targetFillRate} % of them (H2's own default: 90), at most {@code bytesPerRound} at a
     * time, the compaction H2's own background writer would do.
     */
    public record Housekeeping(Duration interval, int targetFillRate, int bytesPerRound) {

        public static final Housekeeping DEFAULT = new Housekeeping(Duration.ofSeconds(1), 90, 4 << 20);
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final MVStore store;
    private final Housekeeping housekeeping;
    private final ScheduledExecutorService committer;
    private final AtomicLong peakUncommitted = new AtomicLong();

    private WholeOperationH2Backend(MVStore store, Housekeeping housekeeping) {
        super(store);
        this.store = store;
        this.housekeeping = housekeeping;
        committer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "read-store-commit");
            thread.setDaemon(true);
            return thread;
        });
        long period = housekeeping.interval().toMillis();
        committer.scheduleWithFixedDelay(this::roundSafely, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens (or creates) the file. Both settings are needed: {@code autoCommitDisabled} only stops the
     * background writer; a zero buffer also stops the commit H2 makes inside a write once enough memory is
     * unsaved.
     */
    public static WholeOperationH2Backend open(Path file, boolean compress, Housekeeping housekeeping) {
        MVStore.Builder builder = new MVStore.Builder()
                .fileName(file.toString())
                .autoCommitDisabled()
                .autoCommitBufferSize(0);
        return new WholeOperationH2Backend((compress ? builder.compress() : builder).open(), housekeeping);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return whole(() -> super.handleCommand(channel, database, command, query));
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        return whole(() -> super.handleMessage(message));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return whole(() -> super.handleQuery(query));
    }

    @Override
    public void dropDatabase(String database) {
        whole(() -> {
            super.dropDatabase(database);
            return null;
        });
    }

    @Override
    public void handleClose(Channel channel) {
        whole(() -> {
            super.handleClose(channel);
            return null;
        });
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        whole(() -> {
            super.closeCursors(cursorIds);
            return null;
        });
    }

    /**
     * Stops the rounds (letting one under way finish: an interrupt would close H2's file channel), waits
     * for the operations under way, then H2's close commits what they wrote.
     */
    @Override
    public void close() {
        committer.shutdown();
        try {
            committer.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Lock exclusive = lock.writeLock();
        exclusive.lock();
        try {
            super.close();
        } finally {
            exclusive.unlock();
        }
    }

    /**
     * One round: nothing when nothing was written since the last (an idle store costs nothing), else a
     * commit between operations, then an fsync and some compaction outside the lock. Compaction may run
     * beside operations: it rewrites pages with the content they hold and does not commit, so what it
     * rewrote reaches the file with the next commit, itself between operations.
     *
     * @return whether it committed
     */
    boolean round() {
        if (store.isClosed() || !store.hasUnsavedChanges()) {
            return false;
        }
        Lock exclusive = lock.writeLock();
        exclusive.lock();
        try {
            peakUncommitted.accumulateAndGet(store.getUnsavedMemory(), Math::max);
            store.commit();
        } finally {
            exclusive.unlock();
        }
        store.sync();
        store.compact(housekeeping.targetFillRate(), housekeeping.bytesPerRound());
        return true;
    }

    /** The most memory H2 counted as written and not yet committed at a round, since start. */
    public long peakUncommittedBytes() {
        return peakUncommitted.get();
    }

    private void roundSafely() {
        try {
            round();
        } catch (RuntimeException e) {
            log.warn("Read store: this commit round failed, the next one retries: {}", e.toString());
        }
    }

    private <T> T whole(Supplier<T> operation) {
        Lock shared = lock.readLock();
        shared.lock();
        try {
            return operation.get();
        } finally {
            shared.unlock();
        }
    }
}
