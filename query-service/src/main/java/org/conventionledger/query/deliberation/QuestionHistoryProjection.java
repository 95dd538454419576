package org.conventionledger.query.deliberation;

import java.util.Comparator;
import java.util.function.Consumer;

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
class QuestionHistoryProjection {

    static final String IN_ROUND = "IN_ROUND";
    static final String DECIDED = "DECIDED";

    private final Projections projections;
    private final MongoTemplate mongo;

    QuestionHistoryProjection(Projections projections, MongoTemplate mongo) {
        this.projections = projections;
        this.mongo = mongo;
    }

    @EventHandler
    void on(QuestionPut event, EventMessage<?> message, TrackingToken token) {
        projections.absorb(QuestionHistory.class, event.questionId(), message, token, () -> {
            QuestionHistory history = new QuestionHistory();
            history.questionId = event.questionId();
            return history;
        }, h -> {
            h.conventionId = event.conventionId();
            h.title = event.title();
            h.status = IN_ROUND;
            h.participants.clear();
            if (event.participants() != null) {
                h.participants.addAll(event.participants());
            }
            addVersion(h, 1, event.text(), null, message);
        });
    }

    @EventHandler
    void on(QuestionRevised event, EventMessage<?> message, TrackingToken token) {
        update(event.questionId(), message, token, h -> {
            addVersion(h, event.version(), event.text(), event.reason(), message);
            for (String objectionId : h.awaitingAmendedVersion) {
                h.objection(objectionId).amendedVersion = event.version();
            }
            h.awaitingAmendedVersion.clear();
            // consent is given to a version: a new one needs everybody's consent again
            h.consents.clear();
        });
    }

    @EventHandler
    void on(QuestionClarificationRequested event, EventMessage<?> message, TrackingToken token) {
        update(event.questionId(), message, token, h -> {
            ActionHistory.Clarification clarification = new ActionHistory.Clarification();
            clarification.clarificationId = event.clarificationId();
            clarification.askedBy = event.askedBy();
            clarification.question = event.question();
            h.clarifications.add(clarification);
        });
    }

    @EventHandler
    void on(QuestionClarificationAnswered event, EventMessage<?> message, TrackingToken token) {
        update(event.questionId(), message, token,
                h -> h.clarification(event.clarificationId()).answer = event.answer());
    }

    @EventHandler
    void on(QuestionImprovementProposed event, EventMessage<?> message, TrackingToken token) {
        update(event.questionId(), message, token, h -> {
            ActionHistory.Improvement improvement = new ActionHistory.Improvement();
            improvement.improvementId = event.improvementId();
            improvement.proposedBy = event.proposedBy();
            improvement.proposal = event.proposal();
            improvement.decision = "PENDING";
            h.improvements.add(improvement);
        });
    }

    @EventHandler
    void on(QuestionImprovementDecided event, EventMessage<?> message, TrackingToken token) {
        update(event.questionId(), message, token, h -> {
            ActionHistory.Improvement improvement = h.improvement(event.improvementId());
            improvement.decision = event.accepted() ? "ACCEPTED" : "DECLINED";
            improvement.reason = event.reason();
        });
    }

    @EventHandler
    void on(QuestionObjectionRaised event, EventMessage<?> message, TrackingToken token) {
        update(event.questionId(), message, token, h -> {
            QuestionHistory.Objection objection = new QuestionHistory.Objection();
            objection.objectionId = event.objectionId();
            objection.category = event.category() == null ? null : event.category().name();
            objection.reason = event.reason();
            objection.raisedBy = event.raisedBy();
            objection.competentBody = event.competentBody();
            objection.status = "OPEN";
            h.objections.add(objection);
        });
    }

    @EventHandler
    void on(QuestionObjectionLifted event, EventMessage<?> message, TrackingToken token) {
        update(event.questionId(), message, token, h -> {
            QuestionHistory.Objection objection = h.objection(event.objectionId());
            objection.status = "LIFTED";
            objection.amendment = event.amendment();
            h.awaitingAmendedVersion.add(event.objectionId());
        });
    }

    @EventHandler
    void on(QuestionObjectionWithdrawn event, EventMessage<?> message, TrackingToken token) {
        update(event.questionId(), message, token, h -> {
            QuestionHistory.Objection objection = h.objection(event.objectionId());
            objection.status = "WITHDRAWN";
            objection.withdrawalReason = event.reason();
        });
    }

    @EventHandler
    void on(QuestionConsentGiven event, EventMessage<?> message, TrackingToken token) {
        update(event.questionId(), message, token, h -> {
            int current = h.current().map(v -> v.version).orElse(0);
            if (event.version() < current || event.participants() == null) {
                return; // consent to a superseded version does not count for the current one
            }
            for (String participant : event.participants()) {
                if (!h.consents.contains(participant)) {
                    h.consents.add(participant);
                }
            }
        });
    }

    @EventHandler
    void on(QuestionDecided event, EventMessage<?> message, TrackingToken token) {
        update(event.questionId(), message, token, h -> {
            h.status = DECIDED;
            h.decidedVersion = event.version();
        });
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(QuestionHistory.class);
    }

    private static void addVersion(QuestionHistory h, int version, String text, String reason, EventMessage<?> message) {
        h.versions.removeIf(v -> v.version == version);
        QuestionHistory.TextVersion v = new QuestionHistory.TextVersion();
        v.version = version;
        v.text = text;
        v.reason = reason;
        v.recordedAt = message.getTimestamp();
        h.versions.add(v);
        h.versions.sort(Comparator.comparingInt(s -> s.version));
    }

    private void update(String questionId, EventMessage<?> message, TrackingToken token,
                        Consumer<QuestionHistory> change) {
        projections.absorb(QuestionHistory.class, questionId, message, token, () -> {
            throw new IllegalStateException("Question " + questionId + " was not put (yet) on the read side");
        }, h -> {
            if (!h.put()) {
                throw new IllegalStateException("Question " + questionId + " was not put (yet) on the read side");
            }
            change.accept(h);
        });
    }
}
