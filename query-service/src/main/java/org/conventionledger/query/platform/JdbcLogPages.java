package org.conventionledger.query.platform;

import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.LazyDeserializingObject;
import org.axonframework.serialization.SerializedMessage;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

/**
 * The JDBC log read straight from its table, below Axon's event store (ADR-014): pages of rows by global
 * index, the index and the timestamp taken from their columns, only the payloads of the handled types
 * deserialized (others passed over by their type name), the metadata deserialized only if a handler asks
 * for it. Each event is delivered as Axon's processor would deliver it: the same message, with the
 * gap-aware token the processor would hold after it, its own index known to {@link EventPosition}.
 *
 * <p>A row whose revision is the current one of its payload class is read directly; any other (an older
 * revision, an unknown type name) goes through the upcaster chain as Axon's engine would read it, since
 * the upcasters of this log each upcast one older revision of a type. Gaps are kept in the token, read
 * again with every page, and forgotten once the event after them is older than the gap timeout, as the
 * engine does (ADR-004).
 */
public final class JdbcLogPages implements LogPages {

    private static final SerializedType META_DATA = new SimpleSerializedType(MetaData.class.getName(), null);
    /** Gaps read again in one query at most. */
    private static final int GAPS_PER_QUERY = 1_000;

    private final ConnectionProvider connections;
    private final Serializer serializer;
    private final EventUpcaster upcasters;
    private final Duration gapTimeout;
    private final int pageSize;
    private final Clock clock;
    private final String tail;
    private final String gaps;

    public JdbcLogPages(
            ConnectionProvider connections,
            EventSchema schema,
            Serializer serializer,
            EventUpcaster upcasters,
            Duration gapTimeout,
            int pageSize,
            Clock clock) {
        this.connections = connections;
        this.serializer = serializer;
        this.upcasters = upcasters;
        this.gapTimeout = gapTimeout;
        this.pageSize = pageSize;
        this.clock = clock;
        String select = "SELECT "
                + String.join(
                        ", ",
                        schema.globalIndexColumn(),
                        schema.timestampColumn(),
                        schema.payloadTypeColumn(),
                        schema.payloadRevisionColumn(),
                        schema.payloadColumn(),
                        schema.metaDataColumn(),
                        schema.eventIdentifierColumn(),
                        schema.aggregateIdentifierColumn(),
                        schema.sequenceNumberColumn(),
                        schema.typeColumn())
                + " FROM " + schema.domainEventTable() + " WHERE ";
        this.tail = select + schema.globalIndexColumn() + " > ? ORDER BY " + schema.globalIndexColumn() + " LIMIT ?";
        this.gaps = select + schema.globalIndexColumn() + " IN (%s) ORDER BY " + schema.globalIndexColumn();
    }

    @Override
    public Reading fromStart(Predicate<Class<?>> handled) {
        return new JdbcReading(handled, false, null, pageSize);
    }

    /**
     * {@inheritDoc} What an "as of" replay reads from a checkpoint ({@link LogTail}), with a page the size of
     * the checkpoints' interval; the index and the timestamp come from their columns, the metadata is
     * deserialized only if asked for.
     */
    @Override
    public Reading from(TrackingToken token, int positions, Predicate<Class<?>> wanted) {
        return new JdbcReading(wanted, true, token, positions);
    }

    /** An event read here, with its own index in the log, which its token's is not when it fills a gap. */
    static final class IndexedEvent<T> extends GenericTrackedDomainEventMessage<T> {

        private final long globalIndex;

        IndexedEvent(
                TrackingToken token,
                String aggregateType,
                String aggregateIdentifier,
                long sequenceNumber,
                SerializedMessage<T> message,
                String timestamp,
                long globalIndex) {
            super(
                    token,
                    aggregateType,
                    aggregateIdentifier,
                    sequenceNumber,
                    message,
                    () -> DateTimeUtils.parseInstant(timestamp));
            this.globalIndex = globalIndex;
        }

        long globalIndex() {
            return globalIndex;
        }
    }

    private record RowType(String name, String revision) {}

    /** How rows of one payload type and revision are read. */
    private record Reader(Class<?> type, ObjectReader json, boolean upcast) {}

