package org.conventionledger.query.platform;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;

/** The exact global index of an event in the log. */
public final class EventPosition {

    private EventPosition() {}

    /**
     * On the JDBC store the read side stamps the index into the metadata
     * ({@link IndexStampingEventStorageEngine}), or the rebuild's reader carries it ({@link JdbcLogPages});
     * Axon Server's token index is the event's own.
     */
    public static long of(EventMessage<?> event, TrackingToken token) {
        if (event instanceof JdbcLogPages.IndexedEvent<?> read) {
            return read.globalIndex();
        }
        Object stamped = event.getMetaData().get(IndexStampingEventStorageEngine.GLOBAL_INDEX);
        if (stamped instanceof Number number) {
            return number.longValue();
        }
        return LogPosition.of(token).index();
    }
}
