package org.conventionledger.query.oversight;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ProjectionRebuildTest} on PostgreSQL, in a schema of its own: the log read from a BYTEA table. */
@EnabledIfEnvironmentVariable(named = "LEDGER_TEST_POSTGRES_URL", matches = ".+")
class ProjectionRebuildOnPostgresTest extends ProjectionRebuildTest {

    private static final String URL = System.getenv("LEDGER_TEST_POSTGRES_URL");
    private static final String USER = System.getenv().getOrDefault("LEDGER_TEST_POSTGRES_USER", "ledger");
    private static final String PASSWORD = System.getenv().getOrDefault("LEDGER_TEST_POSTGRES_PASSWORD", "");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws SQLException {
        String schema = "rebuild_" + System.nanoTime();
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
            connection.createStatement().execute("CREATE SCHEMA " + schema);
        }
        registry.add("spring.datasource.url", () -> URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
        registry.add("ledger.eventstore.dialect", () -> "postgresql");
    }
}
