package org.conventionledger.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.conventionledger.events.integrity.TreeAudit;
import org.conventionledger.events.integrity.TreeHeads;
import org.conventionledger.tools.demo.ClermontDemo;
import org.conventionledger.tools.verify.LogVerification;
import org.conventionledger.tools.verify.ProofVerification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A garant against a database operator and an organiser, end to end: after the Clermont demo a garant
 * registers a key, has a head signed, countersigns it and keeps it; proofs verify. Then, with the services
 * stopped, the event store is changed three ways in turn (one ballot row deleted, one ballot's payload
 * edited, two ballots' payloads swapped); the services start, both report the log DOWN, the organiser
 * rebuilds the garants' trail, and {@code ledger verify-log} on a fresh export exits non-zero naming the
 * very positions changed (each event carries the ledger's signature; the heads list their empty positions)
 * within the range the heads give — from the export alone and with the kept head.
 */
class TreeHeadTamperingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GARANT = "garant";
    private static final String ORGANISER = "organiser";

    @TempDir
    Path dataDir;

    /** One way of changing the store: applies it and returns the position changed and how to undo it. */
    private interface Tampering {
        Change apply(Connection store, List<Long> ballots) throws SQLException;
    }

    private interface Undo {
        void run(Connection store) throws SQLException;
    }

    /** The positions changed (the first is where the change starts) and how to undo it. */
    private record Change(List<Long> positions, Undo undo) implements Undo {

        long position() {
            return positions.get(0);
        }

        @Override
        public void run(Connection store) throws SQLException {
            undo.run(store);
        }
    }

    @Test
    void aChangedStoreIsFoundFromAFreshExportAfterTheOrganisersRebuild() throws Exception {
        Path keptHead = dataDir.resolve("kept-head.json");
        try (LedgerServices services = new LedgerServices(dataDir, LedgerServices.POSTGRES_URL).start()) {
            ClermontDemo.Result result =
                    new ClermontDemo(services.commandUrl(), services.queryUrl(), services.accounts(), line -> {}).run();
            assertThat(result.mismatches()).isEmpty();
            LedgerClient client = new LedgerClient(services.accounts());
            JsonNode head = garantSealsTheLog(client, services, keptHead);

            Path export = export(services, "intact.jsonl");
            Map<String, Object> verdict = verifyLog(export, LogVerification.INTACT);
            assertThat(((Number) verdict.get("headsVerified")).intValue())
                    .as("the demo's closes and the garant's")
                    .isGreaterThan(2);
            assertThat(verdict).containsEntry("countersignaturesVerified", 1);
            verifyLog(export, LogVerification.INTACT, keptHead);
            proofsVerify(client, services, head, keptHead);
        }

        List<Tampering> tamperings = List.of(this::deleteOneBallot, this::editOneBallot, this::swapTwoBallots);
        for (Tampering tampering : tamperings) {
            Change change;
            try (Connection store = store()) {
                change = tampering.apply(store, ballots(store));
            }
            // the command side takes a hole (a deleted row) for an aborted insert only once the row after it is
            // older than ledger.tree-heads.settle-after; shortened here (with the transaction timeout it must
            // double) so that the test does not wait the default 2 minutes: no transaction is open in this phase
            try (LedgerServices services = new LedgerServices(dataDir, LedgerServices.POSTGRES_URL)
                    .withCommandEnvironment("LEDGER_EVENTSTORE_TRANSACTIONTIMEOUT", "PT10S")
                    .withCommandEnvironment("LEDGER_TREEHEADS_SETTLEAFTER", "PT20S")
                    .start()) {
                LedgerClient client = new LedgerClient(services.accounts());
                client.post(services.queryUrl() + "/api/admin/projections/audit-trail/rebuild", ORGANISER, Map.of());
                RebuildChecks.awaitCaughtUp(
                        client, services.queryUrl() + "/api/admin/projections", List.of("audit-trail"));
                awaitDown(services.queryUrl(), "the read side reports the log DOWN", Duration.ofMinutes(2));
                // the command side re-reads the store from its start, then takes the hole as settled (above)
                awaitDown(services.commandUrl(), "the command side refuses to sign on", Duration.ofMinutes(2));
                assertThat(services.logs()).contains("LOG TAMPERING");

                Path export = export(services, "tampered.jsonl");
                for (Map<String, Object> found : List.of(
                        verifyLog(export, LogVerification.NOT_INTACT),
                        verifyLog(export, LogVerification.NOT_INTACT, keptHead))) {
                    assertThat(((Number) found.get("firstDifference")).longValue())
                            .as(found.toString())
                            .isLessThanOrEqualTo(change.position());
                    assertThat(((Number) found.get("failingPosition")).longValue())
                            .as(found.toString())
                            .isGreaterThanOrEqualTo(change.position());
                    // every event was signed as it was appended: the very positions are named
                    assertThat((List<?>) found.get("changedPositions"))
                            .as(found.toString())
                            .map(p -> ((Number) p).longValue())
                            .containsExactlyElementsOf(change.positions());
                    assertThat(found).as(found.toString()).containsEntry("unsignedEvents", 0);
                }
            }
            try (Connection store = store()) {
                change.run(store);
            }
        }
    }

    /** The garant registers a key, has a head signed over the whole log, countersigns and keeps it. */
    private static JsonNode garantSealsTheLog(LedgerClient client, LedgerServices services, Path keptHead)
            throws Exception {
        KeyPair key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String publicKey = TreeHeads.encode(key.getPublic());
        String keyId = TreeHeads.fingerprint(publicKey);
        client.post(
                services.commandUrl() + "/api/garant-keys",
                GARANT,
                Map.of(
                        "publicKey",
                        publicKey,
                        "proof",
                        TreeHeads.sign(key.getPrivate(), TreeHeads.possessionText(GARANT, keyId))));
        JsonNode signed = client.post(
                services.commandUrl() + "/api/tree-heads", GARANT, Map.of("reason", "garant's seal after the demo"));
        // the signer may append a head of its own after the garant's (its merge delay): take the garant's by size
        JsonNode head = awaitHead(client, services, signed.path("size").asLong());
        String text = TreeHeads.headText(
                head.path("size").asLong(),
                head.path("position").asLong(),
                head.path("root").asText(),
                TreeAudit.instant(head.path("signedAt").asText()));
        client.post(
                services.commandUrl() + "/api/tree-heads/" + head.path("headId").asText() + "/countersignatures",
                GARANT,
                Map.of("keyId", keyId, "signature", TreeHeads.sign(key.getPrivate(), text)));
        Files.writeString(keptHead, head.toString());
        return head;
    }

    private static JsonNode awaitHead(LedgerClient client, LedgerServices services, long size) throws Exception {
        return Eventually.await(
                "the read side showing the head over " + size + " events",
                Duration.ofMinutes(1),
                () -> StreamSupport.stream(
                                client.get(services.queryUrl() + "/api/audit/tree/heads", GARANT)
                                        .spliterator(),
                                false)
                        .filter(head -> head.path("size").asLong() == size)
                        .findFirst()
                        .orElse(null),
                head -> head != null);
    }

    /** An inclusion proof of one ballot and a consistency proof from the first head to the kept one. */
    private void proofsVerify(LedgerClient client, LedgerServices services, JsonNode head, Path keptHead)
            throws Exception {
        long size = head.path("size").asLong();
        long ballot;
        try (Connection store = store()) {
            ballot = ballots(store).get(100);
        }
        JsonNode inclusion = client.get(
                services.queryUrl() + "/api/audit/tree/inclusion?position=" + ballot + "&size=" + size, GARANT);
        assertThat(verifyProof(inclusion, keptHead)).isEqualTo(LogVerification.INTACT);
        JsonNode first = client.get(services.queryUrl() + "/api/audit/tree/heads", GARANT)
                .get(0);
        JsonNode consistency = client.get(
                services.queryUrl() + "/api/audit/tree/consistency?from="
                        + first.path("size").asLong() + "&to=" + size,
                GARANT);
        assertThat(consistency.path("first").path("root").asText())
                .isEqualTo(first.path("root").asText());
        assertThat(verifyProof(consistency, keptHead)).isEqualTo(LogVerification.INTACT);
    }

    private int verifyProof(JsonNode proof, Path head) throws Exception {
        Path file = dataDir.resolve("proof.json");
        Files.writeString(file, proof.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = ProofVerification.run(file.toString(), head.toString(), new PrintStream(out), System.err);
        assertThat(out.toString()).contains("\"verified\"");
        return exit;
    }

    private Change deleteOneBallot(Connection store, List<Long> ballots) throws SQLException {
        long victim = ballots.get(ballots.size() / 2);
        Object[] row = row(store, victim);
        try (PreparedStatement delete = store.prepareStatement("DELETE FROM DomainEventEntry WHERE globalIndex = ?")) {
            delete.setLong(1, victim);
            assertThat(delete.executeUpdate()).isEqualTo(1);
        }
        return new Change(List.of(victim), s -> {
            try (PreparedStatement insert = s.prepareStatement("INSERT INTO DomainEventEntry (globalIndex,"
                    + " eventIdentifier, aggregateIdentifier, sequenceNumber, type, payloadType, payloadRevision,"
                    + " payload, metaData, timeStamp) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < row.length; i++) {
                    insert.setObject(i + 1, row[i]);
                }
                insert.executeUpdate();
            }
        });
    }

    private Change editOneBallot(Connection store, List<Long> ballots) throws SQLException {
        long victim = ballots.get(ballots.size() / 3);
        byte[] payload = payload(store, victim);
        String text = new String(payload, StandardCharsets.UTF_8);
        // one more action chosen on this ballot
        String edited = text.contains("\"choices\":[")
                ? text.replaceFirst("\"choices\":\\[", "\"choices\":[99,")
                : text.replaceFirst("\\{", "{\"edited\":true,");
        setPayload(store, victim, edited.getBytes(StandardCharsets.UTF_8));
        return new Change(List.of(victim), s -> setPayload(s, victim, payload));
    }

    private Change swapTwoBallots(Connection store, List<Long> ballots) throws SQLException {
        long first = ballots.get(ballots.size() / 4);
        long second = ballots.get(ballots.size() / 4 + 1);
        byte[] firstPayload = payload(store, first);
        byte[] secondPayload = payload(store, second);
        setPayload(store, first, secondPayload);
        setPayload(store, second, firstPayload);
        return new Change(List.of(first, second), s -> {
            setPayload(s, first, firstPayload);
            setPayload(s, second, secondPayload);
        });
    }

    private static Object[] row(Connection store, long position) throws SQLException {
        try (PreparedStatement select = store.prepareStatement("SELECT globalIndex, eventIdentifier,"
                + " aggregateIdentifier, sequenceNumber, type, payloadType, payloadRevision, payload, metaData,"
                + " timeStamp FROM DomainEventEntry WHERE globalIndex = ?")) {
            select.setLong(1, position);
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).isTrue();
                Object[] row = new Object[10];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                row[7] = rs.getBytes(8);
                row[8] = rs.getBytes(9);
                return row;
            }
        }
    }

    private static byte[] payload(Connection store, long position) throws SQLException {
        return (byte[]) row(store, position)[7];
    }

    private static void setPayload(Connection store, long position, byte[] payload) throws SQLException {
        try (PreparedStatement update =
                store.prepareStatement("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?")) {
            update.setBytes(1, payload);
            update.setLong(2, position);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    /** The positions of the online ballots, in log order. */
    private static List<Long> ballots(Connection store) throws SQLException {
        List<Long> positions = new ArrayList<>();
        try (PreparedStatement select = store.prepareStatement(
                "SELECT globalIndex FROM DomainEventEntry" + " WHERE payloadType = ? ORDER BY globalIndex")) {
            select.setString(1, "org.conventionledger.events.votation.OnlineBallotCast");
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    positions.add(rs.getLong(1));
                }
            }
        }
        assertThat(positions).hasSizeGreaterThan(1_000);
        return positions;
    }

    /** The event store, while the services are stopped: the operator's access. */
    private Connection store() throws SQLException {
        if (LedgerServices.POSTGRES_URL != null) {
            return DriverManager.getConnection(
                    LedgerServices.POSTGRES_URL,
                    System.getenv().getOrDefault("LEDGER_TEST_POSTGRES_USER", "ledger"),
                    System.getenv().getOrDefault("LEDGER_TEST_POSTGRES_PASSWORD", ""));
        }
        return DriverManager.getConnection(
                "jdbc:h2:file:" + dataDir.resolve("eventstore") + ";AUTO_SERVER=TRUE", "sa", "");
    }

    /**
     * A fresh export holding every row of the store: on a loaded machine the read side's stream once ended
     * thousands of events early, and a prefix of the log verifies as intact, so a short export is taken again.
     */
    private Path export(LedgerServices services, String name) throws Exception {
        long rows;
        try (Connection store = store();
                ResultSet count = store.createStatement().executeQuery("SELECT COUNT(*) FROM DomainEventEntry")) {
            count.next();
            rows = count.getLong(1);
        }
        Path file = services.dataDir.resolve(name);
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> export = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(services.queryUrl() + "/api/audit/export"))
                                    .header("Authorization", ClermontReplayTest.basicAuth(services, GARANT))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(export.statusCode()).isEqualTo(200);
            Files.writeString(file, export.body());
            long lines = export.body().lines().filter(line -> !line.isBlank()).count();
            if (lines >= rows) {
                return file;
            }
            assertThat(attempt)
                    .as("an export of all " + rows + " rows, not " + lines)
                    .isLessThan(3);
        }
    }

    private static Map<String, Object> verifyLog(Path export, int expectedExit, Path... kept) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> seals = new ArrayList<>();
        for (Path seal : kept) {
            seals.add(seal.toString());
        }
        int exit = LogVerification.run(
                export.toString(),
                seals,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(out + " " + err).isEqualTo(expectedExit);
        return JSON.readValue(
                out.toString(StandardCharsets.UTF_8), new com.fasterxml.jackson.core.type.TypeReference<>() {});
    }

    private static HttpResponse<String> health(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitDown(String url, String what, Duration limit) throws Exception {
        Eventually.await(what, limit, () -> health(url).statusCode(), status -> status == 503);
    }
}
