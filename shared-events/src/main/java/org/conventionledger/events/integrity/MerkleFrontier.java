package org.conventionledger.events.integrity;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a growing {@link MerkleTree}: the roots of the perfect subtrees that the tree's size
 * decomposes into (one per set bit of the size, largest first). Appending a leaf merges equal-sized
 * subtrees like a binary counter, so the root of any size is available while keeping only
 * {@code O(log n)} hashes — what lets a reader follow the log without holding it.
 */
public final class MerkleFrontier {

    private final List<byte[]> subtrees = new ArrayList<>();
    private long size;

    /** The number of leaves appended so far. */
    public long size() {
        return size;
    }

    /** Adds the next leaf, given its leaf hash ({@link MerkleTree#leafHash}). */
    public void append(byte[] leafHash) {
        byte[] carry = leafHash;
        long bits = size;
        // every trailing one of the old size is a subtree of the carry's height: merge them
        while ((bits & 1) == 1) {
            carry = MerkleTree.nodeHash(subtrees.remove(subtrees.size() - 1), carry);
            bits >>= 1;
        }
        subtrees.add(carry);
        size++;
    }

    /** The root of the tree over every leaf appended so far (RFC 9162's MTH). */
    public byte[] root() {
        if (subtrees.isEmpty()) {
            return MerkleTree.EMPTY_ROOT.clone();
        }
        byte[] root = subtrees.get(subtrees.size() - 1);
        for (int i = subtrees.size() - 2; i >= 0; i--) {
            root = MerkleTree.nodeHash(subtrees.get(i), root);
        }
        return root;
    }
}
