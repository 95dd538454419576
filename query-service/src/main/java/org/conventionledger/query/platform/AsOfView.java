package org.conventionledger.query.platform;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;

/**
 * A view rebuilt from the log as it stood at a bound: the live view's fields, unchanged, followed by
 * what the replay covered.
 *
 * @param view          the view, with the fields of the live endpoint (serialized inline)
 * @param asOf          the instant asked (events recorded at or before it), null if only a position was
 * @param asOfPosition  the position asked (events at or before it), null if only an instant was
 * @param lastPosition  the highest position of the log the view includes (whatever its convention), null
 *                      if the bound lies before the first event; {@code asOfPosition=lastPosition} gives
 *                      the same view
 * @param eventsRead    events read from the event store to rebuild the view
 * @param eventsApplied events that changed this view
 */
public record AsOfView<T>(
        @JsonUnwrapped T view,
        Instant asOf,
        Long asOfPosition,
        Long lastPosition,
        long eventsRead,
        long eventsApplied) {

    public static <T> AsOfView<T> of(T view, LogReplay.Replayed replayed) {
        return new AsOfView<>(
                view,
                replayed.bound().instant(),
                replayed.bound().position(),
                replayed.lastPosition(),
                replayed.eventsRead(),
                replayed.eventsApplied());
    }
}
