package org.conventionledger.command.recruitment.sortition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** One person's matching key, however a list spells them. */
class IdentityNormaliserTest {

    private static final LocalDate BORN = LocalDate.of(1987, 3, 14);

    @Test
    void stripsAccentsCaseAndPunctuation() {
        assertThat(IdentityNormaliser.normalise("  LEFÈVRE-Dupont ")).isEqualTo("lefevre dupont");
        assertThat(IdentityNormaliser.normalise("Éléonore")).isEqualTo("eleonore");
        assertThat(IdentityNormaliser.normalise("François  Xavier")).isEqualTo("francois xavier");
        assertThat(IdentityNormaliser.normalise("N’Guessan")).isEqualTo("n guessan");
        assertThat(IdentityNormaliser.normalise("d'Alembert")).isEqualTo("d alembert");
        assertThat(IdentityNormaliser.normalise("Jean--Marie.")).isEqualTo("jean marie");
        assertThat(IdentityNormaliser.normalise("Lœuillet Æsa Straße")).isEqualTo("loeuillet aesa strasse");
        assertThat(IdentityNormaliser.normalise("İlkay\tÇelik")).isEqualTo("ilkay celik");
    }

    @Test
    void theKeyIsLastNameFirstNameAndBirthDate() {
        assertThat(IdentityNormaliser.matchingKey(new ResidentIdentity("Dupont-Lefèvre", "Éléonore", BORN)))
                .isEqualTo("dupont lefevre|eleonore|1987-03-14");
    }

    @Test
    void theSamePersonSpelledTwoWaysHasOneKey() {
        ResidentIdentity roll = new ResidentIdentity("DUPONT-LEFÈVRE", "ÉLÉONORE", BORN,
                "12 rue Blatin", "63000", "Clermont-Ferrand", null, null);
        ResidentIdentity landlord = new ResidentIdentity("Dupont Lefevre", "  Eleonore", BORN,
                "Bât. C, 12 rue Blatin", "63000", "CLERMONT FD", "e.dupont@example.org", "04 73 00 00 00");

        assertThat(IdentityNormaliser.matchingKey(landlord)).isEqualTo(IdentityNormaliser.matchingKey(roll));
        assertThat(IdentityNormaliser.matchingKey(new ResidentIdentity("Dupont Lefevre", "Eleonore", BORN.plusDays(1))))
                .isNotEqualTo(IdentityNormaliser.matchingKey(roll));
    }

    @Test
    void aNameWithoutLettersHasNoKey() {
        assertThatThrownBy(() -> IdentityNormaliser.matchingKey(new ResidentIdentity("--", "Anne", BORN)))
                .hasMessageContaining("last name");
    }
}
