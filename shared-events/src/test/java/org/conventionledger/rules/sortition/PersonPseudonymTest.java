package org.conventionledger.rules.sortition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The matching tag: stable for one person within a convention, unrelated across conventions. */
class PersonPseudonymTest {

    private static final byte[] SECRET = "a 32-byte secret for the tests!!".getBytes(StandardCharsets.UTF_8);
    private static final LocalDate BORN = LocalDate.of(1987, 3, 14);
    private final PersonPseudonym pseudonyms = new PersonPseudonym(SECRET);

    @Test
    void isTheTruncatedHmacOfConventionAndMatchingKey() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        byte[] tag = mac.doFinal("conv-clermont|dupont lefevre|eleonore|1987-03-14".getBytes(StandardCharsets.UTF_8));

        String personId =
                pseudonyms.matchingTag("conv-clermont", new ResidentIdentity("Dupont-Lefèvre", "Éléonore", BORN));

        assertThat(personId)
                .isEqualTo("p-" + HexFormat.of().formatHex(Arrays.copyOf(tag, 12)))
                .matches("p-[0-9a-f]{24}");
    }

    @Test
    void isTheSameForOnePersonOnSeveralLists() {
        String onRoll = pseudonyms.matchingTag(
                "conv-clermont",
                new ResidentIdentity(
                        "DUPONT-LEFÈVRE", "ÉLÉONORE", BORN, "12 rue Blatin", "63000", "Clermont-Ferrand", null, null));
        String atLandlord = pseudonyms.matchingTag(
                "conv-clermont",
                new ResidentIdentity(
                        "Dupont Lefevre", "Eleonore", BORN, "Bât. C", null, null, "e.dupont@example.org", null));

        assertThat(atLandlord).isEqualTo(onRoll);
        assertThat(new PersonPseudonym(SECRET.clone())
                        .matchingTag("conv-clermont", new ResidentIdentity("Dupont Lefevre", "Eleonore", BORN)))
                .isEqualTo(onRoll);
    }

    @Test
    void differsAcrossConventionsPeopleAndSecrets() {
        ResidentIdentity eleonore = new ResidentIdentity("Dupont", "Éléonore", BORN);
        String clermont = pseudonyms.matchingTag("conv-clermont", eleonore);
        byte[] otherSecret = SECRET.clone();
        otherSecret[0] ^= 1;

        assertThat(pseudonyms.matchingTag("conv-lyon", eleonore)).isNotEqualTo(clermont);
        assertThat(pseudonyms.matchingTag("conv-clermont", new ResidentIdentity("Dupont", "Eleanor", BORN)))
                .isNotEqualTo(clermont);
        assertThat(new PersonPseudonym(otherSecret).matchingTag("conv-clermont", eleonore))
                .isNotEqualTo(clermont);
    }

    @Test
    void rejectsAShortSecretAndAmbiguousConventionIds() {
        assertThatThrownBy(() -> new PersonPseudonym(new byte[15])).hasMessageContaining("at least 16 bytes");
        assertThatThrownBy(() -> pseudonyms.matchingTagOfKey("conv|x", "a|b|1987-03-14"))
                .hasMessageContaining("'|'");
        assertThatThrownBy(() -> pseudonyms.matchingTagOfKey(" ", "a|b|1987-03-14"))
                .hasMessageContaining("non-blank");
    }

    @Test
    void keepsItsOwnCopyOfTheSecret() {
        byte[] secret = SECRET.clone();
        PersonPseudonym kept = new PersonPseudonym(secret);
        String before = kept.matchingTagOfKey("conv-clermont", "a|b|1987-03-14");
        Arrays.fill(secret, (byte) 0);

        assertThat(kept.matchingTagOfKey("conv-clermont", "a|b|1987-03-14")).isEqualTo(before);
    }

    /** A household: the HMAC of its normalised key under the secret, the same however the address is typed. */
    @Test
    void aHouseholdIsTheKeyedHmacOfItsNormalisedKey() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
        byte[] tag = mac.doFinal(
                "conv-clermont|household|12 rue blatin 63000 clermont ferrand".getBytes(StandardCharsets.UTF_8));

        String household = pseudonyms.household("conv-clermont", "12, Rue Blatin  63000 CLERMONT-FERRAND");

        assertThat(household)
                .isEqualTo("h-" + HexFormat.of().formatHex(Arrays.copyOf(tag, 12)))
                .matches(PersonPseudonym.HOUSEHOLD_PATTERN)
                .isEqualTo(pseudonyms.household("conv-clermont", "12 rue Blatin 63000 Clermont Ferrand"));
        assertThat(pseudonyms.household("conv-lyon", "12 rue Blatin 63000 Clermont Ferrand"))
                .isNotEqualTo(household);
        assertThat(pseudonyms.household("conv-clermont", "14 rue Blatin 63000 Clermont Ferrand"))
                .isNotEqualTo(household);
        assertThat(pseudonyms.household("conv-clermont", " - ")).isNull();
    }
}
