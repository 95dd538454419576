package org.conventionledger.events.integrity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Merkle tree of Certificate Transparency (RFC 9162, section 2.1) with SHA-256: a leaf's hash is
 * {@code SHA-256(0x00 || leaf)}, an inner node's {@code SHA-256(0x01 || left || right)}, the tree over
 * {@code n > 1} leaves splits at {@code k}, the largest power of two below {@code n}, and the empty tree's
 * root is {@code SHA-256()}. Proofs are built (sections 2.1.3.1 and 2.1.4.1) and verified (2.1.3.2 and
 * 2.1.4.2) exactly as the RFC describes, so any RFC 9162 verifier accepts them. Pure: the leaves' hashes
 * are given; nothing is read or kept.
 *
 * <p>A proof binds a size only together with the root signed beside it: sizes whose paths have the same
 * shape compute the same root, so a verifier takes (size, root) from one signed head, never apart.
 */
public final class MerkleTree {

    /** The hash of the tree with no leaves. */
    public static final byte[] EMPTY_ROOT = sha256(new byte[0]);

    private static final byte LEAF = 0x00;
    private static final byte NODE = 0x01;

    private MerkleTree() {}

    /** {@code SHA-256(0x00 || leaf)}. */
    public static byte[] leafHash(byte[] leaf) {
        MessageDigest sha256 = digest();
        sha256.update(LEAF);
        sha256.update(leaf);
        return sha256.digest();
    }

    /** {@code SHA-256(0x01 || left || right)}. */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha256 = digest();
        sha256.update(NODE);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    /** The root of the tree over all of {@code leafHashes}. */
    public static byte[] root(List<byte[]> leafHashes) {
        return root(leafHashes, 0, leafHashes.size());
    }

    /** The root over {@code leafHashes[from, to)}. */
    public static byte[] root(List<byte[]> leafHashes, int from, int to) {
        int n = to - from;
        if (n == 0) {
            return EMPTY_ROOT.clone();
        }
        if (n == 1) {
            return leafHashes.get(from);
        }
        int k = split(n);
        return nodeHash(root(leafHashes, from, from + k), root(leafHashes, from + k, to));
    }

    /** PATH(index, D[size]): the audit path of leaf {@code index} in the tree of the first {@code size} leaves. */
    public static List<byte[]> inclusionProof(List<byte[]> leafHashes, int index, int size) {
        if (size < 1 || size > leafHashes.size() || index < 0 || index >= size) {
            throw new IllegalArgumentException("no leaf " + index + " in a tree of size " + size);
        }
        List<byte[]> path = new ArrayList<>();
        path(leafHashes, index, 0, size, path);
        return path;
    }

    private static void path(List<byte[]> leaves, int index, int from, int to, List<byte[]> path) {
        int n = to - from;
        if (n == 1) {
            return;
        }
        int k = split(n);
        if (index < k) {
            path(leaves, index, from, from + k, path);
            path.add(root(leaves, from + k, to));
        } else {
            path(leaves, index - k, from + k, to, path);
            path.add(root(leaves, from, from + k));
        }
    }

    /**
     * PROOF(m, D[n]): the nodes proving that the tree of the first {@code m} leaves is a prefix of the tree
     * of the first {@code n}. Empty when {@code m == 0} or {@code m == n}.
     */
    public static List<byte[]> consistencyProof(List<byte[]> leafHashes, int m, int n) {
        if (m < 0 || m > n || n > leafHashes.size()) {
            throw new IllegalArgumentException("no consistency proof from size " + m + " to size " + n);
        }
        List<byte[]> proof = new ArrayList<>();
        if (m > 0 && m < n) {
            subproof(leafHashes, m, 0, n, true, proof);
        }
        return proof;
    }

    private static void subproof(List<byte[]> leaves, int m, int from, int to, boolean whole, List<byte[]> proof) {
        int n = to - from;
        if (m == n) {
            if (!whole) {
                proof.add(root(leaves, from, to));
            }
            return;
        }
        int k = split(n);
        if (m <= k) {
            subproof(leaves, m, from, from + k, whole, proof);
            proof.add(root(leaves, from + k, to));
        } else {
            subproof(leaves, m - k, from + k, to, false, proof);
            proof.add(root(leaves, from, from + k));
        }
    }

    /** RFC 9162 section 2.1.3.2: does {@code proof} place {@code leafHash} at {@code index} under {@code root}? */
    public static boolean verifyInclusion(byte[] leafHash, long index, long size, List<byte[]> proof, byte[] root) {
        if (leafHash == null || proof == null || root == null || index < 0 || index >= size) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0 || p == null) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(r, root);
    }

    /**
     * RFC 9162 section 2.1.4.2: does {@code proof} show that the tree of size {@code m} with root
     * {@code firstRoot} is a prefix of the tree of size {@code n} with root {@code secondRoot}? Sizes equal or
     * the first empty need an empty proof (and, for equal sizes, equal roots).
     */
    public static boolean verifyConsistency(long m, long n, byte[] firstRoot, byte[] secondRoot, List<byte[]> proof) {
        if (firstRoot == null || secondRoot == null || proof == null || m < 0 || m > n) {
            return false;
        }
        if (m == 0) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, EMPTY_ROOT);
        }
        if (m == n) {
            return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
        }
        if (proof.isEmpty() || proof.contains(null)) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(m) == 1) {
            path.add(0, firstRoot);
        }
        long fn = m - 1;
        long sn = n - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
    }

    /** The largest power of two strictly below {@code n} (n > 1). */
    static int split(int n) {
        return Integer.highestOneBit(n - 1);
    }

    static byte[] sha256(byte[] bytes) {
        return digest().digest(bytes);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
