package org.conventionledger.query.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.query.platform.TestEvents.actionDrafted;
import static org.conventionledger.query.platform.TestEvents.conventionOpened;
import static org.conventionledger.query.platform.TestEvents.invitationAnswered;
import static org.conventionledger.query.platform.TestEvents.invitationSent;
import static org.conventionledger.query.platform.TestEvents.item;
import static org.conventionledger.query.platform.TestEvents.memberSeated;
import static org.conventionledger.query.platform.TestEvents.onlineBallot;
import static org.conventionledger.query.platform.TestEvents.topicChosen;
import static org.conventionledger.query.platform.TestEvents.votationOpened;
import static org.conventionledger.query.platform.TestEvents.votationScheduled;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.conventionledger.events.integrity.ChainLink;
import org.conventionledger.events.integrity.ChainVerifier;
import org.conventionledger.events.recruitment.Answer;
import org.junit.jupiter.api.Test;

/**
 * The integrity chain against someone with write access to the event store: real events are appended
 * to the H2 log, the garants' trail chains them and a seal is taken; then the log's rows are altered
 * behind the ledger's back through JDBC, and a fresh export, verified against the recorded links and
 * the seal, shows the first position tampered with. Each tampering is undone before the next, and the
 * restored log verifies intact again (which also shows the export reads the store afresh every time).
 */
