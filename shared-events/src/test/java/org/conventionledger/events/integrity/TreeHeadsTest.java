package org.conventionledger.events.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import org.junit.jupiter.api.Test;

/** {@link TreeHeads} and {@link TreeLeaf}: what is signed, and what a leaf covers. */
class TreeHeadsTest {

    static KeyPair keys() throws NoSuchAlgorithmException {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    @Test
    void aSignedHeadVerifiesOnlyWithItsKeyAndItsText() throws Exception {
        KeyPair ledger = keys();
        String text = TreeHeads.headText(12, 15, "ab".repeat(32), "2025-03-02T10:00:00Z");
        String signature = TreeHeads.sign(ledger.getPrivate(), text);
        String publicKey = TreeHeads.encode(ledger.getPublic());

        assertThat(TreeHeads.verifies(publicKey, text, signature)).isTrue();
        assertThat(TreeHeads.verifies(
                        publicKey, TreeHeads.headText(13, 15, "ab".repeat(32), "2025-03-02T10:00:00Z"), signature))
                .isFalse();
        assertThat(TreeHeads.verifies(TreeHeads.encode(keys().getPublic()), text, signature))
                .isFalse();
        assertThat(TreeHeads.verifies("not base64!", text, signature)).isFalse();
        assertThat(TreeHeads.verifies(publicKey, text, null)).isFalse();
    }

    @Test
    void signaturesAreTheJdksEd25519BothWays() throws Exception {
        KeyPair key = keys();
        String publicKey = TreeHeads.encode(key.getPublic());
        java.security.Signature jdk = java.security.Signature.getInstance("Ed25519");
        jdk.initSign(key.getPrivate());
        jdk.update("some text".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String byJdk = java.util.Base64.getEncoder().encodeToString(jdk.sign());

        assertThat(TreeHeads.sign(key.getPrivate(), "some text"))
                .as("Ed25519 is deterministic")
                .isEqualTo(byJdk);
        assertThat(TreeHeads.verifies(publicKey, "some text", byJdk)).isTrue();
        assertThat(TreeHeads.verifies(publicKey, "other text", byJdk)).isFalse();
        assertThat(TreeHeads.verifies(publicKey, "some text", "not base64!")).isFalse();
        assertThat(TreeHeads.verifies("AAAA", "some text", byJdk)).isFalse();
        assertThat(TreeHeads.verifies(null, "some text", byJdk)).isFalse();
    }

    @Test
    void aHeadSignatureIsNotARotationNorAPossessionProof() throws Exception {
        KeyPair ledger = keys();
        String publicKey = TreeHeads.encode(ledger.getPublic());
        String fingerprint = TreeHeads.fingerprint(publicKey);

        assertThat(TreeHeads.headText(1, 1, fingerprint, "t"))
                .isNotEqualTo(TreeHeads.rotationText(fingerprint, "1", "t"))
                .isNotEqualTo(TreeHeads.possessionText("1", fingerprint));
        assertThat(fingerprint).matches("[0-9a-f]{64}");
        assertThatThrownBy(() -> TreeHeads.publicKey("AAAA")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TreeHeads.unhex("AB".repeat(32))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLeafCoversEveryChainedFieldAndThePosition() {
        ChainLink.Entry entry = ChainLinkTest.entry();
        byte[] leaf = TreeLeaf.hash(entry);
        ChainLink.Entry moved = EntryCopy.of(entry, c -> c.position = 8);
        ChainLink.Entry edited =
                EntryCopy.of(entry, c -> c.payload = "{\"conventionId\":\"conv-lyon\",\"city\":\"Lyons\"}".getBytes());

        assertThat(TreeLeaf.hash(moved)).isNotEqualTo(leaf);
        assertThat(TreeLeaf.hash(edited)).isNotEqualTo(leaf);
        assertThat(new String(TreeLeaf.bytes(entry)))
                .startsWith("ledger-tree-v1\n7\n6f1c-event\nconv-lyon\n3\n")
                .endsWith("\"city\":\"Lyon\"}");
    }
}
