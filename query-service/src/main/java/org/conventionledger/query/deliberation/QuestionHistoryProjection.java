package org.conventionledger.query.deliberation;

import java.util.Comparator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.conventionledger.events.deliberation.QuestionClarificationAnswered;
import org.conventionledger.events.deliberation.QuestionClarificationRequested;
import org.conventionledger.events.deliberation.QuestionConsentGiven;
import org.conventionledger.events.deliberation.QuestionDecided;
import org.conventionledger.events.deliberation.QuestionImprovementDecided;
import org.conventionledger.events.deliberation.QuestionImprovementProposed;
import org.conventionledger.events.deliberation.QuestionObjectionLifted;
import org.conventionledger.events.deliberation.QuestionObjectionRaised;
import org.conventionledger.events.deliberation.QuestionObjectionWithdrawn;
import org.conventionledger.events.deliberation.QuestionPut;
import org.conventionledger.events.deliberation.QuestionRevised;
import org.conventionledger.query.platform.DocumentProjection;
import org.conventionledger.query.platform.ProcessingConfiguration;
import org.conventionledger.query.platform.Projections;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps each question's {@link QuestionHistory}, absorbing each event exactly once. Every event but
 * {@code QuestionPut} needs the question to have been put (it fails its batch otherwise).
 */
@Component
@ProcessingGroup(ProcessingConfiguration.DELIBERATION)
class QuestionHistoryProjection extends DocumentProjection<QuestionHistory> {

    QuestionHistoryProjection(Projections projections, MongoTemplate mongo) {
        super(projections, mongo, QuestionHistory.class, "Question %s was not put (yet) on the read side");
    }

    @EventHandler
    void on(QuestionPut event, EventMessage<?> message, TrackingToken token) {
        projections.absorb(
                QuestionHistory.class,
                event.questionId(),
                message,
                token,
                () -> {
                    QuestionHistory history = new QuestionHistory();
                    history.questionId = event.questionId();
                    return history;
                },
                h -> {
                    h.conventionId = event.conventionId();
                    h.title = event.title();
                    h.status = QuestionHistory.Status.IN_ROUND;
                    h.participants(event.participants());
                    addVersion(h, 1, event.text(), null, message);
                });
    }

    @EventHandler
    void on(QuestionRevised event, EventMessage<?> message, TrackingToken token) {
        update(event.questionId(), message, token, h -> {
            addVersion(h, event.version(), event.text(), event.reason(), message);
            h.revised(event.version());
            // consent is given to a version: a new one needs everybody's consent again
            h.consents.clear();
        });
    }

    @EventHandler
    void on(QuestionClarificationRequested event, EventMessage<?> message, TrackingToken token) {
        update(
                event.questionId(),
                message,
                token,
                h -> h.clarificationRequested(event.clarificationId(), event.askedBy(), event.question()));
    }

    @EventHandler
    void on(QuestionClarificationAnswered event, EventMessage<?> message, TrackingToken token) {
        update(
                event.questionId(),
                message,
                token,
                h -> h.clarificationAnswered(event.clarificationId(), event.answer()));
    }

    @EventHandler
    void on(QuestionImprovementProposed event, EventMessage<?> message, TrackingToken token) {
        update(
                event.questionId(),
                message,
                token,
                h -> h.improvementProposed(event.improvementId(), event.proposedBy(), event.proposal()));
    }

    @EventHandler
    void on(QuestionImprovementDecided event, EventMessage<?> message, TrackingToken token) {
        update(
                event.questionId(),
                message,
                token,
                h -> h.improvementDecided(event.improvementId(), event.accepted(), event.reason()));
    }

    @EventHandler
    void on(QuestionObjectionRaised event, EventMessage<?> message, TrackingToken token) {
        update(
                event.questionId(),
                message,
                token,
                h -> h.objections.add(Objection.raised(
                        event.objectionId(),
                        null,
                        event.category(),
                        event.reason(),
                        event.raisedBy(),
                        event.competentBody())));
    }

    @EventHandler
    void on(QuestionObjectionLifted event, EventMessage<?> message, TrackingToken token) {
        update(event.questionId(), message, token, h -> h.objectionLifted(event.objectionId(), event.amendment()));
    }

    @EventHandler
    void on(QuestionObjectionWithdrawn event, EventMessage<?> message, TrackingToken token) {
        update(event.questionId(), message, token, h -> h.objectionWithdrawn(event.objectionId(), event.reason()));
    }

    @EventHandler
    void on(QuestionConsentGiven event, EventMessage<?> message, TrackingToken token) {
        update(
                event.questionId(),
                message,
                token,
                h -> h.consentGiven(
                        event.version(), h.current().map(v -> v.version).orElse(0), event.participants()));
    }

    @EventHandler
    void on(QuestionDecided event, EventMessage<?> message, TrackingToken token) {
        update(event.questionId(), message, token, h -> {
            h.status = QuestionHistory.Status.DECIDED;
            h.decidedVersion = event.version();
        });
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(QuestionHistory.class);
    }

    private static void addVersion(
            QuestionHistory h, int version, String text, String reason, EventMessage<?> message) {
        h.versions.removeIf(v -> v.version == version);
        QuestionHistory.TextVersion v = new QuestionHistory.TextVersion();
        v.version = version;
        v.text = text;
        v.reason = reason;
        v.recordedAt = message.getTimestamp();
        h.versions.add(v);
        h.versions.sort(Comparator.comparingInt(s -> s.version));
    }
}
