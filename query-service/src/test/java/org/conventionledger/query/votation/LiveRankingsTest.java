package org.conventionledger.query.votation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.conventionledger.query.platform.ReadStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * When {@link LiveRankings} answers from memory, and when it must read the store: a ranking is held only
 * while this service processes its convention's segment, and forgotten when the segments change or the
 * rankings are dropped. Each test changes the stored document behind the projection's back ("tampers"):
 * a read that shows the change read the store, one that does not was served from memory.
 */
class LiveRankingsTest {

    private ReadStore store;
    private final AtomicReference<Map<Integer, EventTrackerStatus>> processing = new AtomicReference<>(Map.of());
    private LiveRankings live;

    @BeforeEach
    void start() {
        store = ReadStore.start();
        StreamingEventProcessor rankings = mock(StreamingEventProcessor.class);
        when(rankings.processingStatus()).thenAnswer(i -> processing.get());
        live = new LiveRankings(store.mongo(), () -> rankings);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void whatTheProjectionWroteIsServedFromMemoryWhileItsSegmentIsProcessedHere() {
        claim(Segment.ROOT_SEGMENT);
        save("v", "c", 3);
        tamper("v", 99);
        assertThat(live.get("v").onlineBallots).isEqualTo(3);

        save("v", "c", 4);
        assertThat(live.get("v").onlineBallots).isEqualTo(4);
    }

    @Test
    void withoutTheSegmentOfItsConventionEveryReadReadsTheStore() {
        Segment[] halves = Segment.ROOT_SEGMENT.split();
        Segment other = halves[0].matches("c") ? halves[1] : halves[0];
        claim(other);
        save("v", "c", 3);
        tamper("v", 99);
        assertThat(live.get("v").onlineBallots).isEqualTo(99);
    }

    @Test
    void whenTheSegmentsChangeWhatWasHeldIsForgotten() {
        claim(Segment.ROOT_SEGMENT);
        save("v", "c", 3);
        // another instance held the segment meanwhile and counted more
        processing.set(Map.of());
        tamper("v", 7);
        assertThat(live.get("v").onlineBallots).isEqualTo(7);
        claim(Segment.ROOT_SEGMENT);
        tamper("v", 8);
        assertThat(live.get("v").onlineBallots).isEqualTo(8);
        // read while processed here: held from then on
        tamper("v", 99);
        assertThat(live.get("v").onlineBallots).isEqualTo(8);
    }

    @Test
    void aResetForgetsWhatWasHeldAndAnOlderVersionNeverReplacesANewerOne() {
        claim(Segment.ROOT_SEGMENT);
        save("v", "c", 3);
        save("v", "c", 4);
        Ranking older = store.mongo().findById("v", Ranking.class);
        older.version = older.version - 1;
        older.onlineBallots = 3;
        live.onAfterSave(new AfterSaveEvent<>(older, new Document(), "rankings"));
        assertThat(live.get("v").onlineBallots).isEqualTo(4);

        store.mongo().dropCollection(Ranking.class);
        live.forget();
        save("v", "c", 1);
        assertThat(live.get("v").onlineBallots).isEqualTo(1);
    }

    private void claim(Segment segment) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        when(status.getSegment()).thenReturn(segment);
        processing.set(Map.of(segment.getSegmentId(), status));
    }

    /** Saves the ranking as the projection does, which the store then reports to the listener. */
    private void save(String votation, String convention, long onlineBallots) {
        Ranking ranking = store.mongo().findById(votation, Ranking.class);
        if (ranking == null) {
            ranking = Ranking.of(votation);
            ranking.conventionId = convention;
        }
        ranking.onlineBallots = onlineBallots;
        Ranking saved = store.mongo().save(ranking);
        live.onAfterSave(new AfterSaveEvent<>(saved, new Document(), "rankings"));
    }

    private void tamper(String votation, long onlineBallots) {
        store.mongo()
                .updateFirst(
                        Query.query(Criteria.where("_id").is(votation)),
                        new Update().set("onlineBallots", onlineBallots),
                        Ranking.class);
    }
}
