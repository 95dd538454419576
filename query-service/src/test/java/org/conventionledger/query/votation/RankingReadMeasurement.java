package org.conventionledger.query.votation;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.lang.management.ManagementFactory;
import java.util.Map;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.conventionledger.query.platform.ReadStore;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;

/**
 * A measurement, not a timed test: what the live ranking costs a request below HTTP, read from the
 * embedded read store (mongo-java-server on its H2 backend, as the service runs it) or from
 * {@link LiveRankings}' memory, then turned into the API's view. Prints {@code RANKING READ …} lines with
 * the CPU of this process (the read store's server threads included) and the bytes the reading thread
 * allocated, per read.
 *
 * <p>{@code mvn test -pl query-service -Dtest=RankingReadMeasurement -Dledger.reads=20000}
 */
class RankingReadMeasurement {

    private static final int READS = Integer.getInteger("ledger.reads", 20_000);

    @Test
    void theLiveRankingFromTheStoreAndFromMemory() {
        try (ReadStore store = ReadStore.start(ReadStore.Backend.H2)) {
            Ranking ranking = Ranking.of("v");
            ranking.conventionId = "c";
            ranking.title = "A votation";
            ranking.status = "OPEN";
            for (int action = 1; action <= 12; action++) {
                Ranking.Count count = new Ranking.Count();
                count.actionNumber = action;
                count.actionId = "action-" + action;
                count.title = "Action number " + action + " of the convention";
                count.transition = "SOCIAL";
                count.topic = "topic";
                count.onlineVotes = 1_000L * action;
                ranking.counts.add(count);
            }
            Ranking saved = store.mongo().save(ranking);
            StreamingEventProcessor rankings = mock(StreamingEventProcessor.class);
            EventTrackerStatus status = mock(EventTrackerStatus.class);
            when(status.getSegment()).thenReturn(Segment.ROOT_SEGMENT);
            when(rankings.processingStatus()).thenReturn(Map.of(0, status));
            LiveRankings memory = new LiveRankings(store.mongo(), () -> rankings);
            memory.onAfterSave(new AfterSaveEvent<>(saved, new Document(), "rankings"));
            LiveRankings storeOnly = new LiveRankings(store.mongo());

            for (int round = 0; round < 3; round++) {
                measure("from the store", storeOnly);
                measure("from memory", memory);
            }
        }
    }

    private static void measure(String what, LiveRankings rankings) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long cpu = os.getProcessCpuTime();
        long allocated = threads.getThreadAllocatedBytes(id);
        long wall = System.nanoTime();
        long entries = 0;
        for (int i = 0; i < READS; i++) {
            entries += RankingController.view(rankings.get("v"), null).entries().size();
        }
        System.out.printf(
                "RANKING READ %s: %.1f µs CPU (process), %.1f µs wall, %,d bytes allocated per read (%d reads, %d"
                        + " entries; load average %.1f)%n",
                what,
                (os.getProcessCpuTime() - cpu) / 1e3 / READS,
                (System.nanoTime() - wall) / 1e3 / READS,
                (threads.getThreadAllocatedBytes(id) - allocated) / READS,
                READS,
                entries / READS,
                os.getSystemLoadAverage());
    }
}
