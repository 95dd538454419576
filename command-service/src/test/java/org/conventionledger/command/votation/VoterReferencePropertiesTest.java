package org.conventionledger.command.votation;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.conventionledger.command.platform.RuleViolation;

/**
 * Properties of the canonical voter reference over generated names and arbitrary text: normalising is
 * idempotent, and case, white space, composition and full-width forms never split one reference in two.
 */
class VoterReferencePropertiesTest {

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzàâçéèêëîïôûùüÿœæß";
    private static final List<String> SPACES = List.of(" ", "  ", "\t", "\u00A0", "\u2003", "\u3000", "\u202F", "\n");

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> word = Arbitraries.strings()
                .withChars(LETTERS.toCharArray())
                .ofMinLength(1)
                .ofMaxLength(12);
        Arbitrary<String> digits =
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(6);
        return Arbitraries.oneOf(word, digits).list().ofMinSize(1).ofMaxSize(4).map(words -> String.join(" ", words));
    }

    @Property
    void normalisingIsIdempotent(@ForAll String text) {
        VoterReference once;
        try {
            once = VoterReference.of(text);
        } catch (RuleViolation notAReference) {
            return;
        }
        assertThat(VoterReference.of(once.canonical())).isEqualTo(once);
    }

    @Property
    void caseAndWhiteSpaceVariantsAreOneReference(@ForAll("names") String name, @ForAll long seed) {
        Random random = new Random(seed);
        StringBuilder variant = new StringBuilder(SPACES.get(random.nextInt(SPACES.size())));
        for (String word : name.split(" ")) {
            for (char c : word.toCharArray()) {
                String letter = String.valueOf(c);
                variant.append(random.nextBoolean() ? letter.toUpperCase(Locale.ROOT) : letter);
            }
            variant.append(SPACES.get(random.nextInt(SPACES.size())));
        }
        assertThat(VoterReference.of(variant.toString())).isEqualTo(VoterReference.of(name));
    }

    @Property
    void decomposedAndFullWidthFormsAreOneReference(@ForAll("names") String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
        assertThat(VoterReference.of(decomposed)).isEqualTo(VoterReference.of(name));
        StringBuilder fullWidth = new StringBuilder();
        name.chars().forEach(c -> fullWidth.append((char) (c >= '!' && c <= '~' ? c - '!' + '\uFF01' : c)));
        assertThat(VoterReference.of(fullWidth.toString())).isEqualTo(VoterReference.of(name));
    }
}