class LogTamperingTest extends ChainedLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLERMONT = "conv-clermont-" + UUID.randomUUID();
    private static final String LYON = "conv-lyon-" + UUID.randomUUID();
    private static final String VOTATION = "vot-" + UUID.randomUUID();

    /** A row of the log as the tests read and restore it. */
    record Row(
            long globalIndex,
            String eventId,
            String aggregateId,
            long sequence,
            String type,
            String payloadType,
            String payloadRevision,
            byte[] payload,
            byte[] metaData,
            String timeStamp) {}

    /** The events this class appended, the log's rows, and the seal taken once the trail chained them all. */
    private static List<EventMessage<?>> published;

    private static List<Row> rows;
    private static AuditTrailController.Seal seal;

    /** Appends the events and seals them, once for the class; every test leaves the log as it found it. */
    private void sealedLog() throws Exception {
        if (seal != null) {
            return;
        }
        published = publishConventions();
        rows = rows();
        assertThat(rows).hasSize(published.size());
        assertThat(rows)
                .extracting(Row::eventId)
                .containsExactlyElementsOf(
                        published.stream().map(EventMessage::getIdentifier).toList());
        long last = rows.get(rows.size() - 1).globalIndex();

        seal = sealThrough(last);
        assertThat(seal.chain()).isEqualTo(ChainLink.VERSION);
        assertThat(seal.position()).isEqualTo(last);
        assertThat(seal.length()).isEqualTo(rows.size());
    }

    @Test
    void anyTamperingWithTheStoredLogShowsAtTheFirstTamperedPosition() throws Exception {
        sealedLog();

        // untouched: intact, every line carries the link the ledger recorded, the last one is the seal's head
        List<JsonNode> untouched = exportLines();
        assertThat(untouched).hasSize(rows.size());
        assertThat(untouched)
                .allSatisfy(
                        line -> assertThat(line.path("chainHash").isTextual()).isTrue());
        assertThat(untouched.get(untouched.size() - 1).path("chainHash").asText())
                .isEqualTo(seal.head());
        assertIntact(seal);

        // (a) one event's payload altered in place: the Lyon convention was opened in another city
        Row lyonOpened = rows.stream()
                .filter(r -> r.aggregateId().equals(LYON) && r.payloadType().endsWith(".ConventionOpened"))
                .findFirst()
                .orElseThrow();
        String original = new String(lyonOpened.payload(), StandardCharsets.UTF_8);
        assertThat(original).contains("\"city\":\"Lyon\"");
        String forged = original.replace("\"city\":\"Lyon\"", "\"city\":\"Lyom\"");
        JSON.readTree(forged); // still well-formed JSON of the same type
        updatePayload(lyonOpened.globalIndex(), forged.getBytes(StandardCharsets.UTF_8));

        assertTamperedAt(seal, lyonOpened.globalIndex());
        // the seal alone (an export stripped of the recorded links) catches it too, at the sealed position
        ChainVerifier.Result sealOnly =
                ChainVerifier.verify(ExportedLog.verifierLines(exportLines(), false), seal.position(), seal.head());
        assertThat(sealOnly.intact()).isFalse();
        assertThat(sealOnly.firstDifference()).isEqualTo(seal.position());

        updatePayload(lyonOpened.globalIndex(), lyonOpened.payload());
        assertIntact(seal);

        // (b) one row deleted: the export passes over the missing index as it does over any gap of the
        // log, so the next event is chained after the wrong link and the first difference is the first
        // position after the deleted one (the verifier cannot tell a deleted event from an aborted
        // transaction's number until the next recorded link breaks)
        Row deleted = rows.get(12);
        Row next = rows.get(13);
        assertThat(next.globalIndex()).isGreaterThan(deleted.globalIndex());
        delete(deleted.globalIndex());

        List<JsonNode> withoutOne = exportLines();
        assertThat(withoutOne).hasSize(rows.size() - 1);
        assertThat(withoutOne).noneMatch(line -> line.path("position").asLong() == deleted.globalIndex());
        assertTamperedAt(seal, next.globalIndex());

        insert(deleted);
        assertIntact(seal);

        // (c) the payloads of two events of the same type exchanged: found at the earlier one
        List<Row> invitations = rows.stream()
                .filter(r -> r.aggregateId().equals(CLERMONT) && r.payloadType().endsWith(".InvitationSent"))
                .toList();
        Row earlier = invitations.get(3);
        Row later = invitations.get(9);
        updatePayload(earlier.globalIndex(), later.payload());
        updatePayload(later.globalIndex(), earlier.payload());

        assertTamperedAt(seal, earlier.globalIndex());

        updatePayload(earlier.globalIndex(), earlier.payload());
        updatePayload(later.globalIndex(), later.payload());
        assertIntact(seal);

        // (d) the very last, sealed event deleted: the export ends before the sealed position
        Row sealed = rows.get(rows.size() - 1);
        delete(sealed.globalIndex());
        ChainVerifier.Result truncated = verify(seal);
        assertThat(truncated.intact()).isFalse();
        assertThat(truncated.firstDifference()).isEqualTo(sealed.globalIndex());
        assertThat(truncated.reason()).contains("ends before the sealed position");
        insert(sealed);
        assertIntact(seal);

        // (e) the actor in one event's metadata replaced
        Row acted = rows.get(20);
        String metaData = new String(acted.metaData(), StandardCharsets.UTF_8);
        assertThat(metaData).contains("\"actorId\":\"organiser-");
        updateColumn(
                "metaData",
                acted.globalIndex(),
                metaData.replaceFirst("\"actorId\":\"organiser-.\"", "\"actorId\":\"intruder\"")
                        .getBytes(StandardCharsets.UTF_8));
        assertTamperedAt(seal, acted.globalIndex());
        updateColumn("metaData", acted.globalIndex(), acted.metaData());
        assertIntact(seal);

        // (f) one event's recording time moved by a second
        Row timed = rows.get(30);
        updateColumn(
                "timeStamp",
                timed.globalIndex(),
                Instant.parse(timed.timeStamp()).plusSeconds(1).toString());
        assertTamperedAt(seal, timed.globalIndex());
        updateColumn("timeStamp", timed.globalIndex(), timed.timeStamp());
        assertIntact(seal);

        // the seal itself has not moved: nothing was chained twice or anew
        assertThat(controller.seal().head()).isEqualTo(seal.head());
    }

    /**
     * The aggregate type ({@code type} column, {@code DomainEventMessage#getType()}) is shown on the
     * garants' trail ({@code AuditEvent.aggregateType}) but is neither exported nor covered by
     * {@link ChainLink}: it can be rewritten in the store without the chain noticing.
     */
    @Test
    void aRewrittenAggregateTypeShowsToo() throws Exception {
        sealedLog();
        Row ballot = rows.stream()
                .filter(r -> "OnlineBallot".equals(r.type()))
                .findFirst()
                .orElseThrow();
        updateColumn("type", ballot.globalIndex(), "Votation");
        try {
            assertTamperedAt(seal, ballot.globalIndex());
        } finally {
            updateColumn("type", ballot.globalIndex(), ballot.type());
        }
    }

    /** About forty events of two conventions and a votation, in several transactions, with actors. */
    private List<EventMessage<?>> publishConventions() {
        Map<String, Long> sequences = new HashMap<>();
        List<Object[]> log = new ArrayList<>();
        log.add(new Object[] {
            "Convention",
            CLERMONT,
            conventionOpened(CLERMONT, "Convention citoyenne", "Clermont-Ferrand", ECOLOGICAL, SOCIAL)
        });
        for (int i = 1; i <= 12; i++) {
            log.add(new Object[] {"Convention", CLERMONT, invitationSent(CLERMONT, "inv-" + i)});
        }
        log.add(new Object[] {"Convention", LYON, conventionOpened(LYON, "Convention lyonnaise", "Lyon", SOCIAL)});
        for (int i = 1; i <= 6; i++) {
            log.add(new Object[] {
                "Convention",
                CLERMONT,
                invitationAnswered(CLERMONT, "inv-" + i, i % 3 == 0 ? Answer.DECLINED : Answer.ACCEPTED)
            });
            log.add(new Object[] {"Convention", LYON, invitationSent(LYON, "inv-l" + i)});
        }
        for (int i = 1; i <= 4; i++) {
            log.add(new Object[] {
                "Convention", CLERMONT, memberSeated(CLERMONT, "m-" + i, i % 2 == 0 ? SOCIAL : ECOLOGICAL)
            });
        }
        log.add(new Object[] {"Convention", CLERMONT, topicChosen(CLERMONT, "topic-1", SOCIAL)});
        log.add(new Object[] {
            "Action", "action-1-" + CLERMONT, actionDrafted(CLERMONT, "action-1-" + CLERMONT, 1, SOCIAL)
        });
        log.add(new Object[] {"Votation", VOTATION, votationScheduled(CLERMONT, VOTATION, "Votation", item(1, SOCIAL))
        });
        log.add(new Object[] {"Votation", VOTATION, votationOpened(CLERMONT, VOTATION)});
        for (int i = 1; i <= 3; i++) {
            log.add(new Object[] {
                "OnlineBallot",
                "ballot-" + i + "-" + VOTATION,
                onlineBallot(CLERMONT, VOTATION, "ballot-" + i + "-" + VOTATION, 1)
            });
        }

        List<EventMessage<?>> events = new ArrayList<>();
        for (Object[] entry : log) {
            String aggregateId = (String) entry[1];
            long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
            MetaData metaData = MetaData.with("actorId", "organiser-" + (events.size() % 3))
                    .and("actorRole", "ORGANISER")
                    .and("correlationId", "command-" + events.size())
                    .and("traceId", "request-" + events.size() / 5);
            events.add(new GenericDomainEventMessage<>((String) entry[0], aggregateId, sequence, entry[2], metaData));
        }
        for (int from = 0; from < events.size(); from += 8) {
            eventStore.publish(events.subList(from, Math.min(from + 8, events.size())));
        }
        return events;
    }

    private void assertIntact(AuditTrailController.Seal seal) throws IOException {
        ChainVerifier.Result result = verify(seal);
        assertThat(result.intact()).as(result.reason()).isTrue();
        assertThat(result.recomputedHead()).isEqualTo(seal.head());
    }

    private void assertTamperedAt(AuditTrailController.Seal seal, long position) throws IOException {
        ChainVerifier.Result result = verify(seal);
        assertThat(result.intact()).as("tampered at %d", position).isFalse();
        assertThat(result.firstDifference()).as(result.reason()).isEqualTo(position);
    }

    private ChainVerifier.Result verify(AuditTrailController.Seal seal) throws IOException {
        return ExportedLog.verify(controller, seal);
    }

    private List<JsonNode> exportLines() throws IOException {
        return ExportedLog.lines(controller);
    }

    private List<Row> rows() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT globalIndex, eventIdentifier, aggregateIdentifier, sequenceNumber, type, payloadType, "
                                + "payloadRevision, payload, metaData, timeStamp FROM DomainEventEntry ORDER BY "
                                + "globalIndex");
                ResultSet rs = select.executeQuery()) {
            List<Row> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getBytes(8),
                        rs.getBytes(9),
                        rs.getString(10)));
            }
            return rows;
        }
    }

    private void updatePayload(long globalIndex, byte[] payload) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update =
                        connection.prepareStatement("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?")) {
            update.setBytes(1, payload);
            update.setLong(2, globalIndex);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private void updateColumn(String column, long globalIndex, Object value) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE DomainEventEntry SET " + column + " = ? WHERE globalIndex = ?")) {
            update.setObject(1, value);
            update.setLong(2, globalIndex);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private void delete(long globalIndex) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM DomainEventEntry WHERE globalIndex = ?")) {
            delete.setLong(1, globalIndex);
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }
    }

    /** Puts a deleted row back exactly as it was, at its own index. */
    private void insert(Row row) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO DomainEventEntry (globalIndex, eventIdentifier, aggregateIdentifier, "
                                + "sequenceNumber, "
                                + "type, payloadType, payloadRevision, payload, metaData, timeStamp) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, row.globalIndex());
            insert.setString(2, row.eventId());
            insert.setString(3, row.aggregateId());
            insert.setLong(4, row.sequence());
            insert.setString(5, row.type());
            insert.setString(6, row.payloadType());
            insert.setString(7, row.payloadRevision());
            insert.setBytes(8, row.payload());
            insert.setBytes(9, row.metaData());
            insert.setString(10, row.timeStamp());
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }
}
