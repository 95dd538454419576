package org.conventionledger.command.oversight;

import static org.conventionledger.command.platform.RuleViolationMatcher.expectRejected;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.conventionledger.command.oversight.KeyringCommands.CountersignTreeHead;
import org.conventionledger.command.oversight.KeyringCommands.PublishLedgerKey;
import org.conventionledger.command.oversight.KeyringCommands.RegisterGarantKey;
import org.conventionledger.command.oversight.KeyringCommands.RevokeGarantKey;
import org.conventionledger.command.oversight.KeyringCommands.RotateLedgerKey;
import org.conventionledger.command.oversight.KeyringCommands.SignTreeHead;
import org.conventionledger.events.integrity.TreeHeads;
import org.conventionledger.events.integrity.TreeLeaf;
import org.conventionledger.events.oversight.GarantKeyRegistered;
import org.conventionledger.events.oversight.GarantKeyRevoked;
import org.conventionledger.events.oversight.LedgerKeyPublished;
import org.conventionledger.events.oversight.LedgerKeyRotated;
import org.conventionledger.events.oversight.TreeHeadCountersigned;
import org.conventionledger.events.oversight.TreeHeadSigned;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Keyring}: every command and every rejection. */
class KeyringTest {

    private static final String ID = Keyring.ID;
    private static final Instant AT = Instant.parse("2022-06-19T18:00:00Z");
    private static final String ROOT = "ab".repeat(32);

