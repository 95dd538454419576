package org.conventionledger.query.deliberation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.conventionledger.query.platform.ProblemResponses;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A topic group's work: the experts it heard (in log order), its CAC sheet ({@code cacSheet}: the
 * latest version, {@code null} before the first; {@code cacSheets}: every version, oldest first) and
 * the supporting bodies' opinions on the topic.
 */
@RestController
public class TopicGroupController {

    public record HearingView(
            String hearingId,
            String expertName,
            String organisation,
            String kind,
            boolean independent,
            String invitedBy,
            LocalDate heardOn,
            String contribution,
            List<String> documents) {}

    public record CacSheetView(
            int version,
            String findings,
            String analysis,
            List<String> commonCriteria,
            List<String> specificCriteria,
            Instant recordedAt) {}

    public record OpinionView(String opinionId, String body, String text, LocalDate givenOn) {}

    public record TopicGroupView(
            String topicId,
            String conventionId,
            String title,
            String assembly,
            List<HearingView> hearings,
            CacSheetView cacSheet,
            List<CacSheetView> cacSheets,
            List<OpinionView> opinions) {}

    private final MongoTemplate mongo;

    public TopicGroupController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/api/topics/{topicId}")
    public TopicGroupView topic(@PathVariable String topicId) {
        TopicGroup g = mongo.findById(topicId, TopicGroup.class);
        if (g == null) {
            throw ProblemResponses.error(
                    HttpStatus.NOT_FOUND, "unknown-topic", "No topic " + topicId + " is known (yet) to the read side.");
        }
        List<CacSheetView> sheets = g.cacSheets.stream()
                .map(s -> new CacSheetView(
                        s.version, s.findings, s.analysis, s.commonCriteria, s.specificCriteria, s.recordedAt))
                .toList();
        return new TopicGroupView(
                g.topicId,
                g.conventionId,
                g.title,
                g.assembly,
                g.hearings.stream()
                        .map(h -> new HearingView(
                                h.hearingId,
                                h.expertName,
                                h.organisation,
                                h.kind,
                                h.independent,
                                h.invitedBy,
                                date(h.heardOn),
                                h.contribution,
                                h.documents))
                        .toList(),
                sheets.isEmpty() ? null : sheets.get(sheets.size() - 1),
                sheets,
                g.opinions.stream()
                        .map(o -> new OpinionView(o.opinionId, o.body, o.text, date(o.givenOn)))
                        .toList());
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }
}
