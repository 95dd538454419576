package org.conventionledger.query.votation;

import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.conventionledger.events.Transition;
import org.conventionledger.query.platform.AsOfCache;
import org.conventionledger.query.platform.AsOfView;
import org.conventionledger.query.platform.CheckpointedReplay;
import org.conventionledger.query.platform.LogReplay;
import org.conventionledger.query.platform.ProblemResponses;
import org.conventionledger.query.votation.RankingController.RankingView;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A votation's ranking as it stood at a past instant or position: rebuilt in memory from the latest
 * checkpoint of the votation's counting before the bound and the log's tail ({@link CheckpointedReplay}),
 * with the live projection's own counting ({@link RankingChanges}). Online
 * ballots and paper tallies count from their <em>recording</em> time, like every event of the log: a
 * desk's tally counts from when it was entered, not from its {@code countedAt}. Nothing is written to
 * the read store; the rebuilt ranking is kept in the {@link AsOfCache}. Who may ask which bound is the
 * {@link RankingAsOfController}'s to decide.
 */
@Component
public class RankingAsOf {

    private final CheckpointedReplay replay;
    private final MongoTemplate mongo;
    private final AsOfCache cache;

    public RankingAsOf(CheckpointedReplay replay, MongoTemplate mongo, AsOfCache cache) {
        this.replay = replay;
        this.mongo = mongo;
        this.cache = cache;
    }

    private record Key(String votationId, LogReplay.Bound bound) {}

    /** A votation's counting, as the replay folds it from checkpoints. */
    record Counting(String votationId) implements CheckpointedReplay.Fold<Ranking> {

        @Override
        public Ranking empty() {
            return Ranking.of(votationId);
        }

        @Override
        public Ranking copy(Ranking ranking) {
            Ranking copy = ranking.emptyCopy();
            copy.add(ranking);
            return copy;
        }

        @Override
        public Set<Class<?>> types() {
            return RankingChanges.TYPES;
        }

        @Override
        public boolean selects(Object payload) {
            return votationId.equals(RankingChanges.votationOf(payload));
        }

        @Override
        public void apply(Ranking ranking, EventMessage<?> event) {
            RankingChanges.apply(ranking, event.getPayload());
        }
    }

    private record Rebuilt(Ranking ranking, LogReplay.Replayed replayed) {}

    /**
     * The ranking with the votation's events recorded up to the bound, overall or for one transition.
     * Access is the live ranking's, decided on the live document before anything is read: anyone once
     * the votation is closed, staff before (so partial counts of a votation still open stay internal).
     * A votation the read side does not know is a 404; so is one not yet scheduled at the bound.
     */
    public AsOfView<RankingView> ranking(String votationId, Transition transition, LogReplay.Bound bound) {
        Ranking live = mongo.findById(votationId, Ranking.class);
        if (live == null) {
            throw ProblemResponses.error(
                    HttpStatus.NOT_FOUND,
                    "unknown-votation",
                    "No votation " + votationId + " is known (yet) to the read side.");
        }
        RankingController.checkAccess(live);
        Rebuilt rebuilt = cache.get(
                new Key(votationId, bound),
                () -> {
                    CheckpointedReplay.Result<Ranking> replayed =
                            replay.replay(new Counting(votationId), bound, new Counting(votationId));
                    return new Rebuilt(replayed.state(), replayed.replayed());
                },
                r -> r.replayed().settled());
        if (rebuilt.ranking().status == null) {
            throw ProblemResponses.error(
                    HttpStatus.NOT_FOUND,
                    "unknown-votation",
                    "Votation " + votationId + " was not scheduled yet as of " + bound + ".");
        }
        return AsOfView.of(RankingController.view(rebuilt.ranking(), transition), rebuilt.replayed());
    }
}
