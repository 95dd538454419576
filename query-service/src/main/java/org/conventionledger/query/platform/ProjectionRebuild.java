package org.conventionledger.query.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rebuilds a projection from the log, from zero, while the write side goes on: the processor stops,
 * its tokens go back to the start of the log, its reset handlers drop its documents, and the log is
 * replayed into its handlers up to the head by one reader in large pages ({@link BulkReplay}; on the JDBC
 * store read straight from the table, {@link JdbcLogPages}), in the background; the processor then
 * starts again from where that reader stopped. Progress is the reader's position, then the processor's,
 * against the head of the log. Should the replay fail, the processor
 * starts from its reset tokens and replays the log itself.
 */
@RestController
public class ProjectionRebuild {

    /** Where one processor stands. */
    public record Progress(
            String processor, boolean running, boolean replaying, long position, long head, int percent) {}

    private static final Logger LOG = LoggerFactory.getLogger(ProjectionRebuild.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final LogPages log;
    /** The latest replay of each processor, kept until the processor reports its own position again. */
    private final Map<String, BulkReplay> replays = new ConcurrentHashMap<>();

    public ProjectionRebuild(
            EventProcessingConfiguration processing, EventStore eventStore, ObjectProvider<LogPages> jdbcLog) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.log = jdbcLog.getIfAvailable(() -> new StreamPages(eventStore, BulkReplay.EVENTS_PER_WRITE));
    }

    @GetMapping("/api/admin/projections")
    public List<Progress> progress() {
        List<Progress> all = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                all.add(progressOf(name, streaming));
            }
        });
        return all;
    }

    @GetMapping("/api/admin/projections/{processor}")
    public Progress progress(@PathVariable String processor) {
        return progressOf(processor, streaming(processor));
    }

    @PostMapping("/api/admin/projections/{processor}/rebuild")
    public Progress rebuild(@PathVariable String processor) {
        StreamingEventProcessor streaming = streaming(processor);
        if (!streaming.supportsReset()) {
            throw ProblemResponses.error(
                    HttpStatus.CONFLICT,
                    "not-rebuildable",
                    "Projection " + processor + " cannot be rebuilt from the log.");
        }
        BulkReplay running = replays.get(processor);
        if (running != null && !streaming.isRunning()) {
            throw ProblemResponses.error(
                    HttpStatus.CONFLICT, "rebuild-running", "Projection " + processor + " is being rebuilt already.");
        }
        streaming.shutDown();
        streaming.resetTokens();
        if (!(streaming instanceof AbstractEventProcessor withHandlers)) {
            streaming.start();
            return progressOf(processor, streaming);
        }
        BulkReplay replay =
                new BulkReplay(processor, withHandlers.eventHandlerInvoker(), log, processing.tokenStore(processor));
        replays.put(processor, replay);
        Thread thread = new Thread(
                () -> {
                    try {
                        replay.run();
                    } catch (Exception | LinkageError e) {
                        LOG.error(
                                "Rebuilding {} in batches failed; its processor replays the log itself", processor, e);
                    } finally {
                        streaming.start();
                    }
                },
                "rebuild-" + processor);
        thread.setDaemon(true);
        thread.start();
        return progressOf(processor, streaming);
    }

    private StreamingEventProcessor streaming(String name) {
        return processing
                .eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> ProblemResponses.error(
                        HttpStatus.NOT_FOUND,
                        "unknown-projection",
                        "No projection " + name + "; GET /api/admin/projections lists them."));
    }

    private Progress progressOf(String name, StreamingEventProcessor processor) {
        long head = position(eventStore.createHeadToken());
        Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
        BulkReplay replay = replays.get(name);
        if (replay != null && !segments.isEmpty()) {
            replays.remove(name, replay);
            replay = null;
        }
        long position = segments.isEmpty()
                ? replay == null ? -1 : replay.position()
                : segments.values().stream()
                        .mapToLong(s -> s.getCurrentPosition().orElse(-1))
                        .min()
                        .orElse(-1);
        boolean replaying = replay != null || segments.values().stream().anyMatch(EventTrackerStatus::isReplaying);
        int percent = head <= 0 ? 100 : (int) Math.max(0, Math.min(100, position * 100 / head));
        return new Progress(name, processor.isRunning(), replaying, position, head, percent);
    }

    private static long position(TrackingToken token) {
        if (token == null) {
            return -1;
        }
        OptionalLong position = token.position();
        return position.orElse(-1);
    }
}
