package org.conventionledger.query.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * The JDBC event store as the read side streams it, with each event's own global index added to its
 * metadata under {@value #GLOBAL_INDEX}.
 *
 * <p>A tracking token's index is the highest index seen so far, which is not the event's own index when
 * the event fills a gap left by a slower transaction. Projections need the exact index to recognise a
 * re-delivered event, and the garants' trail needs it as the event's position in the log. (Axon
 * Server's tokens carry the exact index, so that profile needs no stamping.)
 */
public class IndexStampingEventStorageEngine extends JdbcEventStorageEngine {

    public static final String GLOBAL_INDEX = "globalIndex";

    private static final ObjectMapper JSON = new ObjectMapper();

    public IndexStampingEventStorageEngine(Builder builder) {
        super(builder);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        TrackedEventData<?> data = super.getTrackedEventData(resultSet, previousToken);
        long index = resultSet.getLong(schema().globalIndexColumn());
        return new TrackedDomainEventData<>(data.trackingToken(), new Stamped((DomainEventData<byte[]>) data, index));
    }

    private record Stamped(DomainEventData<byte[]> event, long index) implements DomainEventData<byte[]> {

        @Override
        public SerializedObject<byte[]> getMetaData() {
            SerializedObject<byte[]> original = event.getMetaData();
            try {
                ObjectNode metaData = (ObjectNode) JSON.readTree(original.getData());
                metaData.put(GLOBAL_INDEX, index);
                return new SimpleSerializedObject<>(JSON.writeValueAsBytes(metaData), byte[].class, original.getType());
            } catch (IOException e) {
                throw new UncheckedIOException("Unreadable metadata of event " + event.getEventIdentifier(), e);
            }
        }

        @Override
        public String getType() {
            return event.getType();
        }

        @Override
        public String getAggregateIdentifier() {
            return event.getAggregateIdentifier();
        }

        @Override
        public long getSequenceNumber() {
            return event.getSequenceNumber();
        }

        @Override
        public String getEventIdentifier() {
            return event.getEventIdentifier();
        }

        @Override
        public Instant getTimestamp() {
            return event.getTimestamp();
        }

        @Override
        public SerializedObject<byte[]> getPayload() {
            return event.getPayload();
        }
    }
}