    private AggregateTestFixture<Keyring> fixture;
    private KeyPair ledger;
    private KeyPair garant;
    private KeyPair stranger;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new AggregateTestFixture<>(Keyring.class);
        KeyPairGenerator ed25519 = KeyPairGenerator.getInstance("Ed25519");
        ledger = ed25519.generateKeyPair();
        garant = ed25519.generateKeyPair();
        stranger = ed25519.generateKeyPair();
    }

    private static String pub(KeyPair keys) {
        return TreeHeads.encode(keys.getPublic());
    }

    private static String id(KeyPair keys) {
        return TreeHeads.fingerprint(pub(keys));
    }

    private static String proof(KeyPair keys, String holder) {
        return TreeHeads.sign(keys.getPrivate(), TreeHeads.possessionText(holder, id(keys)));
    }

    private LedgerKeyPublished published() {
        return new LedgerKeyPublished(ID, id(ledger), pub(ledger), proof(ledger, "ledger"), AT);
    }

    private SignTreeHead head(KeyPair signer, String headId, long size, long position) {
        return new SignTreeHead(
                ID,
                headId,
                size,
                position,
                ROOT,
                AT,
                "max merge delay",
                TreeHeads.sign(signer.getPrivate(), TreeHeads.headText(size, position, ROOT, AT.toString())));
    }

    private TreeHeadSigned signed(String headId, long size, long position) {
        SignTreeHead c = head(ledger, headId, size, position);
        return new TreeHeadSigned(
                ID, headId, TreeLeaf.VERSION, size, position, ROOT, AT, c.reason(), id(ledger), c.signature());
    }

    private GarantKeyRegistered registered() {
        return new GarantKeyRegistered(ID, "garant-1", id(garant), pub(garant), proof(garant, "garant-1"), AT);
    }

    private String countersignature(KeyPair keys) {
        return TreeHeads.sign(keys.getPrivate(), TreeHeads.headText(10, 12, ROOT, AT.toString()));
    }

    @Test
    void theLedgerPublishesItsKeyOnceAndAgainIsANoOp() {
        fixture.givenNoPriorActivity()
                .when(new PublishLedgerKey(ID, pub(ledger), proof(ledger, "ledger"), AT))
                .expectEvents(published());
        fixture.given(published())
                .when(new PublishLedgerKey(ID, pub(ledger), proof(ledger, "ledger"), AT.plusSeconds(60)))
                .expectNoEvents();
    }

    @Test
    void anotherKeyCannotBePublishedOverTheLedgersKey() {
        expectRejected(
                fixture.given(published()).when(new PublishLedgerKey(ID, pub(stranger), proof(stranger, "ledger"), AT)),
                409,
                "ledger-key-differs");
    }

    @Test
    void aKeyWithoutProofOfPossessionOrMalformedIsRefused() {
        expectRejected(
                fixture.givenNoPriorActivity()
                        .when(new PublishLedgerKey(ID, pub(ledger), proof(stranger, "ledger"), AT)),
                422,
                "no-proof-of-possession");
        expectRejected(
                fixture.givenNoPriorActivity().when(new PublishLedgerKey(ID, "bm90IGEga2V5", "x", AT)),
                422,
                "invalid-public-key");
        expectRejected(
                fixture.givenNoPriorActivity()
                        .when(new PublishLedgerKey(ID, pub(ledger), proof(ledger, "ledger"), null)),
                422,
                "publishedAt-required");
    }

    @Test
    void theOldKeyHandsOverToTheNewOne() {
        String signature =
                TreeHeads.sign(ledger.getPrivate(), TreeHeads.rotationText(id(ledger), pub(stranger), AT.toString()));
        fixture.given(published())
                .when(new RotateLedgerKey(ID, pub(stranger), proof(stranger, "ledger"), AT, signature))
                .expectEvents(new LedgerKeyRotated(
                        ID, id(ledger), id(stranger), pub(stranger), AT, signature, proof(stranger, "ledger")));
    }

    @Test
    void aRotationNotSignedByTheCurrentKeyIsRefused() {
        String selfSigned =
                TreeHeads.sign(stranger.getPrivate(), TreeHeads.rotationText(id(ledger), pub(stranger), AT.toString()));
        expectRejected(
                fixture.given(published())
                        .when(new RotateLedgerKey(ID, pub(stranger), proof(stranger, "ledger"), AT, selfSigned)),
                422,
                "rotation-not-signed-by-current-key");
        expectRejected(
                fixture.given(published())
                        .when(new RotateLedgerKey(ID, pub(ledger), proof(ledger, "ledger"), AT, selfSigned)),
                422,
                "same-key");
    }

    @Test
    void aHeadSignedByTheLedgerKeyIsAppended() {
        fixture.given(published()).when(head(ledger, "head-1", 10, 12)).expectEvents(signed("head-1", 10, 12));
    }

    @Test
    void afterARotationOnlyTheNewKeySigns() {
        String signature =
                TreeHeads.sign(ledger.getPrivate(), TreeHeads.rotationText(id(ledger), pub(stranger), AT.toString()));
        LedgerKeyRotated rotated = new LedgerKeyRotated(
                ID, id(ledger), id(stranger), pub(stranger), AT, signature, proof(stranger, "ledger"));
        expectRejected(
                fixture.given(published(), rotated).when(head(ledger, "head-1", 10, 12)),
                422,
                "head-not-signed-by-ledger-key");
    }

    @Test
    void headsThatShrinkAreMalformedOrForgedAreRefused() {
        expectRejected(
                fixture.given(published(), signed("head-1", 10, 12)).when(head(ledger, "head-2", 9, 11)),
                409,
                "tree-shrank");
        expectRejected(
                fixture.given(published(), signed("head-1", 10, 12)).when(head(ledger, "head-1", 11, 13)),
                409,
                "head-exists");
        expectRejected(
                fixture.given(published()).when(head(stranger, "head-1", 10, 12)),
                422,
                "head-not-signed-by-ledger-key");
        expectRejected(fixture.given(published()).when(head(ledger, "head-1", 0, 12)), 422, "invalid-size");
        expectRejected(
                fixture.given(published()).when(new SignTreeHead(ID, "h", 1, 1, "XY", AT, "r", "s")),
                422,
                "invalid-root");
        expectRejected(fixture.given(registered()).when(head(ledger, "head-1", 10, 12)), 409, "no-ledger-key");
    }

    @Test
    void aGarantRegistersTheirKey() {
        fixture.given(published())
                .when(new RegisterGarantKey(ID, "garant-1", pub(garant), proof(garant, "garant-1"), AT))
                .expectEvents(registered());
        fixture.givenNoPriorActivity()
                .when(new RegisterGarantKey(ID, "garant-1", pub(garant), proof(garant, "garant-1"), AT))
                .expectEvents(registered());
    }

    @Test
    void aGarantCannotRegisterAKeyTheyDoNotHoldNorOneAlreadyRegistered() {
        expectRejected(
                fixture.given(published())
                        .when(new RegisterGarantKey(ID, "garant-2", pub(garant), proof(garant, "garant-1"), AT)),
                422,
                "no-proof-of-possession");
        expectRejected(
                fixture.given(published(), registered())
                        .when(new RegisterGarantKey(ID, "garant-2", pub(garant), proof(garant, "garant-2"), AT)),
                409,
                "key-already-registered");
        expectRejected(
                fixture.given(published())
                        .when(new RegisterGarantKey(ID, "garant-1", pub(ledger), proof(ledger, "garant-1"), AT)),
                409,
                "key-already-registered");
    }

    @Test
    void aGarantRevokesTheirOwnKeyOnce() {
        fixture.given(published(), registered())
                .when(new RevokeGarantKey(ID, "garant-1", id(garant), "laptop lost", AT))
                .expectEvents(new GarantKeyRevoked(ID, "garant-1", id(garant), "laptop lost", AT));
        expectRejected(
                fixture.given(published(), registered())
                        .when(new RevokeGarantKey(ID, "garant-2", id(garant), "not mine", AT)),
                404,
                "no-such-garant-key");
        expectRejected(
                fixture.given(published(), registered(), new GarantKeyRevoked(ID, "garant-1", id(garant), "lost", AT))
                        .when(new RevokeGarantKey(ID, "garant-1", id(garant), "again", AT)),
                409,
                "key-already-revoked");
    }

    @Test
    void aRegisteredKeyCountersignsAHead() {
        fixture.given(published(), registered(), signed("head-1", 10, 12))
                .when(new CountersignTreeHead(ID, "head-1", "garant-1", id(garant), countersignature(garant)))
                .expectEvents(
                        new TreeHeadCountersigned(ID, "head-1", "garant-1", id(garant), countersignature(garant)));
    }

    @Test
    void onlyARegisteredUnrevokedKeyOfThatGarantCountersignsAHeadThatExistsOnce() {
        expectRejected(
                fixture.given(published(), registered(), signed("head-1", 10, 12))
                        .when(new CountersignTreeHead(
                                ID, "head-1", "garant-1", id(stranger), countersignature(stranger))),
                422,
                "key-not-registered");
        expectRejected(
                fixture.given(published(), registered(), signed("head-1", 10, 12))
                        .when(new CountersignTreeHead(ID, "head-1", "garant-2", id(garant), countersignature(garant))),
                422,
                "key-not-registered");
        expectRejected(
                fixture.given(
                                published(),
                                registered(),
                                signed("head-1", 10, 12),
                                new GarantKeyRevoked(ID, "garant-1", id(garant), "lost", AT))
                        .when(new CountersignTreeHead(ID, "head-1", "garant-1", id(garant), countersignature(garant))),
                422,
                "key-revoked");
        expectRejected(
                fixture.given(
                                published(),
                                registered(),
                                signed("head-1", 10, 12),
                                new TreeHeadCountersigned(
                                        ID, "head-1", "garant-1", id(garant), countersignature(garant)))
                        .when(new CountersignTreeHead(ID, "head-1", "garant-1", id(garant), countersignature(garant))),
                409,
                "already-countersigned");
        expectRejected(
                fixture.given(published(), registered(), signed("head-1", 10, 12))
                        .when(new CountersignTreeHead(ID, "head-2", "garant-1", id(garant), countersignature(garant))),
                404,
                "no-such-head");
        expectRejected(
                fixture.given(published(), registered(), signed("head-1", 10, 12))
                        .when(new CountersignTreeHead(
                                ID, "head-1", "garant-1", id(garant), countersignature(stranger))),
                422,
                "signature-does-not-verify");
    }
}
