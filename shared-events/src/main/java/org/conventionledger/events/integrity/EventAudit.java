package org.conventionledger.events.integrity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Names the very events a log departs at, where a tree head only bounds a range. Fed the log in order,
 * with the ledger keys the log published ({@link TreeAudit#ledgerKeys()}), it finds:
 * <ul>
 * <li>an event whose {@link EventSignatures ledger signature} does not verify (its content was edited,
 * or swapped with another's, or the signature was moved or forged), or that is signed by a key the log
 * never published as the ledger's;</li>
 * <li>an event without a signature after a signed one (signing, once started, never stops);</li>
 * <li>a position with no event that the ledger's next head, which lists the positions it found empty
 * ({@link #head}), does not list: a deleted event; and a position the head lists as empty that now holds
 * one: an inserted event;</li>
 * <li>a signed event whose aggregate's sequence skips a number (a deleted event: sequences have no
 * legitimate gaps, unlike global positions) or goes back (a reordered or duplicated event).</li>
 * </ul>
 * Events signed before signing began carry no signature: for them only the tree heads' range holds,
 * and the verdict says how many there are. Pure: no I/O, no framework.
 */
public final class EventAudit {

    /** What differs: at exactly {@code from} ({@code exact}), else somewhere from {@code from} to {@code to}. */
    public record Finding(long from, long to, boolean exact, String reason) {

        static Finding at(long position, String reason) {
            return new Finding(position, position, true, reason);
        }

        static Finding within(long from, long to, String reason) {
            return new Finding(from, to, false, reason);
        }
    }

    /**
     * The findings in log order, how many events were signed, how many not, the last unsigned position
     * (null: none), and the empty positions no head has vouched for (after the last head, or under heads
     * written before heads listed them).
     */
    public record Verdict(List<Finding> findings, long signed, long unsigned, Long lastUnsigned, long unvouchedHoles) {

        /** The positions named exactly, in order, each once. */
        public List<Long> changedPositions() {
            return findings.stream()
                    .filter(Finding::exact)
                    .map(Finding::from)
                    .distinct()
                    .sorted()
                    .toList();
        }
    }

    private record Last(long sequence, long position) {}

    private final Map<String, String> ledgerKeys;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, Last> aggregates = new HashMap<>();
    private final TreeSet<Long> holes = new TreeSet<>();
    private long position;
    private long coveredUpTo;
    private long signed;
    private long unsigned;
    private Long lastUnsigned;
    private long unvouched;
    private boolean lastWasTrusted;

    /** @param ledgerKeys the ledger keys the log published, by fingerprint */
    public EventAudit(Map<String, String> ledgerKeys) {
        this.ledgerKeys = Map.copyOf(ledgerKeys);
    }

    /** The next event of the log. */
    public void append(ChainLink.Entry entry) {
        long at = entry.position();
        for (long hole = position + 1; hole < at; hole++) {
            holes.add(hole);
        }
        position = Math.max(position, at);
        long wasSigned = signed;
        lastWasTrusted = signature(entry);
        sequence(entry, signed > wasSigned);
    }

    private boolean signature(ChainLink.Entry entry) {
        long at = entry.position();
        if (!EventSignatures.signed(entry)) {
            if (signed > 0) {
                findings.add(Finding.at(
                        at,
                        "the event at " + at + " carries no ledger signature although"
                                + " events before it do: its signature was removed or the event inserted"));
            } else {
                unsigned++;
                lastUnsigned = at;
            }
            return false;
        }
        signed++;
        String keyId = entry.metaData().get(EventSignatures.KEY_ID);
        String publicKey = keyId == null ? null : ledgerKeys.get(keyId);
        if (publicKey == null) {
            findings.add(Finding.at(
                    at,
                    "the event at " + at + " is signed by key " + keyId
                            + ", which the log never published as the ledger's: forged"));
            return false;
        }
        if (!EventSignatures.verifies(publicKey, entry)) {
            findings.add(Finding.at(
                    at,
                    "the event at " + at + " does not match the ledger's signature made"
                            + " when it was appended: its content was edited or swapped, or the signature moved"));
            return false;
        }
        return true;
    }

    /** Checks the sequence of a signed event only: the store could renumber an unsigned one at will. */
    private void sequence(ChainLink.Entry entry, boolean signedEvent) {
        if (entry.aggregateType() == null || entry.sequence() == null) {
            return;
        }
        long at = entry.position();
        long sequence = entry.sequence();
        Last last = aggregates.put(entry.aggregateId(), new Last(sequence, at));
        if (!signedEvent) {
            return;
        }
        if (last == null) {
            if (sequence != 0 && unsigned == 0) {
                findings.add(Finding.within(
                        0,
                        at - 1,
                        entry.aggregateType() + " " + entry.aggregateId()
                                + " starts at sequence " + sequence + " (position " + at + "): its first " + sequence
                                + " events were deleted before that position"));
            }
        } else if (sequence > last.sequence() + 1) {
            findings.add(Finding.within(
                    last.position() + 1,
                    at - 1,
                    entry.aggregateType() + " " + entry.aggregateId()
                            + " goes from sequence " + last.sequence() + " (position " + last.position() + ") to "
                            + sequence
                            + " (position " + at + "): the events between were deleted"));
        } else if (sequence <= last.sequence()) {
            aggregates.put(entry.aggregateId(), last);
            findings.add(Finding.at(
                    at,
                    "the event at " + at + " has sequence " + sequence + " of "
                            + entry.aggregateType() + " " + entry.aggregateId() + ", not after " + last.sequence()
                            + " at position " + last.position() + ": reordered or duplicated"));
        }
    }

    /**
     * The event just appended is the ledger's head over the log up to {@code coveredPosition}, listing the
     * positions up to there, after the previous head, that held no event when it was signed
     * ({@code emptyPositions}; null for a head written before heads listed them). The list is believed only
     * if the head's own signature verified.
     */
    public void head(long coveredPosition, Collection<Long> emptyPositions) {
        var covered = holes.headSet(coveredPosition, true);
        if (emptyPositions == null || !lastWasTrusted) {
            unvouched += covered.size();
        } else {
            for (long hole : covered) {
                if (!emptyPositions.contains(hole)) {
                    findings.add(Finding.at(
                            hole,
                            "no event at position " + hole + ", which the ledger's" + " head up to " + coveredPosition
                                    + " did not list as empty: the event there was deleted"));
                }
            }
            for (long declared : emptyPositions) {
                if (declared > coveredUpTo && declared <= coveredPosition && !holes.contains(declared)) {
                    findings.add(Finding.at(
                            declared,
                            "an event at position " + declared + ", which the" + " ledger's head up to "
                                    + coveredPosition + " listed as empty: inserted"));
                }
            }
        }
        covered.clear();
        coveredUpTo = Math.max(coveredUpTo, coveredPosition);
    }

    /** The verdict over everything fed so far. */
    public Verdict verdict() {
        findings.sort((a, b) -> a.from() != b.from() ? Long.compare(a.from(), b.from()) : Long.compare(a.to(), b.to()));
        return new Verdict(List.copyOf(findings), signed, unsigned, lastUnsigned, unvouched + holes.size());
    }
}
