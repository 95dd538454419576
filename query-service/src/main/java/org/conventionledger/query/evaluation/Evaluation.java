package org.conventionledger.query.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conventionledger.events.deliberation.ObjectionCategory;
import org.conventionledger.query.consultation.ConsultationController;
import org.conventionledger.query.consultation.ConsultationController.ConsultationView;
import org.conventionledger.query.dashboard.DashboardController.DashboardView;
import org.conventionledger.query.deliberation.ActionHistoryController.ActionHistoryView;
import org.conventionledger.query.deliberation.ActionHistoryController.ObjectionView;
import org.conventionledger.query.deliberation.ActionHistoryController.VersionView;
import org.conventionledger.query.evaluation.EvaluationView.ActionDelay;
import org.conventionledger.query.evaluation.EvaluationView.Attendance;
import org.conventionledger.query.evaluation.EvaluationView.Attrition;
import org.conventionledger.query.evaluation.EvaluationView.ConsultationParticipation;
import org.conventionledger.query.evaluation.EvaluationView.DayTurnout;
import org.conventionledger.query.evaluation.EvaluationView.DraftToFinal;
import org.conventionledger.query.evaluation.EvaluationView.ObjectionFigures;
import org.conventionledger.query.evaluation.EvaluationView.ProfileAttrition;
import org.conventionledger.query.evaluation.EvaluationView.SessionAttendance;
import org.conventionledger.query.evaluation.EvaluationView.VotationTurnout;
import org.conventionledger.query.organisation.SessionView;
import org.conventionledger.query.recruitment.RecruitmentView;

/**
 * Composes the evaluation of a convention from the views the read API already serves: a pure function
 * of them, so that the figures are exactly those of the views they come from.
 */
final class Evaluation {

    static final String CONSULTATION_NOTE = "No call for proposals has been opened in this convention yet.";

    /** Where each figure comes from. */
    static final Map<String, String> SOURCES = sources();

    private static final String STATUS_LIFTED = "LIFTED";
    private static final String STATUS_WITHDRAWN = "WITHDRAWN";
    private static final String STATUS_OPEN = "OPEN";
    private static final BigDecimal MILLIS_PER_DAY =
            BigDecimal.valueOf(Duration.ofDays(1).toMillis());

    private Evaluation() {}

    /**
     * @param recruitment  the recruitment view, null if not projected yet
     * @param sessions     the sessions view, null if not projected yet
     * @param actions      the histories of the convention's actions
     * @param finalisedAt  when each finalised action's {@code ActionFinalised} was recorded, by action id
     * @param turnoutByDay per votation id, its ballots and tallies per day (absent: nothing in the trail yet)
     * @param consultation the consultation view, null if no call for proposals was projected
     */
    static EvaluationView of(
            DashboardView dashboard,
            RecruitmentView recruitment,
            List<SessionView> sessions,
            List<ActionHistoryView> actions,
            Map<String, Instant> finalisedAt,
            Map<String, List<DayTurnout>> turnoutByDay,
            ConsultationView consultation) {
        Map<String, ObjectionFigures> byCategory = objectionsByCategory(actions);
        return new EvaluationView(
                dashboard.conventionId(),
                dashboard.title(),
                dashboard.city(),
                recruitment == null ? null : attrition(recruitment),
                sessions == null ? null : attendance(sessions),
                draftToFinal(actions, finalisedAt),
                byCategory,
                total(byCategory.values()),
                consultation == null ? null : participation(consultation),
                consultation == null ? CONSULTATION_NOTE : null,
                turnout(dashboard, turnoutByDay),
                SOURCES);
    }

    static ConsultationParticipation participation(ConsultationView consultation) {
        ConsultationController.Totals totals = consultation.totals();
        ConsultationController.Participation who = consultation.participation();
        return new ConsultationParticipation(
                totals.calls(),
                totals.proposalsSubmitted(),
                totals.proposalsHidden(),
                totals.votes(),
                totals.voteChanges(),
                totals.argumentsPosted(),
                who.residents(),
                who.proposers(),
                who.voters(),
                who.arguers());
    }

    static Attrition attrition(RecruitmentView recruitment) {
        RecruitmentView.Attrition a = recruitment.attrition();
        long seated = recruitment.funnel().seated();
        long left = a.withdrawn() + a.lost();
        List<ProfileAttrition> byProfile = a.byProfile().stream()
                .map(p ->
                        new ProfileAttrition(p.category(), p.value(), p.seated(), p.left(), rate(p.left(), p.seated())))
                .toList();
        return new Attrition(
                seated,
                recruitment.funnel().active(),
                left,
                a.withdrawn(),
                a.lost(),
                rate(left, seated),
                a.withdrawnByReason(),
                byProfile);
    }

    static Attendance attendance(List<SessionView> sessions) {
        List<SessionAttendance> rows = new ArrayList<>();
        long expected = 0;
        long present = 0;
        long excused = 0;
        long absent = 0;
        long notRecorded = 0;
        for (SessionView s : sessions) {
            SessionView.AttendanceFigures f = s.attendance();
            rows.add(new SessionAttendance(
                    s.sessionId(),
                    s.number(),
                    s.kind(),
                    s.assembly(),
                    s.startsOn(),
                    s.closed(),
                    f.expected(),
                    f.present(),
                    f.excused(),
                    f.absent(),
                    f.notRecorded(),
                    rate(f.present(), f.expected())));
            expected += f.expected();
            present += f.present();
            excused += f.excused();
            absent += f.absent();
            notRecorded += f.notRecorded();
        }
        return new Attendance(rows, expected, present, excused, absent, notRecorded, rate(present, expected));
    }

