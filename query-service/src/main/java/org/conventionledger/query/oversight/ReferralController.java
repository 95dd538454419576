package org.conventionledger.query.oversight;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Referrals to the garants and the garants' opinions, for the garants, the organisers and the
 * monitoring body: each referral's status and delays (in days from the referral; {@code null} while
 * pending), oldest first; the opinions by date. A convention unknown to the read side has none.
 */
@RestController
public class ReferralController {

    public enum Status {
        RECEIVED,
        ACKNOWLEDGED,
        INVESTIGATING,
        ANSWERED
    }

    public record InvestigationView(String note, LocalDate on) {}

    public record ReferralView(
            String referralId,
            String subject,
            String referredBy,
            Status status,
            LocalDate referredOn,
            LocalDate acknowledgedOn,
            LocalDate answeredOn,
            Long daysToAcknowledge,
            Long daysToAnswer,
            List<InvestigationView> investigations,
            String answer,
            boolean contactLeft) {}

    public record GarantOpinionView(
            String opinionId, String occasion, Integer session, String text, LocalDate publishedOn) {}

    private final MongoTemplate mongo;

    public ReferralController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/api/conventions/{conventionId}/referrals")
    public List<ReferralView> referrals(@PathVariable String conventionId) {
        return mongo.find(Query.query(Criteria.where("conventionId").is(conventionId)), ReferralFile.class).stream()
                .map(ReferralController::view)
                .sorted(Comparator.comparing(ReferralView::referredOn, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(ReferralView::referralId))
                .toList();
    }

    @GetMapping("/api/conventions/{conventionId}/garant-opinions")
    public List<GarantOpinionView> garantOpinions(@PathVariable String conventionId) {
        return mongo
                .find(Query.query(Criteria.where("conventionId").is(conventionId)), GarantOpinionFile.class)
                .stream()
                .map(o -> new GarantOpinionView(o.opinionId, o.occasion, o.session, o.text, date(o.publishedOn)))
                .sorted(Comparator.comparing(
                                GarantOpinionView::publishedOn, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(GarantOpinionView::session, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(GarantOpinionView::opinionId))
                .toList();
    }

    private static ReferralView view(ReferralFile r) {
        LocalDate referredOn = date(r.referredOn);
        LocalDate acknowledgedOn = date(r.acknowledgedOn);
        LocalDate answeredOn = date(r.answeredOn);
        Status status = answeredOn != null || r.answer != null
                ? Status.ANSWERED
                : !r.investigations.isEmpty()
                        ? Status.INVESTIGATING
                        : acknowledgedOn != null ? Status.ACKNOWLEDGED : Status.RECEIVED;
        return new ReferralView(
                r.referralId,
                r.subject,
                r.referredBy,
                status,
                referredOn,
                acknowledgedOn,
                answeredOn,
                days(referredOn, acknowledgedOn),
                days(referredOn, answeredOn),
                r.investigations.stream()
                        .map(i -> new InvestigationView(i.note, date(i.on)))
                        .toList(),
                r.answer,
                r.contactLeft);
    }

    private static Long days(LocalDate from, LocalDate to) {
        return from == null || to == null ? null : ChronoUnit.DAYS.between(from, to);
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }
}
