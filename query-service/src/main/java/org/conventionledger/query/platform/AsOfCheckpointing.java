package org.conventionledger.query.platform;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.conventionledger.query.platform.AsOfCheckpoints.CheckpointDocument;
import org.conventionledger.query.platform.AsOfCheckpoints.Covered;
import org.conventionledger.query.platform.AsOfCheckpoints.FoldingDocument;
import org.conventionledger.query.platform.AsOfCheckpoints.Latest;
import org.conventionledger.query.platform.AsOfCheckpoints.Pending;
import org.conventionledger.query.platform.AsOfCheckpoints.StateDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Takes the checkpoints of the "as of" views as the log is written: the {@code as-of-checkpoints}
 * processor (one segment, in log order) folds every event into the views of every {@link AsOfFold}, and
 * every {@code ledger.as-of.checkpoint-every} events of the log (default 1,000) stores a checkpoint with
 * the states of the views its interval changed ({@link AsOfCheckpoints}). No request reads the whole log.
 *
 * <p>Exactly once (ADR-001): the folding document, written at the end of each batch before the
 * processor's token, holds the part of the log folded so far; an event re-delivered after a crash lies
 * in it and is skipped, a late one that fills a gap does not and is folded. A batch that fails, or a
 * folding document written by another instance meanwhile, makes the writer read its progress from the
 * store again before the next event. A rebuild of the processor drops every checkpoint and starts a new
 * epoch.
 */
@Component
@ProcessingGroup(ProcessingConfiguration.AS_OF)
class AsOfCheckpointing {

    private static final String BATCH = AsOfCheckpointing.class.getName();
    private static final Logger LOG = LoggerFactory.getLogger(AsOfCheckpointing.class);

    /** A view as the writer holds it; without a state once the fold failed on one of its events. */
    private static final class View {
        final AsOfFold<Object> fold;
        final Object state;
        long applied;

        View(AsOfFold<Object> fold, Object state, long applied) {
            this.fold = fold;
            this.state = state;
            this.applied = applied;
        }
    }

    /** The writer's progress in memory: the folding document, and the views it has loaded. */
    private static final class Folding {
        String epoch;
        long revision;
        long ordinal;
        Covered absorbed;
        Instant latestBefore;
        Instant intervalEarliest;
        Instant intervalLatest;
        long intervalRead;
        final Map<String, View> views = new HashMap<>();
        final Map<String, View> changed = new LinkedHashMap<>();
        final Map<String, Long> latest = new HashMap<>();
    }

    /** What a batch writes when it commits, before its token. */
    private final class Writes implements BatchWrites.Write {
        final List<CheckpointDocument> checkpoints = new ArrayList<>();
        final List<List<StateDocument>> states = new ArrayList<>();

        @Override
        public void writeTo(MongoTemplate unused) {
            for (int i = 0; i < checkpoints.size(); i++) {
                store.write(checkpoints.get(i), states.get(i));
            }
            checkpoints.clear();
            states.clear();
            writeFolding();
        }
    }

    private final AsOfCheckpoints store;
    private final MongoTemplate mongo;
    private final Map<String, AsOfFold<Object>> folds = new LinkedHashMap<>();
    private final int every;
    private Folding folding;

    @SuppressWarnings("unchecked")
    public AsOfCheckpointing(
            AsOfCheckpoints store,
            MongoTemplate mongo,
            List<AsOfFold<?>> folds,
            @Value("${ledger.as-of.checkpoint-every:1000}") int every) {
        this.store = store;
        this.mongo = mongo;
        for (AsOfFold<?> fold : folds) {
            this.folds.put(fold.name(), (AsOfFold<Object>) fold);
        }
        if (every < 1) {
            throw new IllegalArgumentException("ledger.as-of.checkpoint-every must be 1 or more, not " + every);
        }
        this.every = every;
    }

    /** Every event of the log: its recording time bounds its interval, whatever its type. */
    @EventHandler(payloadType = Object.class)
    synchronized void on(EventMessage<?> event, TrackingToken token) {
        Folding f = folding();
        long own = EventPosition.of(event, token);
        if (f.absorbed != null && f.absorbed.position().contains(own)) {
            return;
        }
        for (AsOfFold<Object> fold : folds.values()) {
            if (fold.types().contains(event.getPayloadType())) {
                Object payload = event.getPayload();
                String key = fold.keyOf(payload);
                if (key != null) {
                    fold(f, fold, key, payload);
                }
            }
        }
        Covered seen = Covered.of(token);
        f.absorbed =
                f.absorbed == null ? seen : new Covered(f.absorbed.position().union(seen.position()), seen.gapAware());
        // the read store keeps milliseconds: rounded outwards, a checkpoint is passed over or started from
        // only where the exact times would allow it
        Instant recordedAt = event.getTimestamp();
        Instant down = recordedAt.truncatedTo(ChronoUnit.MILLIS);
        Instant up = down.equals(recordedAt) ? down : down.plusMillis(1);
        f.latestBefore = later(f.latestBefore, up);
        f.intervalEarliest =
                f.intervalEarliest == null || down.isBefore(f.intervalEarliest) ? down : f.intervalEarliest;
        f.intervalLatest = later(f.intervalLatest, up);
        Writes writes = writes();
        if (++f.intervalRead == every) {
            checkpoint(f, writes);
        }
        if (writes == null) {
            writeFolding();
        }
    }

