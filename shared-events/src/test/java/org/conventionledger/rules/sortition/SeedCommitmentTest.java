package org.conventionledger.rules.sortition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.conventionledger.events.recruitment.DrawnResident;
import org.conventionledger.events.recruitment.ListQuota;
import org.junit.jupiter.api.Test;

/**
 * The seed commitment is what {@code printf %s SEED | sha256sum} prints; a draw runs on the seed joined
 * with the public entropy drawn at the draw.
 */
class SeedCommitmentTest {

    @Test
    void isTheHexSha256OfTheUtf8Seed() {
        // printf %s abc | sha256sum  (the FIPS 180-2 test vector)
        assertThat(SeedCommitment.of("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        // printf %s 'dice 4-2-6-1-3-5 rolled before Maître Durand' | sha256sum  (UTF-8, spaces kept)
        assertThat(SeedCommitment.of("dice 4-2-6-1-3-5 rolled before Maître Durand"))
                .isEqualTo("4c61d1a2f4a7778f72d2cb198e9de519451206cfbb94e5fe294ba184c6e5e0ee");
    }

    @Test
    void matchesTheSeedItCommitsToOnly() {
        String commitment = SeedCommitment.of("abc");
        assertThat(SeedCommitment.matches("abc", commitment)).isTrue();
        assertThat(SeedCommitment.matches("abc", commitment.toUpperCase())).isTrue();
        assertThat(SeedCommitment.matches("abc ", commitment)).isFalse();
        assertThat(SeedCommitment.matches("ABC", commitment)).isFalse();
        assertThat(SeedCommitment.matches(null, commitment)).isFalse();
        assertThat(SeedCommitment.matches("abc", "not a commitment")).isFalse();
        assertThat(SeedCommitment.matches("abc", null)).isFalse();
    }

    @Test
    void aCommitmentIs64HexDigits() {
        assertThat(SeedCommitment.requireValidCommitment(
                        "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(SeedCommitment.isValidCommitment("ba7816bf")).isFalse();
        assertThat(SeedCommitment.isValidCommitment("g" + "0".repeat(63))).isFalse();
        assertThat(SeedCommitment.isValidCommitment("0".repeat(65))).isFalse();
        assertThatThrownBy(() -> SeedCommitment.requireValidCommitment("sha256:abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 hex digits");
    }

    @Test
    void aSeedIsNonBlankAndAtMost200Characters() {
        assertThatThrownBy(() -> SeedCommitment.of(" \t")).hasMessageContaining("blank");
        assertThatThrownBy(() -> SeedCommitment.of(null)).hasMessageContaining("blank");
        assertThat(SeedCommitment.of("é".repeat(200))).hasSize(64);
        assertThatThrownBy(() -> SeedCommitment.of("x".repeat(201))).hasMessageContaining("at most 200");
    }

    @Provide
    Arbitrary<String> seeds() {
        return Arbitraries.strings()
                .alpha()
                .numeric()
                .withChars(" -|éßŒ")
                .ofMinLength(1)
                .ofMaxLength(200)
                .filter(seed -> !seed.isBlank());
    }

    @Property
    void roundTrips(@ForAll("seeds") String seed) {
        String commitment = SeedCommitment.of(seed);
        assertThat(SeedCommitment.isValidCommitment(commitment)).isTrue();
        assertThat(SeedCommitment.matches(seed, commitment)).isTrue();
    }

    @Property
    void anotherSeedDoesNotMatch(@ForAll("seeds") String seed, @ForAll("seeds") String other) {
        Assume.that(!seed.equals(other));
        assertThat(SeedCommitment.matches(other, SeedCommitment.of(seed))).isFalse();
    }

    // ---- the draw's randomness --------------------------------------------------------------------

    @Test
    void theDrawRandomnessIsTheSeedABarAndThePublicEntropy() {
        assertThat(SeedCommitment.drawRandomness("abc", "dice 3 6 1 4")).isEqualTo("abc|dice 3 6 1 4");
        assertThat(SeedCommitment.drawRandomness(" a b ", " 6 ")).isEqualTo(" a b | 6 ");
        assertThat(SeedCommitment.drawRandomness("x".repeat(200), "6".repeat(200)))
                .isEqualTo("x".repeat(200) + "|" + "6".repeat(200));
    }

    @Test
    void theDrawRandomnessNeedsAValidSeedAndAPublicEntropy() {
        assertThatThrownBy(() -> SeedCommitment.drawRandomness(" ", "dice 3")).hasMessageContaining("seed");
        assertThatThrownBy(() -> SeedCommitment.drawRandomness(null, "dice 3")).hasMessageContaining("seed");
        assertThatThrownBy(() -> SeedCommitment.drawRandomness("x".repeat(201), "dice 3"))
                .hasMessageContaining("at most 200");
        assertThatThrownBy(() -> SeedCommitment.drawRandomness("abc", null)).hasMessageContaining("public entropy");
        assertThatThrownBy(() -> SeedCommitment.drawRandomness("abc", " \t")).hasMessageContaining("public entropy");
        assertThatThrownBy(() -> SeedCommitment.drawRandomness("abc", "6".repeat(201)))
                .hasMessageContaining("public entropy");
    }

    /**
     * Expected rankings computed independently with Python's {@code hashlib}, from the rule's text:
     * {@code SHA-256("draw-v1|" + seed + "|" + publicEntropy + "|roll|" + personId)}, ascending.
     */
    @Test
    void anotherPublicEntropyWithTheSameSeedDrawsOtherResidents() {
        String seed = "organiser seed: amber heron";
        Map<String, List<String>> lists =
                Map.of("roll", List.of("p-01", "p-02", "p-03", "p-04", "p-05", "p-06", "p-07", "p-08"));
        List<ListQuota> plan = List.of(new ListQuota("roll", 3));

        assertThat(ResidentDraw.draw(lists, plan, 0, SeedCommitment.drawRandomness(seed, "dice 3 6 1 4")))
                .extracting(DrawnResident::personId)
                .containsExactly("p-07", "p-08", "p-04");
        assertThat(ResidentDraw.draw(lists, plan, 0, SeedCommitment.drawRandomness(seed, "dice 5 2 2 6")))
                .extracting(DrawnResident::personId)
                .containsExactly("p-08", "p-06", "p-07");
        // the seed alone, known to the organiser while the lists were open, gives yet another draw
        assertThat(ResidentDraw.draw(lists, plan, 0, seed))
                .extracting(DrawnResident::personId)
                .containsExactly("p-08", "p-03", "p-02");
    }

    @Property
    void anotherPublicEntropyGivesAnotherRandomness(
            @ForAll("seeds") String seed, @ForAll("seeds") String entropy, @ForAll("seeds") String other) {
        Assume.that(!entropy.equals(other));
        assertThat(SeedCommitment.drawRandomness(seed, entropy))
                .isNotEqualTo(SeedCommitment.drawRandomness(seed, other));
    }
}
