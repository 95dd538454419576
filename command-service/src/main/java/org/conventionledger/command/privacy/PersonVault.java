package org.conventionledger.command.privacy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

/**
 * Where personal data's keys live: one AES-256 key per person, one pseudonym secret per convention and
 * the index from a resident's keyed matching tag to their random person id, in a database of their own
 * ({@code ledger.vault.url}; by default an H2 file beside the event store), so that backups of the log
 * never carry a key. Erasing a person deletes their key and their index row: every
 * {@code SealedPersonalData} sealed with it, in the log, the projections or any export, becomes
 * unreadable, and nothing left, secret included, maps a name and birth date to the person id the log
 * still carries (ADR-003). The log itself stays untouched and its chain verifiable.
 *
 * <p>Deliberately not a Spring {@code DataSource} bean: the event store's data source stays the only
 * one the framework sees and the vault cannot be enlisted in its transactions by mistake.
 */
@Component
public class PersonVault {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PERSON_ID_PREFIX = "p-";

    private final HikariDataSource dataSource;
    private final JdbcTemplate jdbc;

    public PersonVault(
            @Value("${ledger.vault.url}") String url,
            @Value("${ledger.vault.user:sa}") String user,
            @Value("${ledger.vault.password:}") String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        config.setPoolName("person-vault");
        this.dataSource = new HikariDataSource(config);
        this.jdbc = new JdbcTemplate(dataSource);
        new ResourceDatabasePopulator(new ClassPathResource("vault/schema.sql")).execute(dataSource);
    }

    @PreDestroy
    void close() {
        dataSource.close();
    }

    /** The secret that keys a convention's person pseudonyms, created on first use. */
    public byte[] pseudonymSecret(String conventionId) {
        List<String> found = jdbc.queryForList(
                "SELECT secret FROM vault_secret WHERE convention_id = ?", String.class, conventionId);
        if (found.isEmpty()) {
            try {
                jdbc.update(
                        "INSERT INTO vault_secret (convention_id, secret) VALUES (?, ?)",
                        conventionId,
                        Base64.getEncoder().encodeToString(randomBytes()));
            } catch (DuplicateKeyException raced) {
                // another request created it first: use theirs
            }
            return pseudonymSecret(conventionId);
        }
        return Base64.getDecoder().decode(found.get(0).getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The person id of each matching tag ({@code PersonPseudonym}): the one already given to the tag, or a
     * new random id. A tag from before random ids named its person by itself; such a person keeps that id
     * while their key exists. An erased person's tag is unknown again, so a later import of the same
     * resident makes a new person, unlinkable to the erased one.
     */
    public Map<String, String> personIds(Collection<String> matchingTags) {
        Map<String, String> ids = new HashMap<>();
        for (String tag : matchingTags) {
            ids.put(tag, personId(tag));
        }
        return ids;
    }

    /** The person ids already given to these matching tags, giving none to a tag that has none (dry runs). */
    public Map<String, String> knownPersonIds(Collection<String> matchingTags) {
        Map<String, String> ids = new HashMap<>();
        for (String tag : matchingTags) {
            List<String> found = jdbc.queryForList(
                    "SELECT person_id FROM vault_person_index WHERE match_tag = ?", String.class, tag);
            if (!found.isEmpty()) {
                ids.put(tag, found.get(0));
            } else if (key(tag).isPresent()) {
                ids.put(tag, tag);
            }
        }
        return ids;
    }

    private String personId(String tag) {
        List<String> found =
                jdbc.queryForList("SELECT person_id FROM vault_person_index WHERE match_tag = ?", String.class, tag);
        if (!found.isEmpty()) {
            return found.get(0);
        }
        String id = key(tag).isPresent() ? tag : randomPersonId();
        try {
            jdbc.update("INSERT INTO vault_person_index (match_tag, person_id) VALUES (?, ?)", tag, id);
        } catch (DuplicateKeyException raced) {
            // another import gave the tag an id first: use theirs
            return personId(tag);
        }
        return id;
    }

    /**
     * Each person's key, created for those who have none yet. An erased person gets none: they are left
     * out of the map, so nothing can be sealed for them again.
     */
    public Map<String, byte[]> keysFor(Collection<String> personIds) {
        Map<String, byte[]> keys = new HashMap<>();
        for (String personId : personIds) {
            Optional<byte[]> key = key(personId);
            if (key.isPresent()) {
                keys.put(personId, key.get());
            } else if (!erased(personId)) {
                keys.put(personId, create(personId));
            }
        }
        return keys;
    }

    /** A new random person id, for data that belongs to nobody already known (a referrer's contact). */
    public String newPersonId() {
        return randomPersonId();
    }

    /** Whether the person's data was erased. */
    public boolean erased(String personId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM vault_erasure WHERE person_id = ?", Integer.class, personId)
                > 0;
    }

    /** The person's key, or empty when they were erased (or never known). */
    public Optional<byte[]> key(String personId) {
        return jdbc
                .queryForList("SELECT person_key FROM vault_person_key WHERE person_id = ?", String.class, personId)
                .stream()
                .findFirst()
                .map(Base64.getDecoder()::decode);
    }

    /**
     * Deletes a key that sealed nothing the log holds (a refused command's fresh person id): no erasure is
     * noted, since no one's data was ever recorded under it.
     */
    public void discard(String personId) {
        jdbc.update("DELETE FROM vault_person_key WHERE person_id = ?", personId);
    }

    /**
     * Deletes the person's key and their matching tag for good and notes when. Returns whether a key existed.
     */
    public boolean erase(String personId) {
        int deleted = jdbc.update("DELETE FROM vault_person_key WHERE person_id = ?", personId);
        jdbc.update("DELETE FROM vault_person_index WHERE person_id = ?", personId);
        if (!erased(personId)) {
            jdbc.update(
                    "INSERT INTO vault_erasure (person_id, erased_at) VALUES (?, ?)",
                    personId,
                    Timestamp.from(Instant.now()));
        }
        return deleted > 0;
    }

    private byte[] create(String personId) {
        byte[] key = PersonalDataCipher.newKey();
        try {
            jdbc.update(
                    "INSERT INTO vault_person_key (person_id, person_key, created_at) VALUES (?, ?, ?)",
                    personId,
                    Base64.getEncoder().encodeToString(key),
                    Timestamp.from(Instant.now()));
            return key;
        } catch (DuplicateKeyException raced) {
            return key(personId).orElseThrow();
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** {@code p-} and 96 random bits, the form of the person ids the log carries. */
    private static String randomPersonId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return PERSON_ID_PREFIX + HexFormat.of().formatHex(bytes);
    }
}