    static DraftToFinal draftToFinal(List<ActionHistoryView> actions, Map<String, Instant> finalisedAt) {
        List<ActionDelay> delays = new ArrayList<>();
        long finalised = 0;
        List<ActionHistoryView> byNumber = actions.stream()
                .sorted(Comparator.comparingInt(ActionHistoryView::number))
                .toList();
        for (ActionHistoryView a : byNumber) {
            Instant drafted = a.versions().stream()
                    .min(Comparator.comparingInt(VersionView::version))
                    .map(VersionView::recordedAt)
                    .orElse(null);
            boolean isFinal = "FINAL".equals(a.stage());
            Instant done = isFinal ? finalisedAt.get(a.actionId()) : null;
            BigDecimal days = drafted == null || done == null
                    ? null
                    : BigDecimal.valueOf(Duration.between(drafted, done).toMillis())
                            .divide(MILLIS_PER_DAY, 2, RoundingMode.HALF_UP);
            if (isFinal) {
                finalised++;
            }
            delays.add(new ActionDelay(a.actionId(), a.number(), a.title(), a.stage(), drafted, done, days));
        }
        List<BigDecimal> known = delays.stream()
                .map(ActionDelay::days)
                .filter(d -> d != null)
                .sorted()
                .toList();
        return new DraftToFinal(
                delays, delays.size(), finalised, median(known), known.isEmpty() ? null : known.get(known.size() - 1));
    }

    static Map<String, ObjectionFigures> objectionsByCategory(List<ActionHistoryView> actions) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (ObjectionCategory category : ObjectionCategory.values()) {
            counts.put(category.name(), new long[4]);
        }
        for (ActionHistoryView a : actions) {
            for (ObjectionView o : a.objections()) {
                String category = o.category() == null ? ObjectionCategory.OTHER.name() : o.category();
                long[] c = counts.computeIfAbsent(category, k -> new long[4]);
                c[0]++;
                if (STATUS_LIFTED.equals(o.status())) {
                    c[1]++;
                } else if (STATUS_WITHDRAWN.equals(o.status())) {
                    c[2]++;
                } else if (STATUS_OPEN.equals(o.status())) {
                    c[3]++;
                }
            }
        }
        Map<String, ObjectionFigures> figures = new LinkedHashMap<>();
        counts.forEach((category, c) -> figures.put(category, new ObjectionFigures(c[0], c[1], c[2], c[3])));
        return figures;
    }

    static List<VotationTurnout> turnout(DashboardView dashboard, Map<String, List<DayTurnout>> byDay) {
        return dashboard.votations().stream()
                .map(v -> new VotationTurnout(
                        v.votationId(),
                        v.title(),
                        v.status(),
                        v.paperVotes(),
                        v.onlineVotes(),
                        v.totalVotes(),
                        v.onlineBallots(),
                        v.desksTallied(),
                        v.paperBallots(),
                        rate(v.onlineVotes(), v.totalVotes()),
                        byDay.get(v.votationId())))
                .toList();
    }

    private static ObjectionFigures total(Iterable<ObjectionFigures> figures) {
        long raised = 0;
        long lifted = 0;
        long withdrawn = 0;
        long open = 0;
        for (ObjectionFigures f : figures) {
            raised += f.raised();
            lifted += f.lifted();
            withdrawn += f.withdrawn();
            open += f.open();
        }
        return new ObjectionFigures(raised, lifted, withdrawn, open);
    }

    /** part / whole with three decimals; null when the whole is zero. */
    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP);
    }

    /** The median of sorted values (the mean of the two middle ones for an even count); null if none. */
    static BigDecimal median(List<BigDecimal> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        int middle = sorted.size() / 2;
        if (sorted.size() % 2 == 1) {
            return sorted.get(middle);
        }
        return sorted.get(middle - 1).add(sorted.get(middle)).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
    }

    private static Map<String, String> sources() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put(
                "attrition",
                "recruitment view (GET /api/conventions/{id}/recruitment): funnel.seated, "
                        + "funnel.active, attrition.withdrawn, attrition.lost, attrition.withdrawnByReason, "
                        + "attrition.byProfile (per value of the volunteers' profiles: members seated, members "
                        + "gone since)");
        sources.put(
                "attendance",
                "sessions view (GET /api/conventions/{id}/sessions): attendance of each session "
                        + "(expected, present, excused, absent, not recorded); the overall rate is the sum of "
                        + "present over "
                        + "the sum of expected");
        sources.put(
                "draftToFinal",
                "action histories (GET /api/actions/{id}/history): recording time of version 1 "
                        + "(ActionDrafted) and stage; garants' trail (audit_events): recording time of "
                        + "ActionFinalised; "
                        + "days = the difference in recording times / 24 h");
        sources.put(
                "objectionsByCategory",
                "action histories (GET /api/actions/{id}/history): each objection's "
                        + "category and status (OPEN, LIFTED by an amendment, WITHDRAWN); objections on actions only");
        sources.put(
                "consultationParticipation",
                "consultation view (GET /api/conventions/{id}/consultation): totals "
                        + "over the calls for proposals and distinct residents who proposed, voted or argued");
        sources.put(
                "turnout",
                "organisers' dashboard (GET /api/conventions/{id}/dashboard): paper and online votes, "
                        + "online ballots, desks tallied and paper ballots recorded one by one per votation");
        sources.put(
                "turnout.byDay",
                "garants' trail (audit_events): OnlineBallotCast by the day (UTC) it was "
                        + "recorded; PaperTallyRecorded by the day (UTC) of its countedAt; PaperBallotRecorded "
                        + "by the day (UTC) "
                        + "it was recorded");
        return sources;
    }
}
