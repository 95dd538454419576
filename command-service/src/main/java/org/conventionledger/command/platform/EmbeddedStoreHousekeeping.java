package org.conventionledger.command.platform;

import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 event store's file small. With {@code WRITE_DELAY=0} (a commit is on file before
 * it is acknowledged, docs/benchmark-results.md) H2 runs no background writer, and that writer is also
 * what compacts the MVStore file: without it every commit leaves the index pages it rewrote behind (36 KB
 * a ballot at one ballot per commit, 7–10 KB at the intake's groups of 256). So the process that opened
 * the file does the housekeeping itself, at most once an interval and only after a write: an fsync, then
 * the emptiest chunks rewritten until the live data fill {@code target-fill-rate} % of them, a few MB at a
 * time so that a commit waits for the store lock briefly. The space freed is reused once it has been dead
 * for {@code RETENTION_TIME} (in the URL), kept well above the interval: a chunk is only overwritten when
 * the state that no longer needs it has been synced. A service that reaches the file through another
 * process's {@code AUTO_SERVER} leaves this to that process.
 */
@Component
public class EmbeddedStoreHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreHousekeeping.class);

    private final DataSource dataSource;
    private final Duration interval;
    private final int targetFillRate;
    private final int bytesPerRound;
    private final AtomicLong compactions = new AtomicLong();
    private long lastVersion = -1;
    private ScheduledExecutorService scheduler;

    public EmbeddedStoreHousekeeping(
            ObjectProvider<DataSource> dataSource,
            @Value("${ledger.eventstore.h2-housekeeping.interval:PT1S}") Duration interval,
            @Value("${ledger.eventstore.h2-housekeeping.target-fill-rate:80}") int targetFillRate,
            @Value("${ledger.eventstore.h2-housekeeping.bytes-per-round:4194304}") int bytesPerRound) {
        this.dataSource = dataSource.getIfAvailable();
        this.interval = interval;
        this.targetFillRate = targetFillRate;
        this.bytesPerRound = bytesPerRound;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (dataSource == null || store() == null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "h2-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(
                this::roundSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /**
     * One round: nothing when nothing was written since the last one (an idle service costs nothing),
     * else sync and compact. Returns whether the store had changed.
     */
    boolean round() {
        MVStore store = store();
        if (store == null || store.isClosed()) {
            return false;
        }
        long version = store.getCurrentVersion();
        if (version == lastVersion) {
            return false;
        }
        store.sync();
        if (store.compact(targetFillRate, bytesPerRound)) {
            compactions.incrementAndGet();
        }
        lastVersion = store.getCurrentVersion();
        return true;
    }

    /** Rounds that rewrote chunks, since start. */
    long compactions() {
        return compactions.get();
    }

    private void roundSafely() {
        try {
            round();
        } catch (RuntimeException e) {
            log.warn("H2 housekeeping: this round failed, the next one retries: {}", e.toString());
        }
    }

    /** The MVStore of the H2 file this process opened itself; null for PostgreSQL or a remote H2 session. */
    private MVStore store() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isWrapperFor(JdbcConnection.class)
                    || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local)) {
                return null;
            }
            MVStore store = local.getDatabase().getStore().getMvStore();
            return store.getFileStore() == null ? null : store;
        } catch (SQLException e) {
            log.warn("H2 housekeeping: no connection this round: {}", e.toString());
            return null;
        }
    }
}
