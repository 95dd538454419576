package org.conventionledger.command.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.command.platform.ApiClient.problem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.conventionledger.command.platform.ApiClient;
import org.conventionledger.command.platform.WriteApiTest;
import org.conventionledger.events.integrity.MerkleTree;
import org.conventionledger.events.integrity.TreeHeads;
import org.conventionledger.events.integrity.TreeLeaf;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Signed tree heads on the embedded event store: the ledger's key published at start, heads signed over
 * the store's own rows (at a session's close and on request), garants' keys and countersignatures over
 * HTTP, and the command side refusing to sign over a store rewritten beneath a head.
 */
@TreeHeadsOnATick
class TreeHeadApiTest extends WriteApiTest {

    private static final String HEAD = "org.conventionledger.events.oversight.TreeHeadSigned";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    TreeHeadSigner signer;

    private List<LedgerTree.Row> rows() {
        return LedgerTree.jdbc(jdbc, json).after(0, Integer.MAX_VALUE);
    }

    private List<JsonNode> payloads(String type) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (LedgerTree.Row row : rows()) {
            if (row.entry().payloadType().equals(type)) {
                found.add(json.readTree(row.entry().payload()));
            }
        }
        return found;
    }

    private JsonNode lastHead() throws Exception {
        List<JsonNode> heads = payloads(HEAD);
        return heads.get(heads.size() - 1);
    }

    private static String proof(KeyPair keys, String holder) {
        String publicKey = TreeHeads.encode(keys.getPublic());
        return TreeHeads.sign(keys.getPrivate(), TreeHeads.possessionText(holder, TreeHeads.fingerprint(publicKey)));
    }

    @Test
    void aHeadCoversTheStoresRowsAndIsSignedByThePublishedKey() throws Exception {
        api.openConvention();
        JsonNode signed = ApiClient.json(api.post("ORGANISER", "/api/tree-heads", "{\"reason\":\"before the vote\"}")
                .andExpect(status().isOk()));

        JsonNode key = payloads("org.conventionledger.events.oversight.LedgerKeyPublished")
                .get(0);
        JsonNode head = lastHead();
        List<byte[]> leaves = new ArrayList<>();
        long position = -1;
        for (LedgerTree.Row row : rows()) {
            if (leaves.size() == head.path("size").asInt()) {
                break;
            }
            leaves.add(TreeLeaf.hash(row.entry()));
            position = row.entry().position();
        }
        assertThat(head.path("size").asLong())
                .isEqualTo(signed.path("size").asLong())
                .isGreaterThan(1);
        assertThat(head.path("position").asLong()).isEqualTo(position);
        assertThat(head.path("root").asText()).isEqualTo(TreeHeads.hex(MerkleTree.root(leaves)));
        assertThat(head.path("keyId").asText()).isEqualTo(key.path("keyId").asText());
        String text = TreeHeads.headText(
                head.path("size").asLong(),
                position,
                head.path("root").asText(),
                LedgerTree.instant(head.get("signedAt")).toString());
        assertThat(TreeHeads.verifies(
                        key.path("publicKey").asText(),
                        text,
                        head.path("signature").asText()))
                .isTrue();
        assertThat(dataDir.resolve("ledger-signing.key")).exists();
    }

    @Test
    void closingASessionSignsAHeadThatCoversTheClose() throws Exception {
        String convention = api.openConvention();
        String sessions = "/api/conventions/" + convention + "/sessions";
        String session = api.created("ORGANISER", sessions, """
                {"number":1,"kind":"PLENARY","startsOn":"2021-10-16","endsOn":"2021-10-17"}""", "sessionId");
        api.post("ORGANISER", sessions + "/" + session + "/close", "{\"closedOn\":\"2021-10-17\"}")
                .andExpect(status().isOk());
        long closedAt = rows().stream()
                .filter(r -> r.entry().payloadType().endsWith("SessionClosed"))
                .mapToLong(r -> r.entry().position())
                .max()
                .orElseThrow();

        Awaitility.await("a head after the close")
                .atMost(Duration.ofSeconds(20))
                .until(() ->
                        payloads(HEAD).stream().anyMatch(h -> h.path("position").asLong() >= closedAt));
        assertThat(payloads(HEAD).stream()
                        .filter(h -> h.path("position").asLong() >= closedAt)
                        .findFirst()
                        .orElseThrow()
                        .path("reason")
                        .asText())
                .isEqualTo("session closed");
    }

    @Test
    void aGarantRegistersAKeyCountersignsAndRevokesIt() throws Exception {
        api.openConvention();
        api.post("GARANT", "/api/tree-heads", "{\"reason\":\"garant's check\"}").andExpect(status().isOk());
        JsonNode head = lastHead();
        String headId = head.path("headId").asText();
        KeyPair garant = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String publicKey = TreeHeads.encode(garant.getPublic());
        String keyId = TreeHeads.fingerprint(publicKey);
        String text = TreeHeads.headText(
                head.path("size").asLong(),
                head.path("position").asLong(),
                head.path("root").asText(),
                LedgerTree.instant(head.get("signedAt")).toString());
        String countersignature =
                "{\"keyId\":\"%s\",\"signature\":\"%s\"}".formatted(keyId, TreeHeads.sign(garant.getPrivate(), text));

        api.post("GARANT", "/api/tree-heads/" + headId + "/countersignatures", countersignature)
                .andExpect(problem(422, "key-not-registered"));
        api.post(
                        "ORGANISER",
                        "/api/garant-keys",
                        "{\"publicKey\":\"%s\",\"proof\":\"%s\"}".formatted(publicKey, proof(garant, "organiser@city")))
                .andExpect(status().isForbidden());
        api.post(
                        "GARANT",
                        "/api/garant-keys",
                        "{\"publicKey\":\"%s\",\"proof\":\"%s\"}".formatted(publicKey, proof(garant, "someone-else")))
                .andExpect(problem(422, "no-proof-of-possession"));
        api.post("GARANT", "/api/garant-keys", "{\"publicKey\":\"%s\"}".formatted(publicKey))
                .andExpect(status().isBadRequest());
        // the test tokens' subject is role@city
        api.post(
                        "GARANT",
                        "/api/garant-keys",
                        "{\"publicKey\":\"%s\",\"proof\":\"%s\"}".formatted(publicKey, proof(garant, "garant@city")))
                .andExpect(status().isCreated());
        api.post(
                        "GARANT",
                        "/api/tree-heads/" + headId + "/countersignatures",
                        "{\"keyId\":\"%s\",\"signature\":\"%s\"}"
                                .formatted(keyId, TreeHeads.sign(garant.getPrivate(), "x")))
                .andExpect(problem(422, "signature-does-not-verify"));
        api.post("GARANT", "/api/tree-heads/" + headId + "/countersignatures", countersignature)
                .andExpect(status().isCreated());
        api.post("GARANT", "/api/garant-keys/" + keyId + "/revocation", "{\"reason\":\"laptop lost\"}")
                .andExpect(status().isOk());
        api.post("GARANT", "/api/tree-heads", "{\"reason\":\"again\"}").andExpect(status().isOk());
        JsonNode next = lastHead();
        String nextText = TreeHeads.headText(
                next.path("size").asLong(),
                next.path("position").asLong(),
                next.path("root").asText(),
                LedgerTree.instant(next.get("signedAt")).toString());
        api.post(
                        "GARANT",
                        "/api/tree-heads/" + next.path("headId").asText() + "/countersignatures",
                        "{\"keyId\":\"%s\",\"signature\":\"%s\"}"
                                .formatted(keyId, TreeHeads.sign(garant.getPrivate(), nextText)))
                .andExpect(problem(422, "key-revoked"));

        assertThat(payloads("org.conventionledger.events.oversight.TreeHeadCountersigned"))
                .hasSize(1);
        assertThat(payloads("org.conventionledger.events.oversight.GarantKeyRevoked"))
                .hasSize(1);
    }

    @Test
    void aStoreRewrittenBeneathAHeadIsReportedAndNeverSignedOver() throws Exception {
        api.openConvention();
        api.openConvention();
        api.post("ORGANISER", "/api/tree-heads", "{\"reason\":\"checkpoint\"}").andExpect(status().isOk());
        long head = lastHead().path("position").asLong();
        assertThat(new LedgerTree(LedgerTree.jdbc(jdbc, json), json, Duration.ofSeconds(1), Clock.systemUTC())
                        .advance()
                        .size())
                .isGreaterThan(0);

        // an operator edits one event covered by the head, in the store itself
        long edited = rows().stream()
                .filter(r ->
                        r.entry().position() <= head && r.entry().payloadType().endsWith("ConventionOpened"))
                .findFirst()
                .orElseThrow()
                .entry()
                .position();
        byte[] payload =
                jdbc.queryForObject("SELECT payload FROM DomainEventEntry WHERE globalIndex = ?", byte[].class, edited);
        jdbc.update(
                "UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?",
                new String(payload)
                        .replace("\"conventionId\"", "\"conventionId\" ")
                        .getBytes(),
                edited);

        LedgerTree restarted =
                new LedgerTree(LedgerTree.jdbc(jdbc, json), json, Duration.ofSeconds(1), Clock.systemUTC());
        restarted.advance();
        assertThat(restarted.mismatch()).contains("does not match the tree").contains("position " + head);
        jdbc.update("UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?", payload, edited);
        LedgerTree restored =
                new LedgerTree(LedgerTree.jdbc(jdbc, json), json, Duration.ofSeconds(1), Clock.systemUTC());
        restored.advance();
        assertThat(restored.mismatch()).isNull();
    }
}
