package org.conventionledger.query.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rebuilds a projection from the log, from zero, while the write side goes on: the processor stops,
 * its tokens go back to the start of the log, its reset handlers drop its documents, and it replays.
 * Progress is the processor's position against the head of the log.
 */
@RestController
public class ProjectionRebuild {

    /** Where one processor stands. */
    public record Progress(
            String processor, boolean running, boolean replaying, long position, long head, int percent) {}

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    public ProjectionRebuild(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
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
        streaming.shutDown();
        streaming.resetTokens();
        streaming.start();
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
        long position = segments.isEmpty()
                ? -1
                : segments.values().stream()
                        .mapToLong(s -> s.getCurrentPosition().orElse(-1))
                        .min()
                        .orElse(-1);
        boolean replaying = segments.values().stream().anyMatch(EventTrackerStatus::isReplaying);
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
