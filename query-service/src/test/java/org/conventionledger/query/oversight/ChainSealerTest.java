package org.conventionledger.query.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.query.platform.TestEvents.conventionOpened;
import static org.conventionledger.query.platform.TestEvents.invitationSent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.conventionledger.events.integrity.ChainLink;
import org.conventionledger.query.platform.EventLog;
import org.conventionledger.query.platform.EventPosition;
import org.conventionledger.query.platform.ReadStore;
import org.conventionledger.query.platform.WorkPackageDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * {@link ChainSealer} over the trail {@link AuditTrailProjection} writes: links computed independently
 * from the messages themselves, settled positions only, a late event chained in its place.
 */
class ChainSealerTest {

    private static final String LYON = "conv-lyon";
    private static final Map<String, String> ORGANISER = Map.of(
            "actorId", "organiser", "actorRole", "ORGANISER", "correlationId", "command-42", "traceId", "request-7");
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    private static final Serializer SERIALIZER =
            JacksonSerializer.builder().objectMapper(JSON).build();

    /** The simulated JDBC log numbers events from 1; it is not queried, so no position is abandoned. */
    private static final GapResolver SIMULATED_JDBC_LOG =
            new GapResolver(null, 1, java.time.Duration.ofSeconds(30), java.time.Clock.systemUTC());

    private ReadStore store;
    private AuditTrailProjection projection;
    private ChainSealer sealer;
    private EventLog log;

