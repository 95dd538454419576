package org.conventionledger.query.dashboard;

import java.util.Set;
import org.conventionledger.events.ConventionEvent;
import org.conventionledger.query.dashboard.DashboardController.DashboardView;
import org.conventionledger.query.platform.AsOfFold;
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
 * persisted checkpoint of its figures before the bound and the log's tail ({@link CheckpointedReplay}), with the
 * live projection's own update logic ({@link DashboardChanges}).
 * Nothing is written to the read store; the figures are kept in the "as of" cache.
 */
@Component
public class DashboardAsOf {

    private final CheckpointedReplay replay;
    private final MongoTemplate mongo;
    private final Figures figures;

    public DashboardAsOf(CheckpointedReplay replay, MongoTemplate mongo, Figures figures) {
        this.replay = replay;
        this.mongo = mongo;
        this.figures = figures;
    }

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
        CheckpointedReplay.Result<Dashboard> rebuilt = replay.asOf(figures, conventionId, bound);
        if (rebuilt.replayed().eventsApplied() == 0) {
            throw ProblemResponses.error(
                    HttpStatus.NOT_FOUND,
                    "unknown-convention",
                    "Convention " + conventionId + " had no event in the log as of " + bound + ".");
        }
        return AsOfView.of(DashboardController.view(rebuilt.state()), rebuilt.replayed());
    }

    /** The conventions' figures, as the checkpoints and the replays fold them. */
    @Component
    public static class Figures implements AsOfFold<Dashboard> {

        @Override
        public String name() {
            return "dashboard";
        }

        @Override
        public Set<Class<?>> types() {
            return DashboardChanges.TYPES;
        }

        @Override
        public String keyOf(Object payload) {
            return payload instanceof ConventionEvent e ? e.conventionId() : null;
        }

        @Override
        public Dashboard empty(String conventionId) {
            return Dashboard.of(conventionId);
        }

        @Override
        public Dashboard copy(Dashboard dashboard) {
            return dashboard.copy();
        }

        @Override
        public void apply(Dashboard dashboard, Object payload) {
            DashboardChanges.apply(dashboard, payload);
        }
    }
}
