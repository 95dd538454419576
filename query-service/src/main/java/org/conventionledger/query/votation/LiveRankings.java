package org.conventionledger.query.votation;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.conventionledger.query.platform.ProblemResponses;
import org.conventionledger.query.platform.ProcessingConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveEvent;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The votations' live rankings as the read requests get them: from memory, kept current by this service's
 * rankings projection, instead of a read of the store and its mapping for every request.
 *
 * <p>A ranking is held in memory only while this service's {@code rankings} processor processes the segment
 * of its convention: it is then the only writer of the document (the segment's claim), and every write it
 * makes passes through {@link #onAfterSave} right after the store took it (before the processor's token),
 * in version order. Without that segment (another instance holds it, the processor is stopped, rebuilt or
 * failed), a request reads the store, as before. When the segments this service processes change, what it
 * held is forgotten: another instance may have written meanwhile. A rebuild's reset forgets it too
 * ({@link #forget}), and a read that began before is not kept ({@code generation}).
 *
 * <p>What is held is a copy, never handed to the projection again; readers only read it.
 */
@Component
public class LiveRankings extends AbstractMongoEventListener<Ranking> {

    private final MongoTemplate mongo;
    private final Supplier<StreamingEventProcessor> rankingsProcessor;
    private final Map<String, Ranking> held = new ConcurrentHashMap<>();
    /** Counts the times everything held was forgotten: a read from the store started before is not kept. */
    private volatile long generation;
    /** The segments of the rankings processor this service processed when last looked at. */
    private Set<Segment> owned = Set.of();

    @Autowired
    public LiveRankings(MongoTemplate mongo, ObjectProvider<EventProcessingConfiguration> processing) {
        this(mongo, () -> {
            EventProcessingConfiguration configuration = processing.getIfAvailable();
            return configuration == null
                    ? null
                    : configuration
                            .eventProcessor(ProcessingConfiguration.RANKINGS, StreamingEventProcessor.class)
                            .orElse(null);
        });
    }

    /** Over the store only: a read side without the rankings processor holds nothing in memory. */
    public LiveRankings(MongoTemplate mongo) {
        this(mongo, () -> null);
    }

    LiveRankings(MongoTemplate mongo, Supplier<StreamingEventProcessor> rankingsProcessor) {
        this.mongo = mongo;
        this.rankingsProcessor = rankingsProcessor;
    }

    /** The live ranking of the votation; a 404 problem if the read side does not know it. */
    Ranking get(String votationId) {
        Set<Segment> segments = segments();
        Ranking ranking = held.get(votationId);
        if (ranking != null && covered(segments, ranking)) {
            return ranking;
        }
        long before = generation;
        Ranking stored = mongo.findById(votationId, Ranking.class);
        if (stored == null) {
            throw ProblemResponses.error(
                    HttpStatus.NOT_FOUND,
                    "unknown-votation",
                    "No votation " + votationId + " is known (yet) to the read side.");
        }
        if (covered(segments, stored)) {
            keep(stored.snapshot(), before);
        }
        return stored;
    }

    /** A ranking this service's projection has just written. */
    @Override
    public void onAfterSave(AfterSaveEvent<Ranking> event) {
        Ranking saved = event.getSource();
        Set<Segment> segments = segments();
        long before = generation;
        if (covered(segments, saved)) {
            keep(saved.snapshot(), before);
        }
    }

    /** Forgets every ranking held: the store's rankings are being dropped. */
    synchronized void forget() {
        generation++;
        held.clear();
    }

    private synchronized void keep(Ranking ranking, long generationBefore) {
        if (generation != generationBefore) {
            return;
        }
        held.merge(ranking.votationId, ranking, (old, now) -> newer(now, old) ? now : old);
    }

    private static boolean newer(Ranking now, Ranking old) {
        return old.version == null || (now.version != null && now.version > old.version);
    }

    private static boolean covered(Set<Segment> segments, Ranking ranking) {
        return ranking.conventionId != null && segments.stream().anyMatch(s -> s.matches(ranking.conventionId));
    }

    /** The segments this service processes now; when they changed, everything held is forgotten. */
    private Set<Segment> segments() {
        StreamingEventProcessor rankings = rankingsProcessor.get();
        Set<Segment> now = rankings == null
                ? Set.of()
                : rankings.processingStatus().values().stream()
                        .filter(s -> !s.isErrorState())
                        .map(EventTrackerStatus::getSegment)
                        .collect(Collectors.toUnmodifiableSet());
        if (!now.equals(owned)) {
            synchronized (this) {
                if (!now.equals(owned)) {
                    owned = now;
                    generation++;
                    held.clear();
                }
            }
        }
        return now;
    }
}
