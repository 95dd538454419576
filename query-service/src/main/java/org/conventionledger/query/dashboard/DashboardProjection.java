package org.conventionledger.query.dashboard;

import java.util.function.Consumer;

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
import org.conventionledger.events.votation.ActionVotes;
import org.conventionledger.events.votation.OnlineBallotCast;
import org.conventionledger.events.votation.PaperTallyRecorded;
import org.conventionledger.events.votation.VotationClosed;
import org.conventionledger.events.votation.VotationOpened;
import org.conventionledger.events.votation.VotationScheduled;
import org.conventionledger.query.platform.ProcessingConfiguration;
import org.conventionledger.query.platform.Projections;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Keeps each convention's {@link Dashboard} up to date, absorbing each event exactly once. */
@Component
@ProcessingGroup(ProcessingConfiguration.DASHBOARD)
class DashboardProjection {

    private final Projections projections;
    private final MongoTemplate mongo;

    DashboardProjection(Projections projections, MongoTemplate mongo) {
        this.projections = projections;
        this.mongo = mongo;
    }

    @EventHandler
    void on(ConventionOpened event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, d -> {
            d.title = event.title();
            d.city = event.city();
            event.transitions().forEach(t -> d.membersByTransition.putIfAbsent(t.name(), 0L));
        });
    }

    @EventHandler
    void on(InvitationSent event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, d -> d.invitationsSent++);
    }

    @EventHandler
    void on(InvitationAnswered event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, d -> {
            switch (event.answer()) {
                case ACCEPTED -> d.invitationsAccepted++;
                case DECLINED -> d.invitationsDeclined++;
                case NO_ANSWER -> d.invitationsUnanswered++;
            }
        });
    }

    @EventHandler
    void on(MemberSeated event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, d -> {
            d.membersSeated++;
            d.membersByTransition.merge(event.assembly().name(), 1L, Long::sum);
        });
    }

    @EventHandler
    void on(TopicChosen event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, d -> d.topicsChosen++);
    }

    @EventHandler
    void on(ActionDrafted event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, d -> d.actionsDrafted++);
    }

    @EventHandler
    void on(ObjectionRaised event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, d -> d.objectionsRaised++);
    }

    @EventHandler
    void on(ObjectionLifted event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, d -> d.objectionsLifted++);
    }

    @EventHandler
    void on(ActionFinalised event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, d -> d.actionsFinalised++);
    }

    @EventHandler
    void on(VotationScheduled event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, d -> {
            Dashboard.VotationFigures figures = new Dashboard.VotationFigures();
            figures.title = event.title();
            figures.status = "SCHEDULED";
            d.votations.put(event.votationId(), figures);
        });
    }

    @EventHandler
    void on(VotationOpened event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, d -> d.votations.get(event.votationId()).status = "OPEN");
    }

    @EventHandler
    void on(VotationClosed event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, d -> d.votations.get(event.votationId()).status = "CLOSED");
    }

    @EventHandler
    void on(PaperTallyRecorded event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, d -> {
            Dashboard.VotationFigures figures = d.votations.get(event.votationId());
            figures.paperVotes += event.votes().stream().mapToLong(ActionVotes::votes).sum();
            figures.desksTallied++;
        });
    }

    @EventHandler
    void on(OnlineBallotCast event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, d -> {
            Dashboard.VotationFigures figures = d.votations.get(event.votationId());
            figures.onlineVotes += event.choices().size();
            figures.onlineBallots++;
        });
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(Dashboard.class);
    }

    private void update(ConventionEvent event, EventMessage<?> message, TrackingToken token, Consumer<Dashboard> change) {
        projections.absorb(Dashboard.class, event.conventionId(), message, token,
                () -> Dashboard.of(event.conventionId()), change);
    }
}
