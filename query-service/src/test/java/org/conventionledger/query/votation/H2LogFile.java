package org.conventionledger.query.votation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.conventionledger.query.platform.IndexStampingEventStorageEngine;
import org.h2.jdbcx.JdbcDataSource;

/**
 * An H2 file event store with the services' schema, for tests on the real JDBC log. One connection is
 * held open until {@link #close()}, as the services' pool does: H2 closes a database with its last
 * connection, and reopening it on every read is neither realistic nor safe.
 */
final class H2LogFile implements AutoCloseable {

    private final JdbcDataSource source;
    private final Connection held;

    private H2LogFile(JdbcDataSource source, Connection held) {
        this.source = source;
        this.held = held;
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
        return new H2LogFile(source, held);
    }

    /** The log as the read side reads it: Axon's JDBC engine, wrapped to stamp each event's own index. */
    IndexStampingEventStorageEngine engine(Serializer serializer) {
        return new IndexStampingEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .connectionProvider(source::getConnection)
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(new EventSchema())
                .dataType(byte[].class));
    }

    @Override
    public void close() throws SQLException {
        held.close();
    }
}
