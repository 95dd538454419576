package org.conventionledger.rules.sortition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The identity that gets sealed, and its JSON form. */
class ResidentIdentityTest {

    private static final LocalDate BORN = LocalDate.of(1987, 3, 14);

    @Test
    void jsonRoundTripsAndLeavesAbsentFieldsOut() {
        ResidentIdentity full = new ResidentIdentity(
                "Dupont",
                "Éléonore \"Léo\"",
                BORN,
                "12 rue Blatin\nBât. C",
                "63000",
                "Clermont-Ferrand",
                "e.dupont@example.org",
                "+33 4 73 00 00 00");
        ResidentIdentity partial =
                new ResidentIdentity("Dupont", "Éléonore", BORN, null, " ", "Clermont-Ferrand", null, null);

        assertThat(ResidentIdentity.fromJson(full.toJson())).isEqualTo(full);
        assertThat(partial.toJson())
                .isEqualTo("{\"lastName\":\"Dupont\",\"firstName\":\"Éléonore\",\"birthDate\":\"1987-03-14\","
                        + "\"city\":\"Clermont-Ferrand\"}");
        assertThat(ResidentIdentity.fromJson(partial.toJson())).isEqualTo(partial);
    }

    @Test
    void trimsValuesAndRequiresNamesAndBirthDate() {
        assertThat(new ResidentIdentity(" Dupont ", "Anne\t", BORN, " ", "", null, null, null))
                .isEqualTo(new ResidentIdentity("Dupont", "Anne", BORN));
        assertThatThrownBy(() -> new ResidentIdentity(" ", "Anne", BORN)).hasMessageContaining("lastName");
        assertThatThrownBy(() -> new ResidentIdentity("Dupont", null, BORN)).hasMessageContaining("firstName");
        assertThatThrownBy(() -> new ResidentIdentity("Dupont", "Anne", null)).hasMessageContaining("birthDate");
    }

    @Test
    void rejectsOtherJson() {
        assertThatThrownBy(() -> ResidentIdentity.fromJson("[1]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResidentIdentity.fromJson("{\"lastName\":\"D\""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResidentIdentity.fromJson(
                        "{\"lastName\":\"D\",\"firstName\":\"A\",\"birthDate\":\"1987-03-14\",\"iban\":\"FR76\"}"))
                .hasMessageContaining("iban");
        assertThatThrownBy(() -> ResidentIdentity.fromJson(
                        "{\"lastName\":\"D\",\"firstName\":\"A\",\"birthDate\":\"14/03/1987\"}"))
                .hasMessageContaining("yyyy-MM-dd");
        assertThatThrownBy(() -> ResidentIdentity.fromJson("{\"lastName\":\"D\",\"firstName\":\"A\"}"))
                .hasMessageContaining("birthDate");
        assertThatThrownBy(() ->
                        ResidentIdentity.fromJson("{\"lastName\":1,\"firstName\":\"A\",\"birthDate\":\"1987-03-14\"}"))
                .hasMessageContaining("lastName");
    }

    @Test
    void toStringShowsNoPersonalData() {
        ResidentIdentity identity =
                new ResidentIdentity("Dupont", "Anne", BORN, null, null, "Clermont-Ferrand", "anne@example.org", null);

        assertThat(identity.toString())
                .isEqualTo("ResidentIdentity[lastName, firstName, birthDate, city, email]")
                .doesNotContain("Dupont", "1987", "anne@");
    }
}
