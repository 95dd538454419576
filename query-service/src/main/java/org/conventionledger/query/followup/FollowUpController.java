package org.conventionledger.query.followup;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.conventionledger.events.followup.CouncilAnswer;
import org.conventionledger.events.followup.ImplementationStatus;
import org.conventionledger.query.platform.ProblemResponses;
import org.conventionledger.query.votation.Ranking;
import org.conventionledger.query.votation.RankingController;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What became of a convention's finalised actions, by action number: for the organisers, garants and
 * monitoring body every answer, plan, status and budget with its history; for the public, a summary
 * of answers and statuses without the services' notes, reasons or budgets.
 */
@RestController
public class FollowUpController {

    /**
     * How many actions await the council's answer, how many it gave of each kind, how many answered
     * (not rejected) actions await a plan, and how many stand at each status.
     */
    public record Totals(
            int actions,
            int awaitingAnswer,
            Map<CouncilAnswer, Long> byAnswer,
            int awaitingPlan,
            Map<ImplementationStatus, Long> byStatus) {}

    /** The action's place in the closed votation it was on. */
    public record VotationResult(String votationId, int rank, long totalVotes) {}

    public record StatusStep(ImplementationStatus status, String note, LocalDate on) {}

    public record BudgetStep(BigDecimal budget, String reason, LocalDate on) {}

    /** {@code budget}: the current one, the last of {@code budgetHistory}. */
    public record ActionFollowUpView(
            String actionId,
            int number,
            String title,
            String transition,
            String topic,
            VotationResult votation,
            CouncilAnswer answer,
            String relayedTo,
            String reason,
            String deliberationReference,
            LocalDate answeredOn,
            Long daysSinceAnswer,
            String department,
            LocalDate dueBy,
            ImplementationStatus status,
            List<StatusStep> statusHistory,
            BigDecimal budget,
            List<BudgetStep> budgetHistory) {}

    /** {@code budget}: the sum of the current budgets of the actions not abandoned. */
    public record FollowUpView(
            String conventionId, String title, Totals totals, BigDecimal budget, List<ActionFollowUpView> actions) {}

    public record PublicAction(int number, String title, CouncilAnswer answer, ImplementationStatus status) {}

    public record PublicSummary(String conventionId, String title, Totals totals, List<PublicAction> actions) {}

    private final MongoTemplate mongo;
    private final RankingController rankings;
    private final Clock clock;

    @Autowired
    public FollowUpController(MongoTemplate mongo, RankingController rankings) {
        this(mongo, rankings, Clock.systemDefaultZone());
    }

    FollowUpController(MongoTemplate mongo, RankingController rankings, Clock clock) {
        this.mongo = mongo;
        this.rankings = rankings;
        this.clock = clock;
    }

    @GetMapping("/api/conventions/{conventionId}/follow-up")
    public FollowUpView followUp(@PathVariable String conventionId) {
        FollowUpFile file = file(conventionId);
        List<FollowUpFile.FollowedAction> actions = finalised(file);
        Map<Integer, VotationResult> results = votationResults(conventionId);
        LocalDate today = LocalDate.now(clock);
        BigDecimal budget = actions.stream()
                .filter(a -> !ImplementationStatus.ABANDONED.name().equals(a.status))
                .map(FollowUpController::currentBudget)
                .reduce(new BigDecimal("0.00"), BigDecimal::add);
        return new FollowUpView(
                conventionId,
                file.title,
                totals(actions),
                budget,
                actions.stream().map(a -> view(a, results.get(a.number), today)).toList());
    }

    @GetMapping("/api/public/conventions/{conventionId}/follow-up-summary")
    public PublicSummary summary(@PathVariable String conventionId) {
        FollowUpFile file = file(conventionId);
        List<FollowUpFile.FollowedAction> actions = finalised(file);
        return new PublicSummary(
                conventionId,
                file.title,
                totals(actions),
                actions.stream()
                        .map(a -> new PublicAction(a.number, a.title, answer(a), status(a)))
                        .toList());
    }

    private FollowUpFile file(String conventionId) {
        FollowUpFile file = mongo.findById(conventionId, FollowUpFile.class);
        if (file == null || !file.opened) {
            throw ProblemResponses.error(
                    HttpStatus.NOT_FOUND,
                    "unknown-convention",
                    "No convention " + conventionId + " is known (yet) to the read side.");
        }
        return file;
    }

