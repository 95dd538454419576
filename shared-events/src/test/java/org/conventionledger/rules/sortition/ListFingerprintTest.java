package org.conventionledger.rules.sortition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** A frozen list's fingerprint: its id and its distinct person ids, sorted. */
class ListFingerprintTest {

    @Test
    void isWhatTheDocumentedShellRecipePrints() {
        // printf '%s\n' p-03 p-01 p-02 p-01 > ids.txt
        // { printf 'convention-ledger/source-list/v1\n%s\n' electoral-roll; LC_ALL=C sort -u ids.txt; } | sha256sum
        assertThat(ListFingerprint.of("electoral-roll", List.of("p-03", "p-01", "p-02", "p-01")))
                .isEqualTo("0f9407f3798d7d9445ff76e63d593ccfbc518a2d8815f2fbf2c3d996fb880912");
    }

    @Test
    void anEmptyListHasAFingerprintToo() {
        assertThat(ListFingerprint.of("students", List.of()))
                .isEqualTo(Sha256.hex("convention-ledger/source-list/v1\nstudents\n"));
    }

    @Test
    void rejectsLineBreaksThatWouldMakeTwoListsHashAlike() {
        // without the check, list "a" holding "b\nc" and list "a\nb" holding "c" would hash the same text
        assertThatThrownBy(() -> ListFingerprint.of("a", List.of("b\nc"))).hasMessageContaining("line break");
        assertThatThrownBy(() -> ListFingerprint.of("a\nb", List.of("c"))).hasMessageContaining("line break");
        assertThatThrownBy(() -> ListFingerprint.of(" ", List.of("c"))).hasMessageContaining("blank");
        assertThatThrownBy(() -> ListFingerprint.of("a", Collections.singletonList(null)))
                .hasMessageContaining("missing");
    }

    @Provide
    Arbitrary<List<String>> personIds() {
        return Arbitraries.strings()
                .withCharRange('0', '9')
                .withCharRange('a', 'f')
                .ofLength(6)
                .map(hex -> "p-" + hex)
                .list()
                .ofMaxSize(40);
    }

    @Provide
    Arbitrary<String> listIds() {
        return Arbitraries.strings()
                .alpha()
                .withChars("-_é")
                .ofMinLength(1)
                .ofMaxLength(12)
                .filter(id -> !id.isBlank());
    }

    @Property
    void ignoresOrderAndRepeats(
            @ForAll("listIds") String listId, @ForAll("personIds") List<String> ids, @ForAll long shuffle) {
        List<String> reordered = new ArrayList<>(ids);
        reordered.addAll(ids.subList(0, ids.size() / 2));
        Collections.shuffle(reordered, new Random(shuffle));
        assertThat(ListFingerprint.of(listId, reordered)).isEqualTo(ListFingerprint.of(listId, ids));
    }

    @Property
    void dependsOnTheListId(
            @ForAll("listIds") String listId, @ForAll("listIds") String other, @ForAll("personIds") List<String> ids) {
        Assume.that(!listId.equals(other));
        assertThat(ListFingerprint.of(other, ids)).isNotEqualTo(ListFingerprint.of(listId, ids));
    }

    @Property
    void changesWhenSomeoneIsAddedOrRemoved(
            @ForAll("listIds") String listId,
            @ForAll("personIds") List<String> ids,
            @ForAll("personIds") List<String> more) {
        Assume.that(!ids.containsAll(more));
        List<String> larger = new ArrayList<>(ids);
        larger.addAll(more);
        assertThat(ListFingerprint.of(listId, larger)).isNotEqualTo(ListFingerprint.of(listId, ids));
    }
}
