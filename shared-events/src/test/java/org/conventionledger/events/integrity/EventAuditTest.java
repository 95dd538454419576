package org.conventionledger.events.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link EventAudit}: a database operator without the ledger's key changes stored events, and the audit
 * names the very positions changed.
 */
class EventAuditTest {

    private static final String AT = "2022-06-19T18:00:00.123456Z";
    private static final long HEAD_AT = 12;
    private static final long COVERED = 10;

    private KeyPair ledger;
    private String ledgerKey;
    private String ledgerId;

    @BeforeEach
    void keys() throws Exception {
        ledger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        ledgerKey = TreeHeads.encode(ledger.getPublic());
        ledgerId = TreeHeads.fingerprint(ledgerKey);
    }

    /** An event of aggregate {@code aggregate}, unsigned. */
    private static ChainLink.Entry event(long position, String aggregate, long sequence, String payload) {
        return new ChainLink.Entry(
                position,
                "event-" + position,
                aggregate,
                sequence,
                "BallotCast",
                "1",
                AT,
                Map.of("traceId", "t-" + position),
                payload.getBytes(StandardCharsets.UTF_8),
                "Ballot");
    }

    private ChainLink.Entry signed(ChainLink.Entry entry, KeyPair key) {
        String keyId = TreeHeads.fingerprint(TreeHeads.encode(key.getPublic()));
        Map<String, String> metaData = new HashMap<>(entry.metaData());
        metaData.putAll(EventSignatures.sign(key.getPrivate(), keyId, entry));
        return with(entry, metaData, entry.payload());
    }

    private static ChainLink.Entry with(ChainLink.Entry e, Map<String, String> metaData, byte[] payload) {
        return EntryCopy.of(e, c -> {
            c.metaData = metaData;
            c.payload = payload;
        });
    }

    /**
     * Positions 1..14 but 5, an aborted insert the head at 12 lists as empty: ballots each their own
     * aggregate, except positions 8, 9, 11 (sequences 0, 1, 2 of one votation); all signed.
     */
    private List<ChainLink.Entry> log() {
        List<ChainLink.Entry> events = new ArrayList<>();
        for (long p = 1; p <= 14; p++) {
            if (p == 5) {
                continue;
            }
            ChainLink.Entry event = switch ((int) p) {
                case 8 -> event(p, "votation", 0, "{\"opened\":true}");
                case 9 -> event(p, "votation", 1, "{\"round\":1}");
                case 11 -> event(p, "votation", 2, "{\"closed\":true}");
                default -> event(p, "ballot-" + p, 0, "{\"choices\":[" + p + "]}");
            };
            events.add(signed(event, ledger));
        }
        return events;
    }

    private EventAudit.Verdict audit(List<ChainLink.Entry> events, List<Long> emptyPositions) {
        EventAudit audit = new EventAudit(Map.of(ledgerId, ledgerKey));
        for (ChainLink.Entry event : events) {
            audit.append(event);
            if (event.position() == HEAD_AT) {
                audit.head(COVERED, emptyPositions);
            }
        }
        return audit.verdict();
    }

    private EventAudit.Verdict audit(List<ChainLink.Entry> events) {
        return audit(events, List.of(5L));
    }

