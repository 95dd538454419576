package org.conventionledger.events.integrity;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What one event contributes to the log's {@link MerkleTree} ({@value #VERSION}): the fields the
 * integrity chain covers ({@link ChainLink}), without the previous link, as the UTF-8 bytes of
 * <pre>
 * ledger-tree-v1 LF position LF event id LF aggregate id LF sequence LF payload type LF payload revision LF
 * timestamp LF canonical metadata LF aggregate type LF
 * </pre>
 * followed by the payload's stored JSON. The position is inside the leaf, so deleting, inserting or
 * swapping events changes the leaves and the root even when their contents are unchanged.
 */
public final class TreeLeaf {

    public static final String VERSION = "ledger-tree-v1";

    private TreeLeaf() {}

    /** The leaf's bytes. */
    public static byte[] bytes(ChainLink.Entry entry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((VERSION + '\n' + ChainLink.fields(entry)).getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(entry.payload());
        return bytes.toByteArray();
    }

    /** The leaf's hash in the tree: {@code SHA-256(0x00 || bytes)}. */
    public static byte[] hash(ChainLink.Entry entry) {
        return MerkleTree.leafHash(bytes(entry));
    }
}
