package org.conventionledger.query.votation;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.conventionledger.events.votation.OnlineBallotCast;
import org.conventionledger.events.votation.PaperBallotRecorded;
import org.conventionledger.events.votation.PaperTallyRecorded;
import org.conventionledger.events.votation.VotationClosed;
import org.conventionledger.events.votation.VotationOpened;
import org.conventionledger.events.votation.VotationScheduled;
import org.conventionledger.query.platform.DocumentProjection;
import org.conventionledger.query.platform.ProcessingConfiguration;
import org.conventionledger.query.platform.Projections;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts paper tallies, paper ballots recorded one by one and online ballots into each votation's {@link Ranking}, each
 * event once; what an
 * event changes is {@link RankingChanges}'s.
 */
@Component
@ProcessingGroup(ProcessingConfiguration.RANKINGS)
class RankingProjection extends DocumentProjection<Ranking> {

    private final LiveRankings live;

    RankingProjection(Projections projections, MongoTemplate mongo, LiveRankings live) {
        super(projections, mongo, Ranking.class, Ranking::of);
        this.live = live;
    }

    @EventHandler
    void on(VotationScheduled event, EventMessage<?> message, TrackingToken token) {
        update(event.votationId(), event, message, token);
    }

    @EventHandler
    void on(VotationOpened event, EventMessage<?> message, TrackingToken token) {
        update(event.votationId(), event, message, token);
    }

    @EventHandler
    void on(VotationClosed event, EventMessage<?> message, TrackingToken token) {
        update(event.votationId(), event, message, token);
    }

    @EventHandler
    void on(PaperTallyRecorded event, EventMessage<?> message, TrackingToken token) {
        update(event.votationId(), event, message, token);
    }

    @EventHandler
    void on(OnlineBallotCast event, EventMessage<?> message, TrackingToken token) {
        update(event.votationId(), event, message, token);
    }

    @EventHandler
    void on(PaperBallotRecorded event, EventMessage<?> message, TrackingToken token) {
        update(event.votationId(), event, message, token);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(Ranking.class);
        live.forget();
    }

    private void update(String votationId, Object event, EventMessage<?> message, TrackingToken token) {
        update(votationId, message, token, r -> RankingChanges.apply(r, event));
    }
}
