package org.conventionledger.query.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.query.platform.TestEvents.conventionOpened;
import static org.conventionledger.query.platform.TestEvents.invitationSent;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.conventionledger.events.integrity.ChainVerifier;
import org.conventionledger.query.QueryServiceApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An event whose type the query service does not know (written by a newer command service, during a
 * rolling upgrade) is still an event of the log: the trail must chain it exactly as the export shows it.
 */
@SpringBootTest(classes = QueryServiceApplication.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ChainOfUnknownEventTypeTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", () -> dataDir.toString());
        registry.add("ledger.read-store.uri", () -> "");
        registry.add("ledger.audit.chain-interval", () -> "PT0.2S");
    }

    private static final String LYON = "conv-lyon-" + UUID.randomUUID();
    private static final String FUTURE_TYPE = "org.conventionledger.events.organisation.ConventionRenamed";

    @Autowired
    EventStore eventStore;
    @Autowired
    DataSource dataSource;
    @Autowired
    AuditTrailController controller;
    @Autowired
    ChainSealer sealer;

    @Test
    void anEventOfAnUnknownTypeIsChainedAsExported() throws Exception {
        eventStore.publish(new GenericDomainEventMessage<>("Convention", LYON, 0,
                conventionOpened(LYON, "C", "Lyon", SOCIAL), actor()));
        appendAsANewerWriterWould(1, "{\"conventionId\":\"" + LYON + "\",\"title\":\"Convention lyonnaise\"}");
        eventStore.publish(new GenericDomainEventMessage<>("Convention", LYON, 2, invitationSent(LYON, "inv-1"), actor()));
        long last = maxIndex();

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (sealer.extend().position() < last && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        AuditTrailController.Seal seal = controller.seal();
        assertThat(seal.position()).as("the chain reaches the last event").isEqualTo(last);

        List<JsonNode> export = ExportedLog.lines(controller);
        assertThat(export).hasSize(3);
        assertThat(export.get(1).path("payloadType").asText()).isEqualTo(FUTURE_TYPE);
        ChainVerifier.Result result = ExportedLog.verify(controller, seal);
        assertThat(result.intact()).as(result.reason()).isTrue();
    }

    private void appendAsANewerWriterWould(long sequence, String payload) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO DomainEventEntry (eventIdentifier, aggregateIdentifier, sequenceNumber, type, "
                             + "payloadType, payloadRevision, payload, metaData, timeStamp) "
                             + "VALUES (?, ?, ?, 'Convention', ?, '1', ?, ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, LYON);
            insert.setLong(3, sequence);
            insert.setString(4, FUTURE_TYPE);
            insert.setBytes(5, payload.getBytes(StandardCharsets.UTF_8));
            insert.setBytes(6, "{\"actorId\":\"organiser\",\"actorRole\":\"ORGANISER\"}".getBytes(StandardCharsets.UTF_8));
            insert.setString(7, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }

    private static MetaData actor() {
        return MetaData.with("actorId", "organiser").and("actorRole", "ORGANISER");
    }

    private long maxIndex() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT MAX(globalIndex) FROM DomainEventEntry")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
