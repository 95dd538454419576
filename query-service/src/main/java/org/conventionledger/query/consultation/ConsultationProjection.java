package org.conventionledger.query.consultation;

import java.util.ArrayList;
import java.util.function.Consumer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.conventionledger.events.consultation.ArgumentHidden;
import org.conventionledger.events.consultation.ArgumentPosted;
import org.conventionledger.events.consultation.CallForProposalsClosed;
import org.conventionledger.events.consultation.CallForProposalsOpened;
import org.conventionledger.events.consultation.ProposalHidden;
import org.conventionledger.events.consultation.ProposalSubmitted;
import org.conventionledger.events.consultation.ProposalVoted;
import org.conventionledger.query.platform.EventPosition;
import org.conventionledger.query.platform.ProcessingConfiguration;
import org.conventionledger.query.platform.Projections;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Projects the consultation: each call ({@link ConsultationCall}), each proposal with its current
 * votes per stance ({@link ConsultationProposal}), each argument ({@link ConsultationArgument}), all
 * absorbing each event exactly once (ADR-001), and each resident's current stance per proposal
 * ({@link ResidentStance}).
 *
 * <p>A vote change carries the stance it replaces, so a proposal's counts move by one from the old
 * stance to the new one; the vote's stream orders a resident's votes on a proposal, and the processor
 * handles a convention's events in log order on one segment, so the replaced stance is always the one
 * counted. No document is written by every vote of a call: each vote touches its proposal and its
 * resident's stance only.
 */
@Component
@ProcessingGroup(ProcessingConfiguration.CONSULTATION)
class ConsultationProjection {

    private final Projections projections;
    private final MongoTemplate mongo;

    ConsultationProjection(Projections projections, MongoTemplate mongo) {
        this.projections = projections;
        this.mongo = mongo;
    }

    @EventHandler
    void on(CallForProposalsOpened event, EventMessage<?> message, TrackingToken token) {
        call(event.callId(), message, token, c -> {
            c.conventionId = event.conventionId();
            c.topicId = event.topicId();
            c.topicTitle = event.topicTitle();
            c.title = event.title();
            c.text = event.text();
            c.criteria = event.criteria() == null ? new ArrayList<>() : new ArrayList<>(event.criteria());
            c.cacVersion = event.cacVersion();
            c.opensAt = event.opensAt();
            c.closesAt = event.closesAt();
        });
    }

    @EventHandler
    void on(CallForProposalsClosed event, EventMessage<?> message, TrackingToken token) {
        call(event.callId(), message, token, c -> {
            c.conventionId = event.conventionId();
            c.closedAt = event.closedAt();
        });
    }

    @EventHandler
    void on(ProposalSubmitted event, EventMessage<?> message, TrackingToken token) {
        proposal(event.conventionId(), event.callId(), event.proposalId(), message, token, p -> {
            p.authorPseudonym = event.authorPseudonym();
            p.title = event.title();
            p.text = event.text();
            p.submittedAt = event.submittedAt();
        });
    }

    @EventHandler
    void on(ProposalHidden event, EventMessage<?> message, TrackingToken token) {
        proposal(event.conventionId(), event.callId(), event.proposalId(), message, token, p -> {
            p.hidden = true;
            p.hiddenReason = event.reason();
        });
    }

    @EventHandler
    void on(ProposalVoted event, EventMessage<?> message, TrackingToken token) {
        proposal(event.conventionId(), event.callId(), event.proposalId(), message, token, p -> {
            p.count(event.stance(), 1);
            p.count(event.previousStance(), -1);
            if (event.previousStance() != null) {
                p.voteChanges++;
            }
        });
        long index = EventPosition.of(message, token);
        ResidentStance stance =
                stanceOf(event.conventionId(), event.callId(), event.proposalId(), event.voterPseudonym());
        if (stance.stance == null || stance.index < index) {
            stance.stance = event.stance().name();
            stance.index = index;
            mongo.save(stance);
        }
    }

    @EventHandler
    void on(ArgumentPosted event, EventMessage<?> message, TrackingToken token) {
        long position = EventPosition.of(message, token);
        projections.absorb(
                ConsultationArgument.class,
                event.argumentId(),
                message,
                token,
                () -> {
                    ConsultationArgument argument = new ConsultationArgument();
                    argument.argumentId = event.argumentId();
                    return argument;
                },
                a -> {
                    a.conventionId = event.conventionId();
                    a.callId = event.callId();
                    a.proposalId = event.proposalId();
                    a.position = position;
                    a.stance = event.stance() == null ? null : event.stance().name();
                    a.text = event.text();
                    a.postedAt = event.postedAt();
                });
        ResidentStance stance =
                stanceOf(event.conventionId(), event.callId(), event.proposalId(), event.voterPseudonym());
        if (!stance.argued) {
            stance.argued = true;
            mongo.save(stance);
        }
    }

    @EventHandler
    void on(ArgumentHidden event, EventMessage<?> message, TrackingToken token) {
        if (!projections.exists(ConsultationArgument.class, event.argumentId())) {
            throw new IllegalStateException("Argument " + event.argumentId()
                    + " hidden before it was posted on proposal " + event.proposalId());
        }
        projections.absorb(
                ConsultationArgument.class, event.argumentId(), message, token, ConsultationArgument::new, a -> {
                    a.hidden = true;
                    a.hiddenReason = event.reason();
                });
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(ConsultationCall.class);
        mongo.dropCollection(ConsultationProposal.class);
        mongo.dropCollection(ConsultationArgument.class);
        mongo.dropCollection(ResidentStance.class);
    }

    private void call(String callId, EventMessage<?> message, TrackingToken token, Consumer<ConsultationCall> change) {
        projections.absorb(
                ConsultationCall.class,
                callId,
                message,
                token,
                () -> {
                    ConsultationCall call = new ConsultationCall();
                    call.callId = callId;
                    return call;
                },
                change);
    }

    private void proposal(
            String conventionId,
            String callId,
            String proposalId,
            EventMessage<?> message,
            TrackingToken token,
            Consumer<ConsultationProposal> change) {
        projections.absorb(
                ConsultationProposal.class,
                proposalId,
                message,
                token,
                () -> {
                    ConsultationProposal proposal = new ConsultationProposal();
                    proposal.proposalId = proposalId;
                    proposal.conventionId = conventionId;
                    proposal.callId = callId;
                    return proposal;
                },
                change);
    }

    private ResidentStance stanceOf(String conventionId, String callId, String proposalId, String voter) {
        String id = ResidentStance.idOf(proposalId, voter);
        ResidentStance stance = mongo.findById(id, ResidentStance.class);
        if (stance == null) {
            stance = new ResidentStance();
            stance.id = id;
            stance.conventionId = conventionId;
            stance.callId = callId;
            stance.proposalId = proposalId;
            stance.voterPseudonym = voter;
        }
        return stance;
    }
}
