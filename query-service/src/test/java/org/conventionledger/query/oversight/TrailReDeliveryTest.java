package org.conventionledger.query.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.conventionledger.query.oversight.TrailFixture.JSON;
import static org.conventionledger.query.oversight.TrailFixture.SERIALIZER;
import static org.conventionledger.query.oversight.TrailFixture.SIMULATED_JDBC_LOG;
import static org.conventionledger.query.oversight.TrailFixture.recomputedLinks;
import static org.conventionledger.query.platform.TestEvents.invitationSent;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.conventionledger.query.platform.EventLog;
import org.conventionledger.query.platform.ReadStore;
import org.conventionledger.query.platform.WorkPackageDouble;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The garants' trail after a crash: the processor's batch is delivered again from the last stored token,
 * overlapping entries the trail already holds (written before the crash, some already chained). Every
 * entry must then be in the trail exactly once, with the link the chain gave it, and the token must never
 * pass an entry the trail does not hold. Run on both embedded backends (the in-memory one, and the
 * service's H2 one on a file), whose bulk writes differ from a real MongoDB's in what they report.
 */
class TrailReDeliveryTest {

    private static final String LYON = "conv-lyon";
    private static final Map<String, String> ORGANISER = Map.of("actorId", "organiser", "actorRole", "ORGANISER");

    private ReadStore store;
    private AuditTrailProjection projection;
    private ChainSealer sealer;
    private EventLog log;
    private WorkPackageDouble segment;

    private void start(ReadStore.Backend backend) {
        store = ReadStore.start(backend);
        projection = new AuditTrailProjection(store.mongo(), JSON, SERIALIZER);
        sealer = new ChainSealer(store.mongo(), JSON, SIMULATED_JDBC_LOG);
        log = EventLog.jdbc();
        segment = new WorkPackageDouble(store);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private List<TrackedEventMessage<?>> append(int from, int to) {
        for (int i = from; i <= to; i++) {
            log.append(invitationSent(LYON, "inv-" + i), ORGANISER);
        }
        List<TrackedEventMessage<?>> all = log.delivered();
        return all.subList(from - 1, to);
    }

    private void process(List<TrackedEventMessage<?>> batch) {
        segment.process(batch, m -> projection.on(m, m.trackingToken()));
    }

    /** Each position the trail holds, with how many entries it holds there. */
    private Map<Long, Integer> entriesByPosition() {
        Map<Long, Integer> counts = new TreeMap<>();
        for (Document entry : store.mongo().getCollection("audit_events").find()) {
            counts.merge(((Number) entry.get("_id")).longValue(), 1, Integer::sum);
        }
        return counts;
    }

    private Map<Long, String> recordedLinks() {
        Map<Long, String> links = new TreeMap<>();
        store.mongo()
                .find(new Query().with(Sort.by("_id")), AuditEvent.class)
                .forEach(e -> links.put(e.position(), e.chainHash()));
        return links;
    }

    private static Map<Long, Integer> once(long from, long to) {
        Map<Long, Integer> counts = new TreeMap<>();
        for (long p = from; p <= to; p++) {
            counts.put(p, 1);
        }
        return counts;
    }

    @ParameterizedTest
    @EnumSource(ReadStore.Backend.class)
    void aBatchDeliveredAgainAfterACrashHoldsEveryEntryOnceWithTheLinksAlreadyGiven(ReadStore.Backend backend) {
        start(backend);
        process(append(1, 200));
        // the crash: a batch's first 141 entries were written, its token not
        List<TrackedEventMessage<?>> interrupted = append(201, 400);
        new WorkPackageDouble(store).process(interrupted.subList(0, 141), m -> projection.on(m, m.trackingToken()));
        ChainHead beforeTheCrash = sealer.extend();
        assertThat(beforeTheCrash.position()).isEqualTo(341);
        Map<Long, String> links = recordedLinks();
        append(401, 450);

        // the restarted processor: everything after the stored token, in batches of its own size
        List<TrackedEventMessage<?>> again = log.restreamFrom(segment.storedToken());
        assertThat(again).hasSize(250);
        process(again.subList(0, 200));
        process(again.subList(200, 250));

        assertThat(entriesByPosition()).isEqualTo(once(1, 450));
        assertThat(recordedLinks()).containsAllEntriesOf(links);
        assertThat(segment.storedToken().position().orElseThrow()).isEqualTo(450);
        ChainHead head = sealer.extend();
        assertThat(recordedLinks()).isEqualTo(recomputedLinks(log.delivered()));
        assertThat(head.position()).isEqualTo(450);
        assertThat(head.length()).isEqualTo(450);
    }

    @ParameterizedTest
    @EnumSource(ReadStore.Backend.class)
    void aBatchDeliveredAgainWholeWritesNothingNewAndKeepsItsLinks(ReadStore.Backend backend) {
        start(backend);
        List<TrackedEventMessage<?>> batch = append(1, 50);
        new WorkPackageDouble(store).process(batch, m -> projection.on(m, m.trackingToken()));
        sealer.extend();
        Map<Long, String> links = recordedLinks();

        process(batch);

        assertThat(entriesByPosition()).isEqualTo(once(1, 50));
        assertThat(recordedLinks()).isEqualTo(links).doesNotContainValue(null);
        assertThat(segment.storedToken().position().orElseThrow()).isEqualTo(50);
    }

    /**
     * A duplicate key that is not the entry itself (here a unique index another entry already holds, as a
     * store changed behind the service's back could have) must not pass for "already written": the batch
     * fails, its token is not stored, and it succeeds once the store lets the entry in.
     */
    @ParameterizedTest
    @EnumSource(ReadStore.Backend.class)
    void anEntryTheStoreRefusesFailsTheBatchAndTheTokenStaysBehindIt(ReadStore.Backend backend) {
        start(backend);
        process(append(1, 10));
        List<TrackedEventMessage<?>> batch = append(11, 20);
        store.mongo().indexOps(AuditEvent.class).ensureIndex(new Index("eventId", Sort.Direction.ASC).unique());
        store.mongo()
                .getCollection("audit_events")
                .insertOne(new Document("_id", 1_000L)
                        .append("eventId", batch.get(4).getIdentifier()));

        assertThatThrownBy(() -> process(batch)).isInstanceOf(WorkPackageDouble.BatchFailed.class);
        assertThat(segment.storedToken().position().orElseThrow()).isEqualTo(10);
        assertThat(entriesByPosition()).doesNotContainKey(15L);

        store.mongo().getCollection("audit_events").deleteOne(new Document("_id", 1_000L));
        process(batch);
        assertThat(entriesByPosition()).isEqualTo(once(1, 20));
        assertThat(segment.storedToken().position().orElseThrow()).isEqualTo(20);
    }

    /**
     * A file that mongo-java-server's own H2 backend saved while it was being written can hold an entry
     * without its {@code _id} index entry: the library writes the document, then its index entry, and H2
     * committed in the background, sometimes between the two ({@code ReadStoreKillTest} shows it on that
     * backend in most kills). The service's backend commits only between whole operations (ADR-015), but a
     * file written before that change, or damaged otherwise, can still hold such an entry. The store then
     * refuses to write that entry again and cannot remove it: the trail stops there, batch after batch,
     * with its token behind the entry, rather than going past an entry it cannot find. The state is made
     * here by removing the index entry from the file's map, as that backend's kill left it.
     */
    @Test
    void anEntryLeftWithoutItsIndexStopsTheTrailButNeverLetsTheTokenPassIt() {
        MVStore file = MVStore.open(null);
        store = ReadStore.on(new H2Backend(file));
        projection = new AuditTrailProjection(store.mongo(), JSON, SERIALIZER);
        log = EventLog.jdbc();
        segment = new WorkPackageDouble(store);
        process(append(1, 200));
        List<TrackedEventMessage<?>> interrupted = append(201, 400);
        new WorkPackageDouble(store).process(interrupted.subList(0, 50), m -> projection.on(m, m.trackingToken()));
        String index = file.getMapNames().stream()
                .filter(name -> name.contains("audit_events") && name.contains("_id_"))
                .findFirst()
                .orElseThrow();
        MVMap<Object, Object> ids = file.openMap(index);
        Object unindexed = ids.entrySet().stream()
                .filter(e -> e.getValue() instanceof Number n && n.longValue() == 250)
                .findFirst()
                .orElseThrow()
                .getKey();
        ids.remove(unindexed);

        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> process(interrupted)).isInstanceOf(WorkPackageDouble.BatchFailed.class);
        }

        assertThat(segment.storedToken().position().orElseThrow()).isEqualTo(200);
        assertThat(entriesByPosition()).containsAllEntriesOf(once(1, 250));
    }
}
