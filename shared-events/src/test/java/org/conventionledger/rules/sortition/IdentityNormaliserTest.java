package org.conventionledger.rules.sortition;

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
        ResidentIdentity roll = new ResidentIdentity(
                "DUPONT-LEFÈVRE", "ÉLÉONORE", BORN, "12 rue Blatin", "63000", "Clermont-Ferrand", null, null);
        ResidentIdentity landlord = new ResidentIdentity(
                "Dupont Lefevre",
                "  Eleonore",
                BORN,
                "Bât. C, 12 rue Blatin",
                "63000",
                "CLERMONT FD",
                "e.dupont@example.org",
                "04 73 00 00 00");

        assertThat(IdentityNormaliser.matchingKey(landlord)).isEqualTo(IdentityNormaliser.matchingKey(roll));
        assertThat(IdentityNormaliser.matchingKey(new ResidentIdentity("Dupont Lefevre", "Eleonore", BORN.plusDays(1))))
                .isNotEqualTo(IdentityNormaliser.matchingKey(roll));
    }

    @Test
    void frenchNamesMatchAcrossTheSpellingsOfTwoFiles() {
        LocalDate born = LocalDate.of(1926, 2, 2);
        String composed = "Val\u00e9ry";
        String decomposed = "Vale\u0301ry";
        assertThat(IdentityNormaliser.matchingKey(new ResidentIdentity("GISCARD D'ESTAING", composed, born)))
                .as("composed and decomposed accents, straight and curly apostrophes, case")
                .isEqualTo(IdentityNormaliser.matchingKey(
                        new ResidentIdentity("Giscard d\u2019Estaing", decomposed, born)))
                .isEqualTo(IdentityNormaliser.matchingKey(new ResidentIdentity("giscard d estaing", "VALERY", born)));
        assertThat(IdentityNormaliser.matchingKey(new ResidentIdentity("de La Fontaine", "Marie-Thérèse", born)))
                .isEqualTo(
                        IdentityNormaliser.matchingKey(new ResidentIdentity("DE LA FONTAINE", "Marie Therese", born)));
        assertThat(IdentityNormaliser.matchingKey(new ResidentIdentity("Lafontaine", "Marie-Thérèse", born)))
                .as("a particle written together is another spelling, not matched")
                .isNotEqualTo(
                        IdentityNormaliser.matchingKey(new ResidentIdentity("La Fontaine", "Marie-Thérèse", born)));
        assertThat(IdentityNormaliser.matchingKey(new ResidentIdentity("Cœur", "Éloïse", born)))
                .isEqualTo(IdentityNormaliser.matchingKey(new ResidentIdentity("COEUR", "Eloise", born)));
    }

    @Test
    void theBirthNameIsTheKeyWhateverTheUsageName() {
        ResidentIdentity roll = new ResidentIdentity("Martin", "Anne", BORN, null, null, null, null, null, "Lefèvre");
        ResidentIdentity tenants = new ResidentIdentity("Martin", "Anne", BORN);
        assertThat(IdentityNormaliser.matchingKey(roll))
                .isEqualTo(IdentityNormaliser.matchingKey(tenants))
                .isEqualTo("martin|anne|1987-03-14");
    }

    @Test
    void aNameWithoutLettersHasNoKey() {
        assertThatThrownBy(() -> IdentityNormaliser.matchingKey(new ResidentIdentity("--", "Anne", BORN)))
                .hasMessageContaining("last name");
    }
}
