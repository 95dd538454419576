package org.conventionledger.query.votation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.conventionledger.query.platform.EventStoreConfiguration;
import org.conventionledger.query.platform.IndexStampingEventStorageEngine;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.Server;

/**
 * An H2 file event store with the services' schema, for tests on the real JDBC log. One connection is
 * held open until {@link #close()}, as the services' pool does: H2 closes a database with its last
 * connection, and reopening it on every read is neither realistic nor safe.
 */
final class H2LogFile implements AutoCloseable {

    private final JdbcDataSource source;
    private final Connection held;
    private final Path directory;
    private Server server;

    private H2LogFile(JdbcDataSource source, Connection held, Path directory) {
        this.source = source;
        this.held = held;
        this.directory = directory;
    }

    static H2LogFile create(Path directory) throws SQLException, IOException {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:file:" + directory.resolve("eventstore") + ";AUTO_SERVER=TRUE");
        source.setUser("sa");
        Connection held = source.getConnection();
        try (InputStream ddl = H2LogFile.class.getResourceAsStream("/eventstore/schema-h2.sql");
                Statement statement = held.createStatement()) {
            String schema = new String(ddl.readAllBytes(), StandardCharsets.UTF_8);
            for (String sql : schema.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        } catch (SQLException | IOException | RuntimeException e) {
            held.close();
            throw e;
        }
        return new H2LogFile(source, held, directory);
    }

    /** The log as the read side reads it: Axon's JDBC engine, wrapped to stamp each event's own index. */
    IndexStampingEventStorageEngine engine(Serializer serializer) {
        return engine(serializer, EventStoreConfiguration.READ_BATCH_SIZE);
    }

    /** The same, reading the log in pages of {@code batchSize} positions. */
    IndexStampingEventStorageEngine engine(Serializer serializer, int batchSize) {
        return new IndexStampingEventStorageEngine(JdbcEventStorageEngine.builder()
                .batchSize(batchSize)
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .connectionProvider(source::getConnection)
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(new EventSchema())
                .dataType(byte[].class));
    }

    /**
     * The log as the query-service reads it when the command-service holds the file: over H2's TCP
     * server ({@code AUTO_SERVER}), here started in this JVM on a free port, stopped by {@link #close()}.
     */
    IndexStampingEventStorageEngine remoteEngine(Serializer serializer, int batchSize) throws SQLException {
        JdbcDataSource remote = remote();
        return new IndexStampingEventStorageEngine(JdbcEventStorageEngine.builder()
                .batchSize(batchSize)
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .connectionProvider(remote::getConnection)
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(new EventSchema())
                .dataType(byte[].class));
    }

    /** Connections to the file, embedded or over the TCP server as {@link #remoteEngine} reads it. */
    ConnectionProvider connections(boolean tcp) throws SQLException {
        return tcp ? remote()::getConnection : source::getConnection;
    }

    private JdbcDataSource remote() throws SQLException {
        if (server == null) {
            server = Server.createTcpServer("-tcpPort", "0").start();
        }
        JdbcDataSource remote = new JdbcDataSource();
        remote.setURL("jdbc:h2:tcp://localhost:" + server.getPort() + "/" + directory.resolve("eventstore"));
        remote.setUser("sa");
        return remote;
    }

    @Override
    public void close() throws SQLException {
        if (server != null) {
            server.stop();
        }
        held.close();
    }
}
