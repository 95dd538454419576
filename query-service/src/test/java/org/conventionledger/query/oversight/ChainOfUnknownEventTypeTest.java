package org.conventionledger.query.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.query.platform.TestEvents.conventionOpened;
import static org.conventionledger.query.platform.TestEvents.invitationSent;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.conventionledger.events.integrity.ChainVerifier;
import org.junit.jupiter.api.Test;

/**
 * An event whose type the query service does not know (written by a newer command service, during a
 * rolling upgrade) is still an event of the log: the trail must chain it exactly as the export shows it.
 */
class ChainOfUnknownEventTypeTest extends ChainedLogTest {

    private static final String LYON = "conv-lyon-" + UUID.randomUUID();
    private static final String FUTURE_TYPE = "org.conventionledger.events.organisation.ConventionRenamed";

    @Test
    void anEventOfAnUnknownTypeIsChainedAsExported() throws Exception {
        eventStore.publish(new GenericDomainEventMessage<>(
                "Convention", LYON, 0, conventionOpened(LYON, "C", "Lyon", SOCIAL), actor()));
        appendAsANewerWriterWould(1, "{\"conventionId\":\"" + LYON + "\",\"title\":\"Convention lyonnaise\"}");
        eventStore.publish(
                new GenericDomainEventMessage<>("Convention", LYON, 2, invitationSent(LYON, "inv-1"), actor()));
        long last = maxIndex();

        AuditTrailController.Seal seal = sealThrough(last);
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
            insert.setBytes(
                    6, "{\"actorId\":\"organiser\",\"actorRole\":\"ORGANISER\"}".getBytes(StandardCharsets.UTF_8));
            insert.setString(7, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }
}
