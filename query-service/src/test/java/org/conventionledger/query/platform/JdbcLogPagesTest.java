package org.conventionledger.query.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.query.platform.TestEvents.item;
import static org.conventionledger.query.platform.TestEvents.onlineBallot;
import static org.conventionledger.query.platform.TestEvents.votationOpened;
import static org.conventionledger.query.platform.TestEvents.votationScheduled;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.conventionledger.events.recruitment.DrawPlanned;
import org.conventionledger.events.recruitment.ListQuota;
import org.conventionledger.events.recruitment.RecruitmentUpcasters;
import org.conventionledger.events.votation.OnlineBallotCast;
import org.conventionledger.events.votation.VotationClosed;
import org.conventionledger.events.votation.VotationScheduled;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The rebuild's reader hands the handlers what Axon's engine would: the same events with the same
 * payloads, metadata (the own index stamped), timestamps and gap-aware tokens, the old revisions upcast,
 * the gaps waited for and read again, and forgotten after the gap timeout; and it never parses a payload
 * of a type nobody handles.
 */
class JdbcLogPagesTest {

    private static final Duration GAP_TIMEOUT = Duration.ofMinutes(10);
    private static final Set<Class<?>> HANDLED =
            Set.of(OnlineBallotCast.class, VotationScheduled.class, DrawPlanned.class);

    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(Jackson2ObjectMapperBuilder.json().build())
            .build();
    private JdbcDataSource source;
    private Connection held;
    private IndexStampingEventStorageEngine engine;

