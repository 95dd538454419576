package org.conventionledger.query.platform;

import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;

/**
 * A part of the log, as a projection document remembers it: every index up to {@code index} except the
 * {@code gaps} (indexes not yet committed when the stream passed them).
 *
 * <p>This is what makes projections idempotent without transactions. A document stores the part of
 * the log it has absorbed in the same atomic write as the change itself. Events touching a document
 * arrive in stream order on one segment, so every event of that part that concerns the document has
 * been applied; an event re-delivered after a crash is recognised because its own index is
 * {@link #contains contained}, while a late event filling a gap is not.
 */
public record LogPosition(long index, List<Long> gaps) {

    public LogPosition {
        // no gaps is the rule: one event after another, twice per event, without copying
        gaps = gaps == null || gaps.isEmpty() ? List.of() : List.copyOf(new TreeSet<>(gaps));
    }

    /** The part of the log a stream has seen when it hands over the event carrying this token. */
    public static LogPosition of(TrackingToken token) {
        TrackingToken inner = WrappedToken.unwrapLowerBound(token);
        if (inner instanceof GapAwareTrackingToken gapAware) {
            return new LogPosition(gapAware.getIndex(), List.copyOf(gapAware.getGaps()));
        }
        if (inner instanceof GlobalSequenceTrackingToken global) {
            return new LogPosition(global.getGlobalIndex(), List.of());
        }
        throw new IllegalArgumentException("Unsupported tracking token: " + token);
    }

    /** Whether the token is a JDBC store's, with gaps (rather than Axon Server's plain sequence). */
    static boolean isGapAware(TrackingToken token) {
        return WrappedToken.unwrapLowerBound(token) instanceof GapAwareTrackingToken;
    }

    public boolean contains(long eventIndex) {
        // gaps are sorted; asked for every event of every batch
        return eventIndex <= index && Collections.binarySearch(gaps, eventIndex) < 0;
    }

    /** Everything either part holds. */
    public LogPosition union(LogPosition other) {
        LogPosition low = index <= other.index ? this : other;
        LogPosition high = low == this ? other : this;
        if (high.gaps.isEmpty()) {
            return high;
        }
        TreeSet<Long> stillMissing = new TreeSet<>();
        for (long gap : high.gaps) {
            if (!low.contains(gap)) {
                stillMissing.add(gap);
            }
        }
        return new LogPosition(high.index, List.copyOf(stillMissing));
    }
}
