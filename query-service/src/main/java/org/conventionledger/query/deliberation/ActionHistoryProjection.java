package org.conventionledger.query.deliberation;

import java.util.Comparator;
import java.util.Objects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.conventionledger.events.deliberation.ActionDrafted;
import org.conventionledger.events.deliberation.ActionFinalised;
import org.conventionledger.events.deliberation.ActionRevised;
import org.conventionledger.events.deliberation.ActionsLinked;
import org.conventionledger.events.deliberation.ClarificationAnswered;
import org.conventionledger.events.deliberation.ClarificationRequested;
import org.conventionledger.events.deliberation.ConsentGiven;
import org.conventionledger.events.deliberation.ConsentReached;
import org.conventionledger.events.deliberation.ConsentRoundOpened;
import org.conventionledger.events.deliberation.ImprovementDecided;
import org.conventionledger.events.deliberation.ImprovementProposed;
import org.conventionledger.events.deliberation.ObjectionLifted;
import org.conventionledger.events.deliberation.ObjectionRaised;
import org.conventionledger.events.deliberation.ObjectionWithdrawn;
import org.conventionledger.events.deliberation.OpinionGiven;
import org.conventionledger.events.deliberation.ReferentAssigned;
import org.conventionledger.query.platform.DocumentProjection;
import org.conventionledger.query.platform.ProcessingConfiguration;
import org.conventionledger.query.platform.Projections;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps each action sheet's {@link ActionHistory}, absorbing each event exactly once. Every event but
 * {@code ActionDrafted} needs the action to have been drafted (it fails its batch otherwise), except
 * the mirror of a link, which is recorded on the linked action only if that one is known.
 */
@Component
@ProcessingGroup(ProcessingConfiguration.DELIBERATION)
class ActionHistoryProjection extends DocumentProjection<ActionHistory> {

    ActionHistoryProjection(Projections projections, MongoTemplate mongo) {
        super(projections, mongo, ActionHistory.class, "Action %s was not drafted (yet) on the read side");
    }

    @EventHandler
    void on(ActionDrafted event, EventMessage<?> message, TrackingToken token) {
        projections.absorb(
                ActionHistory.class,
                event.actionId(),
                message,
                token,
                () -> {
                    ActionHistory history = new ActionHistory();
                    history.actionId = event.actionId();
                    return history;
                },
                h -> {
                    h.conventionId = event.conventionId();
                    h.number = event.number();
                    h.assembly =
                            event.assembly() == null ? null : event.assembly().name();
                    h.topicId = event.topicId();
                    h.topic = event.topicTitle();
                    h.stage = Stage.DRAFT;
                    addVersion(h, 1, event.title(), event.text(), null, message);
                });
    }

    @EventHandler
    void on(ActionRevised event, EventMessage<?> message, TrackingToken token) {
        update(event.actionId(), message, token, h -> {
            addVersion(h, event.version(), event.title(), event.text(), event.reason(), message);
            h.revised(event.version());
            // consent is given to a version: a new one needs everybody's consent again
            h.openRound().ifPresent(round -> round.consents.clear());
        });
    }

    @EventHandler
    void on(ReferentAssigned event, EventMessage<?> message, TrackingToken token) {
        update(event.actionId(), message, token, h -> h.referentMemberId = event.memberId());
    }

    @EventHandler
    void on(ActionsLinked event, EventMessage<?> message, TrackingToken token) {
        update(event.actionId(), message, token, h -> addLink(h, event.linkedActionId(), event.relation(), "OUTGOING"));
        // the linked action may have been drafted earlier in the same batch, not yet written
        if (projections.exists(ActionHistory.class, event.linkedActionId())) {
            update(
                    event.linkedActionId(),
                    message,
                    token,
                    h -> addLink(h, event.actionId(), event.relation(), "INCOMING"));
        }
    }

    @EventHandler
    void on(OpinionGiven event, EventMessage<?> message, TrackingToken token) {
        if (!"ACTION".equals(event.targetType())) {
            return;
        }
        update(event.targetId(), message, token, h -> {
            ActionHistory.Opinion opinion = new ActionHistory.Opinion();
            opinion.opinionId = event.opinionId();
            opinion.body = event.body() == null ? null : event.body().name();
            opinion.text = event.text();
            opinion.givenOn = event.givenOn() == null ? null : event.givenOn().toString();
            h.opinions.add(opinion);
        });
    }

