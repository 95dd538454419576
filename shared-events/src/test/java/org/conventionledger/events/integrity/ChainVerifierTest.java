package org.conventionledger.events.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link ChainVerifier} over an export of a small log. Positions 1, 2, 3, 5, 6, 7: position 4 is a gap
 * (an aborted transaction's number), as the JDBC log has them.
 */
class ChainVerifierTest {

    private static final long[] POSITIONS = {1, 2, 3, 5, 6, 7};
    private static final long LAST = 7;

    private static ChainLink.Entry entry(long position, String city) {
        return new ChainLink.Entry(
                position,
                "event-" + position,
                "conv-" + position,
                position - 1,
                "org.conventionledger.events.organisation.ConventionOpened",
                "1",
                "2025-03-02T09:00:0" + position + "Z",
                Map.of("actorId", "organiser", "actorRole", "ORGANISER", "globalIndex", String.valueOf(position)),
                payload(position, city));
    }

    private static byte[] payload(long position, String city) {
        return ("{\"conventionId\":\"conv-" + position + "\",\"city\":\"" + city + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static List<ChainLink.Entry> log() {
        List<ChainLink.Entry> entries = new ArrayList<>();
        for (long position : POSITIONS) {
            entries.add(entry(position, "Lyon"));
        }
        return entries;
    }

    /** The export as the ledger writes it: every line with the link the ledger chained for it. */
    private static List<ChainVerifier.Line> chained(List<ChainLink.Entry> entries) {
        List<ChainVerifier.Line> lines = new ArrayList<>();
        String hash = ChainLink.GENESIS;
        for (ChainLink.Entry e : entries) {
            hash = ChainLink.hash(hash, e);
            lines.add(new ChainVerifier.Line(e, hash));
        }
        return lines;
    }

    /** The ledger's export, untouched. */
    private static List<ChainVerifier.Line> export() {
        return chained(log());
    }

    private static String head() {
        List<ChainVerifier.Line> lines = export();
        return lines.get(lines.size() - 1).recordedHash();
    }

    private static String headAt(long position) {
        return export().stream()
                .filter(l -> l.entry().position() == position)
                .findFirst()
                .orElseThrow()
                .recordedHash();
    }

    /** The same lines with the recorded links left out (an export beyond the chain's head, or stripped). */
    private static List<ChainVerifier.Line> withoutLinks(List<ChainVerifier.Line> lines) {
        return lines.stream().map(l -> new ChainVerifier.Line(l.entry(), null)).toList();
    }

    private static int indexOf(List<ChainVerifier.Line> lines, long position) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).entry().position() == position) {
                return i;
            }
        }
        throw new IllegalArgumentException("no line at " + position);
    }

    /** The line at {@code position} with another payload, its recorded link kept. */
    private static List<ChainVerifier.Line> alteredPayloadAt(List<ChainVerifier.Line> lines, long position) {
        List<ChainVerifier.Line> altered = new ArrayList<>(lines);
        int i = indexOf(lines, position);
        ChainLink.Entry e = lines.get(i).entry();
        altered.set(
                i,
                new ChainVerifier.Line(
                        EntryCopy.of(e, c -> c.payload = payload(position, "Lyom")),
                        lines.get(i).recordedHash()));
        return altered;
    }

    @Test
    void anUntouchedExportIsIntact() {
        ChainVerifier.Result result = ChainVerifier.verify(export(), LAST, head());

        assertThat(result.intact()).isTrue();
        assertThat(result.firstDifference()).isNull();
        assertThat(result.reason()).isEqualTo("intact");
        assertThat(result.checked()).isEqualTo(POSITIONS.length);
        assertThat(result.recomputedHead()).isEqualTo(head());
    }

    @Test
    void anUntouchedExportIsIntactWithoutASealToo() {
        ChainVerifier.Result result = ChainVerifier.verify(export(), null, null);

        assertThat(result.intact()).isTrue();
        assertThat(result.recomputedHead()).isEqualTo(head());
    }

    @Test
    void anExportThatGoesOnBeyondTheSealAndTheChainsHeadIsIntact() {
        // sealed at 5; the ledger has chained up to 6 since; 7 is not chained yet (no recorded link)
        List<ChainVerifier.Line> lines = new ArrayList<>(export());
        lines.set(
                indexOf(lines, 7),
                new ChainVerifier.Line(lines.get(indexOf(lines, 7)).entry(), null));

        ChainVerifier.Result result = ChainVerifier.verify(lines, 5L, headAt(5));

        assertThat(result.intact()).isTrue();
        assertThat(result.checked()).isEqualTo(POSITIONS.length);
        assertThat(result.recomputedHead()).isEqualTo(head());
    }

    @Test
    void anEmptyChainSealedAtGenesisIsIntact() {
        assertThat(ChainVerifier.verify(List.of(), -1L, ChainLink.GENESIS).intact())
                .isTrue();
        assertThat(ChainVerifier.verify(export(), -1L, ChainLink.GENESIS).intact())
                .isTrue();
        assertThat(ChainVerifier.verify(List.of(), null, null))
                .isEqualTo(new ChainVerifier.Result(true, null, "intact", 0, ChainLink.GENESIS));
    }

    @Test
    void anAlteredPayloadIsFoundAtItsPosition() {
        ChainVerifier.Result result = ChainVerifier.verify(alteredPayloadAt(export(), 3), LAST, head());

        assertThat(result.intact()).isFalse();
        assertThat(result.firstDifference()).isEqualTo(3L);
        assertThat(result.reason()).contains("position 3");
        assertThat(result.checked()).isEqualTo(3);
    }

    @Test
    void anAlteredFirstOrLastEventIsFoundAtItsPosition() {
        assertThat(ChainVerifier.verify(alteredPayloadAt(export(), 1), LAST, head())
                        .firstDifference())
                .isEqualTo(1L);
        assertThat(ChainVerifier.verify(alteredPayloadAt(export(), 7), LAST, head())
                        .firstDifference())
                .isEqualTo(7L);
    }

    @Test
    void anAlteredEventWhoseLinksWereAllRewrittenIsCaughtByTheSeal() {
        List<ChainLink.Entry> entries = new ArrayList<>(log());
        entries.set(2, entry(3, "Lyom"));
        List<ChainVerifier.Line> forged = chained(entries);

        ChainVerifier.Result result = ChainVerifier.verify(forged, LAST, head());

        assertThat(result.intact()).isFalse();
        assertThat(result.firstDifference()).isEqualTo(LAST);
        assertThat(result.reason()).contains("differs from the seal");
        assertThat(ChainVerifier.verify(forged, null, null).intact())
                .as("without a seal, a consistently rewritten chain cannot be told apart")
                .isTrue();
    }

    @Test
    void anAlteredPayloadInAnExportWithoutLinksIsCaughtByTheSealAtTheSealedPosition() {
        ChainVerifier.Result result = ChainVerifier.verify(withoutLinks(alteredPayloadAt(export(), 3)), LAST, head());

        assertThat(result.intact()).isFalse();
        assertThat(result.firstDifference()).isEqualTo(LAST);
    }

    /**
     * A deleted event leaves its neighbours in place: the next line is then chained after the wrong
     * link, so the first difference is the first position after the deleted one (here 5, as 4 is a
     * gap of the log).
     */
    @Test
    void aDeletedLineIsFoundAtTheNextPosition() {
        List<ChainVerifier.Line> lines = new ArrayList<>(export());
        lines.remove(indexOf(lines, 3));

        ChainVerifier.Result result = ChainVerifier.verify(lines, LAST, head());

        assertThat(result.intact()).isFalse();
        assertThat(result.firstDifference()).isEqualTo(5L);
        assertThat(result.checked()).isEqualTo(3);
    }

    @Test
    void aDeletedLastLineIsAnExportThatEndsBeforeTheSeal() {
        List<ChainVerifier.Line> lines = new ArrayList<>(export());
        lines.remove(lines.size() - 1);

        ChainVerifier.Result result = ChainVerifier.verify(lines, LAST, head());

        assertThat(result.intact()).isFalse();
        assertThat(result.firstDifference()).isEqualTo(LAST);
        assertThat(result.reason()).contains("ends before the sealed position 7");
    }

    @Test
    void aDeletedSealedLineIsFoundAtTheNextPosition() {
        List<ChainVerifier.Line> lines = new ArrayList<>(export());
        lines.remove(indexOf(lines, 5));

        ChainVerifier.Result linked = ChainVerifier.verify(lines, 5L, headAt(5));
        assertThat(linked.intact()).isFalse();
        assertThat(linked.firstDifference())
                .as("the next line's recorded link no longer matches")
                .isEqualTo(6L);

        ChainVerifier.Result unlinked = ChainVerifier.verify(withoutLinks(lines), 5L, headAt(5));
        assertThat(unlinked.intact()).isFalse();
        assertThat(unlinked.firstDifference()).isEqualTo(5L);
        assertThat(unlinked.reason()).contains("sealed position 5 is missing");
    }

    /**
     * Two lines exchanged keep their positions, so the first line out of place is the later event,
     * now listed first: its link no longer follows from the line before it, and that is the position
     * reported. Without recorded links, the earlier position is found out of order.
     */
    @Test
    void twoSwappedLinesAreFoundAtTheFirstLineOutOfPlace() {
        List<ChainVerifier.Line> lines = new ArrayList<>(export());
        ChainVerifier.Line second = lines.get(1);
        lines.set(1, lines.get(2));
        lines.set(2, second);

        ChainVerifier.Result result = ChainVerifier.verify(lines, LAST, head());
        assertThat(result.intact()).isFalse();
        assertThat(result.firstDifference()).isEqualTo(3L);

        ChainVerifier.Result unlinked = ChainVerifier.verify(withoutLinks(lines), LAST, head());
        assertThat(unlinked.intact()).isFalse();
        assertThat(unlinked.firstDifference()).isEqualTo(2L);
        assertThat(unlinked.reason()).contains("not in increasing log order at 2");
    }

    /** Two events' contents exchanged in place (positions kept in order): found at the earlier one. */
    @Test
    void twoEventsExchangedInPlaceAreFoundAtTheEarlierPosition() {
        List<ChainVerifier.Line> lines = new ArrayList<>(export());
        ChainLink.Entry two = lines.get(1).entry();
        ChainLink.Entry six = lines.get(4).entry();
        lines.set(
                1,
                new ChainVerifier.Line(
                        EntryCopy.of(six, c -> c.position = 2), lines.get(1).recordedHash()));
        lines.set(
                4,
                new ChainVerifier.Line(
                        EntryCopy.of(two, c -> c.position = 6), lines.get(4).recordedHash()));

        ChainVerifier.Result result = ChainVerifier.verify(lines, LAST, head());

        assertThat(result.intact()).isFalse();
        assertThat(result.firstDifference()).isEqualTo(2L);
    }

    @Test
    void aSealWhoseHeadDiffersIsReportedAtTheSealedPosition() {
        ChainVerifier.Result result = ChainVerifier.verify(export(), LAST, "f".repeat(64));

        assertThat(result.intact()).isFalse();
        assertThat(result.firstDifference()).isEqualTo(LAST);
        assertThat(result.reason()).contains("differs from the seal");
        assertThat(result.recomputedHead()).isEqualTo(head());
        assertThat(ChainVerifier.verify(export(), 5L, head()).firstDifference())
                .as("the right head at the wrong position")
                .isEqualTo(5L);
        assertThat(ChainVerifier.verify(export(), LAST, null).intact()).isFalse();
    }

    @Test
    void anExportThatEndsBeforeTheSealedPositionIsNotIntact() {
        List<ChainVerifier.Line> lines = export().subList(0, 3);

        ChainVerifier.Result result = ChainVerifier.verify(lines, LAST, head());

        assertThat(result.intact()).isFalse();
        assertThat(result.firstDifference()).isEqualTo(LAST);
        assertThat(result.reason()).contains("ends before the sealed position");
        assertThat(result.checked()).isEqualTo(3);
        assertThat(ChainVerifier.verify(List.of(), LAST, head()).firstDifference())
                .isEqualTo(LAST);
    }

    @Test
    void aSealAtAPositionThatIsNotInTheExportIsNotIntact() {
        // 4 is a gap: no chain ever ends there
        ChainVerifier.Result result = ChainVerifier.verify(withoutLinks(export()), 4L, headAt(3));

        assertThat(result.intact()).isFalse();
        assertThat(result.firstDifference()).isEqualTo(4L);
    }

    @Test
    void positionsOutOfOrderAreReportedWhereTheOrderBreaks() {
        List<ChainVerifier.Line> lines = new ArrayList<>(export());
        lines.add(3, lines.get(2)); // position 3 twice

        ChainVerifier.Result duplicated = ChainVerifier.verify(lines, LAST, head());
        assertThat(duplicated.intact()).isFalse();
        assertThat(duplicated.firstDifference()).isEqualTo(3L);
        assertThat(duplicated.reason()).contains("not in increasing log order at 3");
        assertThat(duplicated.checked()).isEqualTo(3);

        List<ChainVerifier.Line> reversed = new ArrayList<>(withoutLinks(export()));
        java.util.Collections.reverse(reversed);
        ChainVerifier.Result backwards = ChainVerifier.verify(reversed, null, null);
        assertThat(backwards.intact()).isFalse();
        assertThat(backwards.firstDifference()).isEqualTo(6L);
    }

    /**
     * An event slipped into a gap of the log: with a forged link it is found at its own position; with
     * no link (as if beyond the chain's head) at the next chained position, whose link then breaks.
     */
    @Test
    void anInsertedEventIsNotIntact() {
        ChainLink.Entry intruder = entry(4, "Lyon");
        List<ChainVerifier.Line> forged = new ArrayList<>(export());
        forged.add(3, new ChainVerifier.Line(intruder, "e".repeat(64)));
        ChainVerifier.Result withLink = ChainVerifier.verify(forged, LAST, head());
        assertThat(withLink.intact()).isFalse();
        assertThat(withLink.firstDifference()).isEqualTo(4L);

        List<ChainVerifier.Line> unlinked = new ArrayList<>(export());
        unlinked.add(3, new ChainVerifier.Line(intruder, null));
        ChainVerifier.Result withoutLink = ChainVerifier.verify(unlinked, LAST, head());
        assertThat(withoutLink.intact()).isFalse();
        assertThat(withoutLink.firstDifference()).isEqualTo(5L);
    }

    @Test
    void theGlobalIndexReadersStampIsNotPartOfTheChain() {
        List<ChainVerifier.Line> lines = new ArrayList<>();
        for (ChainVerifier.Line line : export()) {
            ChainLink.Entry e = line.entry();
            lines.add(new ChainVerifier.Line(
                    EntryCopy.of(e, c -> c.metaData = Map.of("actorRole", "ORGANISER", "actorId", "organiser")),
                    line.recordedHash()));
        }

        assertThat(ChainVerifier.verify(lines, LAST, head()).intact()).isTrue();
    }
}
