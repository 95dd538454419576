package org.conventionledger.command.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.conventionledger.rules.sortition.PersonPseudonym;
import org.conventionledger.rules.sortition.ResidentIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * After erasure nothing re-links the person: the vault still holds the convention's secret, so the
 * organiser (or whoever reads the vault) can recompute the resident's matching tag from a name and a
 * birth date, but the tag no longer leads to the id the log carries, and no key is made for that id again.
 */
class PersonVaultTest {

    private static final String CONVENTION = "conv-clermont";
    private static final ResidentIdentity MARCHAND =
            new ResidentIdentity("Marchand", "Ambroise", LocalDate.of(1975, 9, 30));

    private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private final PersonVault vault = new PersonVault(url, "sa", "");

    @AfterEach
    void close() {
        vault.close();
    }

    @Test
    void personIdsAreRandomAndStableForOneResident() {
        String tag = tag(MARCHAND);
        String id = vault.personIds(List.of(tag)).get(tag);

        assertThat(id).matches("p-[0-9a-f]{24}").isNotEqualTo(tag);
        assertThat(vault.personIds(List.of(tag))).containsEntry(tag, id);
        String spelledOtherwise = tag(new ResidentIdentity("MARCHAND", "AMBROISE", LocalDate.of(1975, 9, 30)));
        assertThat(vault.personIds(List.of(spelledOtherwise))).containsEntry(spelledOtherwise, id);
    }

    @Test
    void afterErasureTheSecretANameAndABirthDateLeadToANewUnlinkablePerson() {
        String tag = tag(MARCHAND);
        String id = vault.personIds(List.of(tag)).get(tag);
        assertThat(vault.keysFor(List.of(id))).containsKey(id);

        assertThat(vault.erase(id)).isTrue();

        assertThat(vault.erased(id)).isTrue();
        assertThat(vault.key(id)).isEmpty();
        assertThat(vault.keysFor(List.of(id)))
                .as("no new key for an erased person")
                .isEmpty();
        assertThat(vault.key(id)).isEmpty();
        assertThat(rowsMentioning(id))
                .as("the vault keeps only the fact of the erasure")
                .containsExactly("vault_erasure");
        String again = vault.personIds(List.of(tag(MARCHAND))).get(tag(MARCHAND));
        assertThat(again)
                .as("a later import makes a new person")
                .isNotEqualTo(id)
                .matches("p-[0-9a-f]{24}");
        assertThat(vault.keysFor(List.of(again))).containsKey(again);
    }

    @Test
    void aResidentImportedWhenTheTagWasTheIdKeepsThatIdUntilErased() {
        String tag = tag(MARCHAND);
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
        jdbc.update(
                "INSERT INTO vault_person_key (person_id, person_key, created_at) VALUES (?, ?, CURRENT_TIMESTAMP)",
                tag,
                Base64.getEncoder().encodeToString(PersonalDataCipher.newKey()));

        assertThat(vault.personIds(List.of(tag))).containsEntry(tag, tag);
        vault.erase(tag);
        assertThat(vault.personIds(List.of(tag)).get(tag)).isNotEqualTo(tag);
    }

    private String tag(ResidentIdentity identity) {
        return new PersonPseudonym(vault.pseudonymSecret(CONVENTION)).matchingTag(CONVENTION, identity);
    }

    private List<String> rowsMentioning(String personId) {
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
        return Map.of("vault_person_key", "person_id", "vault_person_index", "person_id", "vault_erasure", "person_id")
                .entrySet()
                .stream()
                .filter(t -> jdbc.queryForObject(
                                "SELECT COUNT(*) FROM " + t.getKey() + " WHERE " + t.getValue() + " = ?",
                                Integer.class,
                                personId)
                        > 0)
                .map(Map.Entry::getKey)
                .toList();
    }
}
