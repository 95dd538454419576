package org.conventionledger.query.deliberation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conventionledger.events.Transition;
import org.conventionledger.events.deliberation.ObjectionCategory;
import org.conventionledger.query.platform.ProblemResponses;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deliberation dashboard of a convention. The maps always have the same shape, zeros included:
 * {@code actionsByStage} has every assembly (transition) with every stage (DRAFT, IN_ROUND, FINAL), and
 * {@code openObjectionsByCategory} (objections still open) and {@code objectionsByCategory} (all
 * objections ever raised) have every objection category, and {@code questions} counts free-standing
 * questions IN_ROUND and DECIDED. Topics and votes are listed in log order.
 */
@RestController
public class DeliberationDashboardController {

    /** {@code cacVersion}: the latest version of the topic's CAC sheet, {@code null} before the first one. */
    public record TopicFigures(
            String topicId, String title, String assembly, long hearings, Integer cacVersion, long opinions) {}

    /** {@code assembly}: {@code null} for a plenary vote. */
    public record VoteFigures(String voteId, String purpose, String assembly, String status, long judgments) {}

    public record DeliberationDashboardView(
            String conventionId,
            Map<String, Map<String, Long>> actionsByStage,
            Map<String, Long> openObjectionsByCategory,
            Map<String, Long> objectionsByCategory,
            List<TopicFigures> topics,
            List<VoteFigures> votes,
            Map<String, Long> questions) {}

    private final MongoTemplate mongo;

    public DeliberationDashboardController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/api/conventions/{conventionId}/deliberation")
    public DeliberationDashboardView dashboard(@PathVariable String conventionId) {
        DeliberationDashboard d = mongo.findById(conventionId, DeliberationDashboard.class);
        if (d == null) {
            throw ProblemResponses.error(
                    HttpStatus.NOT_FOUND,
                    "unknown-convention",
                    "No convention " + conventionId + " is known (yet) to the read side.");
        }
        Map<String, Map<String, Long>> actionsByStage = new LinkedHashMap<>();
        for (Transition assembly : Transition.values()) {
            actionsByStage.put(assembly.name(), zeroPerStage());
        }
        for (DeliberationDashboard.ActionStage action : d.actions) {
            if (action.assembly != null) {
                actionsByStage
                        .computeIfAbsent(action.assembly, a -> zeroPerStage())
                        .merge(action.stage.name(), 1L, Long::sum);
            }
        }
        Map<String, Long> open = zeroPerCategory();
        Map<String, Long> raised = zeroPerCategory();
        for (DeliberationDashboard.ObjectionState objection : d.objections) {
            String category = objection.category == null ? ObjectionCategory.OTHER.name() : objection.category;
            raised.merge(category, 1L, Long::sum);
            if (objection.open) {
                open.merge(category, 1L, Long::sum);
            }
        }
        return new DeliberationDashboardView(
                d.conventionId,
                actionsByStage,
                open,
                raised,
                d.topics.stream()
                        .map(t ->
                                new TopicFigures(t.topicId, t.title, t.assembly, t.hearings, t.cacVersion, t.opinions))
                        .toList(),
                d.votes.stream()
                        .map(v -> new VoteFigures(v.voteId, v.purpose, v.assembly, v.status.name(), v.judgments))
                        .toList(),
                questions(d));
    }

    private static Map<String, Long> questions(DeliberationDashboard d) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (QuestionHistory.Status status : QuestionHistory.Status.values()) {
            counts.put(status.name(), 0L);
        }
        for (DeliberationDashboard.QuestionState question : d.questions) {
            counts.merge(question.status.name(), 1L, Long::sum);
        }
        return counts;
    }

    private static Map<String, Long> zeroPerStage() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Stage stage : Stage.values()) {
            counts.put(stage.name(), 0L);
        }
        return counts;
    }

    private static Map<String, Long> zeroPerCategory() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (ObjectionCategory category : ObjectionCategory.values()) {
            counts.put(category.name(), 0L);
        }
        return counts;
    }
}
