package org.conventionledger.query.platform;

import java.util.List;
import java.util.function.Predicate;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

/**
 * The log read in pages, for a replay that hands events to handlers itself ({@link BulkReplay}) rather than
 * through an event processor, and for the tail an "as of" view reads from a checkpoint ({@link LogTail}).
 */
public interface LogPages {

    /** A reading of the log from its start; only events whose payload type {@code handled} accepts are kept. */
    Reading fromStart(Predicate<Class<?>> handled);

    /**
     * A reading of every event after {@code token} (from the start if null), the events filling the token's
     * gaps first, about {@code positions} positions a page; payloads of the types {@code wanted} accepts may
     * be deserialized as they are read, the others only when asked for.
     */
    Reading from(TrackingToken token, int positions, Predicate<Class<?>> wanted);

    /** One pass over the log, page after page. */
    interface Reading extends AutoCloseable {

        /**
         * Adds the handled events of the next page to {@code into}, in the order the processor would deliver
         * them. False once a page reads nothing: the head is reached.
         */
        boolean next(List<TrackedEventMessage<?>> into) throws Exception;

        /** Where the reading stands, with the gaps it still waits for; null before the first event. */
        TrackingToken token();

        @Override
        void close();
    }
}
