package org.conventionledger.command.votation;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import javax.sql.DataSource;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The group-commit writer's tests on PostgreSQL (when {@code LEDGER_TEST_POSTGRES_URL} names one, see
 * docs/testing.md): there a duplicate key aborts the whole transaction, and the group must still be
 * appended again without the voters who had voted.
 */
@EnabledIfEnvironmentVariable(named = "LEDGER_TEST_POSTGRES_URL", matches = ".+")
class BallotIntakeOnPostgresTest extends BallotIntakeTest {

    private static final String URL = System.getenv("LEDGER_TEST_POSTGRES_URL");
    private static final String USER = System.getenv().getOrDefault("LEDGER_TEST_POSTGRES_USER", "ledger");
    private static final String PASSWORD = System.getenv().getOrDefault("LEDGER_TEST_POSTGRES_PASSWORD", "");

    @Override
    DataSource dataSource() throws Exception {
        String schema = "intake_" + System.nanoTime();
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
            connection.createStatement().execute("CREATE SCHEMA " + schema);
        }
        // pooled, as the service's connections are
        HikariDataSource postgres = new HikariDataSource();
        postgres.setJdbcUrl(URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        postgres.setUsername(USER);
        postgres.setPassword(PASSWORD);
        try (Connection connection = postgres.getConnection()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("eventstore/schema-postgresql.sql"));
        }
        return postgres;
    }
}