    private static final Reader SKIPPED = new Reader(null, null, false);
    private static final Reader UPCAST = new Reader(null, null, true);

    private final class JdbcReading implements Reading {

        private final Predicate<Class<?>> handled;
        /** Whether the rows of the types not handled are delivered too (their payloads left serialized). */
        private final boolean everyRow;

        private final int positions;
        private final Map<RowType, Reader> readers = new HashMap<>();
        /** The first gap of each run of gaps still waited for, with the timestamp of the event after it. */
        private final TreeMap<Long, Instant> gapRuns = new TreeMap<>();

        private GapAwareTrackingToken token;
        private String lastType;
        private String lastRevision;
        private Reader lastReader;

        JdbcReading(Predicate<Class<?>> handled, boolean everyRow, TrackingToken from, int positions) {
            this.handled = handled;
            this.everyRow = everyRow;
            this.positions = positions;
            if (from != null) {
                token = from instanceof GapAwareTrackingToken gapAware
                        ? gapAware
                        : GapAwareTrackingToken.newInstance(from.position().orElse(-1), List.of());
                // how old the token's gaps are is not known here: each is kept for the gap timeout from now
                long previous = Long.MIN_VALUE;
                Instant now = clock.instant();
                for (long gap : token.getGaps()) {
                    if (gap != previous + 1) {
                        gapRuns.put(gap, now);
                    }
                    previous = gap;
                }
            }
        }

        @Override
        public boolean next(List<TrackedEventMessage<?>> into) throws SQLException, IOException {
            int read = 0;
            try (Connection connection = connections.getConnection()) {
                if (token != null && token.hasGaps()) {
                    List<Long> waited = new ArrayList<>(token.getGaps());
                    for (int from = 0; from < waited.size(); from += GAPS_PER_QUERY) {
                        List<Long> some = waited.subList(from, Math.min(waited.size(), from + GAPS_PER_QUERY));
                        String in = String.join(
                                ",", some.stream().map(String::valueOf).toList());
                        try (PreparedStatement query = connection.prepareStatement(gaps.formatted(in))) {
                            read += read(query, into);
                        }
                    }
                }
                try (PreparedStatement query = connection.prepareStatement(tail)) {
                    query.setLong(1, token == null ? -1 : token.getIndex());
                    query.setInt(2, positions);
                    // the whole page in one round trip: H2's TCP client fetches 100 rows at a time otherwise
                    query.setFetchSize(positions);
                    read += read(query, into);
                }
            }
            forgetOldGaps();
            return read > 0;
        }

        @Override
        public TrackingToken token() {
            return token;
        }

        @Override
        public void close() {
            // each page holds its connection only while it reads
        }

