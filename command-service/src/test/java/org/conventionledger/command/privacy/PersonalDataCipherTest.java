package org.conventionledger.command.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.conventionledger.command.privacy.PersonalDataCipher.CannotOpenException;
import org.junit.jupiter.api.Test;

/** Personal data sealed with the person's own key, bound to their person id. */
class PersonalDataCipherTest {

    private static final String TEXT =
            "{\"lastName\":\"Dupont\",\"firstName\":\"Éléonore\",\"birthDate\":\"1987-03-14\"}";
    private final byte[] key = PersonalDataCipher.newKey();

    @Test
    void roundTrips() {
        String sealed = PersonalDataCipher.seal(key, "p-1a2b", TEXT);

        assertThat(sealed).startsWith("v1:").doesNotContain("Dupont");
        assertThat(PersonalDataCipher.open(key, "p-1a2b", sealed)).isEqualTo(TEXT);
        assertThat(PersonalDataCipher.open(key, "p-1a2b", PersonalDataCipher.seal(key, "p-1a2b", "")))
                .isEmpty();
    }

    @Property(tries = 200)
    void roundTripsAnyText(@ForAll String text) {
        assertThat(PersonalDataCipher.open(key, "p-1a2b", PersonalDataCipher.seal(key, "p-1a2b", text)))
                .isEqualTo(text);
    }

    @Test
    void isTheDocumentedFormat() throws Exception {
        byte[] sealed = Base64.getDecoder()
                .decode(PersonalDataCipher.seal(key, "p-1a2b", TEXT).substring(3));
        byte[] plain = TEXT.getBytes(StandardCharsets.UTF_8);
        assertThat(sealed).hasSize(12 + plain.length + 16);

        // decrypt with the plain JCE, from the format's description alone
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, sealed, 0, 12));
        cipher.updateAAD("p-1a2b".getBytes(StandardCharsets.UTF_8));
        assertThat(cipher.doFinal(sealed, 12, sealed.length - 12)).isEqualTo(plain);
    }

    @Test
    void twoSealsOfTheSameTextDiffer() {
        assertThat(PersonalDataCipher.seal(key, "p-1a2b", TEXT))
                .isNotEqualTo(PersonalDataCipher.seal(key, "p-1a2b", TEXT));
        assertThat(PersonalDataCipher.newKey()).hasSize(32).isNotEqualTo(PersonalDataCipher.newKey());
    }

    @Test
    void rejectsAnotherKey() {
        String sealed = PersonalDataCipher.seal(key, "p-1a2b", TEXT);

        assertThatThrownBy(() -> PersonalDataCipher.open(PersonalDataCipher.newKey(), "p-1a2b", sealed))
                .isInstanceOf(CannotOpenException.class)
                .hasMessageContaining("p-1a2b does not open")
                .hasMessageNotContaining("Dupont");
    }

    @Test
    void rejectsAnotherPersonsData() {
        String sealed = PersonalDataCipher.seal(key, "p-1a2b", TEXT);

        assertThatThrownBy(() -> PersonalDataCipher.open(key, "p-9f9f", sealed))
                .isInstanceOf(CannotOpenException.class)
                .hasMessageContaining("another person");
    }

    @Test
    void rejectsAlteredData() {
        byte[] sealed = Base64.getDecoder()
                .decode(PersonalDataCipher.seal(key, "p-1a2b", TEXT).substring(3));
        for (int i : new int[] {0, 12, sealed.length / 2, sealed.length - 1}) {
            byte[] altered = sealed.clone();
            altered[i] ^= 0x01;
            String tampered = "v1:" + Base64.getEncoder().encodeToString(altered);

            assertThatThrownBy(() -> PersonalDataCipher.open(key, "p-1a2b", tampered))
                    .isInstanceOf(CannotOpenException.class)
                    .hasMessageContaining("altered");
        }
    }

    @Test
    void rejectsWhatIsNotASealedValue() {
        String sealed = PersonalDataCipher.seal(key, "p-1a2b", TEXT);

        assertThatThrownBy(() -> PersonalDataCipher.open(key, "p-1a2b", "v2:" + sealed.substring(3)))
                .isInstanceOf(CannotOpenException.class)
                .hasMessageContaining("not a v1 sealed value");
        assertThatThrownBy(() -> PersonalDataCipher.open(key, "p-1a2b", "v1:***"))
                .isInstanceOf(CannotOpenException.class)
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> PersonalDataCipher.open(key, "p-1a2b", sealed.substring(0, 30)))
                .isInstanceOf(CannotOpenException.class);
        assertThatThrownBy(() -> PersonalDataCipher.open(key, "p-1a2b", "v1:AAAA"))
                .isInstanceOf(CannotOpenException.class)
                .hasMessageContaining("too short");
    }

    @Test
    void rejectsKeysOfTheWrongSizeAndMissingPersonIds() {
        assertThatThrownBy(() -> PersonalDataCipher.seal(new byte[16], "p-1a2b", TEXT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> PersonalDataCipher.seal(key, " ", TEXT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("person id");
    }
}