    @BeforeEach
    void createLog() throws Exception {
        source = new JdbcDataSource();
        source.setURL("jdbc:h2:mem:log-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        source.setUser("sa");
        held = source.getConnection();
        try (InputStream ddl = getClass().getResourceAsStream("/eventstore/schema-h2.sql");
                Statement statement = held.createStatement()) {
            String schema = new String(ddl.readAllBytes(), StandardCharsets.UTF_8);
            for (String sql : schema.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
        engine = new IndexStampingEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .upcasterChain(RecruitmentUpcasters.chain())
                .connectionProvider(source::getConnection)
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(new EventSchema())
                .dataType(byte[].class)
                .gapTimeout((int) GAP_TIMEOUT.toMillis())
                .maxGapOffset(Integer.MAX_VALUE)
                .batchSize(1_000));
    }

    @AfterEach
    void dropLog() throws SQLException {
        try (Statement statement = held.createStatement()) {
            statement.execute("SHUTDOWN");
        }
        held.close();
    }

    @Test
    void deliversTheEventsAndTokensAxonsEngineDelivers() throws Exception {
        append("Votation", "v", 0, votationScheduled("c", "v", "V", item(1, SOCIAL)));
        rolledBackRow();
        append("Votation", "v", 1, votationOpened("c", "v"));
        for (int i = 0; i < 25; i++) {
            append("OnlineBallot", "b-" + i, 0, onlineBallot("c", "v", "b-" + i, 1));
            if (i % 7 == 3) {
                rolledBackRow();
                rolledBackRow();
            }
        }
        rawRow(DrawPlanned.class.getName(), "1", """
                {"conventionId":"c","drawId":"d","lists":[{"listId":"roll","count":2}],"overall":0,
                 "seedCommitment":"ab","algorithm":"draw-v1"}""");

        List<TrackedEventMessage<?>> expected = new ArrayList<>();
        engine.readEvents(null, false)
                .filter(event -> HANDLED.contains(event.getPayloadType()))
                .forEach(expected::add);
        List<TrackedEventMessage<?>> read = readAll(pages(7, Clock.systemUTC()), HANDLED::contains);

        assertThat(read).hasSize(expected.size()).hasSize(27);
        for (int i = 0; i < expected.size(); i++) {
            TrackedEventMessage<?> axon = expected.get(i);
            TrackedEventMessage<?> ours = read.get(i);
            assertThat(ours.getIdentifier()).isEqualTo(axon.getIdentifier());
            assertThat(ours.getPayloadType()).isEqualTo(axon.getPayloadType());
            assertThat(ours.getPayload()).isEqualTo(axon.getPayload());
            assertThat(ours.getMetaData()).isEqualTo(axon.getMetaData());
            assertThat(ours.getTimestamp()).isEqualTo(axon.getTimestamp());
            assertThat(ours.trackingToken()).isEqualTo(axon.trackingToken());
            assertThat(EventPosition.of(ours, ours.trackingToken()))
                    .isEqualTo(EventPosition.of(axon, axon.trackingToken()));
            DomainEventMessage<?> domain = (DomainEventMessage<?>) ours;
            DomainEventMessage<?> axonDomain = (DomainEventMessage<?>) axon;
            assertThat(domain.getAggregateIdentifier()).isEqualTo(axonDomain.getAggregateIdentifier());
            assertThat(domain.getSequenceNumber()).isEqualTo(axonDomain.getSequenceNumber());
            assertThat(domain.getType()).isEqualTo(axonDomain.getType());
        }
        assertThat(((GapAwareTrackingToken) read.get(5).trackingToken()).getGaps())
                .as("the rolled-back positions are waited for")
                .isNotEmpty();
        assertThat(read.get(read.size() - 1).getPayload())
                .as("a draw logged as revision 1 reaches the handlers as the upcasters read it")
                .isEqualTo(new DrawPlanned("c", "d", List.of(new ListQuota("roll", 2)), 0, "ab", "draw-v1", null));
    }

    @Test
    void aPayloadOfATypeNobodyHandlesIsNeverParsed() throws Exception {
        append("Votation", "v", 0, votationScheduled("c", "v", "V", item(1, SOCIAL)));
        long broken = rawRow(
                VotationClosed.class.getName(),
                serializer.typeForClass(VotationClosed.class).getRevision(),
                "not json at all");
        append("OnlineBallot", "b", 0, onlineBallot("c", "v", "b", 1));

        JdbcLogPages pages = pages(100, Clock.systemUTC());
        List<TrackedEventMessage<?>> read = readAll(pages, HANDLED::contains);

        assertThat(read.stream().map(e -> (Object) e.getPayloadType()).toList())
                .containsExactly(VotationScheduled.class, OnlineBallotCast.class);
        assertThat(read.get(1).trackingToken().position()).hasValue(broken + 1);
        assertThatThrownBy(() -> readAll(pages, type -> true).forEach(TrackedEventMessage::getPayload))
                .as("the same row, handled, is parsed and fails")
                .hasMessageContaining("not");
    }

    @Test
    void anEventCommittedLateFillsItsGapWithItsOwnIndexAndOldGapsAreForgotten() throws Exception {
        append("Votation", "v", 0, votationScheduled("c", "v", "V", item(1, SOCIAL)));
        try (Connection late = source.getConnection()) {
            late.setAutoCommit(false);
            long lateIndex = insertBallot(late, "late");
            append("OnlineBallot", "b-1", 0, onlineBallot("c", "v", "b-1", 1));
            append("OnlineBallot", "b-2", 0, onlineBallot("c", "v", "b-2", 1));

            LogPages.Reading reading = pages(100, Clock.systemUTC()).fromStart(HANDLED::contains);
            List<TrackedEventMessage<?>> first = new ArrayList<>();
            assertThat(reading.next(first)).isTrue();
            assertThat(first).hasSize(3);
            assertThat(((GapAwareTrackingToken) reading.token()).getGaps()).containsExactly(lateIndex);

            late.commit();
            List<TrackedEventMessage<?>> second = new ArrayList<>();
            assertThat(reading.next(second)).isTrue();
            assertThat(second).hasSize(1);
            TrackedEventMessage<?> filled = second.get(0);
            assertThat(((OnlineBallotCast) filled.getPayload()).ballotId()).isEqualTo("late");
            assertThat(EventPosition.of(filled, filled.trackingToken())).isEqualTo(lateIndex);
            assertThat(filled.trackingToken().position()).hasValue(lateIndex + 2);
            assertThat(LogPosition.of(first.get(2).trackingToken()).contains(lateIndex))
                    .as("the events read before it do not cover it")
                    .isFalse();
            assertThat(((GapAwareTrackingToken) reading.token()).getGaps()).isEmpty();
            assertThat(reading.next(new ArrayList<>())).isFalse();
        }

        try (Connection never = source.getConnection()) {
            never.setAutoCommit(false);
            insertBallot(never, "never");
            append("OnlineBallot", "b-3", 0, onlineBallot("c", "v", "b-3", 1));
            Clock later = Clock.fixed(Instant.now().plus(GAP_TIMEOUT).plusSeconds(60), ZoneOffset.UTC);
            LogPages.Reading reading = pages(100, later).fromStart(HANDLED::contains);
            while (reading.next(new ArrayList<>())) {
                // to the head
            }
            assertThat(((GapAwareTrackingToken) reading.token()).getGaps())
                    .as("a gap older than the gap timeout is given up, as the engine does")
                    .isEmpty();
            never.rollback();
        }
    }

    private JdbcLogPages pages(int pageSize, Clock clock) {
        return new JdbcLogPages(
                source::getConnection,
                new EventSchema(),
                serializer,
                RecruitmentUpcasters.chain(),
                GAP_TIMEOUT,
                pageSize,
                clock);
    }

    private static List<TrackedEventMessage<?>> readAll(LogPages pages, Predicate<Class<?>> handled) throws Exception {
        List<TrackedEventMessage<?>> all = new ArrayList<>();
        try (LogPages.Reading reading = pages.fromStart(handled)) {
            while (reading.next(all)) {
                // page after page
            }
        }
        return all;
    }

    private void append(String type, String aggregate, long sequence, Object payload) {
        engine.appendEvents(new GenericDomainEventMessage<>(
                type,
                aggregate,
                sequence,
                payload,
                MetaData.with("actorId", "organiser").and("actorRole", "ORGANISER")));
    }

    /** A position taken by a transaction that rolled back: a gap for good. */
    private void rolledBackRow() throws SQLException {
        try (Connection connection = source.getConnection()) {
            connection.setAutoCommit(false);
            insertBallot(connection, "rolled-back-" + UUID.randomUUID());
            connection.rollback();
        }
    }

    private long insertBallot(Connection connection, String ballot) throws SQLException {
        byte[] payload = serializer
                .serialize(onlineBallot("c", "v", ballot, 1), byte[].class)
                .getData();
        return insert(connection, OnlineBallotCast.class.getName(), null, payload, ballot);
    }

    /** A row as some writer stored it: a type, a revision and bytes. */
    private long rawRow(String payloadType, String revision, String payload) throws SQLException {
        try (Connection connection = source.getConnection()) {
            return insert(connection, payloadType, revision, payload.getBytes(StandardCharsets.UTF_8), "raw");
        }
    }

    private static long insert(
            Connection connection, String payloadType, String revision, byte[] payload, String aggregate)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO DomainEventEntry (eventIdentifier, aggregateIdentifier, sequenceNumber, type,"
                        + " payloadType, payloadRevision, payload, metaData, timeStamp)"
                        + " VALUES (?, ?, 0, 'Raw', ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, aggregate + "-" + UUID.randomUUID());
            insert.setString(3, payloadType);
            insert.setString(4, revision);
            insert.setBytes(5, payload);
            insert.setBytes(6, "{}".getBytes(StandardCharsets.UTF_8));
            insert.setString(7, DateTimeUtils.formatInstant(Instant.now()));
            insert.executeUpdate();
            try (var keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }
}
