package org.conventionledger.events.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link TreeAudit}: a log checked against the heads it holds and the heads a garant kept. */
class TreeAuditTest {

    private static final String AT = "2022-06-19T18:00:00Z";

    private KeyPair ledger;
    private KeyPair garant;

    @BeforeEach
    void keys() throws Exception {
        ledger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        garant = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    static ChainLink.Entry event(long position, String city) {
        return new ChainLink.Entry(
                position,
                "event-" + position,
                "conv",
                position,
                "Opened",
                "1",
                AT,
                Map.of("actorId", "organiser"),
                ("{\"city\":\"" + city + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    /** Positions 1..20 except 7 (an aborted insert). */
    static List<ChainLink.Entry> log() {
        List<ChainLink.Entry> events = new ArrayList<>();
        for (long p = 1; p <= 21; p++) {
            if (p != 7) {
                events.add(event(p, "city-" + p));
            }
        }
        return events;
    }

    private TreeAudit.Head signed(List<ChainLink.Entry> events, int size, KeyPair key) {
        List<byte[]> leaves =
                events.subList(0, size).stream().map(TreeLeaf::hash).toList();
        long position = events.get(size - 1).position();
        String root = TreeHeads.hex(MerkleTree.root(leaves));
        String publicKey = TreeHeads.encode(key.getPublic());
        return new TreeAudit.Head(
                size,
                position,
                root,
                AT,
                TreeHeads.fingerprint(publicKey),
                TreeHeads.sign(key.getPrivate(), TreeHeads.headText(size, position, root, AT)));
    }

    /**
     * Runs the audit over {@code events} where the ledger published its key after event 1, signed a head of
     * 8 events after event 10 and one of 15 after event 18, and a garant countersigned the second.
     */
    private TreeAudit.Verdict audit(
            List<ChainLink.Entry> events,
            List<ChainLink.Entry> signedOver,
            Consumer<TreeAudit> after,
            TreeAudit.Head... keptHeads) {
        TreeAudit.Head first = signed(signedOver, 8, ledger);
        TreeAudit.Head second = signed(signedOver, 15, ledger);
        List<Long> sizes = new ArrayList<>(List.of(8L, 15L));
        for (TreeAudit.Head head : keptHeads) {
            sizes.add(head.size());
        }
        TreeAudit audit = new TreeAudit(sizes);
        String ledgerKey = TreeHeads.encode(ledger.getPublic());
        String ledgerId = TreeHeads.fingerprint(ledgerKey);
        String garantKey = TreeHeads.encode(garant.getPublic());
        String garantId = TreeHeads.fingerprint(garantKey);
        for (int i = 0; i < events.size(); i++) {
            audit.append(events.get(i));
            if (i == 0) {
                audit.ledgerKeyPublished(
                        ledgerId,
                        ledgerKey,
                        TreeHeads.sign(ledger.getPrivate(), TreeHeads.possessionText("ledger", ledgerId)));
                audit.garantKeyRegistered(
                        "garant-1",
                        garantId,
                        garantKey,
                        TreeHeads.sign(garant.getPrivate(), TreeHeads.possessionText("garant-1", garantId)));
            }
            if (i == 9) {
                audit.head("head-1", first);
            }
            if (i == 16) {
                audit.head("head-2", second);
                audit.countersigned("head-2", "garant-1", garantId, TreeHeads.sign(garant.getPrivate(), second.text()));
            }
        }
        after.accept(audit);
        for (TreeAudit.Head head : keptHeads) {
            audit.keptHead("kept head", head);
        }
        return audit.verdict();
    }

    @Test
    void anUntouchedLogVerifiesEveryHeadAndCountersignature() {
        TreeAudit.Verdict verdict = audit(log(), log(), a -> {}, signed(log(), 20, ledger));

        assertThat(verdict.intact()).as(verdict.reason()).isTrue();
        assertThat(verdict.headsVerified()).isEqualTo(3);
        assertThat(verdict.countersignaturesVerified()).isEqualTo(1);
        assertThat(verdict.size()).isEqualTo(20);
    }

    @Test
    void aDeletedEventFailsTheFirstHeadOverItAndNamesTheRangeAfterTheLastGoodHead() {
        List<ChainLink.Entry> tampered = new ArrayList<>(log());
        tampered.remove(9); // position 11, after the first head's 8 events (positions 1..9)

        TreeAudit.Verdict verdict = audit(tampered, log(), a -> {});

        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.firstDifference()).isEqualTo(10);
        assertThat(verdict.failingPosition()).isEqualTo(log().get(14).position());
        assertThat(verdict.reason()).contains("does not match the tree");
        assertThat(verdict.headsVerified()).isEqualTo(1);
    }

    @Test
    void anEditedOrSwappedEventBeforeTheFirstHeadIsFoundFromTheStart() {
        List<ChainLink.Entry> edited = new ArrayList<>(log());
        edited.set(2, event(3, "Clermont-Ferrant"));
        assertThat(audit(edited, log(), a -> {}).firstDifference()).isEqualTo(1);

        List<ChainLink.Entry> swapped = new ArrayList<>(log());
        swapped.set(3, event(4, "city-5"));
        swapped.set(4, event(5, "city-4"));
        TreeAudit.Verdict verdict = audit(swapped, log(), a -> {});
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.failingPosition()).isEqualTo(9);
    }

    @Test
    void aKeptHeadCatchesAChangeAfterTheLastHeadInTheLog() {
        TreeAudit.Head kept = signed(log(), 20, ledger);
        List<ChainLink.Entry> tampered = new ArrayList<>(log());
        tampered.set(18, event(20, "elsewhere"));

        TreeAudit.Verdict verdict = audit(tampered, log(), a -> {}, kept);

        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.firstDifference()).isEqualTo(17);
        assertThat(verdict.reason()).startsWith("kept head");
    }

    @Test
    void headsAndCountersignaturesByOtherKeysFail() throws Exception {
        KeyPair stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        TreeAudit.Head forged = signed(log(), 20, stranger);
        assertThat(audit(log(), log(), a -> {}, forged).reason()).contains("not signed by a key the log published");

        TreeAudit.Verdict countersigned = audit(
                log(),
                log(),
                a -> a.countersigned(
                        "head-1",
                        "garant-1",
                        TreeHeads.fingerprint(TreeHeads.encode(stranger.getPublic())),
                        "c2lnbmF0dXJl"));
        assertThat(countersigned.intact()).isFalse();
        assertThat(countersigned.reason()).contains("countersignature");

        TreeAudit.Verdict afterRevocation = audit(log(), log(), a -> {
            a.garantKeyRevoked(TreeHeads.fingerprint(TreeHeads.encode(garant.getPublic())));
            a.countersigned(
                    "head-1",
                    "garant-1",
                    TreeHeads.fingerprint(TreeHeads.encode(garant.getPublic())),
                    TreeHeads.sign(garant.getPrivate(), signed(log(), 8, ledger).text()));
        });
        assertThat(afterRevocation.intact()).isFalse();
    }

    @Test
    void aRotationMustBeSignedByTheKeyItReplaces() throws Exception {
        KeyPair next = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String nextKey = TreeHeads.encode(next.getPublic());
        String nextId = TreeHeads.fingerprint(nextKey);
        String ledgerId = TreeHeads.fingerprint(TreeHeads.encode(ledger.getPublic()));
        Function<KeyPair, Consumer<TreeAudit>> rotationSignedBy = signer -> a -> a.ledgerKeyRotated(
                ledgerId,
                nextId,
                nextKey,
                AT,
                TreeHeads.sign(signer.getPrivate(), TreeHeads.rotationText(ledgerId, nextKey, AT)));

        TreeAudit.Verdict handedOver = audit(log(), log(), rotationSignedBy.apply(ledger), signed(log(), 20, next));
        assertThat(handedOver.intact()).as(handedOver.reason()).isTrue();

        TreeAudit.Verdict selfAppointed = audit(log(), log(), rotationSignedBy.apply(next));
        assertThat(selfAppointed.intact()).isFalse();
        assertThat(selfAppointed.reason()).contains("rotation");
    }
}
