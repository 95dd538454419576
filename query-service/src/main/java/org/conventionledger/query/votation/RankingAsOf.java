package org.conventionledger.query.votation;

import java.util.Set;
import org.conventionledger.events.Transition;
import org.conventionledger.query.platform.AsOfFold;
import org.conventionledger.query.platform.AsOfView;
import org.conventionledger.query.platform.CheckpointedReplay;
import org.conventionledger.query.platform.LogReplay;
import org.conventionledger.query.platform.ProblemResponses;
import org.conventionledger.query.votation.RankingController.RankingView;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A votation's ranking as it stood at a past instant or position: rebuilt in memory from the latest
 * persisted checkpoint of the votation's counting before the bound and the log's tail ({@link CheckpointedReplay}),
 * with the live projection's own counting ({@link RankingChanges}). Online
 * ballots and paper tallies count from their <em>recording</em> time, like every event of the log: a
 * desk's tally counts from when it was entered, not from its {@code countedAt}. Nothing is written to
 * the read store; the rebuilt ranking is kept in the "as of" cache. Who may ask which bound is the
 * {@link RankingAsOfController}'s to decide.
 */
@Component
public class RankingAsOf {

    private final CheckpointedReplay replay;
    private final LiveRankings rankings;
    private final Counting counting;

    public RankingAsOf(CheckpointedReplay replay, LiveRankings rankings, Counting counting) {
        this.replay = replay;
        this.rankings = rankings;
        this.counting = counting;
    }

    /** The votations' counting, as the checkpoints and the replays fold it. */
    @Component
    public static class Counting implements AsOfFold<Ranking> {

        @Override
        public String name() {
            return "ranking";
        }

        @Override
        public Set<Class<?>> types() {
            return RankingChanges.TYPES;
        }

        @Override
        public String keyOf(Object payload) {
            return RankingChanges.votationOf(payload);
        }

        @Override
        public Ranking empty(String votationId) {
            return Ranking.of(votationId);
        }

        @Override
        public Ranking copy(Ranking ranking) {
            Ranking copy = ranking.emptyCopy();
            copy.add(ranking);
            return copy;
        }

        @Override
        public void apply(Ranking ranking, Object payload) {
            RankingChanges.apply(ranking, payload);
        }
    }

    /**
     * The ranking with the votation's events recorded up to the bound, overall or for one transition.
     * Access is the live ranking's, decided on the live document before anything is read: anyone once
     * the votation is closed, staff before (so partial counts of a votation still open stay internal).
     * A votation the read side does not know is a 404; so is one not yet scheduled at the bound.
     */
    public AsOfView<RankingView> ranking(String votationId, Transition transition, LogReplay.Bound bound) {
        Ranking live = rankings.get(votationId);
        RankingController.checkAccess(live);
        CheckpointedReplay.Result<Ranking> rebuilt = replay.asOf(counting, votationId, bound);
        if (rebuilt.state().status == null) {
            throw ProblemResponses.error(
                    HttpStatus.NOT_FOUND,
                    "unknown-votation",
                    "Votation " + votationId + " was not scheduled yet as of " + bound + ".");
        }
        return AsOfView.of(RankingController.view(rebuilt.state(), transition), rebuilt.replayed());
    }
}
