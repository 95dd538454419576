package org.conventionledger.query.votation;

import java.util.function.Consumer;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.conventionledger.events.votation.ActionVotes;
import org.conventionledger.events.votation.BallotItem;
import org.conventionledger.events.votation.OnlineBallotCast;
import org.conventionledger.events.votation.PaperTallyRecorded;
import org.conventionledger.events.votation.VotationClosed;
import org.conventionledger.events.votation.VotationOpened;
import org.conventionledger.events.votation.VotationScheduled;
import org.conventionledger.query.platform.ProcessingConfiguration;
import org.conventionledger.query.platform.Projections;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Counts paper tallies and online ballots into each votation's {@link Ranking}, each event once. */
@Component
@ProcessingGroup(ProcessingConfiguration.RANKINGS)
class RankingProjection {

    private final Projections projections;
    private final MongoTemplate mongo;

    RankingProjection(Projections projections, MongoTemplate mongo) {
        this.projections = projections;
        this.mongo = mongo;
    }

    @EventHandler
    void on(VotationScheduled event, EventMessage<?> message, TrackingToken token) {
        update(event.votationId(), message, token, r -> {
            r.conventionId = event.conventionId();
            r.title = event.title();
            r.status = "SCHEDULED";
            r.counts.clear();
            for (BallotItem item : event.items()) {
                Ranking.Count count = new Ranking.Count();
                count.actionNumber = item.actionNumber();
                count.actionId = item.actionId();
                count.title = item.title();
                count.transition = item.transition().name();
                count.topic = item.topic();
                r.counts.add(count);
            }
        });
    }

    @EventHandler
    void on(VotationOpened event, EventMessage<?> message, TrackingToken token) {
        update(event.votationId(), message, token, r -> r.status = "OPEN");
    }

    @EventHandler
    void on(VotationClosed event, EventMessage<?> message, TrackingToken token) {
        update(event.votationId(), message, token, r -> r.status = "CLOSED");
    }

    @EventHandler
    void on(PaperTallyRecorded event, EventMessage<?> message, TrackingToken token) {
        update(event.votationId(), message, token, r -> {
            for (ActionVotes votes : event.votes()) {
                r.count(votes.actionNumber()).paperVotes += votes.votes();
            }
            r.desksTallied++;
        });
    }

    @EventHandler
    void on(OnlineBallotCast event, EventMessage<?> message, TrackingToken token) {
        update(event.votationId(), message, token, r -> {
            for (int choice : event.choices()) {
                r.count(choice).onlineVotes++;
            }
            r.onlineBallots++;
        });
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(Ranking.class);
    }

    private void update(String votationId, EventMessage<?> message, TrackingToken token, Consumer<Ranking> change) {
        projections.absorb(Ranking.class, votationId, message, token, () -> {
            Ranking ranking = new Ranking();
            ranking.votationId = votationId;
            return ranking;
        }, change);
    }
}
