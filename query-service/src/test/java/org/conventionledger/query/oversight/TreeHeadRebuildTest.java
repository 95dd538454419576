package org.conventionledger.query.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.conventionledger.query.platform.TestEvents.conventionOpened;
import static org.conventionledger.query.platform.TestEvents.invitationSent;

import io.micrometer.core.instrument.MeterRegistry;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.conventionledger.events.Transition;
import org.conventionledger.events.integrity.MerkleTree;
import org.conventionledger.events.integrity.TreeAudit;
import org.conventionledger.events.integrity.TreeHeads;
import org.conventionledger.events.integrity.TreeLeaf;
import org.conventionledger.events.oversight.LedgerKeyPublished;
import org.conventionledger.events.oversight.TreeHeadSigned;
import org.conventionledger.query.QueryServiceApplication;
import org.conventionledger.query.platform.ProjectionRebuild;
import org.conventionledger.query.platform.ReadServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.ErrorResponseException;

/**
 * A rebuild of the garants' trail cannot launder a store changed beneath a signed tree head: the log holds
 * a head the ledger signed; an event it covers is deleted from the store through JDBC; the organiser
 * rebuilds the trail; the read side recomputes the tree from the store and reports the mismatch on its
 * health, a metric, the API and an ERROR line. Restored, the store verifies again. Also the proofs.
 */
