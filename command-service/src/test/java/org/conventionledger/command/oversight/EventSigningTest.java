package org.conventionledger.command.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.conventionledger.command.platform.ApiClient;
import org.conventionledger.events.integrity.ChainLink;
import org.conventionledger.events.integrity.EventAudit;
import org.conventionledger.events.integrity.EventSignatures;
import org.conventionledger.events.integrity.TreeAudit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every event is signed on its way into the store (here the embedded H2 store; the PostgreSQL one in
 * {@link EventSigningOnPostgresTest}): the rows as stored carry the ledger key's signature over their
 * content, by the key of the time across a rotation, and a head lists the positions it found empty.
 */
@TreeHeadsOnATick
@AutoConfigureMockMvc
@DirtiesContext
class EventSigningTest {

    private static final String KEY_PUBLISHED = "org.conventionledger.events.oversight.LedgerKeyPublished";
    private static final String KEY_ROTATED = "org.conventionledger.events.oversight.LedgerKeyRotated";

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("ledger.data-dir", dataDir::toString);
    }

    @MockitoBean
    JwtDecoder jwtDecoder;

    @Autowired
    MockMvc http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    private ApiClient api;

    @BeforeEach
    void tokensNameTheirRole() {
        api = ApiClient.withRoleTokens(http, jwtDecoder);
    }

    private List<ChainLink.Entry> rows() {
        return LedgerTree.jdbc(jdbc, json).after(0, Integer.MAX_VALUE).stream()
                .map(LedgerTree.Row::entry)
                .toList();
    }

    private String keyOf(ChainLink.Entry keyEvent) throws Exception {
        return json.readTree(keyEvent.payload()).path("keyId").asText();
    }

    @Test
    void everyStoredEventCarriesTheSignatureOfTheLedgerKeyOfItsTime() throws Exception {
        api.openConvention();
        JsonNode head = ApiClient.json(api.post("ORGANISER", "/api/tree-heads", "{\"reason\":\"test\"}")
                .andExpect(status().isOk()));
        api.post("ORGANISER", "/api/admin/ledger-key/rotation", "{}").andExpect(status().is2xxSuccessful());
        api.openConvention();

        List<ChainLink.Entry> rows = rows();
        ChainLink.Entry published = rows.stream()
                .filter(e -> e.payloadType().equals(KEY_PUBLISHED))
                .findFirst()
                .orElseThrow();
        ChainLink.Entry rotated = rows.stream()
                .filter(e -> e.payloadType().equals(KEY_ROTATED))
                .findFirst()
                .orElseThrow();
        List<Long> headSizes = new ArrayList<>();
        for (ChainLink.Entry row : rows) {
            if (row.payloadType().equals(TreeAudit.HEAD_SIGNED)) {
                headSizes.add(json.readTree(row.payload()).path("size").asLong());
            }
        }
        TreeAudit keys = new TreeAudit(headSizes);
        for (ChainLink.Entry row : rows) {
            Map<String, String> fields = new java.util.LinkedHashMap<>();
            if (TreeAudit.KEYRING_EVENTS.contains(row.payloadType())) {
                json.readTree(row.payload())
                        .properties()
                        .forEach(p -> fields.put(p.getKey(), p.getValue().asText()));
            }
            keys.append(row, fields);
        }
        assertThat(keys.verdict().intact()).as(keys.verdict().reason()).isTrue();
        Map<String, String> ledgerKeys = keys.ledgerKeys();
        assertThat(ledgerKeys).containsOnlyKeys(keyOf(published), keyOf(rotated));

        Set<String> usedKeys = new java.util.HashSet<>();
        for (ChainLink.Entry row : rows) {
            String keyId = row.metaData().get(EventSignatures.KEY_ID);
            assertThat(keyId)
                    .as("the signing key of " + row.payloadType() + " at " + row.position())
                    .isNotNull();
            assertThat(EventSignatures.verifies(ledgerKeys.get(keyId), row))
                    .as(row.toString())
                    .isTrue();
            usedKeys.add(keyId);
            if (row.position() > rotated.position()) {
                assertThat(keyId).as("after the rotation").isEqualTo(keyOf(rotated));
            }
        }
        assertThat(usedKeys).containsExactlyInAnyOrder(keyOf(published), keyOf(rotated));

        EventAudit audit = new EventAudit(ledgerKeys);
        for (ChainLink.Entry row : rows) {
            audit.append(row);
            if (row.payloadType().equals(TreeAudit.HEAD_SIGNED)) {
                JsonNode signed = json.readTree(row.payload());
                assertThat(signed.path("emptyPositions").isArray())
                        .as("a head lists its empty positions")
                        .isTrue();
                List<Long> empty = new ArrayList<>();
                signed.path("emptyPositions").forEach(p -> empty.add(p.asLong()));
                audit.head(signed.path("position").asLong(), empty);
            }
        }
        EventAudit.Verdict verdict = audit.verdict();
        assertThat(verdict.findings()).isEmpty();
        assertThat(verdict.unsigned()).isZero();
        assertThat(verdict.signed()).isEqualTo(rows.size());
        assertThat(head.path("size").asLong()).isPositive();
    }
}
