package org.conventionledger.query.oversight;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.axonframework.messaging.MetaData;
import org.conventionledger.query.QueryServiceApplication;
import org.conventionledger.query.platform.ReadServiceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The audit trail chaining the service's own log as it runs: events written to the embedded event store,
 * the chain extended every 0.2 s, and what the chain's tests read it with.
 */
@SpringBootTest(classes = QueryServiceApplication.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class ChainedLogTest extends ReadServiceTest {

    @DynamicPropertySource
    static void chainOften(DynamicPropertyRegistry registry) {
        registry.add("ledger.audit.chain-interval", () -> "PT0.2S");
    }

    @Autowired
    DataSource dataSource;

    @Autowired
    AuditTrailController controller;

    @Autowired
    ChainSealer sealer;

    static MetaData actor() {
        return MetaData.with("actorId", "organiser").and("actorRole", "ORGANISER");
    }

    /** The last global index of the log. */
    long maxIndex() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT MAX(globalIndex) FROM DomainEventEntry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Waits until the chain reaches {@code position}, extending it meanwhile, then takes a seal. */
    AuditTrailController.Seal sealThrough(long position) {
        Awaitility.await("the trail chained through " + position)
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> sealer.extend().position() >= position);
        return controller.seal();
    }
}
