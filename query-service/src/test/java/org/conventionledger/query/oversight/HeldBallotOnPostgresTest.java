package org.conventionledger.query.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.query.platform.TestEvents.conventionOpened;
import static org.conventionledger.query.platform.TestEvents.item;
import static org.conventionledger.query.platform.TestEvents.onlineBallot;
import static org.conventionledger.query.platform.TestEvents.votationOpened;
import static org.conventionledger.query.platform.TestEvents.votationScheduled;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.conventionledger.events.votation.OnlineBallotCast;
import org.conventionledger.query.QueryServiceApplication;
import org.conventionledger.query.platform.ReadServiceTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The fault of issue 12 on PostgreSQL, with the real gap settings: one ballot's transaction takes its
 * position and stays open while more than 12,000 events are appended after it (beyond Axon's default
 * {@code maxGapOffset} of 10,000) and longer than the 30 s after which the integrity chain used to give
 * up on a gap. Once it commits, the ranking and the dashboard count it exactly once, the garants' trail
 * holds it and the chain covers it, and the export verifies.
 */
@SpringBootTest(classes = QueryServiceApplication.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@EnabledIfEnvironmentVariable(named = "LEDGER_TEST_POSTGRES_URL", matches = ".+")
class HeldBallotOnPostgresTest extends ReadServiceTest {

    private static final String URL = System.getenv("LEDGER_TEST_POSTGRES_URL");
    private static final String USER = System.getenv().getOrDefault("LEDGER_TEST_POSTGRES_USER", "ledger");
    private static final String PASSWORD = System.getenv().getOrDefault("LEDGER_TEST_POSTGRES_PASSWORD", "");
    private static final int AFTER = 12_500;
    private static final Duration HELD_AT_LEAST = Duration.ofSeconds(35);

    private static final String CONVENTION = "conv-" + UUID.randomUUID();
    private static final String VOTATION = "vot-" + UUID.randomUUID();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws SQLException {
        String schema = "held_" + System.nanoTime();
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
            connection.createStatement().execute("CREATE SCHEMA " + schema);
        }
        registry.add("spring.datasource.url", () -> URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
        registry.add("ledger.eventstore.dialect", () -> "postgresql");
        registry.add("ledger.audit.chain-interval", () -> "PT0.5S");
    }

    @Autowired
    @Qualifier("eventSerializer")
    Serializer serializer;

    @Autowired
    javax.sql.DataSource dataSource;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    AuditTrailController controller;

    @Autowired
    ChainSealer sealer;

    @Test
    void aBallotCommittedAfter12500LaterEventsAndMinutesOfWaitIsCountedOnceAndChained() throws Exception {
        eventStore.publish(List.of(
                new GenericDomainEventMessage<>(
                        "Convention", CONVENTION, 0, conventionOpened(CONVENTION, "C", "Lyon", SOCIAL), actor()),
                new GenericDomainEventMessage<>(
                        "Votation",
                        VOTATION,
                        0,
                        votationScheduled(CONVENTION, VOTATION, "V", item(1, SOCIAL), item(2, SOCIAL)),
                        actor()),
                new GenericDomainEventMessage<>(
                        "Votation", VOTATION, 1, votationOpened(CONVENTION, VOTATION), actor())));

        try (Connection held = DriverManager.getConnection(dataSourceUrl(), USER, PASSWORD)) {
            held.setAutoCommit(false);
            Instant heldSince = Instant.now();
            long heldPosition = insertBallot(held, "ballot-held", 2);

            List<EventMessage<?>> batch = new ArrayList<>();
            for (int i = 0; i < AFTER; i++) {
                String ballot = "ballot-" + i;
                batch.add(new GenericDomainEventMessage<>(
                        "OnlineBallot", ballot, 0, onlineBallot(CONVENTION, VOTATION, ballot, 1), actor()));
                if (batch.size() == 500) {
                    eventStore.publish(batch);
                    batch.clear();
                }
            }
            long last = maxIndex();
            assertThat(last - heldPosition)
                    .as("events appended after the held one")
                    .isGreaterThan(12_000);

            await(
                    () -> onlineBallots() == AFTER && trailHas(last),
                    Duration.ofMinutes(3),
                    "the ranking and the trail reach the head while the ballot is held");
            while (Instant.now().isBefore(heldSince.plus(HELD_AT_LEAST))) {
                assertThat(sealer.extend().position())
                        .as("the chain waits at the open position")
                        .isEqualTo(heldPosition - 1);
                Thread.sleep(1_000);
            }
            held.commit();

            await(
                    () -> onlineBallots() == AFTER + 1 && trailHas(heldPosition),
                    Duration.ofMinutes(2),
                    "the late ballot is projected");
            await(() -> sealer.extend().position() == last, Duration.ofMinutes(1), "the chain reaches the head");
        }
        Thread.sleep(2_000); // a second chance to count it twice
        Document ranking = mongo.findById(VOTATION, Document.class, "rankings");
        assertThat(((Number) ranking.get("onlineBallots")).longValue()).isEqualTo(AFTER + 1);
        Document dashboard = mongo.findById(CONVENTION, Document.class, "dashboards");
        Document figures = dashboard.get("votations", Document.class).get(VOTATION, Document.class);
        assertThat(((Number) figures.get("onlineBallots")).longValue()).isEqualTo(AFTER + 1);
        assertThat(mongo.findAll(AbandonedPositions.class))
                .as("no position was given up")
                .isEmpty();

        AuditTrailController.Seal seal = controller.seal();
        assertThat(ExportedLog.verify(controller, seal).reason()).isEqualTo("intact");
        assertThat(ExportedLog.lines(controller))
                .hasSize(AFTER + 4)
                .allSatisfy(line -> assertThat(line.hasNonNull("chainHash")).isTrue());
    }

    /** A ballot appended as the command service appends one, in a transaction the caller keeps open. */
    private long insertBallot(Connection connection, String ballotId, int choice) throws SQLException {
        OnlineBallotCast ballot = onlineBallot(CONVENTION, VOTATION, ballotId, choice);
        SerializedObject<byte[]> payload = serializer.serialize(ballot, byte[].class);
        SerializedObject<byte[]> metaData = serializer.serialize(actor(), byte[].class);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO DomainEventEntry (eventIdentifier,"
                + " aggregateIdentifier, sequenceNumber, type, payloadType, payloadRevision, payload, metaData,"
                + " timeStamp) VALUES (?, ?, 0, 'OnlineBallot', ?, ?, ?, ?, ?) RETURNING globalIndex")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, ballotId);
            insert.setString(3, payload.getType().getName());
            insert.setString(4, payload.getType().getRevision());
            insert.setBytes(5, payload.getData());
            insert.setBytes(6, metaData.getData());
            insert.setString(7, DateTimeUtils.formatInstant(Instant.now()));
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long onlineBallots() {
        Document ranking = mongo.findById(VOTATION, Document.class, "rankings");
        return ranking == null ? 0 : ((Number) ranking.get("onlineBallots")).longValue();
    }

    private boolean trailHas(long position) {
        return mongo.findById(position, AuditEvent.class) != null;
    }

    private String dataSourceUrl() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        }
    }

    private long maxIndex() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet rs =
                        connection.createStatement().executeQuery("SELECT MAX(globalIndex) FROM DomainEventEntry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static MetaData actor() {
        return MetaData.with("actorId", "platform").and("actorRole", "PLATFORM");
    }

    private static void await(BooleanSupplier condition, Duration within, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as(what + " within " + within).isBefore(deadline);
            Thread.sleep(250);
        }
    }
}