    /** Only finalised actions went to the votation and are owed an answer. */
    private static List<FollowUpFile.FollowedAction> finalised(FollowUpFile file) {
        return file.actions.stream()
                .filter(a -> a.finalised)
                .sorted(Comparator.comparingInt(a -> a.number))
                .toList();
    }

    private static Totals totals(List<FollowUpFile.FollowedAction> actions) {
        Map<CouncilAnswer, Long> byAnswer = new EnumMap<>(CouncilAnswer.class);
        Map<ImplementationStatus, Long> byStatus = new EnumMap<>(ImplementationStatus.class);
        for (CouncilAnswer answer : CouncilAnswer.values()) {
            byAnswer.put(answer, 0L);
        }
        for (ImplementationStatus status : ImplementationStatus.values()) {
            byStatus.put(status, 0L);
        }
        int awaitingAnswer = 0;
        int awaitingPlan = 0;
        for (FollowUpFile.FollowedAction action : actions) {
            CouncilAnswer answer = answer(action);
            ImplementationStatus status = status(action);
            if (answer == null) {
                awaitingAnswer++;
            } else {
                byAnswer.merge(answer, 1L, Long::sum);
            }
            if (status != null) {
                byStatus.merge(status, 1L, Long::sum);
            } else if (answer != null && answer != CouncilAnswer.REJECTED) {
                awaitingPlan++;
            }
        }
        return new Totals(actions.size(), awaitingAnswer, byAnswer, awaitingPlan, byStatus);
    }

    /**
     * Each action's rank in the closed votations of the convention, as their public rankings give it.
     * A convention normally holds one votation; should an action have been on several, the one with the
     * most votes in all is shown.
     */
    private Map<Integer, VotationResult> votationResults(String conventionId) {
        Query closed = Query.query(
                Criteria.where("conventionId").is(conventionId).and("status").is("CLOSED"));
        Map<Integer, VotationResult> results = new HashMap<>();
        mongo.find(closed, Document.class, mongo.getCollectionName(Ranking.class)).stream()
                .map(d -> rankings.ranking(d.getString("_id"), null))
                .sorted(Comparator.comparingLong(RankingController.RankingView::totalVotes)
                        .reversed()
                        .thenComparing(RankingController.RankingView::votationId))
                .forEach(r -> r.entries()
                        .forEach(e -> results.putIfAbsent(
                                e.actionNumber(), new VotationResult(r.votationId(), e.rank(), e.totalVotes()))));
        return results;
    }

    private static ActionFollowUpView view(FollowUpFile.FollowedAction a, VotationResult votation, LocalDate today) {
        LocalDate answeredOn = date(a.answeredOn);
        return new ActionFollowUpView(
                a.actionId,
                a.number,
                a.title,
                a.transition,
                a.topic,
                votation,
                answer(a),
                a.relayedTo,
                a.reason,
                a.deliberationReference,
                answeredOn,
                answeredOn == null ? null : ChronoUnit.DAYS.between(answeredOn, today),
                a.department,
                date(a.dueBy),
                status(a),
                a.statusHistory.stream()
                        .map(s -> new StatusStep(ImplementationStatus.valueOf(s.status), s.note, date(s.on)))
                        .toList(),
                a.budgetHistory.isEmpty() ? null : currentBudget(a),
                a.budgetHistory.stream()
                        .map(b -> new BudgetStep(new BigDecimal(b.budget), b.reason, date(b.on)))
                        .toList());
    }

    private static BigDecimal currentBudget(FollowUpFile.FollowedAction action) {
        return action.budgetHistory.isEmpty()
                ? BigDecimal.ZERO
                : new BigDecimal(action.budgetHistory.get(action.budgetHistory.size() - 1).budget);
    }

    private static CouncilAnswer answer(FollowUpFile.FollowedAction action) {
        return action.answer == null ? null : CouncilAnswer.valueOf(action.answer);
    }

    private static ImplementationStatus status(FollowUpFile.FollowedAction action) {
        return action.status == null ? null : ImplementationStatus.valueOf(action.status);
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }
}
