package org.conventionledger.query.dashboard;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.conventionledger.events.ConventionEvent;
import org.conventionledger.events.deliberation.ActionDrafted;
import org.conventionledger.events.deliberation.ActionFinalised;
import org.conventionledger.events.deliberation.ObjectionLifted;
import org.conventionledger.events.deliberation.ObjectionRaised;
import org.conventionledger.events.deliberation.TopicChosen;
import org.conventionledger.events.organisation.ConventionOpened;
import org.conventionledger.events.recruitment.InvitationAnswered;
import org.conventionledger.events.recruitment.InvitationSent;
import org.conventionledger.events.recruitment.MemberSeated;
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
 * Keeps each convention's {@link Dashboard} up to date, absorbing each event exactly once; what an event
 * changes is {@link DashboardChanges}'s.
 */
@Component
@ProcessingGroup(ProcessingConfiguration.DASHBOARD)
class DashboardProjection extends DocumentProjection<Dashboard> {

    DashboardProjection(Projections projections, MongoTemplate mongo) {
        super(projections, mongo, Dashboard.class, Dashboard::of);
    }

    @EventHandler
    void on(ConventionOpened event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token);
    }

    @EventHandler
    void on(InvitationSent event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token);
    }

    @EventHandler
    void on(InvitationAnswered event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token);
    }

    @EventHandler
    void on(MemberSeated event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token);
    }

    @EventHandler
    void on(TopicChosen event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token);
    }

    @EventHandler
    void on(ActionDrafted event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token);
    }

    @EventHandler
    void on(ObjectionRaised event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token);
    }

    @EventHandler
    void on(ObjectionLifted event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token);
    }

    @EventHandler
    void on(ActionFinalised event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token);
    }

    @EventHandler
    void on(VotationScheduled event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token);
    }

    @EventHandler
    void on(VotationOpened event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token);
    }

    @EventHandler
    void on(VotationClosed event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token);
    }

    @EventHandler
    void on(PaperTallyRecorded event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token);
    }

    @EventHandler
    void on(OnlineBallotCast event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token);
    }

    @EventHandler
    void on(PaperBallotRecorded event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(Dashboard.class);
    }

    private void update(ConventionEvent event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, d -> DashboardChanges.apply(d, event));
    }
}