    private static int index(List<ChainLink.Entry> events, long position) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).position() == position) {
                return i;
            }
        }
        throw new IllegalArgumentException("no event at " + position);
    }

    @Test
    void anUntouchedLogHasNoFinding() {
        EventAudit.Verdict verdict = audit(log());

        assertThat(verdict.findings()).isEmpty();
        assertThat(verdict.signed()).isEqualTo(13);
        assertThat(verdict.unsigned()).isZero();
        assertThat(verdict.unvouchedHoles()).isZero();
    }

    @Test
    void anEditedPayloadIsNamedAtItsPosition() {
        List<ChainLink.Entry> events = log();
        int i = index(events, 6);
        events.set(i, with(events.get(i), events.get(i).metaData(), "{\"choices\":[6,99]}".getBytes()));

        assertThat(audit(events).changedPositions()).containsExactly(6L);
    }

    @Test
    void anEditedTimestampIsNamedButItsSubMillisecondDigitsAreNotSigned() {
        List<ChainLink.Entry> events = log();
        int i = index(events, 6);
        ChainLink.Entry e = events.get(i);
        events.set(i, EntryCopy.of(e, c -> c.timestamp = "2022-06-19T18:00:00.123Z"));
        assertThat(audit(events).findings())
                .as("an event store that keeps milliseconds only")
                .isEmpty();

        events.set(i, EntryCopy.of(e, c -> c.timestamp = "2022-06-19T17:59:00.123Z"));
        assertThat(audit(events).changedPositions()).containsExactly(6L);
    }

    @Test
    void twoSwappedPayloadsAreBothNamed() {
        List<ChainLink.Entry> events = log();
        int a = index(events, 3);
        int b = index(events, 4);
        byte[] first = events.get(a).payload();
        events.set(
                a, with(events.get(a), events.get(a).metaData(), events.get(b).payload()));
        events.set(b, with(events.get(b), events.get(b).metaData(), first));

        assertThat(audit(events).changedPositions()).containsExactly(3L, 4L);
    }

    @Test
    void twoSwappedRowsWithTheirSignaturesAreBothNamed() {
        List<ChainLink.Entry> events = log();
        int a = index(events, 3);
        int b = index(events, 4);
        ChainLink.Entry first = events.get(a);
        ChainLink.Entry second = events.get(b);
        events.set(a, with(first, second.metaData(), second.payload()));
        events.set(b, with(second, first.metaData(), first.payload()));

        assertThat(audit(events).changedPositions()).containsExactly(3L, 4L);
    }

    @Test
    void aDeletedBallotIsNamedByTheHoleTheHeadDidNotList() {
        List<ChainLink.Entry> events = log();
        events.remove(index(events, 6));

        EventAudit.Verdict verdict = audit(events);

        assertThat(verdict.changedPositions()).containsExactly(6L);
        assertThat(verdict.findings().get(0).reason()).contains("deleted");
    }

    @Test
    void aDeletedEventInsideAnAggregateIsAlsoAGapInItsSequence() {
        List<ChainLink.Entry> events = log();
        events.remove(index(events, 9));

        EventAudit.Verdict verdict = audit(events);

        assertThat(verdict.changedPositions()).containsExactly(9L);
        assertThat(verdict.findings()).anySatisfy(f -> {
            assertThat(f.exact()).isFalse();
            assertThat(f.from()).isEqualTo(9);
            assertThat(f.to()).isEqualTo(10);
            assertThat(f.reason()).contains("sequence 0", "to 2");
        });
    }

    @Test
    void aDeletionAfterTheLastHeadShowsOnlyInAnAggregatesSequence() {
        List<ChainLink.Entry> events = log();
        events.remove(index(events, 11));
        events.add(signed(event(15, "votation", 3, "{\"after\":true}"), ledger));

        EventAudit.Verdict verdict = audit(events);

        assertThat(verdict.changedPositions()).isEmpty();
        assertThat(verdict.findings())
                .singleElement()
                .satisfies(f -> assertThat(List.of(f.from(), f.to())).containsExactly(10L, 14L));
        assertThat(verdict.unvouchedHoles())
                .as("position 11, after the head's coverage")
                .isEqualTo(1);
    }

    @Test
    void anEventInsertedWhereTheHeadListedAnEmptyPositionIsNamed() {
        List<ChainLink.Entry> events = log();
        events.add(index(events, 6), event(5, "ballot-x", 0, "{\"choices\":[1]}"));

        assertThat(audit(events).changedPositions()).containsExactly(5L);
    }

    @Test
    void aHoleUnderAHeadThatListsNothingIsNotBlamed() {
        List<ChainLink.Entry> events = log();
        events.remove(index(events, 6));

        EventAudit.Verdict verdict = audit(events, null);

        assertThat(verdict.findings()).isEmpty();
        assertThat(verdict.unvouchedHoles()).isEqualTo(2);
    }

    @Test
    void eventsFromBeforeSigningAreCountedNotBlamed() {
        List<ChainLink.Entry> events = log();
        for (int i = 0; i < 3; i++) {
            ChainLink.Entry e = events.get(i);
            events.set(i, with(e, Map.of("traceId", "t-" + e.position()), e.payload()));
        }
        events.set(1, with(events.get(1), events.get(1).metaData(), "{\"legacy\":\"edited\"}".getBytes()));

        EventAudit.Verdict verdict = audit(events);

        assertThat(verdict.findings())
                .as("an unsigned event can be edited unseen: heads only")
                .isEmpty();
        assertThat(verdict.unsigned()).isEqualTo(3);
        assertThat(verdict.lastUnsigned()).isEqualTo(3);
    }

    @Test
    void aSignatureRemovedAfterSigningBeganIsNamed() {
        List<ChainLink.Entry> events = log();
        int i = index(events, 7);
        events.set(i, with(events.get(i), Map.of("traceId", "t-7"), "{\"choices\":[]}".getBytes()));

        assertThat(audit(events).changedPositions()).containsExactly(7L);
    }

    @Test
    void aSignatureByAnotherKeyIsNamedEvenWhenItVerifies() throws Exception {
        KeyPair operator = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        List<ChainLink.Entry> events = log();
        int i = index(events, 6);
        ChainLink.Entry edited = with(events.get(i), Map.of("traceId", "t-6"), "{\"choices\":[99]}".getBytes());
        events.set(i, signed(edited, operator));

        EventAudit.Verdict verdict = audit(events);

        assertThat(verdict.changedPositions()).containsExactly(6L);
        assertThat(verdict.findings().get(0).reason()).contains("never published");
    }

    @Test
    void anotherKeysSignatureUnderTheLedgersKeyIdIsNamed() throws Exception {
        KeyPair operator = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        List<ChainLink.Entry> events = log();
        int i = index(events, 6);
        ChainLink.Entry edited = with(events.get(i), Map.of("traceId", "t-6"), "{\"choices\":[99]}".getBytes());
        Map<String, String> metaData = new HashMap<>(edited.metaData());
        metaData.putAll(EventSignatures.sign(operator.getPrivate(), ledgerId, edited));
        events.set(i, with(edited, metaData, edited.payload()));

        assertThat(audit(events).changedPositions()).containsExactly(6L);
    }

    @Test
    void aSignatureMovedToAnotherEventIsNamed() {
        List<ChainLink.Entry> events = log();
        int from = index(events, 3);
        int to = index(events, 4);
        Map<String, String> metaData = new HashMap<>(events.get(to).metaData());
        metaData.put(EventSignatures.SIGNATURE, events.get(from).metaData().get(EventSignatures.SIGNATURE));
        events.set(to, with(events.get(to), metaData, events.get(to).payload()));

        assertThat(audit(events).changedPositions()).containsExactly(4L);
    }

    @Test
    void anEventMovedBeforeItsPredecessorInTheAggregateIsNamed() {
        List<ChainLink.Entry> events = log();
        ChainLink.Entry second = events.get(index(events, 9));
        ChainLink.Entry third = events.get(index(events, 11));
        events.set(index(events, 9), reposition(third, 9));
        events.set(index(events, 11), reposition(second, 11));

        assertThat(audit(events).changedPositions()).containsExactly(11L);
    }

    private static ChainLink.Entry reposition(ChainLink.Entry e, long position) {
        return EntryCopy.of(e, c -> c.position = position);
    }

    @Test
    void theSignedTextLeavesThePositionOutAndCoversEverythingElse() {
        ChainLink.Entry e = event(3, "ballot-3", 0, "{}");
        String text = EventSignatures.text(e);

        assertThat(EventSignatures.text(reposition(e, 99))).isEqualTo(text);
        List<ChainLink.Entry> changed = List.of(
                new ChainLink.Entry(
                        3, "other", "ballot-3", 0L, "BallotCast", "1", AT, e.metaData(), e.payload(), "Ballot"),
                new ChainLink.Entry(
                        3, e.eventId(), "ballot-4", 0L, "BallotCast", "1", AT, e.metaData(), e.payload(), "Ballot"),
                new ChainLink.Entry(
                        3, e.eventId(), "ballot-3", 1L, "BallotCast", "1", AT, e.metaData(), e.payload(), "Ballot"),
                new ChainLink.Entry(
                        3, e.eventId(), "ballot-3", 0L, "Other", "1", AT, e.metaData(), e.payload(), "Ballot"),
                new ChainLink.Entry(
                        3, e.eventId(), "ballot-3", 0L, "BallotCast", "2", AT, e.metaData(), e.payload(), "Ballot"),
                new ChainLink.Entry(
                        3,
                        e.eventId(),
                        "ballot-3",
                        0L,
                        "BallotCast",
                        "1",
                        AT,
                        Map.of("traceId", "other"),
                        e.payload(),
                        "Ballot"),
                new ChainLink.Entry(
                        3, e.eventId(), "ballot-3", 0L, "BallotCast", "1", AT, e.metaData(), e.payload(), "Votation"));
        for (ChainLink.Entry other : changed) {
            assertThat(EventSignatures.text(other)).as(other.toString()).isNotEqualTo(text);
        }
    }
}
