package org.conventionledger.command.votation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.common.Registration;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.conventionledger.command.platform.Actor;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.events.votation.BallotRule;
import org.conventionledger.events.votation.Eligibility;
import org.conventionledger.events.votation.OnlineBallotCast;
import org.conventionledger.events.votation.PaperBallotRecorded;
import org.conventionledger.events.votation.VotationRules;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The group-commit writer on a real JDBC event store (H2 in memory, the services' DDL, Axon's storage
 * engine and Spring's transactions): groups of ballots append in one transaction, each ballot is answered
 * on its own, and one ballot per voter holds by the store's unique key, within a group, across groups and
 * against the voter's stream written by the command bus; a store failure writes nothing of the group.
 */
class BallotIntakeTest {

    private static final String CONVENTION = "conv-1";
    private static final String VOTATION = "vot-1";
    private static final Instant OPENS = Instant.parse("2025-09-01T06:00:00Z");
    private static final Instant CLOSES = Instant.parse("2025-09-21T18:00:00Z");
    private static final Instant DURING = Instant.parse("2025-09-10T12:00:00Z");
    private static final VoterFacts ADULT_RESIDENT = new VoterFacts(LocalDate.parse("1980-04-02"), null, true, null);
    private static final Eligibility SIXTEEN_RESIDENT =
            new Eligibility(16, LocalDate.parse("2025-09-21"), true, List.of());

    private DataSource dataSource;
    private JdbcTemplate jdbc;
    private EmbeddedEventStore eventStore;
    private VotationRegister register;
    private BallotIntake intake;

    /** A fresh, empty event store with the services' DDL: H2 in memory here. */
    DataSource dataSource() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:intake-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (var connection = h2.getConnection()) {
            ScriptUtils.executeSqlScript(connection, new ClassPathResource("eventstore/schema-h2.sql"));
        }
        return h2;
    }

    @BeforeEach
    void store() throws Exception {
        dataSource = dataSource();
        jdbc = new JdbcTemplate(dataSource);
        SpringTransactionManager transactions =
                new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
        PersistenceExceptionResolver duplicates = new JdbcSQLErrorCodesResolver();
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .transactionManager(transactions)
                .persistenceExceptionResolver(duplicates)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .dataType(byte[].class)
                .build();
        eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
        register = mock(VotationRegister.class);
        votationIs(VotationStatus.OPEN);
        intake = new BallotIntake(eventStore, transactions, register, new SimpleMeterRegistry());
        GenericEventMessage.clock = Clock.fixed(DURING, ZoneOffset.UTC);
    }

    @AfterEach
    void realClock() throws Exception {
        GenericEventMessage.clock = Clock.systemUTC();
        eventStore.shutDown();
        // a pooled store (PostgreSQL) gives its connections back: a shared cluster has few to spare
        if (dataSource instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    private void votationIs(VotationStatus status) {
        when(register.votation(VOTATION))
                .thenReturn(Optional.of(new VotationRegister.Entry(
                        VOTATION,
                        CONVENTION,
                        status,
                        Set.of(3, 5, 8),
                        OPENS,
                        CLOSES,
                        new VotationRules(SIXTEEN_RESIDENT, BallotRule.APPROVAL, null, false),
                        "seed")));
    }

    private static BallotIntake.Ballot online(String voter, Integer... choices) {
        return new BallotIntake.Ballot(
                new CastOnlineBallot("ballot-" + voter, VOTATION, voter, List.of(choices), ADULT_RESIDENT),
                Actor.PLATFORM);
    }

    private static BallotIntake.Ballot paper(String voter, String desk, Integer... choices) {
        return new BallotIntake.Ballot(
                new CheckOffPaperVoter("ballot-" + voter, VOTATION, desk, voter, List.of(choices), ADULT_RESIDENT),
                Actor.desk(desk));
    }

    private long rows() {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry", Long.class);
        return count == null ? 0 : count;
    }

    private static Object answer(CompletableFuture<Object> answer) {
        return answer.orTimeout(60, TimeUnit.SECONDS).join();
    }

    /** The code of the rule that refused the ballot. */
    private static String refusal(CompletableFuture<Object> answer) {
        Throwable thrown = catchThrowable(() -> answer(answer));
        assertThat(thrown).isInstanceOf(CompletionException.class);
        assertThat(thrown.getCause()).isInstanceOf(RuleViolation.class);
        return ((RuleViolation) thrown.getCause()).code();
    }

    @Test
    void aGroupIsAppendedInOneGoAndEachBallotAnsweredWithItsEvent() {
        List<CompletableFuture<Object>> answers =
                intake.writeAsOneGroup(List.of(online("v1", 3), online("v2", 5, 8), paper("v3", "D-1", 8)));

        assertThat(answer(answers.get(0)))
                .isEqualTo(new OnlineBallotCast(CONVENTION, VOTATION, "ballot-v1", "v1", List.of(3)));
        assertThat(answer(answers.get(2))).isInstanceOf(PaperBallotRecorded.class);
        assertThat(rows()).isEqualTo(3);
        DomainEventMessage<?> stored = eventStore.readEvents("ballot-v2").next();
        assertThat(stored.getSequenceNumber()).isZero();
        assertThat(stored.getType()).isEqualTo("OnlineBallot");
        assertThat(stored.getTimestamp()).isEqualTo(DURING);
        assertThat(stored.getMetaData())
                .containsOnlyKeys("actorId", "actorRole", "correlationId", "traceId")
                .containsEntry("actorId", "platform");
        assertThat(eventStore.readEvents("ballot-v3").next().getMetaData()).containsEntry("actorId", "desk:D-1");
        // the votation is read once for the whole group
        verify(register, times(1)).votation(VOTATION);
    }

    @Test
    void aSecondBallotOfOneVoterInTheSameGroupIsRefusedWithoutFailingTheOthers() {
        List<CompletableFuture<Object>> answers = intake.writeAsOneGroup(
                List.of(online("v1", 3), online("v2", 5), online("v1", 8), paper("v1", "D-1", 5)));

        assertThat(answer(answers.get(0))).isInstanceOf(OnlineBallotCast.class);
        assertThat(answer(answers.get(1))).isInstanceOf(OnlineBallotCast.class);
        assertThat(refusal(answers.get(2))).isEqualTo("already-voted");
        assertThat(refusal(answers.get(3))).isEqualTo("already-voted");
        assertThat(rows()).isEqualTo(2);
        assertThat(((OnlineBallotCast) eventStore.readEvents("ballot-v1").next().getPayload()).choices())
                .containsExactly(3);
    }

    @Test
    void aBallotThatBreaksARuleIsRefusedAloneAndWritesNothing() {
        List<CompletableFuture<Object>> answers = intake.writeAsOneGroup(List.of(
                online("v1", 3),
                online("v2", 9),
                online("v3", 5, 5),
                online("v4"),
                new BallotIntake.Ballot(
                        new CastOnlineBallot(
                                "ballot-v5",
                                VOTATION,
                                "v5",
                                List.of(3),
                                new VoterFacts(LocalDate.parse("2015-01-01"), null, true, null)),
                        Actor.PLATFORM),
                online("v6", 8)));

        assertThat(answer(answers.get(0))).isNotNull();
        assertThat(refusal(answers.get(1))).isEqualTo("not-on-ballot");
        assertThat(refusal(answers.get(2))).isEqualTo("duplicate-choice");
        assertThat(refusal(answers.get(3))).isEqualTo("choices-required");
        assertThat(refusal(answers.get(4))).isEqualTo("voter-not-eligible");
        assertThat(answer(answers.get(5))).isNotNull();
        assertThat(jdbc.queryForList(
                        "SELECT aggregateIdentifier FROM DomainEventEntry ORDER BY globalIndex", String.class))
                .containsExactly("ballot-v1", "ballot-v6");
    }

    @Test
    void theVotationsStatusAndPeriodApplyToEveryBallotOfTheGroup() {
        GenericEventMessage.clock = Clock.fixed(CLOSES, ZoneOffset.UTC);
        assertThat(refusal(intake.writeAsOneGroup(List.of(online("v1", 3))).get(0)))
                .isEqualTo("votation-closed");
        GenericEventMessage.clock = Clock.fixed(OPENS.minusSeconds(1), ZoneOffset.UTC);
        assertThat(refusal(intake.writeAsOneGroup(List.of(online("v1", 3))).get(0)))
                .isEqualTo("votation-not-open");
        // paper is keyed in after the fact: the votation must be open, its period does not apply
        assertThat(answer(intake.writeAsOneGroup(List.of(paper("v2", "D-1", 3))).get(0)))
                .isNotNull();
        votationIs(VotationStatus.CLOSED);
        List<CompletableFuture<Object>> answers =
                intake.writeAsOneGroup(List.of(online("v3", 3), paper("v4", "D-1", 3)));
        assertThat(refusal(answers.get(0))).isEqualTo("votation-not-open");
        assertThat(refusal(answers.get(1))).isEqualTo("votation-not-open");
        when(register.votation("nowhere")).thenReturn(Optional.empty());
        assertThat(refusal(intake.writeAsOneGroup(List.of(new BallotIntake.Ballot(
                                new CastOnlineBallot("ballot-v5", "nowhere", "v5", List.of(3), ADULT_RESIDENT),
                                Actor.PLATFORM)))
                        .get(0)))
                .isEqualTo("unknown-votation");
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void aPaperBallotAtADeskThatReportsATallyIsRefused() {
        when(register.deskState(VOTATION, "D-T")).thenReturn(Optional.of(PaperDeskState.ENTERED));
        List<CompletableFuture<Object>> answers = intake.writeAsOneGroup(List.of(
                paper("v1", "D-T", 3),
                paper("v2", "D-1", 3),
                new BallotIntake.Ballot(
                        new CheckOffPaperVoter("ballot-v3", VOTATION, "D-T", "v3", null, ADULT_RESIDENT),
                        Actor.desk("D-T"))));
        assertThat(refusal(answers.get(0))).isEqualTo("desk-tallied");
        assertThat(answer(answers.get(1))).isNotNull();
        assertThat(answer(answers.get(2))).as("a check-off at a tallied desk").isNotNull();
        assertThat(rows()).isEqualTo(2);
    }

    /**
     * Voters whose stream an earlier group (or the command bus) holds make the group's append fail on the
     * store's unique key: the group is appended again without them, and they are answered already-voted.
     */
    @Test
    void votersAlreadyInTheStoreAreRefusedByItsUniqueKeyAndTheRestOfTheGroupIsRecorded() {
        answer(intake.writeAsOneGroup(List.of(online("v1", 3))).get(0));
        answer(intake.writeAsOneGroup(List.of(paper("v2", "D-1", 3))).get(0));

        List<CompletableFuture<Object>> answers = intake.writeAsOneGroup(
                List.of(online("v3", 3), online("v1", 5), online("v4", 8), online("v2", 5), paper("v5", "D-1", 3)));

        assertThat(answer(answers.get(0))).isNotNull();
        assertThat(refusal(answers.get(1))).isEqualTo("already-voted");
        assertThat(answer(answers.get(2))).isNotNull();
        assertThat(refusal(answers.get(3))).isEqualTo("already-voted");
        assertThat(answer(answers.get(4))).isNotNull();
        assertThat(rows()).isEqualTo(5);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = 'ballot-v1'", Long.class))
                .isEqualTo(1);
    }

    @Test
    void aStoreFailureRollsTheWholeGroupBackAndAnswersEveryBallotWithAnError() throws Exception {
        // fails after the rows are inserted, inside the group's transaction (as a failing register would)
        Registration failing = eventStore.subscribe(events -> {
            throw new IllegalStateException("disk full");
        });
        List<CompletableFuture<Object>> answers =
                intake.writeAsOneGroup(List.of(online("v1", 3), online("v2", 5), online("v3", 8)));
        for (CompletableFuture<Object> answer : answers) {
            Throwable thrown = catchThrowable(() -> answer(answer));
            assertThat(thrown.getCause()).isInstanceOf(BallotIntake.BallotNotRecorded.class);
        }
        assertThat(rows()).isZero();

        failing.cancel();
        assertThat(intake.writeAsOneGroup(List.of(online("v1", 3), online("v2", 5), online("v3", 8))))
                .as("sent again, the same ballots are recorded")
                .allSatisfy(a -> assertThat(answer(a)).isNotNull());
        assertThat(rows()).isEqualTo(3);
    }

    /** Requests through the writer thread: each is answered when its group commits, whatever the grouping. */
    @Test
    void concurrentRequestsAreGroupedAndAnsweredOncePerBallotWithOneBallotPerVoter() throws Exception {
        intake.start();
        try {
            List<CompletableFuture<Object>> answers = new ArrayList<>();
            List<Thread> senders = new ArrayList<>();
            List<List<CompletableFuture<Object>>> perSender = new ArrayList<>();
            for (int s = 0; s < 8; s++) {
                int sender = s;
                List<CompletableFuture<Object>> mine = new ArrayList<>();
                perSender.add(mine);
                Thread thread = new Thread(() -> {
                    List<BallotIntake.Ballot> ballots = new ArrayList<>();
                    for (int v = 0; v < 300; v++) {
                        // every sender also sends voters 0..49, shared by all of them
                        ballots.add(online(v < 50 ? "shared-" + v : "s" + sender + "-" + v, 3));
                    }
                    try {
                        mine.addAll(intake.submit(ballots));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                thread.start();
                senders.add(thread);
            }
            for (Thread sender : senders) {
                sender.join();
            }
            perSender.forEach(answers::addAll);
            long accepted = answers.stream()
                    .filter(a -> catchThrowable(() -> answer(a)) == null)
                    .count();
            long alreadyVoted = answers.stream()
                    .filter(a -> catchThrowable(() -> answer(a)) != null)
                    .filter(a -> refusal(a).equals("already-voted"))
                    .count();
            assertThat(accepted).isEqualTo(8 * 250 + 50);
            assertThat(alreadyVoted).isEqualTo(7 * 50);
            assertThat(rows()).isEqualTo(accepted);
            assertThat(new String(
                            jdbc.queryForObject(
                                    "SELECT metaData FROM DomainEventEntry WHERE globalIndex = 1", byte[].class),
                            StandardCharsets.UTF_8))
                    .contains("platform");
        } finally {
            intake.stop();
        }
    }

    /** An intake on the same store whose writer lingers as long as given (ADR-017). */
    private BallotIntake lingering(Duration linger, SimpleMeterRegistry meters) {
        return new BallotIntake(
                eventStore,
                new SpringTransactionManager(new DataSourceTransactionManager(jdbc.getDataSource())),
                register,
                meters,
                linger);
    }

    @Test
    void underLoadTheWriterWaitsForAGroupAsLargeAsThePreviousOneButNotLongerThanItsLinger() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        BallotIntake writer = lingering(Duration.ofSeconds(30), meters);
        // queued before the writer starts, so that they make one group of 3 (else the writer may take a1 alone)
        List<CompletableFuture<Object>> firstGroup =
                writer.submit(List.of(online("a1", 3), online("a2", 3), online("a3", 3)));
        writer.start();
        try {
            firstGroup.forEach(BallotIntakeTest::answer);
            CompletableFuture<Object> first =
                    writer.submit(List.of(online("b1", 5))).get(0);
            Thread.sleep(300);
            assertThat(first)
                    .as("held for a group as large as the previous one")
                    .isNotDone();
            List<CompletableFuture<Object>> rest = writer.submit(List.of(online("b2", 5), online("b3", 5)));
            assertThat(answer(first)).isInstanceOf(OnlineBallotCast.class);
            rest.forEach(BallotIntakeTest::answer);
            var groups = meters.get("ledger.ballots.group.size").summary();
            assertThat(groups.count()).isEqualTo(2);
            assertThat(groups.max()).isEqualTo(3);
            assertThat(rows()).isEqualTo(6);
        } finally {
            writer.stop();
        }
        BallotIntake brief = lingering(Duration.ofMillis(200), new SimpleMeterRegistry());
        List<CompletableFuture<Object>> pair = brief.submit(List.of(online("c1", 3), online("c2", 3)));
        brief.start();
        try {
            pair.forEach(BallotIntakeTest::answer);
            long start = System.nanoTime();
            assertThat(answer(brief.submit(List.of(online("c3", 8))).get(0))).isInstanceOf(OnlineBallotCast.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        } finally {
            brief.stop();
        }
    }

    @Test
    void afterAGroupOfOneTheWriterDoesNotWait() throws Exception {
        BallotIntake writer = lingering(Duration.ofSeconds(30), new SimpleMeterRegistry());
        writer.start();
        try {
            for (String voter : List.of("d1", "d2", "d3")) {
                CompletableFuture<Object> alone =
                        writer.submit(List.of(online(voter, 3))).get(0);
                assertThat(alone.get(10, TimeUnit.SECONDS)).isInstanceOf(OnlineBallotCast.class);
            }
        } finally {
            writer.stop();
        }
    }

    @Test
    void aBallotsEventIdIsAVersion7UuidOfItsOwnTimestamp() {
        intake.writeAsOneGroup(List.of(online("e1", 3), online("e2", 5)));
        for (String stream : List.of("ballot-e1", "ballot-e2")) {
            DomainEventMessage<?> stored = eventStore.readEvents(stream).next();
            UUID id = UUID.fromString(stored.getIdentifier());
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(DURING.toEpochMilli());
        }
    }

    @Test
    void orderedIdsSortAsTheirInstantsAndNeverRepeat() {
        Instant earlier = Instant.parse("2025-09-10T12:00:00.001Z");
        Instant later = earlier.plusMillis(1);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String a = BallotIntake.orderedId(earlier);
            String b = BallotIntake.orderedId(later);
            assertThat(a).isLessThan(b);
            assertThat(seen.add(a) && seen.add(b)).isTrue();
        }
    }
}