    @BeforeEach
    void start() {
        store = ReadStore.start();
        projection = new AuditTrailProjection(store.mongo(), JSON, SERIALIZER);
        sealer = new ChainSealer(store.mongo(), JSON, SIMULATED_JDBC_LOG);
        log = EventLog.jdbc();
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private TrackedEventMessage<?> deliver(TrackedEventMessage<?> m) {
        projection.on(m, m.trackingToken());
        return m;
    }

    private TrackedEventMessage<?> append(Object payload) {
        return deliver(log.append(payload, ORGANISER));
    }

    /** The chain recomputed from the messages, as a verifier would from an export. */
    private static Map<Long, String> expectedLinks(List<TrackedEventMessage<?>> messages) {
        TreeMap<Long, TrackedEventMessage<?>> byPosition = new TreeMap<>();
        messages.forEach(m -> byPosition.put(EventPosition.of(m, m.trackingToken()), m));
        Map<Long, String> links = new TreeMap<>();
        String hash = ChainLink.GENESIS;
        for (var e : byPosition.entrySet()) {
            DomainEventMessage<?> m = (DomainEventMessage<?>) e.getValue();
            SerializedObject<byte[]> payload = SERIALIZER.serialize(m.getPayload(), byte[].class);
            Map<String, String> meta = new TreeMap<>();
            m.getMetaData().forEach((k, v) -> meta.put(k, String.valueOf(v)));
            hash = ChainLink.hash(
                    hash,
                    new ChainLink.Entry(
                            e.getKey(),
                            m.getIdentifier(),
                            m.getAggregateIdentifier(),
                            m.getSequenceNumber(),
                            m.getPayloadType().getName(),
                            "1",
                            m.getTimestamp().toString(),
                            meta,
                            payload.getData(),
                            m.getType()));
            links.put(e.getKey(), hash);
        }
        return links;
    }

    private Map<Long, String> recordedLinks() {
        Map<Long, String> links = new TreeMap<>();
        store.mongo()
                .find(new Query().with(Sort.by("_id")), AuditEvent.class)
                .forEach(e -> links.put(e.position(), e.chainHash()));
        return links;
    }

    @Test
    void nothingChainedYetIsTheGenesis() {
        ChainHead head = sealer.extend();

        assertThat(head.position()).isEqualTo(-1);
        assertThat(head.hash()).isEqualTo(ChainLink.GENESIS);
        assertThat(head.length()).isZero();
    }

    @Test
    void theTrailKeepsThePayloadAsStoredAndCanonicalMetadata() {
        TrackedEventMessage<?> opened = append(conventionOpened(LYON, "C", "Lyon", SOCIAL));

        AuditEvent event = store.mongo().findById(1L, AuditEvent.class);

        assertThat(event.storedPayload())
                .isEqualTo(new String(
                        SERIALIZER.serialize(opened.getPayload(), byte[].class).getData(),
                        java.nio.charset.StandardCharsets.UTF_8));
        assertThat(event.metaData())
                .isEqualTo("{\"actorId\":\"organiser\",\"actorRole\":\"ORGANISER\","
                        + "\"correlationId\":\"command-42\",\"traceId\":\"request-7\"}");
        assertThat(event.chainHash()).as("not chained until the sealer runs").isNull();
    }

    @Test
    void everySettledEventIsChainedInLogOrderWithTheLinkAVerifierRecomputes() {
        append(conventionOpened(LYON, "C", "Lyon", SOCIAL));
        for (int i = 1; i <= 5; i++) {
            append(invitationSent(LYON, "inv-" + i));
        }

        ChainHead head = sealer.extend();

        Map<Long, String> expected = expectedLinks(log.delivered());
        assertThat(recordedLinks()).isEqualTo(expected);
        assertThat(head.position()).isEqualTo(6);
        assertThat(head.length()).isEqualTo(6);
        assertThat(head.hash()).isEqualTo(expected.get(6L));
        assertThat(sealer.extend()).as("extending again changes nothing").isEqualTo(head);
    }

    @Test
    void theChainStopsBelowAGapAndChainsTheLateEventInItsPlace() {
        append(invitationSent(LYON, "inv-1"));
        long slow = log.reserve();
        append(invitationSent(LYON, "inv-3"));
        append(invitationSent(LYON, "inv-4"));

        ChainHead waiting = sealer.extend();
        assertThat(waiting.position()).as("position 2 may still arrive").isEqualTo(1);
        assertThat(recordedLinks().get(3L)).isNull();

        deliver(log.fill(slow, invitationSent(LYON, "inv-2")));
        ChainHead head = sealer.extend();

        Map<Long, String> expected = expectedLinks(log.delivered());
        assertThat(recordedLinks()).isEqualTo(expected);
        assertThat(head.position()).isEqualTo(4);
        assertThat(head.length()).isEqualTo(4);
    }

    @Test
    void aReDeliveredEventKeepsItsLink() {
        append(invitationSent(LYON, "inv-1"));
        append(invitationSent(LYON, "inv-2"));
        sealer.extend();
        Map<Long, String> links = recordedLinks();

        log.delivered().forEach(this::deliver);

        assertThat(recordedLinks()).isEqualTo(links).doesNotContainValue(null);
    }

    @Test
    void aProcessorBatchWritesItsEntriesWhenItCommitsAndTheyChainLikeOneByOne() {
        WorkPackageDouble segment = new WorkPackageDouble(store);
        log.append(conventionOpened(LYON, "C", "Lyon", SOCIAL), ORGANISER);
        long slow = log.reserve();
        for (int i = 3; i <= 8; i++) {
            log.append(invitationSent(LYON, "inv-" + i), ORGANISER);
        }

        segment.process(log.delivered(), m -> {
            projection.on(m, m.trackingToken());
            assertThat(store.mongo().count(new Query(), AuditEvent.class))
                    .as("written when the batch commits")
                    .isZero();
        });
        assertThat(recordedLinks().keySet()).containsExactly(1L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(sealer.extend().position()).as("position 2 may still arrive").isEqualTo(1);

        segment.process(
                List.of(log.fill(slow, invitationSent(LYON, "inv-2"))), m -> projection.on(m, m.trackingToken()));
        ChainHead head = sealer.extend();

        Map<Long, String> expected = expectedLinks(log.delivered());
        assertThat(recordedLinks()).isEqualTo(expected);
        assertThat(head.position()).isEqualTo(8);
        assertThat(head.hash()).isEqualTo(expected.get(8L));
    }

    @Test
    void aBatchReDeliveredAfterTheChainReachedItKeepsItsLinks() {
        WorkPackageDouble segment = new WorkPackageDouble(store);
        for (int i = 1; i <= 5; i++) {
            log.append(invitationSent(LYON, "inv-" + i), ORGANISER);
        }
        segment.process(log.delivered(), m -> projection.on(m, m.trackingToken()));
        sealer.extend();
        Map<Long, String> links = recordedLinks();

        segment.process(log.restreamFrom(null), m -> projection.on(m, m.trackingToken()));

        assertThat(recordedLinks()).isEqualTo(links).doesNotContainValue(null).hasSize(5);
    }

    @Test
    void moreThanABatchIsChainedInOneExtension() {
        for (int i = 1; i <= 1_205; i++) {
            append(invitationSent(LYON, "inv-" + i));
        }

        ChainHead head = sealer.extend();

        assertThat(head.position()).isEqualTo(1_205);
        assertThat(head.length()).isEqualTo(1_205);
        assertThat(head.hash()).isEqualTo(expectedLinks(log.delivered()).get(1_205L));
    }

    @Test
    void aResetStartsTheChainAgainFromGenesis() {
        append(invitationSent(LYON, "inv-1"));
        String first = sealer.extend().hash();

        projection.reset();
        assertThat(sealer.extend().position()).isEqualTo(-1);

        log.restreamFrom(null).forEach(this::deliver);
        assertThat(sealer.extend().hash()).isEqualTo(first);
    }
}
