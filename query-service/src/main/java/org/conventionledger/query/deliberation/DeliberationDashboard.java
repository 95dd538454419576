package org.conventionledger.query.deliberation;

import java.util.ArrayList;
import java.util.List;
import org.conventionledger.query.platform.Absorbing;
import org.conventionledger.query.platform.LogPosition;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The deliberation figures of one convention, as stored. It keeps each action's stage and each
 * objection's category and status (not just counters), so that counts by stage and category stay
 * exact whatever moves an action or an objection from one to another; they are counted when read.
 * Free-standing questions are kept the same way, with their status.
 */
@Document("deliberation_dashboards")
public class DeliberationDashboard implements Absorbing {

    @Id
    String conventionId;

    @Version
    Long version;

    LogPosition absorbed;

    List<ActionStage> actions = new ArrayList<>();
    List<ObjectionState> objections = new ArrayList<>();
    List<TopicFigures> topics = new ArrayList<>();
    List<VoteFigures> votes = new ArrayList<>();
    List<QuestionState> questions = new ArrayList<>();

    public static class ActionStage {
        String actionId;
        String assembly;
        Stage stage;
    }

    public static class ObjectionState {
        String objectionId;
        String actionId;
        String category;
        boolean open;
    }

    public static class TopicFigures {
        String topicId;
        String title;
        String assembly;
        long hearings;
        Integer cacVersion;
        long opinions;
    }

    public static class VoteFigures {
        String voteId;
        String purpose;
        String assembly;
        JudgmentVote.Status status;
        long judgments;
    }

    /** A free-standing question put to consent. */
    public static class QuestionState {
        String questionId;
        QuestionHistory.Status status;
    }

    static DeliberationDashboard of(String conventionId) {
        DeliberationDashboard dashboard = new DeliberationDashboard();
        dashboard.conventionId = conventionId;
        return dashboard;
    }

    ActionStage action(String actionId) {
        return actions.stream()
                .filter(a -> a.actionId.equals(actionId))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalStateException("Convention " + conventionId + " has no action " + actionId));
    }

    ObjectionState objection(String objectionId) {
        return objections.stream()
                .filter(o -> o.objectionId.equals(objectionId))
                .findFirst()
                .orElseThrow(() ->
                        new IllegalStateException("Convention " + conventionId + " has no objection " + objectionId));
    }

    TopicFigures topic(String topicId) {
        return topics.stream()
                .filter(t -> t.topicId.equals(topicId))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalStateException("Convention " + conventionId + " has no topic " + topicId));
    }

    VoteFigures vote(String voteId) {
        return votes.stream()
                .filter(v -> v.voteId.equals(voteId))
                .findFirst()
                .orElseThrow(() ->
                        new IllegalStateException("Convention " + conventionId + " has no judgment vote " + voteId));
    }

    QuestionState question(String questionId) {
        return questions.stream()
                .filter(q -> q.questionId.equals(questionId))
                .findFirst()
                .orElseThrow(() ->
                        new IllegalStateException("Convention " + conventionId + " has no question " + questionId));
    }

    @Override
    public LogPosition absorbed() {
        return absorbed;
    }

    @Override
    public void absorbed(LogPosition position) {
        this.absorbed = position;
    }
}
