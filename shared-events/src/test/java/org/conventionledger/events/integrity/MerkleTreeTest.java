package org.conventionledger.events.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link MerkleTree} against the published Certificate Transparency test vectors (eight leaves, the roots
 * of each prefix), and the edge cases of its proofs.
 */
class MerkleTreeTest {

    static final String[] LEAVES = {
        "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"
    };
    static final String[] ROOTS = {
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
    };

    static List<byte[]> leafHashes() {
        List<byte[]> hashes = new ArrayList<>();
        for (String leaf : LEAVES) {
            hashes.add(MerkleTree.leafHash(HexFormat.of().parseHex(leaf)));
        }
        return hashes;
    }

    @Test
    void rootsOfEveryPrefixMatchThePublishedVectors() {
        List<byte[]> leaves = leafHashes();
        MerkleFrontier frontier = new MerkleFrontier();
        for (int size = 1; size <= LEAVES.length; size++) {
            frontier.append(leaves.get(size - 1));
            assertThat(TreeHeads.hex(MerkleTree.root(leaves.subList(0, size))))
                    .as("size %d", size)
                    .isEqualTo(ROOTS[size - 1]);
            assertThat(TreeHeads.hex(frontier.root())).isEqualTo(ROOTS[size - 1]);
            assertThat(frontier.size()).isEqualTo(size);
        }
    }

    @Test
    void theEmptyTreesRootIsTheHashOfNothing() {
        assertThat(TreeHeads.hex(MerkleTree.root(List.of())))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(new MerkleFrontier().root()).isEqualTo(MerkleTree.EMPTY_ROOT);
    }

    @Test
    void leavesAndNodesCannotBeConfused() {
        byte[] a = MerkleTree.leafHash(new byte[] {1});
        byte[] b = MerkleTree.leafHash(new byte[] {2});
        byte[] concatenated = new byte[64];
        System.arraycopy(a, 0, concatenated, 0, 32);
        System.arraycopy(b, 0, concatenated, 32, 32);
        assertThat(MerkleTree.leafHash(concatenated)).isNotEqualTo(MerkleTree.nodeHash(a, b));
    }

    @Test
    void theInclusionProofOfLeafSixInSizeEightHasThreeNodes() {
        List<byte[]> leaves = leafHashes();
        List<byte[]> proof = MerkleTree.inclusionProof(leaves, 5, 8);

        assertThat(proof).hasSize(3);
        assertThat(proof.get(0)).isEqualTo(leaves.get(4));
        assertThat(proof.get(2)).isEqualTo(MerkleTree.root(leaves.subList(0, 4)));
        assertThat(MerkleTree.verifyInclusion(leaves.get(5), 5, 8, proof, MerkleTree.root(leaves)))
                .isTrue();
        assertThat(MerkleTree.verifyInclusion(leaves.get(5), 4, 8, proof, MerkleTree.root(leaves)))
                .isFalse();
        // the size is bound by the root signed with it: the same path against size 7's root fails
        assertThat(MerkleTree.verifyInclusion(leaves.get(5), 5, 7, proof, MerkleTree.root(leaves.subList(0, 7))))
                .isFalse();
    }

    @Test
    void consistencyProofsOfThePublishedShape() {
        List<byte[]> leaves = leafHashes();
        // RFC 9162 2.1.5: from 3 to 7 the proof is [c, d, g, l]; from 4 to 7 it is [l]; from 6 to 7 [i, j, k]
        assertThat(MerkleTree.consistencyProof(leaves, 3, 7)).hasSize(4);
        assertThat(MerkleTree.consistencyProof(leaves, 4, 7)).hasSize(1);
        assertThat(MerkleTree.consistencyProof(leaves, 6, 7)).hasSize(3);
        for (int m = 0; m <= 8; m++) {
            for (int n = m; n <= 8; n++) {
                byte[] first = MerkleTree.root(leaves.subList(0, m));
                byte[] second = MerkleTree.root(leaves.subList(0, n));
                assertThat(MerkleTree.verifyConsistency(m, n, first, second, MerkleTree.consistencyProof(leaves, m, n)))
                        .as("%d -> %d", m, n)
                        .isTrue();
            }
        }
    }

    @Test
    void degenerateProofsAreRefused() {
        List<byte[]> leaves = leafHashes();
        byte[] root = MerkleTree.root(leaves);
        assertThat(MerkleTree.verifyInclusion(leaves.get(0), 0, 0, List.of(), root))
                .isFalse();
        assertThat(MerkleTree.verifyInclusion(leaves.get(0), -1, 8, List.of(), root))
                .isFalse();
        assertThat(MerkleTree.verifyInclusion(null, 0, 8, List.of(), root)).isFalse();
        assertThat(MerkleTree.verifyConsistency(5, 4, root, root, List.of())).isFalse();
        assertThat(MerkleTree.verifyConsistency(3, 8, root, root, List.of())).isFalse();
        assertThat(MerkleTree.verifyConsistency(8, 8, root, MerkleTree.EMPTY_ROOT, List.of()))
                .isFalse();
        assertThat(MerkleTree.verifyConsistency(8, 8, root, root, List.of(root)))
                .isFalse();
        assertThat(MerkleTree.verifyConsistency(0, 8, root, root, List.of())).isFalse();
        assertThatThrownBy(() -> MerkleTree.inclusionProof(leaves, 8, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MerkleTree.consistencyProof(leaves, 4, 9))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
