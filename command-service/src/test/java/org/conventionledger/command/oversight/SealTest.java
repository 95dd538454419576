package org.conventionledger.command.oversight;

import static org.conventionledger.command.platform.RuleViolationMatcher.expectRejected;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.conventionledger.events.integrity.ChainLink;
import org.conventionledger.events.oversight.SealCountersigned;
import org.conventionledger.events.oversight.SealPublished;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SealTest {

    private static final String HEAD = "ab".repeat(32);
    private static final Instant SEALED_AT = Instant.parse("2022-06-19T18:00:00Z");
    private static final SealPublished PUBLISHED =
            new SealPublished("seal-1", ChainLink.VERSION, 41, HEAD, 42, SEALED_AT, "end of session 6");

    private AggregateTestFixture<Seal> fixture;
    private KeyPair garantKey;

    @BeforeEach
    void setUp() throws Exception {
        fixture = new AggregateTestFixture<>(Seal.class);
        garantKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    @Test
    void aSealIsPublished() {
        fixture.givenNoPriorActivity()
                .when(new PublishSeal("seal-1", ChainLink.VERSION, 41, HEAD, 42, SEALED_AT, "end of session 6"))
                .expectEvents(PUBLISHED);
    }

    @Test
    void anEmptyLogCanBeSealed() {
        fixture.givenNoPriorActivity()
                .when(new PublishSeal("seal-0", ChainLink.VERSION, -1, ChainLink.GENESIS, 0, SEALED_AT, "on demand"))
                .expectEvents(new SealPublished(
                        "seal-0", ChainLink.VERSION, -1, ChainLink.GENESIS, 0, SEALED_AT, "on demand"));
    }

    @Test
    void anotherChainVersionIsRefused() {
        expectRejected(
                fixture.givenNoPriorActivity()
                        .when(new PublishSeal("seal-1", "other-chain", 41, HEAD, 42, SEALED_AT, null)),
                422,
                "unknown-chain");
    }

    @Test
    void aHeadThatIsNotAHashIsRefused() {
        expectRejected(
                fixture.givenNoPriorActivity()
                        .when(new PublishSeal("seal-1", ChainLink.VERSION, 41, "not-a-hash", 42, SEALED_AT, null)),
                422,
                "invalid-head");
    }

    @Test
    void aPositionThatDisagreesWithTheLengthIsRefused() {
        expectRejected(
                fixture.givenNoPriorActivity()
                        .when(new PublishSeal("seal-1", ChainLink.VERSION, -1, HEAD, 3, SEALED_AT, null)),
                422,
                "invalid-position");
    }

    @Test
    void aSealWithoutTimeIsRefused() {
        expectRejected(
                fixture.givenNoPriorActivity()
                        .when(new PublishSeal("seal-1", ChainLink.VERSION, 41, HEAD, 42, null, null)),
                422,
                "sealed-at-required");
    }

    @Test
    void aGarantCountersignsWithTheirKey() throws Exception {
        String publicKey = base64(garantKey.getPublic().getEncoded());
        String signature = sign(ChainLink.sealText(ChainLink.VERSION, 41, HEAD, 42));
        fixture.given(PUBLISHED)
                .when(new CountersignSeal("seal-1", "garant", publicKey, signature))
                .expectEvents(new SealCountersigned(
                        "seal-1",
                        "garant",
                        publicKey,
                        fingerprint(garantKey.getPublic().getEncoded()),
                        signature));
    }

    @Test
    void aSignatureOfAnotherTextIsRefused() throws Exception {
        String signature = sign(ChainLink.sealText(ChainLink.VERSION, 40, HEAD, 41));
        expectRejected(
                fixture.given(PUBLISHED)
                        .when(new CountersignSeal(
                                "seal-1", "garant", base64(garantKey.getPublic().getEncoded()), signature)),
                422,
                "signature-does-not-verify");
    }

    @Test
    void theSameKeyCountersignsOnce() throws Exception {
        String publicKey = base64(garantKey.getPublic().getEncoded());
        String signature = sign(ChainLink.sealText(ChainLink.VERSION, 41, HEAD, 42));
        SealCountersigned first = new SealCountersigned(
                "seal-1", "garant", publicKey, fingerprint(garantKey.getPublic().getEncoded()), signature);
        expectRejected(
                fixture.given(PUBLISHED, first).when(new CountersignSeal("seal-1", "garant", publicKey, signature)),
                409,
                "already-countersigned");
    }

    @Test
    void aKeyThatIsNotEd25519IsRefused() throws Exception {
        byte[] rsa = KeyPairGenerator.getInstance("RSA")
                .generateKeyPair()
                .getPublic()
                .getEncoded();
        expectRejected(
                fixture.given(PUBLISHED).when(new CountersignSeal("seal-1", "garant", base64(rsa), sign("x"))),
                422,
                "invalid-public-key");
    }

    @Test
    void aSignatureThatIsNotBase64IsRefused() {
        expectRejected(
                fixture.given(PUBLISHED)
                        .when(new CountersignSeal(
                                "seal-1", "garant", base64(garantKey.getPublic().getEncoded()), "%%%")),
                422,
                "invalid-signature");
    }

    private String sign(String text) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(garantKey.getPrivate());
        signer.update(text.getBytes(StandardCharsets.UTF_8));
        return base64(signer.sign());
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String fingerprint(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
