package org.conventionledger.query.platform;

import java.nio.charset.StandardCharsets;
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

    /**
     * The metadata (a JSON object) with the index added as its last member, without parsing it: a full
     * parse and write per event cost more than the rest of a rebuild's reading. Jackson keeps the last of
     * two members of one name, so the index stamped wins over any stored under the same name.
     */
    static byte[] stamp(byte[] metaData, long index) {
        int end = metaData == null ? -1 : metaData.length - 1;
        while (end >= 0 && metaData[end] != '}') {
            end--;
        }
        if (end < 0) {
            return ("{\"" + GLOBAL_INDEX + "\":" + index + "}").getBytes(StandardCharsets.UTF_8);
        }
        int last = end - 1;
        while (last >= 0 && Character.isWhitespace(metaData[last])) {
            last--;
        }
        boolean empty = last >= 0 && metaData[last] == '{';
        byte[] member = ((empty ? "" : ",") + "\"" + GLOBAL_INDEX + "\":" + index).getBytes(StandardCharsets.UTF_8);
        byte[] stamped = new byte[metaData.length + member.length];
        System.arraycopy(metaData, 0, stamped, 0, end);
        System.arraycopy(member, 0, stamped, end, member.length);
        System.arraycopy(metaData, end, stamped, end + member.length, metaData.length - end);
        return stamped;
    }

    private record Stamped(DomainEventData<byte[]> event, long index) implements DomainEventData<byte[]> {

        @Override
        public SerializedObject<byte[]> getMetaData() {
            SerializedObject<byte[]> original = event.getMetaData();
            return new SimpleSerializedObject<>(stamp(original.getData(), index), byte[].class, original.getType());
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