@SpringBootTest(classes = QueryServiceApplication.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class TreeHeadRebuildTest extends ReadServiceTest {

    private static final String CONVENTION = "conv-" + UUID.randomUUID();

    @Autowired
    DataSource dataSource;

    @Autowired
    LogTree tree;

    @Autowired
    LogTreeController controller;

    @Autowired
    ProjectionRebuild rebuild;

    @Autowired
    MeterRegistry meters;

    private static String headId;
    private static long headSize;

    private void publish(String type, String aggregateId, long sequence, Object payload) {
        eventStore.publish(new GenericDomainEventMessage<>(
                type,
                aggregateId,
                sequence,
                payload,
                MetaData.with("actorId", "ledger").and("actorRole", "LEDGER")));
    }

    /** The ledger's key, eight events, and a head the ledger signed over all of them (once for the class). */
    private synchronized void signedLog() throws Exception {
        if (headId != null) {
            return;
        }
        KeyPair ledger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String publicKey = TreeHeads.encode(ledger.getPublic());
        String keyId = TreeHeads.fingerprint(publicKey);
        publish(
                "Keyring",
                "ledger-keyring",
                0,
                new LedgerKeyPublished(
                        "ledger-keyring",
                        keyId,
                        publicKey,
                        TreeHeads.sign(ledger.getPrivate(), TreeHeads.possessionText("ledger", keyId)),
                        Instant.now()));
        publish(
                "Convention",
                CONVENTION,
                0,
                conventionOpened(CONVENTION, "Convention", "Clermont-Ferrand", Transition.SOCIAL));
        for (int i = 1; i <= 7; i++) {
            publish("Convention", CONVENTION, i, invitationSent(CONVENTION, "inv-" + i));
        }
        Map<String, Object> all = tree.consistency(0, 9);
        @SuppressWarnings("unchecked")
        String root = ((Map<String, Object>) all.get("second")).get("root").toString();
        long position = lastPosition();
        Instant signedAt = Instant.parse("2022-06-19T18:00:00.123Z");
        headId = UUID.randomUUID().toString();
        headSize = 9;
        publish(
                "Keyring",
                "ledger-keyring",
                1,
                new TreeHeadSigned(
                        "ledger-keyring",
                        headId,
                        TreeLeaf.VERSION,
                        9,
                        position,
                        root,
                        signedAt,
                        "test",
                        keyId,
                        TreeHeads.sign(
                                ledger.getPrivate(), TreeHeads.headText(9, position, root, signedAt.toString()))));
    }

    private long lastPosition() throws Exception {
        try (Connection connection = dataSource.getConnection();
                ResultSet rs =
                        connection.createStatement().executeQuery("SELECT MAX(globalIndex) FROM DomainEventEntry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void theReadSideVerifiesTheHeadAndServesProofsThatVerify() throws Exception {
        signedLog();
        TreeAudit.Verdict verdict = tree.check();
        assertThat(verdict.intact()).as(verdict.reason()).isTrue();
        assertThat(verdict.headsVerified()).isEqualTo(1);
        assertThat(controller.heads()).extracting(h -> h.get("headId")).containsExactly(headId);
        assertThat(controller.heads().get(0))
                .containsEntry("size", headSize)
                .containsEntry("tree", TreeLeaf.VERSION)
                .containsEntry("signedAt", "2022-06-19T18:00:00.123Z");

        long third = lastPosition() - 7;
        Map<String, Object> inclusion = controller.inclusion(third, null, headSize);
        @SuppressWarnings("unchecked")
        List<String> path = (List<String>) inclusion.get("path");
        assertThat(MerkleTree.verifyInclusion(
                        leafOf(inclusion),
                        2,
                        headSize,
                        path.stream().map(TreeHeads::unhex).toList(),
                        TreeHeads.unhex((String) inclusion.get("root"))))
                .isTrue();
        Map<String, Object> consistency = controller.consistency(4, headSize);
        assertThat(consistency).containsEntry("type", "consistency");
        assertThatThrownBy(() -> controller.consistency(5, 4)).isInstanceOf(ErrorResponseException.class);
        assertThatThrownBy(() -> controller.inclusion(3L, "e", 5)).isInstanceOf(ErrorResponseException.class);
    }

    private static byte[] leafOf(Map<String, Object> inclusion) {
        @SuppressWarnings("unchecked")
        Map<String, Object> line = (Map<String, Object>) inclusion.get("event");
        @SuppressWarnings("unchecked")
        Map<String, String> meta = (Map<String, String>) line.get("metaData");
        return TreeLeaf.hash(new org.conventionledger.events.integrity.ChainLink.Entry(
                (long) line.get("position"),
                (String) line.get("eventId"),
                (String) line.get("aggregateId"),
                (Long) line.get("sequence"),
                (String) line.get("payloadType"),
                (String) line.get("payloadRevision"),
                (String) line.get("timestamp"),
                meta,
                ((String) line.get("payload")).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                (String) line.get("aggregateType")));
    }

    @Test
    void aRebuildOverADeletedEventReportsTheMismatchLoudly(CapturedOutput output) throws Exception {
        signedLog();
        assertThat(tree.check().intact()).isTrue();
        long victim = lastPosition() - 4;
        Object[] row = row(victim);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete =
                        connection.prepareStatement("DELETE FROM DomainEventEntry WHERE globalIndex = ?")) {
            delete.setLong(1, victim);
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }

        rebuild.rebuild("audit-trail");
        Awaitility.await("the rebuild's check")
                .atMost(Duration.ofSeconds(30))
                .until(() -> tree.verdict() != null && !tree.verdict().intact());

        TreeAudit.Verdict verdict = tree.verdict();
        assertThat(verdict.firstDifference()).isLessThanOrEqualTo(victim);
        assertThat(tree.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(meters.get("ledger.tree.mismatch").gauge().value()).isEqualTo(1.0);
        assertThat(meters.get("ledger.tree.mismatches").counter().count()).isGreaterThanOrEqualTo(1.0);
        assertThatThrownBy(controller::check)
                .isInstanceOf(ErrorResponseException.class)
                .satisfies(
                        e -> assertThat(((ErrorResponseException) e).getBody().getProperties())
                                .containsEntry("code", "log-does-not-match-its-heads"));
        assertThat(output.getAll()).contains("ERROR").contains("LOG TAMPERING");

        insert(row);
        assertThat(tree.check().intact()).isTrue();
        assertThat(tree.health().getStatus()).isEqualTo(Status.UP);
    }

    private Object[] row(long globalIndex) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT globalIndex, eventIdentifier,"
                        + " aggregateIdentifier, sequenceNumber, type, payloadType, payloadRevision, payload, metaData,"
                        + " timeStamp FROM DomainEventEntry WHERE globalIndex = ?")) {
            select.setLong(1, globalIndex);
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).isTrue();
                Object[] row = new Object[10];
                for (int i = 0; i < 10; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                return row;
            }
        }
    }

    private void insert(Object[] row) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry (globalIndex,"
                        + " eventIdentifier, aggregateIdentifier, sequenceNumber, type, payloadType, payloadRevision,"
                        + " payload, metaData, timeStamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < 10; i++) {
                insert.setObject(i + 1, row[i]);
            }
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
    }
}
