package org.conventionledger.query.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.events.Transition.SOCIAL;
import static org.conventionledger.query.oversight.TrailFixture.JSON;
import static org.conventionledger.query.oversight.TrailFixture.SERIALIZER;
import static org.conventionledger.query.oversight.TrailFixture.SIMULATED_JDBC_LOG;
import static org.conventionledger.query.oversight.TrailFixture.recomputedLinks;
import static org.conventionledger.query.platform.TestEvents.conventionOpened;
import static org.conventionledger.query.platform.TestEvents.invitationSent;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.conventionledger.events.integrity.ChainLink;
import org.conventionledger.query.platform.WorkPackageDouble;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Query;

/**
 * {@link ChainSealer} over the trail {@link AuditTrailProjection} writes: links computed independently
 * from the messages themselves, settled positions only, a late event chained in its place.
 */
class ChainSealerTest extends TrailTest {

    private static final String LYON = "conv-lyon";
    private static final Map<String, String> ORGANISER = Map.of(
            "actorId", "organiser", "actorRole", "ORGANISER", "correlationId", "command-42", "traceId", "request-7");

    private ChainSealer sealer;

    @BeforeEach
    void start() {
        sealer = new ChainSealer(store.mongo(), JSON, SIMULATED_JDBC_LOG);
    }

    private TrackedEventMessage<?> append(Object payload) {
        return deliver(log.append(payload, ORGANISER));
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

        Map<Long, String> expected = recomputedLinks(log.delivered());
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

        Map<Long, String> expected = recomputedLinks(log.delivered());
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

        Map<Long, String> expected = recomputedLinks(log.delivered());
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
        assertThat(head.hash()).isEqualTo(recomputedLinks(log.delivered()).get(1_205L));
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
