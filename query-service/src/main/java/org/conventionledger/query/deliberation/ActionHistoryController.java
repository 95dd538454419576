package org.conventionledger.query.deliberation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
 * The history of an action sheet: every version with its line diff against the previous one, links,
 * opinions, consent rounds and objections, in log order.
 */
@RestController
public class ActionHistoryController {

    /** {@code diff}: the lines removed from and added to the previous version's text; empty for version 1. */
    public record VersionView(
            int version, String title, String text, String reason, Instant recordedAt, List<LineDiff.Line> diff) {}

    /** {@code direction}: OUTGOING if this action was linked to the other one, INCOMING the other way round. */
    public record LinkView(String actionId, String relation, String direction) {}

    public record OpinionView(String opinionId, String body, String text, LocalDate givenOn) {}

    /** {@code consents}: who consented to the action's current version in this round. */
    public record RoundView(
            String roundId,
            int version,
            List<String> participants,
            String status,
            List<ClarificationView> clarifications,
            List<ImprovementView> improvements,
            List<String> consents,
            Integer decidedVersion) {}

    public record ObjectionView(
            String objectionId,
            String roundId,
            String category,
            String reason,
            String raisedBy,
            String competentBody,
            String status,
            String amendment,
            Integer amendedVersion,
            String withdrawalReason) {}

    public record ActionHistoryView(
            String actionId,
            String conventionId,
            int number,
            String title,
            String assembly,
            String topicId,
            String topic,
            String stage,
            String referentMemberId,
            List<VersionView> versions,
            List<LinkView> links,
            List<OpinionView> opinions,
            List<RoundView> rounds,
            List<ObjectionView> objections) {}

    private final MongoTemplate mongo;

    public ActionHistoryController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/api/actions/{actionId}/history")
    public ActionHistoryView history(@PathVariable String actionId) {
        ActionHistory h = mongo.findById(actionId, ActionHistory.class);
        if (h == null || !h.drafted()) {
            throw ProblemResponses.error(
                    HttpStatus.NOT_FOUND,
                    "unknown-action",
                    "No action " + actionId + " is known (yet) to the read side.");
        }
        List<VersionView> versions = new ArrayList<>();
        ActionHistory.SheetVersion previous = null;
        for (ActionHistory.SheetVersion v : h.versions) {
            versions.add(new VersionView(
                    v.version,
                    v.title,
                    v.text,
                    v.reason,
                    v.recordedAt,
                    previous == null ? List.of() : LineDiff.diff(previous.text, v.text)));
            previous = v;
        }
        return new ActionHistoryView(
                h.actionId,
                h.conventionId,
                h.number,
                h.current().map(v -> v.title).orElse(null),
                h.assembly,
                h.topicId,
                h.topic,
                h.stage.name(),
                h.referentMemberId,
                versions,
                h.links.stream()
                        .map(l -> new LinkView(l.actionId, l.relation, l.direction))
                        .toList(),
                h.opinions.stream()
                        .map(o -> new OpinionView(
                                o.opinionId, o.body, o.text, o.givenOn == null ? null : LocalDate.parse(o.givenOn)))
                        .toList(),
                h.rounds.stream().map(ActionHistoryController::round).toList(),
                h.objections.stream()
                        .map(o -> new ObjectionView(
                                o.objectionId,
                                o.roundId,
                                o.category,
                                o.reason,
                                o.raisedBy,
                                o.competentBody,
                                o.statusName(),
                                o.amendment,
                                o.amendedVersion,
                                o.withdrawalReason))
                        .toList());
    }

    private static RoundView round(ActionHistory.Round r) {
        return new RoundView(
                r.roundId,
                r.version,
                r.participants,
                r.status == null ? null : r.status.name(),
                r.clarificationViews(),
                r.improvementViews(),
                r.consents,
                r.decidedVersion);
    }
}