    @EventHandler
    void on(ConsentRoundOpened event, EventMessage<?> message, TrackingToken token) {
        update(event.actionId(), message, token, h -> {
            // one round at a time: a round still open is superseded, concluded without a decision
            h.openRound().ifPresent(previous -> previous.status = ActionHistory.Round.Status.CONCLUDED);
            ActionHistory.Round round = new ActionHistory.Round();
            round.roundId = event.roundId();
            round.version = event.version();
            round.participants(event.participants());
            round.status = ActionHistory.Round.Status.OPEN;
            h.rounds.add(round);
            h.stage = h.stage.roundOpened();
        });
    }

    @EventHandler
    void on(ClarificationRequested event, EventMessage<?> message, TrackingToken token) {
        update(
                event.actionId(),
                message,
                token,
                h -> h.round(event.roundId())
                        .clarificationRequested(event.clarificationId(), event.askedBy(), event.question()));
    }

    @EventHandler
    void on(ClarificationAnswered event, EventMessage<?> message, TrackingToken token) {
        update(
                event.actionId(),
                message,
                token,
                h -> h.round(event.roundId()).clarificationAnswered(event.clarificationId(), event.answer()));
    }

    @EventHandler
    void on(ImprovementProposed event, EventMessage<?> message, TrackingToken token) {
        update(
                event.actionId(),
                message,
                token,
                h -> h.round(event.roundId())
                        .improvementProposed(event.improvementId(), event.proposedBy(), event.proposal()));
    }

    @EventHandler
    void on(ImprovementDecided event, EventMessage<?> message, TrackingToken token) {
        update(
                event.actionId(),
                message,
                token,
                h -> h.round(event.roundId())
                        .improvementDecided(event.improvementId(), event.accepted(), event.reason()));
    }

    @EventHandler
    void on(ObjectionRaised event, EventMessage<?> message, TrackingToken token) {
        update(
                event.actionId(),
                message,
                token,
                h -> h.objections.add(Objection.raised(
                        event.objectionId(),
                        h.openRound().map(r -> r.roundId).orElse(null),
                        event.category(),
                        event.reason(),
                        event.raisedBy(),
                        event.competentBody())));
    }

    @EventHandler
    void on(ObjectionLifted event, EventMessage<?> message, TrackingToken token) {
        update(event.actionId(), message, token, h -> h.objectionLifted(event.objectionId(), event.amendment()));
    }

    @EventHandler
    void on(ObjectionWithdrawn event, EventMessage<?> message, TrackingToken token) {
        update(event.actionId(), message, token, h -> h.objectionWithdrawn(event.objectionId(), event.reason()));
    }

    @EventHandler
    void on(ConsentGiven event, EventMessage<?> message, TrackingToken token) {
        update(
                event.actionId(),
                message,
                token,
                h -> h.round(event.roundId())
                        .consentGiven(
                                event.version(), h.current().map(v -> v.version).orElse(0), event.participants()));
    }

    @EventHandler
    void on(ConsentReached event, EventMessage<?> message, TrackingToken token) {
        update(event.actionId(), message, token, h -> {
            ActionHistory.Round round = h.round(event.roundId());
            round.status = ActionHistory.Round.Status.CONCLUDED;
            round.decidedVersion = event.version();
            h.stage = Stage.FINAL;
        });
    }

    @EventHandler
    void on(ActionFinalised event, EventMessage<?> message, TrackingToken token) {
        update(event.actionId(), message, token, h -> {
            h.openRound().ifPresent(round -> round.status = ActionHistory.Round.Status.CONCLUDED);
            h.stage = Stage.FINAL;
        });
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(ActionHistory.class);
    }

    private static void addVersion(
            ActionHistory h, int version, String title, String text, String reason, EventMessage<?> message) {
        h.versions.removeIf(v -> v.version == version);
        ActionHistory.SheetVersion v = new ActionHistory.SheetVersion();
        v.version = version;
        v.title = title;
        v.text = text;
        v.reason = reason;
        v.recordedAt = message.getTimestamp();
        h.versions.add(v);
        h.versions.sort(Comparator.comparingInt(s -> s.version));
    }

    private static void addLink(ActionHistory h, String otherActionId, String relation, String direction) {
        boolean known = h.links.stream()
                .anyMatch(l -> l.actionId.equals(otherActionId)
                        && Objects.equals(l.relation, relation)
                        && l.direction.equals(direction));
        if (!known) {
            ActionHistory.Link link = new ActionHistory.Link();
            link.actionId = otherActionId;
            link.relation = relation;
            link.direction = direction;
            h.links.add(link);
        }
    }
}
