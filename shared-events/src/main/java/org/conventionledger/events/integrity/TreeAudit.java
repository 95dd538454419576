package org.conventionledger.events.integrity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks a log against the signed tree heads it holds, from the log alone: recomputes the
 * {@link MerkleTree} over the events in order, follows the ledger's key (published, then rotated only
 * by the key before), and checks every head (signature by the ledger's key at that point of the log,
 * position, size, root) and every countersignature (a key its garant registered before and had not
 * revoked, signing that head's text). Heads elsewhere (kept by a garant) are checked the same way.
 *
 * <p>Feed it the events in log order with {@link #append}, and right after each event of the keyring the
 * facts it carries (the caller parses payloads). Pure: no I/O, no framework.
 *
 * <p>A root says only that something in the tree differs. The first possible position is the one after
 * the last head that still matches ({@link Verdict#firstDifference}); the failing head bounds it from
 * above ({@link Verdict#failingPosition}).
 */
public final class TreeAudit {

    public static final String LEDGER_KEY_PUBLISHED = "org.conventionledger.events.oversight.LedgerKeyPublished";
    public static final String LEDGER_KEY_ROTATED = "org.conventionledger.events.oversight.LedgerKeyRotated";
    public static final String HEAD_SIGNED = "org.conventionledger.events.oversight.TreeHeadSigned";
    public static final String HEAD_COUNTERSIGNED = "org.conventionledger.events.oversight.TreeHeadCountersigned";
    public static final String GARANT_KEY_REGISTERED = "org.conventionledger.events.oversight.GarantKeyRegistered";
    public static final String GARANT_KEY_REVOKED = "org.conventionledger.events.oversight.GarantKeyRevoked";

    /** The verdict: {@code intact}, or the range in which the log departs from what was signed, and why. */
    public record Verdict(
            boolean intact,
            Long firstDifference,
            Long failingPosition,
            String reason,
            long checked,
            int headsVerified,
            int countersignaturesVerified,
            long size,
            String root) {}

    /** A head as signed: the tree of the first {@code size} events, the last at {@code position}. */
    public record Head(long size, long position, String root, String signedAt, String keyId, String signature) {

        String text() {
            return TreeHeads.headText(size, position, root, signedAt);
        }
    }

    private record GarantKey(String garantId, String publicKey) {}

    /** A failure: the head (or event) at {@code at}, about the tree of {@code size} events. */
    private record Failure(long size, long at, String reason) {}

    private final MerkleFrontier frontier = new MerkleFrontier();
    private final Set<Long> sizesToRemember;
    private final Map<Long, String> rootsAt = new HashMap<>();
    private long[] positions = new long[1024];
    private final Map<String, String> ledgerKeys = new HashMap<>();
    private String currentLedgerKey;
    private final Map<String, Head> heads = new HashMap<>();
    private final Map<String, GarantKey> garantKeys = new HashMap<>();
    private final Set<String> revoked = new HashSet<>();
    private final TreeMap<Long, Long> verifiedSizes = new TreeMap<>();
    private final List<Failure> failures = new ArrayList<>();
    private int headsVerified;
    private int countersignaturesVerified;

    /** @param headSizes the sizes of every head to be checked (those in the log and those kept apart) */
    public TreeAudit(Collection<Long> headSizes) {
        this.sizesToRemember = new HashSet<>(headSizes);
    }

    /** The payload types whose facts {@link #append(ChainLink.Entry, Map)} needs. */
    public static final Set<String> KEYRING_EVENTS = Set.of(
            LEDGER_KEY_PUBLISHED,
            LEDGER_KEY_ROTATED,
            HEAD_SIGNED,
            HEAD_COUNTERSIGNED,
            GARANT_KEY_REGISTERED,
            GARANT_KEY_REVOKED);

    /**
     * The next event of the log and, for the {@link #KEYRING_EVENTS}, its payload's top-level fields as text
     * (instants as ISO-8601 text or as the serializer's decimal seconds).
     */
    public void append(ChainLink.Entry entry, Map<String, String> fields) {
        append(entry);
        switch (entry.payloadType()) {
            case LEDGER_KEY_PUBLISHED ->
                ledgerKeyPublished(fields.get("keyId"), fields.get("publicKey"), fields.get("proof"));
            case LEDGER_KEY_ROTATED ->
                ledgerKeyRotated(
                        fields.get("previousKeyId"),
                        fields.get("keyId"),
                        fields.get("publicKey"),
                        instant(fields.get("rotatedAt")),
                        fields.get("signature"));
            case HEAD_SIGNED -> head(fields.get("headId"), head(fields));
            case HEAD_COUNTERSIGNED ->
                countersigned(
                        fields.get("headId"), fields.get("garantId"), fields.get("keyId"), fields.get("signature"));
            case GARANT_KEY_REGISTERED ->
                garantKeyRegistered(
                        fields.get("garantId"), fields.get("keyId"), fields.get("publicKey"), fields.get("proof"));
            case GARANT_KEY_REVOKED -> garantKeyRevoked(fields.get("keyId"));
            default -> {
                // not a fact about keys or heads
            }
        }
    }

    /** A head from its fields ({@code size, position, root, signedAt, keyId, signature}). */
    public static Head head(Map<String, String> fields) {
        return new Head(
                number(fields.get("size")),
                number(fields.get("position")),
                fields.get("root"),
                instant(fields.get("signedAt")),
                fields.get("keyId"),
                fields.get("signature"));
    }

    private static long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException | NullPointerException e) {
            return -2;
        }
    }

    /** An instant as {@code Instant#toString} writes it, from ISO-8601 text or decimal epoch seconds. */
    public static String instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            if (text.matches("-?\\d+(\\.\\d+)?")) {
                java.math.BigDecimal seconds = new java.math.BigDecimal(text);
                return java.time.Instant.ofEpochSecond(
                                seconds.longValue(),
                                seconds.remainder(java.math.BigDecimal.ONE)
                                        .movePointRight(9)
                                        .longValue())
                        .toString();
            }
            return java.time.Instant.parse(text).toString();
        } catch (RuntimeException notAnInstant) {
            return text;
        }
    }

    /** The next event of the log (no facts about keys or heads). */
    public void append(ChainLink.Entry entry) {
        long size = frontier.size();
        if (size > 0 && entry.position() <= positions[(int) size - 1]) {
            failures.add(new Failure(
                    size + 1, entry.position(), "positions are not in increasing log order at " + entry.position()));
        }
        if (size == positions.length) {
            positions = Arrays.copyOf(positions, positions.length * 2);
        }
        positions[(int) size] = entry.position();
        frontier.append(TreeLeaf.hash(entry));
        if (sizesToRemember.contains(frontier.size())) {
            rootsAt.put(frontier.size(), TreeHeads.hex(frontier.root()));
        }
    }

    private long here() {
        return frontier.size() == 0 ? -1 : positions[(int) frontier.size() - 1];
    }

    /** The ledger published its first key (the event just appended). */
    public void ledgerKeyPublished(String keyId, String publicKey, String proof) {
        if (currentLedgerKey != null) {
            failures.add(new Failure(
                    frontier.size(),
                    here(),
                    "a second ledger key was published at " + here() + " without a hand-over by the first"));
        } else if (!TreeHeads.fingerprint(publicKey).equals(keyId)
                || !TreeHeads.verifies(publicKey, TreeHeads.possessionText("ledger", keyId), proof)) {
            failures.add(new Failure(
                    frontier.size(),
                    here(),
                    "the ledger key published at " + here() + " does not prove its own possession"));
        } else {
            ledgerKeys.put(keyId, publicKey);
            currentLedgerKey = keyId;
        }
    }

    /** The ledger handed over to a new key (the event just appended). */
    public void ledgerKeyRotated(
            String previousKeyId, String keyId, String publicKey, String rotatedAt, String signature) {
        if (currentLedgerKey == null
                || !currentLedgerKey.equals(previousKeyId)
                || !TreeHeads.verifies(
                        ledgerKeys.get(currentLedgerKey),
                        TreeHeads.rotationText(previousKeyId, publicKey, rotatedAt),
                        signature)
                || !TreeHeads.fingerprint(publicKey).equals(keyId)) {
            failures.add(new Failure(
                    frontier.size(),
                    here(),
                    "the key rotation at " + here() + " is not signed by the ledger's key of the time"));
            return;
        }
        ledgerKeys.put(keyId, publicKey);
        currentLedgerKey = keyId;
    }

    /** A head the log holds (the event just appended). */
    public void head(String headId, Head head) {
        heads.put(headId, head);
        if (currentLedgerKey == null || !currentLedgerKey.equals(head.keyId())) {
            failures.add(new Failure(
                    head.size(),
                    head.position(),
                    "the head at " + here() + " is not signed with the ledger's key of the time"));
            return;
        }
        if (head.size() >= frontier.size()) {
            failures.add(new Failure(
                    head.size(),
                    head.position(),
                    "the head at " + here() + " covers " + head.size() + " events but only " + (frontier.size() - 1)
                            + " precede it in the log"));
            return;
        }
        check(head, "the head at " + here());
    }

    /** A head kept apart from the log (a garant's file), checked after the whole log was appended. */
    public void keptHead(String name, Head head) {
        if (!ledgerKeys.containsKey(head.keyId())) {
            failures.add(new Failure(head.size(), head.position(), name + " is not signed by a key the log published"));
            return;
        }
        if (head.size() > frontier.size()) {
            failures.add(new Failure(
                    head.size(),
                    head.position(),
                    name + " covers " + head.size() + " events but the log holds " + frontier.size()));
            return;
        }
        check(head, name);
    }

    private void check(Head head, String what) {
        String publicKey = ledgerKeys.get(head.keyId());
        if (!TreeHeads.verifies(publicKey, head.text(), head.signature())) {
            failures.add(new Failure(head.size(), head.position(), what + " has a signature that does not verify"));
            return;
        }
        long size = head.size();
        long position = size == 0 ? -1 : positions[(int) size - 1];
        String root = size == 0 ? TreeHeads.hex(MerkleTree.EMPTY_ROOT) : rootsAt.get(size);
        if (position != head.position() || !head.root().equals(root)) {
            failures.add(new Failure(
                    size,
                    head.position(),
                    what + " (size " + size + ", up to position "
                            + head.position() + ") does not match the tree of the log: an event at or before position "
                            + head.position() + " was changed, removed, inserted or reordered"));
            return;
        }
        headsVerified++;
        verifiedSizes.put(size, head.position());
    }

    /** A garant registered a key (the event just appended). */
    public void garantKeyRegistered(String garantId, String keyId, String publicKey, String proof) {
        if (!TreeHeads.fingerprint(publicKey).equals(keyId)
                || !TreeHeads.verifies(publicKey, TreeHeads.possessionText(garantId, keyId), proof)) {
            failures.add(new Failure(
                    frontier.size(),
                    here(),
                    "the garant key registered at " + here() + " does not prove its possession by " + garantId));
            return;
        }
        garantKeys.put(keyId, new GarantKey(garantId, publicKey));
    }

    /** A garant revoked a key (the event just appended). */
    public void garantKeyRevoked(String keyId) {
        revoked.add(keyId);
    }

    /** A garant countersigned a head (the event just appended). */
    public void countersigned(String headId, String garantId, String keyId, String signature) {
        Head head = heads.get(headId);
        GarantKey key = garantKeys.get(keyId);
        if (head == null
                || key == null
                || !key.garantId().equals(garantId)
                || revoked.contains(keyId)
                || !TreeHeads.verifies(key.publicKey(), head.text(), signature)) {
            failures.add(new Failure(
                    frontier.size(),
                    here(),
                    "the countersignature at " + here() + " is not a registered, unrevoked key of " + garantId
                            + " signing head " + headId));
            return;
        }
        countersignaturesVerified++;
    }

    /** The ledger keys the log published so far, each proven (first key) or handed over (rotation), by fingerprint. */
    public Map<String, String> ledgerKeys() {
        return Map.copyOf(ledgerKeys);
    }

    /** The verdict over everything fed so far. */
    public Verdict verdict() {
        long size = frontier.size();
        String root = TreeHeads.hex(frontier.root());
        if (failures.isEmpty()) {
            return new Verdict(true, null, null, "intact", size, headsVerified, countersignaturesVerified, size, root);
        }
        Failure first = failures.stream()
                .min((a, b) -> a.size() != b.size() ? Long.compare(a.size(), b.size()) : Long.compare(a.at(), b.at()))
                .orElseThrow();
        Long goodSize = verifiedSizes.floorKey(first.size() - 1);
        long from = goodSize == null ? 0 : goodSize;
        Long firstDifference = from < size ? positions[(int) from] : first.at();
        return new Verdict(
                false,
                Math.min(firstDifference, first.at()),
                first.at(),
                first.reason(),
                size,
                headsVerified,
                countersignaturesVerified,
                size,
                root);
    }
}
