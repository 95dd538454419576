package org.conventionledger.command.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * The embedded event store stays small: both services open it with the settings that allow it, and the
 * command-service's housekeeping compacts it after writes and does nothing while nothing is written.
 */
class EmbeddedStoreHousekeepingTest {

    private static final String SETTINGS_KEY = "ledger.eventstore.h2-settings";

    @TempDir
    Path dir;

    @Test
    void bothServicesOpenTheFileWithDurableCommitsCompressionAndAShortRetention() {
        for (Resource yml : new Resource[] {
            new ClassPathResource("application.yml"),
            new FileSystemResource(Path.of("..", "query-service", "src", "main", "resources", "application.yml"))
        }) {
            Properties properties = yaml(yml);
            assertThat(properties.getProperty("spring.datasource.url"))
                    .as(yml.getDescription())
                    .isEqualTo("${EVENTSTORE_URL:jdbc:h2:file:${ledger.data-dir}/eventstore${" + SETTINGS_KEY + "}}");
            assertThat(properties.getProperty(SETTINGS_KEY))
                    .as(yml.getDescription())
                    .isEqualTo(";AUTO_SERVER=TRUE;WRITE_DELAY=0;RETENTION_TIME=5000;COMPRESS=TRUE");
        }
    }

    @Test
    void compactsAfterWritesAndStaysIdleWhenNothingIsWritten() throws Exception {
        DataSource store = h2(dir.resolve("a"), settings());
        try (Connection open = store.getConnection()) {
            EmbeddedStoreHousekeeping housekeeping = housekeeping(store);
            write(open, 30, 40);

            assertThat(housekeeping.round()).isTrue();
            // its own rewrite is not a write to react to: idle rounds cost a version check
            assertThat(housekeeping.round()).isFalse();
            assertThat(housekeeping.round()).isFalse();

            write(open, 1, 1);
            assertThat(housekeeping.round()).isTrue();
        }
    }

    @Test
    void theFileGrowsFarLessWithHousekeepingThanWithout() throws Exception {
        // retention 0 here so that freed space is reused at once, whatever the test's timing
        long with = grow(dir.resolve("with"), true);
        long without = grow(dir.resolve("without"), false);
        assertThat(with).isLessThan(without / 2);
    }

    @Test
    void leavesAFileReachedThroughAnotherProcesssServerAlone() throws Exception {
        // what a service sees when the other one opened the file first (AUTO_SERVER): a remote session
        Server server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", dir.toString())
                .start();
        try {
            JdbcDataSource remote = new JdbcDataSource();
            remote.setURL("jdbc:h2:tcp://localhost:" + server.getPort() + "/./remote");
            remote.setUser("sa");
            try (Connection open = remote.getConnection()) {
                write(open, 2, 10);
                assertThat(housekeeping(remote).round()).isFalse();
            }
        } finally {
            server.stop();
        }
    }

    private long grow(Path directory, boolean housekeeping) throws Exception {
        DataSource store = h2(directory, settings().replace("RETENTION_TIME=5000", "RETENTION_TIME=0"));
        try (Connection open = store.getConnection()) {
            EmbeddedStoreHousekeeping keeper = housekeeping(store);
            for (int round = 0; round < 8; round++) {
                write(open, 25, 40);
                if (housekeeping) {
                    keeper.round();
                }
            }
            assertThat(keeper.compactions()).isEqualTo(housekeeping ? 8 : 0);
        }
        return Files.size(directory.resolve("eventstore.mv.db"));
    }

    private static String settings() {
        return yaml(new ClassPathResource("application.yml")).getProperty(SETTINGS_KEY);
    }

    private static Properties yaml(Resource resource) {
        YamlPropertiesFactoryBean factory = new YamlPropertiesFactoryBean();
        factory.setResources(resource);
        return factory.getObject();
    }

    private static DataSource h2(Path directory, String settings) {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:file:" + directory.toAbsolutePath().resolve("eventstore") + settings);
        source.setUser("sa");
        return source;
    }

    private static EmbeddedStoreHousekeeping housekeeping(DataSource store) {
        return new EmbeddedStoreHousekeeping(
                new StaticListableBeanFactory(Map.of("dataSource", store)).getBeanProvider(DataSource.class),
                Duration.ofSeconds(1),
                80,
                4 << 20);
    }

    /** Commits of rows with random keys: what ballots do to the log's unique indexes. */
    private static void write(Connection connection, int commits, int rowsPerCommit) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS t (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
                    + " k VARCHAR(64) NOT NULL UNIQUE, v VARBINARY NOT NULL)");
        }
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO t (k, v) VALUES (?, ?)")) {
            for (int c = 0; c < commits; c++) {
                for (int r = 0; r < rowsPerCommit; r++) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setBytes(2, UUID.randomUUID().toString().repeat(8).getBytes());
                    insert.executeUpdate();
                }
                connection.commit();
            }
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
