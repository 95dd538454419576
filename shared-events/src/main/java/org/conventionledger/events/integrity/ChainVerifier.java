package org.conventionledger.events.integrity;

import java.util.List;

/**
 * Recomputes the integrity chain over an export of the log and compares it with the links the ledger
 * recorded and with a seal. Pure: it reads nothing but what it is given.
 */
public final class ChainVerifier {

    /** One exported event: the fields the chain covers and the link the ledger recorded (may be null). */
    public record Line(ChainLink.Entry entry, String recordedHash) {}

    /**
     * The verdict. {@code intact} when every recorded link and the seal match; otherwise
     * {@code firstDifference} is the first position where the recomputed chain departs from the
     * recorded one (or the seal's position when only the seal disagrees) and {@code reason} says how.
     */
    public record Result(boolean intact, Long firstDifference, String reason, long checked, String recomputedHead) {}

    private ChainVerifier() {}

    /**
     * @param lines        the export, in log order
     * @param sealPosition the sealed position (the chain's last position when sealed), or null
     * @param sealHead     the sealed head hash, or null
     */
    public static Result verify(List<Line> lines, Long sealPosition, String sealHead) {
        String hash = ChainLink.GENESIS;
        long previous = Long.MIN_VALUE;
        long checked = 0;
        String headAtSeal = sealPosition != null && sealPosition < 0 ? ChainLink.GENESIS : null;
        for (Line line : lines) {
            long position = line.entry().position();
            if (position <= previous) {
                return new Result(
                        false, position, "positions are not in increasing log order at " + position, checked, hash);
            }
            previous = position;
            hash = ChainLink.hash(hash, line.entry());
            checked++;
            if (line.recordedHash() != null && !line.recordedHash().equals(hash)) {
                return new Result(
                        false,
                        position,
                        "the event at position " + position
                                + " (or one before it) differs from what the ledger chained",
                        checked,
                        hash);
            }
            if (sealPosition != null && position == sealPosition) {
                headAtSeal = hash;
            }
            if (sealPosition != null && position > sealPosition && headAtSeal == null) {
                return new Result(
                        false,
                        sealPosition,
                        "the sealed position " + sealPosition + " is missing from the export",
                        checked,
                        hash);
            }
        }
        if (sealPosition != null) {
            if (headAtSeal == null) {
                return new Result(
                        false,
                        sealPosition,
                        "the export ends before the sealed position " + sealPosition,
                        checked,
                        hash);
            }
            if (!headAtSeal.equals(sealHead)) {
                return new Result(
                        false,
                        sealPosition,
                        "the chain's head at the sealed position differs from the seal",
                        checked,
                        headAtSeal);
            }
        }
        return new Result(true, null, "intact", checked, hash);
    }
}
