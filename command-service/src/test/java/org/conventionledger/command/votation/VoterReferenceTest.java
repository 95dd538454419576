package org.conventionledger.command.votation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.conventionledger.command.platform.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The canonical voter reference: spelling variants of one reference are one reference (and one pseudonym);
 * distinct references, accents included, stay distinct; what cannot be a reference is refused.
 */
class VoterReferenceTest {

    @TempDir
    Path keys;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Alice Martin",
                " alice martin",
                "ALICE  MARTIN",
                "alice\tmartin\n",
                "Alice\u00A0Martin",
                "\u3000Alice\u2003Martin\u202F",
                "Ａｌｉｃｅ Ｍａｒｔｉｎ",
                "Ali\u200Bce Mar\u00ADtin"
            })
    void spellingVariantsOfAReferenceAreOneReference(String variant) {
        assertThat(VoterReference.of(variant)).isEqualTo(VoterReference.of("Alice Martin"));
        assertThat(VoterReference.of(variant).canonical()).isEqualTo("alice martin");
    }

    @Test
    void caseIsFoldedFullyAndCompatibilityFormsAreEqual() {
        assertThat(VoterReference.of("Straße 12")).isEqualTo(VoterReference.of("STRASSE 12"));
        assertThat(VoterReference.of("ﬁlou")).isEqualTo(VoterReference.of("FILOU"));
        assertThat(VoterReference.of("Œuvre ΣΟΦΙΑΣ")).isEqualTo(VoterReference.of("œuvre σοφιας"));
        assertThat(VoterReference.of("R-0042")).isEqualTo(VoterReference.of("r-0042"));
    }

    @Test
    void composedAndDecomposedAccentsAreEqualButAccentsCount() {
        VoterReference composed = VoterReference.of("Hélène Lefèvre");
        assertThat(VoterReference.of("He\u0301le\u0300ne Lefe\u0300vre")).isEqualTo(composed);
        assertThat(VoterReference.of("HÉLÈNE LEFÈVRE")).isEqualTo(composed);
        assertThat(VoterReference.of("Helene Lefevre")).isNotEqualTo(composed);
    }

    @Test
    void aReferenceMadeDirectlyIsCanonicalToo() {
        assertThat(new VoterReference(" ALICE  MARTIN ").canonical()).isEqualTo("alice martin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\u00A0\u3000", "\u200B", "\u00AD\u200D"})
    void aBlankOrInvisibleReferenceIsRequired(String blank) {
        assertThatThrownBy(() -> VoterReference.of(blank))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("voter-ref-required"));
    }

    @Test
    void aMissingReferenceIsRequired() {
        assertThatThrownBy(() -> VoterReference.of(null))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("voter-ref-required"));
    }

    @Test
    void controlCharactersAndOverlongReferencesAreRefused() {
        assertThatThrownBy(() -> VoterReference.of("ali\u0000ce"))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("invalid-voter-ref"));
        assertThatThrownBy(() -> VoterReference.of("x".repeat(VoterReference.MAX_LENGTH + 1)))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("invalid-voter-ref"));
        assertThatThrownBy(() -> VoterReference.of("ﷺ".repeat(20)))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("invalid-voter-ref"));
        assertThatThrownBy(() -> VoterReference.of(" ".repeat(5000) + "x"))
                .isInstanceOfSatisfying(
                        RuleViolation.class, e -> assertThat(e.code()).isEqualTo("invalid-voter-ref"));
        assertThat(VoterReference.of("x".repeat(VoterReference.MAX_LENGTH)).canonical())
                .hasSize(256);
        assertThat(VoterReference.of(" ".repeat(700) + "x").canonical()).isEqualTo("x");
    }

    @Test
    void theReferenceStaysOutOfItsTextualForm() {
        assertThat(VoterReference.of("Alice Martin").toString()).doesNotContainIgnoringCase("alice");
    }

    @Test
    void variantsGetOnePseudonymPerVotationAndNoneIsSharedAcrossVotations() throws IOException {
        VoterPseudonyms pseudonyms = new VoterPseudonyms(keys.resolve("voter-pseudonym.key"));
        String online = pseudonyms.pseudonym("vot-1", VoterReference.of("Alice Martin"));
        assertThat(pseudonyms.pseudonym("vot-1", VoterReference.of(" alice martin")))
                .isEqualTo(online);
        assertThat(pseudonyms.pseudonym("vot-1", VoterReference.of("ALICE  MARTIN")))
                .isEqualTo(online);
        assertThat(pseudonyms.pseudonym("vot-2", VoterReference.of("Alice Martin")))
                .isNotEqualTo(online);
        assertThat(pseudonyms.pseudonym("vot-1", VoterReference.of("Alice Martine")))
                .isNotEqualTo(online);
        assertThat(online).hasSize(64).doesNotContainIgnoringCase("alice");
    }
}
