package org.conventionledger.query.votation;

import org.conventionledger.events.Transition;
import org.conventionledger.query.platform.AsOfView;
import org.conventionledger.query.platform.LogReplay;
import org.conventionledger.query.votation.RankingController.RankingView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/votations/{id}/ranking?asOf=…[&asOfPosition=…][&transition=…]}: the ranking as it stood
 * then (see {@link RankingAsOf}); without these parameters the request goes to the live
 * {@link RankingController}.
 */
@RestController
public class RankingAsOfController {

    private final RankingAsOf asOf;

    public RankingAsOfController(RankingAsOf asOf) {
        this.asOf = asOf;
    }

    @GetMapping(value = "/api/votations/{votationId}/ranking", params = "asOf")
    public AsOfView<RankingView> asOf(@PathVariable String votationId, @RequestParam(required = false) String asOf,
                                      @RequestParam(required = false) String asOfPosition,
                                      @RequestParam(required = false) Transition transition) {
        return this.asOf.ranking(votationId, transition, LogReplay.Bound.parse(asOf, asOfPosition));
    }

    @GetMapping(value = "/api/votations/{votationId}/ranking", params = {"asOfPosition", "!asOf"})
    public AsOfView<RankingView> asOfPosition(@PathVariable String votationId,
                                              @RequestParam(required = false) String asOfPosition,
                                              @RequestParam(required = false) Transition transition) {
        return asOf.ranking(votationId, transition, LogReplay.Bound.parse(null, asOfPosition));
    }
}
