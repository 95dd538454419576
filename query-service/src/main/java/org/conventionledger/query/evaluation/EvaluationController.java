package org.conventionledger.query.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.bson.Document;
import org.conventionledger.query.consultation.ConsultationController;
import org.conventionledger.query.consultation.ConsultationController.ConsultationView;
import org.conventionledger.query.dashboard.DashboardController;
import org.conventionledger.query.dashboard.DashboardController.DashboardView;
import org.conventionledger.query.deliberation.ActionHistory;
import org.conventionledger.query.deliberation.ActionHistoryController;
import org.conventionledger.query.deliberation.ActionHistoryController.ActionHistoryView;
import org.conventionledger.query.evaluation.EvaluationView.DayTurnout;
import org.conventionledger.query.organisation.SessionController;
import org.conventionledger.query.organisation.SessionView;
import org.conventionledger.query.oversight.AuditEvent;
import org.conventionledger.query.recruitment.RecruitmentController;
import org.conventionledger.query.recruitment.RecruitmentView;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/conventions/{id}/evaluation}: the evaluation view of a convention's process for the
 * organisers, garants and monitoring body, composed from the read side's existing views (see
 * {@link Evaluation} and {@link EvaluationView}). An unknown convention is a 404; a part whose view is
 * not projected yet is null.
 */
@RestController
public class EvaluationController {

    private final MongoTemplate mongo;
    private final DashboardController dashboards;
    private final RecruitmentController recruitment;
    private final SessionController sessions;
    private final ActionHistoryController histories;
    private final ConsultationController consultations;

    public EvaluationController(
            MongoTemplate mongo,
            DashboardController dashboards,
            RecruitmentController recruitment,
            SessionController sessions,
            ActionHistoryController histories,
            ConsultationController consultations) {
        this.mongo = mongo;
        this.dashboards = dashboards;
        this.recruitment = recruitment;
        this.sessions = sessions;
        this.histories = histories;
        this.consultations = consultations;
    }

    @GetMapping("/api/conventions/{conventionId}/evaluation")
    public EvaluationView evaluation(@PathVariable String conventionId) {
        DashboardView dashboard = dashboards.dashboard(conventionId);
        RecruitmentView recruited = unlessNotFound(() -> recruitment.recruitment(conventionId));
        List<SessionView> held = unlessNotFound(() -> sessions.sessions(conventionId));
        List<ActionHistoryView> actions = actions(conventionId);
        Map<String, List<DayTurnout>> byDay = new HashMap<>();
        for (DashboardController.VotationTurnout votation : dashboard.votations()) {
            List<DayTurnout> days = turnoutByDay(votation.votationId());
            if (!days.isEmpty()) {
                byDay.put(votation.votationId(), days);
            }
        }
        ConsultationView consulted = consultations.consultation(conventionId);
        return Evaluation.of(
                dashboard,
                recruited,
                held,
                actions,
                finalisedAt(conventionId),
                byDay,
                consulted.calls().isEmpty() ? null : consulted);
    }

    private List<ActionHistoryView> actions(String conventionId) {
        Query ids = Query.query(Criteria.where("conventionId").is(conventionId));
        ids.fields().include("_id");
        List<ActionHistoryView> actions = new ArrayList<>();
        for (Document id : mongo.find(ids, Document.class, mongo.getCollectionName(ActionHistory.class))) {
            ActionHistoryView history = unlessNotFound(() -> histories.history(id.getString("_id")));
            if (history != null) {
                actions.add(history);
            }
        }
        return actions;
    }

