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
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        return new Reading() {
            private TrackingToken token;

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