    /**
     * Applies the payload to its view. A view the fold cannot apply it to (an event the live projection
     * refuses too) is stored without a state from then on: a request for it replays the whole log, as
     * before the checkpoints, and the other views go on.
     */
    private void fold(Folding f, AsOfFold<Object> fold, String key, Object payload) {
        String name = AsOfCheckpoints.viewKey(fold, key);
        View view = view(f, fold, key);
        if (view.state == null) {
            return;
        }
        try {
            fold.apply(view.state, payload);
            view.applied++;
        } catch (RuntimeException e) {
            LOG.warn("The as-of view {} cannot be checkpointed past position {}: {}", name, f.absorbed, e.toString());
            view = new View(fold, null, -1);
            f.views.put(name, view);
        }
        f.changed.put(name, view);
    }

    @ResetHandler
    synchronized void reset() {
        store.dropAll();
        folding = null;
    }

    private void checkpoint(Folding f, Writes writes) {
        f.ordinal++;
        List<StateDocument> states = new ArrayList<>();
        for (Map.Entry<String, View> changed : f.changed.entrySet()) {
            View view = changed.getValue();
            states.add(new StateDocument(
                    AsOfCheckpoints.stateId(changed.getKey(), f.ordinal),
                    f.epoch,
                    f.ordinal,
                    view.applied,
                    view.state == null ? null : view.fold.copy(view.state)));
            f.latest.put(changed.getKey(), f.ordinal);
        }
        CheckpointDocument checkpoint = new CheckpointDocument(
                f.ordinal,
                f.epoch,
                f.absorbed,
                f.latestBefore,
                f.intervalEarliest,
                f.intervalLatest,
                List.copyOf(f.changed.keySet()));
        f.changed.clear();
        f.intervalRead = 0;
        f.intervalEarliest = null;
        f.intervalLatest = null;
        if (writes == null) {
            store.write(checkpoint, states);
        } else {
            writes.checkpoints.add(checkpoint);
            writes.states.add(states);
        }
    }

    /** The view as folded so far: changed since the checkpoint, or at its last stored state, or empty. */
    private View view(Folding f, AsOfFold<Object> fold, String key) {
        String name = AsOfCheckpoints.viewKey(fold, key);
        View view = f.views.get(name);
        if (view == null) {
            Long ordinal = f.latest.get(name);
            StateDocument stored = ordinal == null ? null : store.state(f.epoch, name, ordinal);
            if (ordinal != null && stored == null) {
                throw new IllegalStateException("The as-of state of " + name + " at checkpoint " + ordinal
                        + " is missing; rebuild the " + ProcessingConfiguration.AS_OF + " projection");
            }
            view = stored == null
                    ? new View(fold, fold.empty(key), 0)
                    : new View(fold, stored.state(), stored.applied());
            f.views.put(name, view);
        }
        return view;
    }

    /**
     * The writer's progress, read from the store when it has none (at the start, after a failed batch)
     * or when another writer has written since; what a crash left beyond it is dropped.
     */
    private Folding folding() {
        boolean newBatch =
                CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root().getResource(BATCH) == null;
        if (newBatch) {
            UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
            batch.resources().put(BATCH, Boolean.TRUE);
            batch.onRollback(u -> discard());
            if (folding != null && store.revision() != folding.revision) {
                folding = null;
            }
        }
        if (folding == null) {
            folding = load();
        }
        return folding;
    }

    private synchronized void discard() {
        folding = null;
    }

    private Folding load() {
        Folding f = new Folding();
        FoldingDocument stored = store.folding();
        if (stored == null) {
            f.epoch = UUID.randomUUID().toString();
            f.revision = 0;
            store.dropBeyond(f.epoch, 0);
            return f;
        }
        f.epoch = stored.epoch();
        f.revision = stored.revision();
        f.ordinal = stored.ordinal();
        f.absorbed = stored.absorbed();
        f.latestBefore = stored.latestBefore();
        f.intervalEarliest = stored.intervalEarliest();
        f.intervalLatest = stored.intervalLatest();
        f.intervalRead = stored.intervalRead();
        for (Latest latest : stored.latest()) {
            f.latest.put(latest.view(), latest.ordinal());
        }
        for (Pending pending : stored.pending()) {
            AsOfFold<Object> fold =
                    folds.get(pending.view().substring(0, pending.view().indexOf('/')));
            View view = new View(fold, pending.state(), pending.applied());
            f.views.put(pending.view(), view);
            f.changed.put(pending.view(), view);
        }
        store.dropBeyond(f.epoch, f.ordinal);
        return f;
    }

    private Writes writes() {
        return BatchWrites.ofCurrentBatch(mongo, Writes.class, Writes::new).orElse(null);
    }

    private synchronized void writeFolding() {
        Folding f = folding;
        if (f == null) {
            return;
        }
        List<Pending> pending = new ArrayList<>();
        f.changed.forEach((name, view) -> pending.add(new Pending(name, view.applied, view.state)));
        List<Latest> latest = new ArrayList<>();
        f.latest.forEach((name, ordinal) -> latest.add(new Latest(name, ordinal)));
        f.revision++;
        store.write(new FoldingDocument(
                AsOfCheckpoints.FOLDING_ID,
                f.epoch,
                f.revision,
                f.ordinal,
                f.absorbed,
                f.latestBefore,
                f.intervalEarliest,
                f.intervalLatest,
                f.intervalRead,
                pending,
                latest));
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
