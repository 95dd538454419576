package org.conventionledger.command.privacy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

/**
 * Where personal data's keys live: one AES-256 key per person and one pseudonym secret per convention,
 * in a database of their own ({@code ledger.vault.url}; by default an H2 file beside the event store),
 * so that backups of the log never carry a key. Erasing a person deletes their key: every
 * {@code SealedPersonalData} sealed with it, in the log, the projections or any export, becomes
 * unreadable, while the log itself stays untouched and its chain verifiable.
 *
 * <p>Deliberately not a Spring {@code DataSource} bean: the event store's data source stays the only
 * one the framework sees and the vault cannot be enlisted in its transactions by mistake.
 */
@Component
public class PersonVault {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final HikariDataSource dataSource;
    private final JdbcTemplate jdbc;

    public PersonVault(@Value("${ledger.vault.url}") String url,
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
        List<String> found = jdbc.queryForList("SELECT secret FROM vault_secret WHERE convention_id = ?",
                String.class, conventionId);
        if (found.isEmpty()) {
            try {
                jdbc.update("INSERT INTO vault_secret (convention_id, secret) VALUES (?, ?)", conventionId,
                        Base64.getEncoder().encodeToString(randomBytes()));
            } catch (DuplicateKeyException raced) {
                // another request created it first: use theirs
            }
            return pseudonymSecret(conventionId);
        }
        return Base64.getDecoder().decode(found.get(0).getBytes(StandardCharsets.US_ASCII));
    }

    /** Each person's key, created for those who have none yet (an erased person gets a fresh one). */
    public Map<String, byte[]> keysFor(Collection<String> personIds) {
        Map<String, byte[]> keys = new HashMap<>();
        for (String personId : personIds) {
            keys.put(personId, key(personId).orElseGet(() -> create(personId)));
        }
        return keys;
    }

    /** The person's key, or empty when they were erased (or never known). */
    public Optional<byte[]> key(String personId) {
        return jdbc.queryForList("SELECT person_key FROM vault_person_key WHERE person_id = ?", String.class, personId)
                .stream().findFirst().map(Base64.getDecoder()::decode);
    }

    /**
     * Deletes the person's key for good and notes when. Returns whether a key existed.
     */
    public boolean erase(String personId) {
        int deleted = jdbc.update("DELETE FROM vault_person_key WHERE person_id = ?", personId);
        if (jdbc.queryForObject("SELECT COUNT(*) FROM vault_erasure WHERE person_id = ?", Integer.class, personId) == 0) {
            jdbc.update("INSERT INTO vault_erasure (person_id, erased_at) VALUES (?, ?)", personId,
                    Timestamp.from(Instant.now()));
        }
        return deleted > 0;
    }

    private byte[] create(String personId) {
        byte[] key = PersonalDataCipher.newKey();
        try {
            jdbc.update("INSERT INTO vault_person_key (person_id, person_key, created_at) VALUES (?, ?, ?)", personId,
                    Base64.getEncoder().encodeToString(key), Timestamp.from(Instant.now()));
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
}
