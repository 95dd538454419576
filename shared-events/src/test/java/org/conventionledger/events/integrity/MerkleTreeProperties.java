package org.conventionledger.events.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of {@link MerkleTree} and {@link MerkleFrontier} over trees of up to 300 leaves: every honest
 * proof verifies, and changing any leaf, any proof node, or the sizes makes it fail.
 */
class MerkleTreeProperties {

    static List<byte[]> leaves(int n, int salt) {
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            hashes.add(MerkleTree.leafHash(
                    ByteBuffer.allocate(8).putInt(salt).putInt(i).array()));
        }
        return hashes;
    }

    static byte[] flipped(byte[] hash, int bit) {
        byte[] copy = hash.clone();
        copy[(bit / 8) % copy.length] ^= (byte) (1 << (bit % 8));
        return copy;
    }

    @Property
    void theFrontierAgreesWithTheTreeAtEverySize(@ForAll @IntRange(min = 0, max = 300) int n, @ForAll int salt) {
        List<byte[]> leaves = leaves(n, salt);
        MerkleFrontier frontier = new MerkleFrontier();
        for (int size = 1; size <= n; size++) {
            frontier.append(leaves.get(size - 1));
            assertThat(frontier.root()).isEqualTo(MerkleTree.root(leaves.subList(0, size)));
        }
    }

    @Property
    void everyInclusionProofVerifies(
            @ForAll @IntRange(min = 1, max = 300) int size,
            @ForAll @IntRange(min = 0, max = 299) int index,
            @ForAll int salt) {
        Assume.that(index < size);
        List<byte[]> leaves = leaves(size, salt);
        byte[] root = MerkleTree.root(leaves);
        List<byte[]> proof = MerkleTree.inclusionProof(leaves, index, size);

        assertThat(MerkleTree.verifyInclusion(leaves.get(index), index, size, proof, root))
                .isTrue();
        assertThat(proof.size()).isLessThanOrEqualTo(64 - Long.numberOfLeadingZeros(size - 1L));
    }

    @Property
    void anInclusionProofFailsForAnotherLeafIndexSizeNodeOrRoot(
            @ForAll @IntRange(min = 2, max = 300) int size,
            @ForAll @IntRange(min = 0, max = 299) int index,
            @ForAll @IntRange(min = 0, max = 255) int bit,
            @ForAll int salt) {
        Assume.that(index < size);
        List<byte[]> leaves = leaves(size, salt);
        byte[] root = MerkleTree.root(leaves);
        List<byte[]> proof = MerkleTree.inclusionProof(leaves, index, size);
        byte[] leaf = leaves.get(index);

        assertThat(MerkleTree.verifyInclusion(flipped(leaf, bit), index, size, proof, root))
                .isFalse();
        assertThat(MerkleTree.verifyInclusion(leaves.get((index + 1) % size), index, size, proof, root))
                .isFalse();
        assertThat(MerkleTree.verifyInclusion(leaf, index, size, proof, flipped(root, bit)))
                .isFalse();
        for (int i = 0; i < proof.size(); i++) {
            List<byte[]> tampered = new ArrayList<>(proof);
            tampered.set(i, flipped(proof.get(i), bit));
            assertThat(MerkleTree.verifyInclusion(leaf, index, size, tampered, root))
                    .isFalse();
        }
        assertThat(MerkleTree.verifyInclusion(leaf, (index + 1) % size, size, proof, root))
                .isFalse();
        // a size is only ever checked with the root signed beside it (a head): another head's pair fails
        List<byte[]> more = leaves(size * 2, salt);
        for (int other : new int[] {index + 1, size - 1, size + 1, size * 2}) {
            if (other != size && other > index) {
                byte[] otherRoot = MerkleTree.root(more.subList(0, other));
                assertThat(MerkleTree.verifyInclusion(leaf, index, other, proof, otherRoot))
                        .as("size %d", other)
                        .isFalse();
            }
        }
        assertThat(MerkleTree.verifyInclusion(leaf, index, size * 4L, proof, root))
                .isFalse();
        assertThat(MerkleTree.verifyInclusion(leaf, index, size, proof.subList(0, proof.size() - 1), root))
                .isFalse();
        List<byte[]> longer = new ArrayList<>(proof);
        longer.add(root);
        assertThat(MerkleTree.verifyInclusion(leaf, index, size, longer, root)).isFalse();
    }

    @Property
    void everyConsistencyProofVerifies(
            @ForAll @IntRange(min = 0, max = 300) int m,
            @ForAll @IntRange(min = 0, max = 300) int n,
            @ForAll int salt) {
        Assume.that(m <= n);
        List<byte[]> leaves = leaves(n, salt);
        List<byte[]> proof = MerkleTree.consistencyProof(leaves, m, n);

        assertThat(MerkleTree.verifyConsistency(
                        m, n, MerkleTree.root(leaves.subList(0, m)), MerkleTree.root(leaves), proof))
                .isTrue();
    }

    @Property
    void aConsistencyProofFailsForAnotherHistoryNodeOrSize(
            @ForAll @IntRange(min = 1, max = 300) int m,
            @ForAll @IntRange(min = 2, max = 300) int n,
            @ForAll @IntRange(min = 0, max = 299) int changed,
            @ForAll @IntRange(min = 0, max = 255) int bit,
            @ForAll int salt) {
        Assume.that(m < n);
        List<byte[]> leaves = leaves(n, salt);
        byte[] first = MerkleTree.root(leaves.subList(0, m));
        byte[] second = MerkleTree.root(leaves);
        List<byte[]> proof = MerkleTree.consistencyProof(leaves, m, n);

        // the new tree rewrote one of the old tree's leaves: its honest proof cannot link the two roots
        List<byte[]> rewritten = new ArrayList<>(leaves);
        int inOld = changed % m;
        rewritten.set(inOld, flipped(leaves.get(inOld), bit));
        assertThat(MerkleTree.verifyConsistency(
                        m, n, first, MerkleTree.root(rewritten), MerkleTree.consistencyProof(rewritten, m, n)))
                .isFalse();
        assertThat(MerkleTree.verifyConsistency(m, n, flipped(first, bit), second, proof))
                .isFalse();
        assertThat(MerkleTree.verifyConsistency(m, n, first, flipped(second, bit), proof))
                .isFalse();
        for (int i = 0; i < proof.size(); i++) {
            List<byte[]> tampered = new ArrayList<>(proof);
            tampered.set(i, flipped(proof.get(i), bit));
            assertThat(MerkleTree.verifyConsistency(m, n, first, second, tampered))
                    .as("node %d", i)
                    .isFalse();
        }
        // sizes come with the roots signed beside them: another size's head with this proof fails
        List<byte[]> more = leaves(n + 1, salt);
        assertThat(MerkleTree.verifyConsistency(m, n + 1, first, MerkleTree.root(more), proof))
                .isFalse();
        if (m < n - 1) {
            assertThat(MerkleTree.verifyConsistency(m, n - 1, first, MerkleTree.root(leaves.subList(0, n - 1)), proof))
                    .isFalse();
        }
        if (m > 1) {
            assertThat(MerkleTree.verifyConsistency(m - 1, n, MerkleTree.root(leaves.subList(0, m - 1)), second, proof))
                    .isFalse();
        }
        assertThat(MerkleTree.verifyConsistency(m, n * 4L, first, second, proof))
                .isFalse();
        assertThat(MerkleTree.verifyConsistency(m, n, first, second, proof.subList(0, proof.size() - 1)))
                .isFalse();
    }
}
