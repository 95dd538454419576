package org.conventionledger.query.deliberation;

import java.time.Instant;
import java.util.List;
import org.conventionledger.query.deliberation.ConsentRound.ClarificationView;
import org.conventionledger.query.deliberation.ConsentRound.ImprovementView;
import org.conventionledger.query.platform.ProblemResponses;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The history of a free-standing question put to consent: every version of its text, its round
 * (participants, clarifications, improvements, objections, consents) and the decision.
 */
@RestController
public class QuestionHistoryController {

    public record VersionView(int version, String text, String reason, Instant recordedAt) {}

    /** {@code status}: OPEN, LIFTED (with the amendment and the version it made) or WITHDRAWN. */
    public record ObjectionView(
            String objectionId,
            String category,
            String reason,
            String raisedBy,
            String competentBody,
            String status,
            String amendment,
            Integer amendedVersion,
            String withdrawalReason) {}

    /**
     * {@code text}: the current version's; {@code status}: IN_ROUND or DECIDED; {@code consents}: who
     * consented to the current version; {@code decidedVersion}: {@code null} until the decision.
     */
    public record QuestionHistoryView(
            String questionId,
            String conventionId,
            String title,
            String text,
            String status,
            List<VersionView> versions,
            List<String> participants,
            List<ClarificationView> clarifications,
            List<ImprovementView> improvements,
            List<ObjectionView> objections,
            List<String> consents,
            Integer decidedVersion) {}

    private final MongoTemplate mongo;

    public QuestionHistoryController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/api/questions/{questionId}/history")
    public QuestionHistoryView history(@PathVariable String questionId) {
        QuestionHistory h = mongo.findById(questionId, QuestionHistory.class);
        if (h == null || !h.put()) {
            throw ProblemResponses.error(
                    HttpStatus.NOT_FOUND,
                    "unknown-question",
                    "No question " + questionId + " is known (yet) to the read side.");
        }
        return new QuestionHistoryView(
                h.questionId,
                h.conventionId,
                h.title,
                h.current().map(v -> v.text).orElse(null),
                h.status == null ? null : h.status.name(),
                h.versions.stream()
                        .map(v -> new VersionView(v.version, v.text, v.reason, v.recordedAt))
                        .toList(),
                h.participants,
                h.clarificationViews(),
                h.improvementViews(),
                h.objections.stream()
                        .map(o -> new ObjectionView(
                                o.objectionId,
                                o.category,
                                o.reason,
                                o.raisedBy,
                                o.competentBody,
                                o.statusName(),
                                o.amendment,
                                o.amendedVersion,
                                o.withdrawalReason))
                        .toList(),
                h.consents,
                h.decidedVersion);
    }
}
