package org.conventionledger.query.votation;

import org.conventionledger.events.Transition;
import org.conventionledger.query.platform.AsOfView;
import org.conventionledger.query.platform.LogReplay;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/votations/{id}/ranking?asOf=…[&asOfPosition=…][&transition=…]}: the ranking as it stood
 * then; without these parameters the request goes to the live {@link RankingController}. The garants
 * and the monitoring body may ask any bound ({@link RankingAsOf}); anyone else only a published
 * checkpoint, {@code asOf} at the end of a day ({@link RankingPublication}): a position or another
 * instant is refused, 401 for an anonymous caller and 403 otherwise, with
 * {@code rule: "published-checkpoints-only"}.
 */
@RestController
public class RankingAsOfController {

    private final RankingAsOf asOf;
    private final RankingPublication publication;
    private final LiveRankings rankings;

    public RankingAsOfController(RankingAsOf asOf, RankingPublication publication, LiveRankings rankings) {
        this.asOf = asOf;
        this.publication = publication;
        this.rankings = rankings;
    }

    @GetMapping(value = "/api/votations/{votationId}/ranking", params = "asOf")
    public AsOfView<?> asOf(
            @PathVariable String votationId,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String asOfPosition,
            @RequestParam(required = false) Transition transition) {
        return view(votationId, transition, LogReplay.Bound.parse(asOf, asOfPosition));
    }

    @GetMapping(
            value = "/api/votations/{votationId}/ranking",
            params = {"asOfPosition", "!asOf"})
    public AsOfView<?> asOfPosition(
            @PathVariable String votationId,
            @RequestParam(required = false) String asOfPosition,
            @RequestParam(required = false) Transition transition) {
        return view(votationId, transition, LogReplay.Bound.parse(null, asOfPosition));
    }

    private AsOfView<?> view(String votationId, Transition transition, LogReplay.Bound bound) {
        if (RankingPublication.oversees()) {
            return asOf.ranking(votationId, transition, bound);
        }
        if (bound.position() != null) {
            // refused before anything is read: whether the votation exists is not the caller's to learn here
            throw RankingPublication.refused(
                    RankingPublication.CHECKPOINTS_RULE,
                    "A ranking as of a position in the"
                            + " log is for the garants and the monitoring body; the public sees the close and the"
                            + " published daily checkpoints.");
        }
        Ranking live = rankings.get(votationId);
        RankingController.checkAccess(live);
        return publication.checkpoint(live, bound.instant(), transition);
    }
}
