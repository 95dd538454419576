package org.conventionledger.query.dashboard;

import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.conventionledger.events.ConventionEvent;
import org.conventionledger.query.dashboard.DashboardController.DashboardView;
import org.conventionledger.query.platform.AsOfCache;
import org.conventionledger.query.platform.AsOfView;
import org.conventionledger.query.platform.CheckpointedReplay;
import org.conventionledger.query.platform.LogReplay;
import org.conventionledger.query.platform.ProblemResponses;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A convention's dashboard as it stood at a past instant or position: rebuilt in memory from the latest
 * checkpoint of its figures before the bound and the log's tail ({@link CheckpointedReplay}), with the
 * live projection's own update logic ({@link DashboardChanges}).
 * Nothing is written to the read store; the view is kept in the {@link AsOfCache}.
 */
@Component
public class DashboardAsOf {

    private final CheckpointedReplay replay;
    private final MongoTemplate mongo;
    private final AsOfCache cache;

    public DashboardAsOf(CheckpointedReplay replay, MongoTemplate mongo, AsOfCache cache) {
        this.replay = replay;
        this.mongo = mongo;
        this.cache = cache;
    }

    private record Key(String conventionId, LogReplay.Bound bound) {}

    private record Rebuilt(DashboardView view, LogReplay.Replayed replayed) {}

    /**
     * The dashboard with the events of the convention recorded up to the bound. A convention the read
     * side does not know is a 404 before anything is read; so is one that had no event yet at the bound.
     */
    public AsOfView<DashboardView> dashboard(String conventionId, LogReplay.Bound bound) {
        if (!mongo.exists(Query.query(Criteria.where("_id").is(conventionId)), Dashboard.class)) {
            throw ProblemResponses.error(
                    HttpStatus.NOT_FOUND,
                    "unknown-convention",
                    "No convention " + conventionId + " is known (yet) to the read side.");
        }
        Rebuilt rebuilt = cache.get(
                new Key(conventionId, bound),
                () -> rebuild(conventionId, bound),
                r -> r.replayed().settled());
        if (rebuilt.replayed().eventsApplied() == 0) {
            throw ProblemResponses.error(
                    HttpStatus.NOT_FOUND,
                    "unknown-convention",
                    "Convention " + conventionId + " had no event in the log as of " + bound + ".");
        }
        return AsOfView.of(rebuilt.view(), rebuilt.replayed());
    }

    private Rebuilt rebuild(String conventionId, LogReplay.Bound bound) {
        Figures figures = new Figures(conventionId);
        CheckpointedReplay.Result<Dashboard> rebuilt = replay.replay(figures, bound, figures);
        LogReplay.Replayed replayed = rebuilt.replayed();
        return new Rebuilt(replayed.eventsApplied() == 0 ? null : DashboardController.view(rebuilt.state()), replayed);
    }

    /** A convention's figures, as the replay folds them from checkpoints. */
    record Figures(String conventionId) implements CheckpointedReplay.Fold<Dashboard> {

        @Override
        public Dashboard empty() {
            return Dashboard.of(conventionId);
        }

        @Override
        public Dashboard copy(Dashboard dashboard) {
            return dashboard.copy();
        }

        @Override
        public Set<Class<?>> types() {
            return DashboardChanges.TYPES;
        }

        @Override
        public boolean selects(Object payload) {
            return payload instanceof ConventionEvent e && conventionId.equals(e.conventionId());
        }

        @Override
        public void apply(Dashboard dashboard, EventMessage<?> event) {
            DashboardChanges.apply(dashboard, event.getPayload());
        }
    }
}
