package org.conventionledger.query.platform;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The checkpoints of the "as of" views in the read store, as {@link AsOfCheckpointing} writes them and
 * {@link CheckpointedReplay} reads them. Three collections:
 * <ul>
 *   <li>{@code asOfCheckpoints}: one small document per checkpoint, numbered from 1 (0 is the start of
 *   the log): the part of the log it covers (index and gaps, from which its token is rebuilt), the latest
 *   recording time up to it and the earliest and latest of its interval, and the views that changed in
 *   the interval;</li>
 *   <li>{@code asOfStates}: a view's state at a checkpoint, written only at the checkpoints whose interval
 *   changed it;</li>
 *   <li>{@code asOfFolding}: one document, the writer's progress: the last checkpoint it took, the part
 *   of the log it has folded, and the views changed since that checkpoint.</li>
 * </ul>
 * A checkpoint counts only once the folding document names it (its {@code ordinal} at least the
 * checkpoint's): the checkpoint and its states are written first, so a crash in between leaves documents
 * that no reader uses and that the writer overwrites. A rebuild starts a new {@code epoch}.
 *
 * <p>The readers keep the checkpoint documents (not the states) in memory, loading only those written
 * since they last looked: about 150 bytes each, a thousand per million events of the log at the default
 * interval.
 */
@Component
public class AsOfCheckpoints {

    static final String CHECKPOINTS = "asOfCheckpoints";
    static final String STATES = "asOfStates";
    static final String FOLDING = "asOfFolding";
    static final String FOLDING_ID = "folding";

    /** A part of the log, and whether its store's tokens are gap-aware (JDBC) or plain (Axon Server). */
    record Covered(LogPosition position, boolean gapAware) {

        static Covered of(TrackingToken token) {
            return new Covered(LogPosition.of(token), LogPosition.isGapAware(token));
        }

        /** The token of a stream that has read exactly this part. */
        TrackingToken token() {
            return gapAware
                    ? GapAwareTrackingToken.newInstance(position.index(), position.gaps())
                    : new GlobalSequenceTrackingToken(position.index());
        }
    }

    /** One checkpoint: see the class comment. {@code changed} names views as {@link #viewKey}. */
    record CheckpointDocument(
            @Id long ordinal,
            String epoch,
            Covered covered,
            Instant latestBefore,
            Instant intervalEarliest,
            Instant intervalLatest,
            List<String> changed) {}

    /** A view's state at a checkpoint, and how many of the view's events it counts. */
    record StateDocument(@Id String id, String epoch, long ordinal, long applied, Object state) {}

    /** A view changed since the last checkpoint, as the writer holds it. */
    record Pending(String view, long applied, Object state) {}

    /** A view and the last checkpoint that stored its state. */
    record Latest(String view, long ordinal) {}

    /** The writer's progress; {@code revision} counts its writes, so that another writer's are noticed. */
    record FoldingDocument(
            @Id String id,
            String epoch,
            long revision,
            long ordinal,
            Covered absorbed,
            Instant latestBefore,
            Instant intervalEarliest,
            Instant intervalLatest,
            long intervalRead,
            List<Pending> pending,
            List<Latest> latest) {}

    /** What the readers know: the checkpoints of one epoch, the start of the log first. */
    record Known(String epoch, List<LogTail.Checkpoint> checkpoints, Map<String, List<Long>> stored) {

        /** The last checkpoint up to {@code ordinal} that stored the view's state; 0 if none. */
        long storedAt(String view, int ordinal) {
            List<Long> ordinals = stored.getOrDefault(view, List.of());
            int i = Collections.binarySearch(ordinals, (long) ordinal);
            if (i >= 0) {
                return ordinals.get(i);
            }
            int before = -i - 2;
            return before < 0 ? 0 : ordinals.get(before);
        }
    }

    private final MongoTemplate mongo;
    private Known known = new Known(null, List.of(LogTail.ORIGIN), Map.of());

    public AsOfCheckpoints(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String viewKey(AsOfFold<?> fold, String key) {
        return fold.name() + "/" + key;
    }

    static String stateId(String view, long ordinal) {
        return view + "@" + ordinal;
    }

    /** The checkpoints the writer has taken so far, read from the store if it took new ones. */
    synchronized Known known() {
        Query progress = Query.query(Criteria.where("_id").is(FOLDING_ID));
        progress.fields().include("epoch", "ordinal");
        org.bson.Document head = mongo.findOne(progress, org.bson.Document.class, FOLDING);
        if (head == null) {
            known = new Known(null, List.of(LogTail.ORIGIN), Map.of());
            return known;
        }
        String epoch = head.getString("epoch");
        long ordinal = ((Number) head.get("ordinal")).longValue();
        if (epoch.equals(known.epoch()) && ordinal == known.checkpoints().size() - 1) {
            return known;
        }
        List<LogTail.Checkpoint> checkpoints = new ArrayList<>(known.checkpoints());
        Map<String, List<Long>> stored = new HashMap<>();
        known.stored().forEach((view, ordinals) -> stored.put(view, new ArrayList<>(ordinals)));
        if (!epoch.equals(known.epoch()) || ordinal < checkpoints.size() - 1) {
            checkpoints = new ArrayList<>(List.of(LogTail.ORIGIN));
            stored.clear();
        }
        if (ordinal > checkpoints.size() - 1) {
            Query newer = Query.query(Criteria.where("epoch")
                            .is(epoch)
                            .and("_id")
                            .gt((long) checkpoints.size() - 1)
                            .lte(ordinal))
                    .with(Sort.by("_id"));
            for (CheckpointDocument c : mongo.find(newer, CheckpointDocument.class, CHECKPOINTS)) {
                if (c.ordinal() != checkpoints.size()) {
                    // written over while read: the next request reads them again
                    break;
                }
                long previous = checkpoints.get(checkpoints.size() - 1).position();
                checkpoints.add(new LogTail.Checkpoint(
                        c.covered().token(),
                        c.covered().position().index(),
                        c.latestBefore(),
                        c.intervalEarliest(),
                        c.intervalLatest(),
                        c.covered().position().gaps().stream().noneMatch(gap -> gap > previous)));
                for (String view : c.changed()) {
                    stored.computeIfAbsent(view, v -> new ArrayList<>()).add(c.ordinal());
                }
            }
        }
        known = new Known(epoch, List.copyOf(checkpoints), stored);
        return known;
    }

    /** The view's state stored at that checkpoint of that epoch; null if it is no longer there. */
    StateDocument state(String epoch, String view, long ordinal) {
        StateDocument state = mongo.findById(stateId(view, ordinal), StateDocument.class, STATES);
        return state == null || !state.epoch().equals(epoch) ? null : state;
    }

    FoldingDocument folding() {
        return mongo.findById(FOLDING_ID, FoldingDocument.class, FOLDING);
    }

    /** The writer's revision in the store; -1 if it has written nothing. */
    long revision() {
        Query progress = Query.query(Criteria.where("_id").is(FOLDING_ID));
        progress.fields().include("revision");
        org.bson.Document head = mongo.findOne(progress, org.bson.Document.class, FOLDING);
        return head == null ? -1 : ((Number) head.get("revision")).longValue();
    }

    /** Writes a checkpoint's states, then the checkpoint: neither counts before the folding document. */
    void write(CheckpointDocument checkpoint, List<StateDocument> states) {
        for (StateDocument state : states) {
            mongo.save(state, STATES);
        }
        mongo.save(checkpoint, CHECKPOINTS);
    }

    void write(FoldingDocument folding) {
        mongo.save(folding, FOLDING);
    }

    /** Drops what a crash left beyond the folding document, or what another epoch left. */
    void dropBeyond(String epoch, long ordinal) {
        Criteria stale = new Criteria()
                .orOperator(
                        Criteria.where("epoch").ne(epoch),
                        Criteria.where("ordinal").gt(ordinal));
        mongo.remove(Query.query(stale), STATES);
        mongo.remove(
                Query.query(new Criteria()
                        .orOperator(
                                Criteria.where("epoch").ne(epoch),
                                Criteria.where("_id").gt(ordinal))),
                CHECKPOINTS);
    }

    /** Drops every checkpoint and the writer's progress: the start of a rebuild. */
    void dropAll() {
        mongo.remove(new Query(), FOLDING);
        mongo.remove(new Query(), CHECKPOINTS);
        mongo.remove(new Query(), STATES);
    }
}