        private int read(PreparedStatement query, List<TrackedEventMessage<?>> into) throws SQLException, IOException {
            int read = 0;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    read++;
                    long index = rows.getLong(1);
                    advanceTo(index, rows);
                    Reader reader = reader(rows.getString(3), rows.getString(4));
                    if (reader.upcast) {
                        upcast(index, rows, into);
                    } else if (reader != SKIPPED) {
                        into.add(direct(index, reader, rows));
                    } else if (everyRow) {
                        into.add(serialized(index, rows));
                    }
                }
            }
            return read;
        }

        private void advanceTo(long index, ResultSet row) throws SQLException {
            if (token == null) {
                // as Axon's engine starts: every index from 1 below the first event is a gap
                token = GapAwareTrackingToken.newInstance(
                        index,
                        LongStream.range(Math.min(1, index), index).boxed().toList());
                if (index > 1) {
                    gapRuns.put(1L, DateTimeUtils.parseInstant(row.getString(2)));
                }
                return;
            }
            long previous = token.getIndex();
            token = token.advanceTo(index, Integer.MAX_VALUE);
            if (index > previous + 1) {
                gapRuns.put(previous + 1, DateTimeUtils.parseInstant(row.getString(2)));
            }
        }

        /** Drops the runs of gaps whose next event is older than the gap timeout, oldest first. */
        private void forgetOldGaps() {
            if (token == null || !token.hasGaps()) {
                gapRuns.clear();
                return;
            }
            Instant expired = clock.instant().minus(gapTimeout);
            Iterator<Entry<Long, Instant>> runs = gapRuns.entrySet().iterator();
            long keptFrom = token.getIndex() + 1;
            while (runs.hasNext()) {
                Entry<Long, Instant> run = runs.next();
                if (!run.getValue().isBefore(expired)) {
                    keptFrom = run.getKey();
                    break;
                }
                runs.remove();
            }
            token = token.withGapsTruncatedAt(keptFrom);
        }

        /** The reader of the previous row's type if the same (runs of one type are the rule), else looked up. */
        private Reader reader(String name, String revision) {
            if (!name.equals(lastType) || !Objects.equals(revision, lastRevision)) {
                lastType = name;
                lastRevision = revision;
                lastReader = reader(new RowType(name, revision));
            }
            return lastReader;
        }

        private Reader reader(RowType row) {
            return readers.computeIfAbsent(row, key -> {
                Class<?> type = serializer.classForType(new SimpleSerializedType(key.name(), key.revision()));
                if (UnknownSerializedType.class.equals(type)
                        || !Objects.equals(serializer.typeForClass(type).getRevision(), key.revision())) {
                    return UPCAST;
                }
                if (!handled.test(type)) {
                    return SKIPPED;
                }
                ObjectReader json = serializer instanceof JacksonSerializer jackson
                        ? jackson.getObjectMapper().readerFor(type)
                        : null;
                return new Reader(type, json, false);
            });
        }

        private TrackedEventMessage<?> direct(long index, Reader reader, ResultSet row)
                throws SQLException, IOException {
            byte[] payloadBytes = row.getBytes(5);
            Object payload = reader.json != null
                    ? reader.json.readValue(payloadBytes)
                    : serializer.deserialize(new SimpleSerializedObject<>(
                            payloadBytes, byte[].class, row.getString(3), row.getString(4)));
            return indexed(index, row, new LazyDeserializingObject<>(payload));
        }

        /** A row of a type not handled, its payload deserialized only if asked for. */
        private TrackedEventMessage<?> serialized(long index, ResultSet row) throws SQLException {
            SimpleSerializedObject<byte[]> payload =
                    new SimpleSerializedObject<>(row.getBytes(5), byte[].class, row.getString(3), row.getString(4));
            return indexed(index, row, new LazyDeserializingObject<>(payload, serializer));
        }

        /** The event of a row with its payload as given, its metadata deserialized (index stamped) if asked. */
        private TrackedEventMessage<?> indexed(long index, ResultSet row, LazyDeserializingObject<?> payload)
                throws SQLException {
            byte[] metaData = row.getBytes(6);
            LazyDeserializingObject<MetaData> lazyMetaData = new LazyDeserializingObject<>(
                    () -> new SimpleSerializedObject<>(
                            IndexStampingEventStorageEngine.stamp(metaData, index), byte[].class, META_DATA),
                    META_DATA,
                    serializer);
            return new IndexedEvent<>(
                    token,
                    row.getString(10),
                    row.getString(8),
                    row.getLong(9),
                    new SerializedMessage<>(row.getString(7), payload, lazyMetaData),
                    row.getString(2),
                    index);
        }

        /** The row as Axon's engine reads it: through the upcaster chain, its index stamped in its metadata. */
        private void upcast(long index, ResultSet row, List<TrackedEventMessage<?>> into) throws SQLException {
            TrackedDomainEventData<byte[]> data = new TrackedDomainEventData<>(
                    token,
                    new GenericDomainEventEntry<>(
                            row.getString(10),
                            row.getString(8),
                            row.getLong(9),
                            row.getString(7),
                            row.getString(2),
                            row.getString(3),
                            row.getString(4),
                            row.getBytes(5),
                            IndexStampingEventStorageEngine.stamp(row.getBytes(6), index)));
            EventUtils.upcastAndDeserializeTrackedEvents(Stream.of(data), serializer, upcasters)
                    .filter(event -> everyRow || handled.test(event.getPayloadType()))
                    .forEach(into::add);
        }
    }
}