    /** When each action of the convention was finalised: the recording time of its ActionFinalised. */
    private Map<String, Instant> finalisedAt(String conventionId) {
        Map<String, Instant> finalised = new HashMap<>();
        Query query = Query.query(Criteria.where("type")
                .is("ActionFinalised")
                .and("payload.conventionId")
                .is(conventionId));
        for (AuditEvent event : mongo.find(query, AuditEvent.class)) {
            Object actionId = event.payload() == null ? null : event.payload().get("actionId");
            if (actionId instanceof String id && event.recordedAt() != null) {
                finalised.merge(id, event.recordedAt(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        return finalised;
    }

    /**
     * A votation's online ballots by the day (UTC) they were recorded, its paper tallies by the day
     * their desk counted them and its paper ballots recorded one by one by the day they were recorded,
     * from the garants' trail, read as a stream of the few fields needed.
     */
    public List<DayTurnout> turnoutByDay(String votationId) {
        TreeMap<LocalDate, long[]> days = new TreeMap<>();
        String collection = mongo.getCollectionName(AuditEvent.class);
        Query online = Query.query(Criteria.where("type")
                .is("OnlineBallotCast")
                .and("payload.votationId")
                .is(votationId));
        online.fields().include("recordedAt").include("payload.choices");
        try (Stream<Document> ballots = mongo.stream(online, Document.class, collection)) {
            ballots.forEach(b -> {
                LocalDate day = day(b.get("recordedAt"));
                if (day != null) {
                    long[] d = days.computeIfAbsent(day, k -> new long[5]);
                    d[0]++;
                    Object choices = b.get("payload", Document.class) == null
                            ? null
                            : b.get("payload", Document.class).get("choices");
                    d[1] += choices instanceof List<?> list ? list.size() : 0;
                }
            });
        }
        Query paper = Query.query(Criteria.where("type")
                .is("PaperTallyRecorded")
                .and("payload.votationId")
                .is(votationId));
        paper.fields().include("recordedAt").include("payload.countedAt").include("payload.votes");
        try (Stream<Document> tallies = mongo.stream(paper, Document.class, collection)) {
            tallies.forEach(t -> {
                Document payload = t.get("payload", Document.class);
                LocalDate day = payload == null ? null : day(payload.get("countedAt"));
                if (day == null) {
                    day = day(t.get("recordedAt"));
                }
                if (day != null) {
                    long[] d = days.computeIfAbsent(day, k -> new long[5]);
                    d[3]++;
                    if (payload != null && payload.get("votes") instanceof List<?> votes) {
                        for (Object v : votes) {
                            if (v instanceof Document count && count.get("votes") instanceof Number n) {
                                d[2] += n.longValue();
                            }
                        }
                    }
                }
            });
        }
        Query ballots = Query.query(Criteria.where("type")
                .is("PaperBallotRecorded")
                .and("payload.votationId")
                .is(votationId));
        ballots.fields().include("recordedAt").include("payload.choices");
        try (Stream<Document> recorded = mongo.stream(ballots, Document.class, collection)) {
            recorded.forEach(b -> {
                LocalDate day = day(b.get("recordedAt"));
                if (day != null) {
                    long[] d = days.computeIfAbsent(day, k -> new long[5]);
                    d[4]++;
                    Object choices = b.get("payload", Document.class) == null
                            ? null
                            : b.get("payload", Document.class).get("choices");
                    d[2] += choices instanceof List<?> list ? list.size() : 0;
                }
            });
        }
        return days.entrySet().stream()
                .map(e -> new DayTurnout(
                        e.getKey(),
                        e.getValue()[0],
                        e.getValue()[1],
                        e.getValue()[2],
                        e.getValue()[3],
                        e.getValue()[4]))
                .toList();
    }

    /** The UTC day of a stored time: a date, an ISO-8601 text or epoch seconds; null if none of these. */
    static LocalDate day(Object value) {
        Instant instant = null;
        if (value instanceof Date date) {
            instant = date.toInstant();
        } else if (value instanceof Instant i) {
            instant = i;
        } else if (value instanceof String text) {
            try {
                instant = Instant.parse(text);
            } catch (DateTimeParseException e) {
                return null;
            }
        } else if (value instanceof Number seconds) {
            instant = Instant.ofEpochMilli(Math.round(seconds.doubleValue() * 1000));
        }
        return instant == null ? null : instant.atZone(ZoneOffset.UTC).toLocalDate();
    }

    private interface Read<T> {
        T get();
    }

    private static <T> T unlessNotFound(Read<T> read) {
        try {
            return read.get();
        } catch (ErrorResponseException e) {
            if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                return null;
            }
            throw e;
        }
    }
}
