package org.conventionledger.query.deliberation;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.conventionledger.events.deliberation.ActionDrafted;
import org.conventionledger.events.deliberation.ActionFinalised;
import org.conventionledger.events.deliberation.CacSheetWritten;
import org.conventionledger.events.deliberation.ConsentReached;
import org.conventionledger.events.deliberation.ConsentRoundOpened;
import org.conventionledger.events.deliberation.ExpertHeard;
import org.conventionledger.events.deliberation.JudgmentCast;
import org.conventionledger.events.deliberation.JudgmentVoteClosed;
import org.conventionledger.events.deliberation.JudgmentVoteOpened;
import org.conventionledger.events.deliberation.ObjectionLifted;
import org.conventionledger.events.deliberation.ObjectionRaised;
import org.conventionledger.events.deliberation.ObjectionWithdrawn;
import org.conventionledger.events.deliberation.OpinionGiven;
import org.conventionledger.events.deliberation.QuestionDecided;
import org.conventionledger.events.deliberation.QuestionPut;
import org.conventionledger.events.deliberation.TopicChosen;
import org.conventionledger.events.organisation.ConventionOpened;
import org.conventionledger.query.platform.DocumentProjection;
import org.conventionledger.query.platform.ProcessingConfiguration;
import org.conventionledger.query.platform.Projections;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Keeps each convention's {@link DeliberationDashboard} up to date, absorbing each event exactly once. */
@Component
@ProcessingGroup(ProcessingConfiguration.DELIBERATION)
class DeliberationDashboardProjection extends DocumentProjection<DeliberationDashboard> {

    DeliberationDashboardProjection(Projections projections, MongoTemplate mongo) {
        super(projections, mongo, DeliberationDashboard.class, DeliberationDashboard::of);
    }

    /** A convention's dashboard exists (with zeros) from its opening on. */
    @EventHandler
    void on(ConventionOpened event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, d -> {});
    }

    @EventHandler
    void on(TopicChosen event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, d -> {
            d.topics.removeIf(t -> t.topicId.equals(event.topicId()));
            DeliberationDashboard.TopicFigures topic = new DeliberationDashboard.TopicFigures();
            topic.topicId = event.topicId();
            topic.title = event.title();
            topic.assembly = name(event.assembly());
            d.topics.add(topic);
        });
    }

    @EventHandler
    void on(ExpertHeard event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, d -> d.topic(event.topicId()).hearings++);
    }

    @EventHandler
    void on(CacSheetWritten event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, d -> {
            DeliberationDashboard.TopicFigures topic = d.topic(event.topicId());
            if (topic.cacVersion == null || event.version() > topic.cacVersion) {
                topic.cacVersion = event.version();
            }
        });
    }

    @EventHandler
    void on(OpinionGiven event, EventMessage<?> message, TrackingToken token) {
        if ("TOPIC".equals(event.targetType())) {
            update(event, message, token, d -> d.topic(event.targetId()).opinions++);
        }
    }

    @EventHandler
    void on(JudgmentVoteOpened event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, d -> {
            d.votes.removeIf(v -> v.voteId.equals(event.voteId()));
            DeliberationDashboard.VoteFigures vote = new DeliberationDashboard.VoteFigures();
            vote.voteId = event.voteId();
            vote.purpose = name(event.purpose());
            vote.assembly = name(event.assembly());
            vote.status = JudgmentVote.Status.OPEN;
            d.votes.add(vote);
        });
    }

    @EventHandler
    void on(JudgmentCast event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, d -> d.vote(event.voteId()).judgments++);
    }

    @EventHandler
    void on(JudgmentVoteClosed event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, d -> {
            DeliberationDashboard.VoteFigures vote = d.vote(event.voteId());
            vote.status = JudgmentVote.Status.CLOSED;
            vote.judgments = event.judgments();
        });
    }

    @EventHandler
    void on(ActionDrafted event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, d -> {
            d.actions.removeIf(a -> a.actionId.equals(event.actionId()));
            DeliberationDashboard.ActionStage action = new DeliberationDashboard.ActionStage();
            action.actionId = event.actionId();
            action.assembly = name(event.assembly());
            action.stage = Stage.DRAFT;
            d.actions.add(action);
        });
    }

    @EventHandler
    void on(ConsentRoundOpened event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, d -> {
            DeliberationDashboard.ActionStage action = d.action(event.actionId());
            action.stage = action.stage.roundOpened();
        });
    }

    @EventHandler
    void on(ConsentReached event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, d -> d.action(event.actionId()).stage = Stage.FINAL);
    }

    @EventHandler
    void on(ActionFinalised event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, d -> d.action(event.actionId()).stage = Stage.FINAL);
    }

    @EventHandler
    void on(ObjectionRaised event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, d -> {
            d.objections.removeIf(o -> o.objectionId.equals(event.objectionId()));
            DeliberationDashboard.ObjectionState objection = new DeliberationDashboard.ObjectionState();
            objection.objectionId = event.objectionId();
            objection.actionId = event.actionId();
            objection.category = name(event.category());
            objection.open = true;
            d.objections.add(objection);
        });
    }

    @EventHandler
    void on(ObjectionLifted event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, d -> d.objection(event.objectionId()).open = false);
    }

    @EventHandler
    void on(ObjectionWithdrawn event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, d -> d.objection(event.objectionId()).open = false);
    }

    @EventHandler
    void on(QuestionPut event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, d -> {
            d.questions.removeIf(q -> q.questionId.equals(event.questionId()));
            DeliberationDashboard.QuestionState question = new DeliberationDashboard.QuestionState();
            question.questionId = event.questionId();
            question.status = QuestionHistory.Status.IN_ROUND;
            d.questions.add(question);
        });
    }

    @EventHandler
    void on(QuestionDecided event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, d -> d.question(event.questionId()).status = QuestionHistory.Status.DECIDED);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(DeliberationDashboard.class);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
