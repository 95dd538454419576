package org.conventionledger.benchmark;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event store of the run, exactly as the services address it: the H2 file
 * {@code <dir>/eventstore} in automatic mixed mode, or a PostgreSQL schema of its own (named in the URL
 * with {@code currentSchema}, created fresh and dropped afterwards unless kept).
 */
final class EventStore {

    static final String BALLOT_TYPE = "org.conventionledger.events.votation.OnlineBallotCast";

    final Options.Store kind;
    final String url;
    final String user;
    final String password;
    private final String schema;

    private EventStore(Options.Store kind, String url, String user, String password, String schema) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = schema;
    }

    /** The services' own settings ({@code ledger.eventstore.h2-settings} of their application.yml). */
    static final String SERVICE_H2_SETTINGS = ";AUTO_SERVER=TRUE;WRITE_DELAY=0;RETENTION_TIME=5000;COMPRESS=TRUE";

    /** The services' own URL form (application.yml): {@code jdbc:h2:file:<dir>/eventstore} and their settings. */
    static EventStore h2(Path directory, String options) {
        return new EventStore(
                Options.Store.H2,
                "jdbc:h2:file:" + directory.toAbsolutePath().resolve("eventstore") + SERVICE_H2_SETTINGS + options,
                "sa",
                "",
                null);
    }

    /**
     * A fresh schema in the given database; its tables are created by whoever connects first (service or raw append).
     */
    static EventStore postgres(String baseUrl, String user, String password, String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection(baseUrl, user, password);
                Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        String url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new EventStore(Options.Store.POSTGRES, url, user, password, schema);
    }

    /** The service environment that points the {@code postgres} profile at this store. */
    Map<String, String> serviceEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        if (kind == Options.Store.H2 && url.indexOf(';', url.indexOf("AUTO_SERVER")) > 0) {
            env.put("EVENTSTORE_URL", url); // the default URL with settings added (--h2-options)
        }
        if (kind == Options.Store.POSTGRES) {
            env.put("EVENTSTORE_URL", url);
            env.put("EVENTSTORE_USER", user);
            env.put("EVENTSTORE_PASSWORD", password);
        }
        return env;
    }

    String dialect() {
        return kind == Options.Store.H2 ? "h2" : "postgresql";
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /**
     * A pool as Spring Boot configures the services' (HikariCP defaults: 10 connections, auto-commit on),
     * except that a thread waits for a connection as long as it takes: with more threads than connections
     * the wait is part of the rate measured, not a failure (H2's 256-row transactions outlasted the 30 s
     * default on a busy machine).
     */
    HikariDataSource pool() {
        HikariConfig config = new HikariConfig();
        config.setConnectionTimeout(Duration.ofMinutes(10).toMillis());
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName("raw-append");
        return new HikariDataSource(config);
    }

    /**
     * Creates the log's tables with the services' own DDL ({@code eventstore/schema-<dialect>.sql} of shared-events).
     */
    void createSchema() throws SQLException, IOException {
        String ddl;
        try (InputStream in = EventStore.class.getResourceAsStream("/eventstore/schema-" + dialect() + ".sql")) {
            if (in == null) {
                throw new IllegalStateException("eventstore/schema-" + dialect() + ".sql is not on the class path");
            }
            ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            for (String statement : ddl.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        }
    }

    /**
     * A query of the benchmark's own, retried for up to a minute (an H2 store changes hands when its server process
     * dies).
     */
    private <T> T retrying(SqlCall<T> call) throws SQLException {
        SQLException last = null;
        for (int attempt = 0; attempt < 60; attempt++) {
            try {
                return call.run();
            } catch (SQLException e) {
                last = e;
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
        throw last;
    }

    @FunctionalInterface
    private interface SqlCall<T> {
        T run() throws SQLException;
    }

    long count(String where) throws SQLException {
        return retrying(() -> countOnce(where));
    }

    private long countOnce(String where) throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT COUNT(*) FROM DomainEventEntry" + (where == null ? "" : " WHERE " + where))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    long ballotRows() throws SQLException {
        return count("payloadType = '" + BALLOT_TYPE + "'");
    }

    long maxIndex() throws SQLException {
        return retrying(this::maxIndexOnce);
    }

    private long maxIndexOnce() throws SQLException {
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT MAX(globalIndex) FROM DomainEventEntry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Average stored payload and metadata sizes of ballot rows (to show both measurements store the same rows). */
    String ballotRowShape() throws SQLException {
        String length = kind == Options.Store.H2 ? "OCTET_LENGTH" : "LENGTH";
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT AVG(" + length + "(payload)), AVG(" + length + "(metaData)), MIN(payloadRevision)"
                                + " FROM (SELECT payload, metaData, payloadRevision FROM DomainEventEntry WHERE "
                                + "payloadType = '"
                                + BALLOT_TYPE + "' ORDER BY globalIndex DESC LIMIT 1000) recent")) {
            rs.next();
            return String.format(
                    "payload %.0f B, metadata %.0f B, revision %s", rs.getDouble(1), rs.getDouble(2), rs.getString(3));
        }
    }

    /** PostgreSQL's settings that decide what a commit costs. */
    /** PostgreSQL: the event table with its indexes and TOAST ({@code pg_total_relation_size}); null on H2. */
    Long eventTableBytes() throws SQLException {
        if (kind != Options.Store.POSTGRES) {
            return null;
        }
        try (Connection c = connect();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_total_relation_size('" + schema + ".domainevententry')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    Map<String, String> durabilitySettings() throws SQLException {
        Map<String, String> settings = new LinkedHashMap<>();
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            if (kind == Options.Store.POSTGRES) {
                for (String name : new String[] {
                    "server_version",
                    "synchronous_commit",
                    "fsync",
                    "wal_sync_method",
                    "full_page_writes",
                    "commit_delay",
                    "shared_buffers",
                    "max_connections"
                }) {
                    try (ResultSet rs = s.executeQuery("SHOW " + name)) {
                        rs.next();
                        settings.put(name, rs.getString(1));
                    }
                }
            } else {
                try (ResultSet rs = s.executeQuery("SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                        + " WHERE SETTING_NAME IN ('info.VERSION', 'WRITE_DELAY', 'RETENTION_TIME', "
                        + "'AUTO_SERVER', 'CACHE_SIZE')")) {
                    while (rs.next()) {
                        settings.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        return settings;
    }

    void dropIfPostgres() {
        if (kind != Options.Store.POSTGRES) {
            return;
        }
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        } catch (SQLException e) {
            System.out.println("  (could not drop schema " + schema + ": " + e.getMessage() + ")");
        }
    }

    /** The URL without credentials, for the report. */
    String describe() {
        return url;
    }
}
