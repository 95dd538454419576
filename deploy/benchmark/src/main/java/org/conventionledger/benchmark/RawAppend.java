package org.conventionledger.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.conventionledger.events.votation.OnlineBallotCast;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The physical limit the end-to-end figure is compared with: the same {@code OnlineBallotCast} rows
 * appended straight into a fresh log of the same kind, in this process, by the services' own storage
 * engine — Axon's {@link JdbcEventStorageEngine} with a Jackson serializer, the same table and DDL, a
 * HikariCP pool of the same size (10), Spring's transaction manager — from the same number of threads,
 * {@code batch} rows per transaction. With {@code batch = 1} every row is its own committed
 * transaction, as every ballot is in the command-service. What the raw append leaves out is exactly the
 * service's work around the insert: HTTP, authentication, JSON, the command bus, loading the ballot's
 * stream (a snapshot and an event query, both empty), the votation register read, the pseudonym
 * (HMAC-SHA256 here too).
 */
final class RawAppend {

    /** The rows appended, how long it took, and the rows found in the table afterwards. */
    record Result(long rows, int threads, int batch, Duration elapsed, long rowsInTable, String rowShape) {

        double rowsPerSecond() {
            return rows / (elapsed.toNanos() / 1e9);
        }
    }

    private RawAppend() {}

    static Result run(EventStore store, long rows, int threads, int batch, int actions) throws Exception {
        store.createSchema();
        try (HikariDataSource pool = store.pool()) {
            JdbcEventStorageEngine engine = engine(pool);
            String conventionId = UUID.randomUUID().toString();
            String votationId = UUID.randomUUID().toString();
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            MetaData metaData = MetaData.with("actorId", "platform").and("actorRole", "PLATFORM");
            String runId = Long.toString(System.nanoTime(), 36);

            AtomicLong next = new AtomicLong();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            long started = System.nanoTime();
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Thread worker = new Thread(
                        () -> {
                            try {
                                Mac mac = Mac.getInstance("HmacSHA256");
                                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                                long first;
                                while (failure.get() == null && (first = next.getAndAdd(batch)) < rows) {
                                    long last = Math.min(rows, first + batch);
                                    List<DomainEventMessage<?>> events = new ArrayList<>((int) (last - first));
                                    for (long voter = first; voter < last; voter++) {
                                        mac.update(votationId.getBytes(StandardCharsets.UTF_8));
                                        mac.update((byte) 0);
                                        String pseudonym = HexFormat.of()
                                                .formatHex(mac.doFinal(Ballots.voterRef(runId, voter)
                                                        .getBytes(StandardCharsets.UTF_8)));
                                        String ballotId = "ballot-" + pseudonym;
                                        int[] choices = Ballots.choices(voter, actions);
                                        List<Integer> chosen = new ArrayList<>(choices.length);
                                        for (int c : choices) {
                                            chosen.add(c);
                                        }
                                        // the metadata the command-service writes: actor, causation and trace ids
                                        String commandId = UUID.randomUUID().toString();
                                        events.add(new GenericDomainEventMessage<>(
                                                "OnlineBallot",
                                                ballotId,
                                                0,
                                                new OnlineBallotCast(
                                                        conventionId,
                                                        votationId,
                                                        ballotId,
                                                        pseudonym,
                                                        List.copyOf(chosen)),
                                                metaData.and("correlationId", commandId)
                                                        .and("traceId", commandId)));
                                    }
                                    engine.appendEvents(events);
                                }
                            } catch (GeneralSecurityException | RuntimeException e) {
                                failure.compareAndSet(null, e);
                            }
                        },
                        "raw-append-" + t);
                workers.add(worker);
                worker.start();
            }
            for (Thread worker : workers) {
                worker.join();
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            if (failure.get() != null) {
                throw new IllegalStateException("raw append failed", failure.get());
            }
            return new Result(rows, threads, batch, elapsed, store.count(null), store.ballotRowShape());
        }
    }

    /**
     * Built as the services' {@code EventStoreConfiguration} and Axon's Spring Boot auto-configuration build theirs.
     */
    private static JdbcEventStorageEngine engine(HikariDataSource pool) {
        ObjectMapper json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        JacksonSerializer serializer =
                JacksonSerializer.builder().objectMapper(json).build();
        PersistenceExceptionResolver resolver = new JdbcSQLErrorCodesResolver();
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .persistenceExceptionResolver(resolver)
                .connectionProvider(
                        new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(pool)))
                .transactionManager(new SpringTransactionManager(new DataSourceTransactionManager(pool)))
                .schema(new EventSchema())
                .dataType(byte[].class)
                .build();
    }

    static Map<String, Object> describe(Result r) {
        return Map.of(
                "rows",
                r.rows(),
                "threads",
                r.threads(),
                "rowsPerTransaction",
                r.batch(),
                "seconds",
                r.elapsed().toNanos() / 1e9,
                "rowsPerSecond",
                r.rowsPerSecond(),
                "rowsInTable",
                r.rowsInTable(),
                "rowShape",
                r.rowShape());
    }
}
