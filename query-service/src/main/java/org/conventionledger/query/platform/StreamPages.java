package org.conventionledger.query.platform;

import java.util.List;
import java.util.function.Predicate;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The log read through Axon's event stream, for stores the JDBC reader does not read ({@link JdbcLogPages}):
 * Axon Server, and the in-memory store of tests.
 */
public final class StreamPages implements LogPages {

    private final StreamableMessageSource<TrackedEventMessage<?>> source;
    private final int pageSize;

    public StreamPages(StreamableMessageSource<TrackedEventMessage<?>> source, int pageSize) {
        this.source = source;
        this.pageSize = pageSize;
    }

    @Override
    public Reading fromStart(Predicate<Class<?>> handled) {
        return reading(source.openStream(null), handled, pageSize, null);
    }

    @Override
    public Reading from(TrackingToken token, int positions, Predicate<Class<?>> wanted) {
        return reading(source.openStream(token), type -> true, positions, token);
    }

    private static Reading reading(
            BlockingStream<TrackedEventMessage<?>> stream,
            Predicate<Class<?>> handled,
            int pageSize,
            TrackingToken from) {
        return new Reading() {
            private TrackingToken token = from;

            @Override
            public boolean next(List<TrackedEventMessage<?>> into) throws InterruptedException {
                int read = 0;
                while (read < pageSize && stream.hasNextAvailable()) {
                    TrackedEventMessage<?> event = stream.nextAvailable();
                    token = event.trackingToken();
                    if (handled.test(event.getPayloadType())) {
                        into.add(event);
                    }
                    read++;
                }
                return read > 0;
            }

            @Override
            public TrackingToken token() {
                return token;
            }

            @Override
            public void close() {
                stream.close();
            }
        };
    }
}
