package org.conventionledger.query.pages.votation;

import io.swagger.v3.oas.annotations.Hidden;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.conventionledger.csv.CsvFlavour;
import org.conventionledger.csv.CsvWriter;
import org.conventionledger.events.Transition;
import org.conventionledger.query.evaluation.EvaluationController;
import org.conventionledger.query.evaluation.EvaluationView.DayTurnout;
import org.conventionledger.query.oversight.AuditEvent;
import org.conventionledger.query.pages.Formats;
import org.conventionledger.query.pages.PageModel;
import org.conventionledger.query.pages.PageModel.Reader;
import org.conventionledger.query.pages.Svg;
import org.conventionledger.query.platform.ProblemResponses;
import org.conventionledger.query.votation.RankingController;
import org.conventionledger.query.votation.RankingController.RankingView;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /votations/{votationId}}: the results as the public reads them, from the ranking the read API
 * serves (and under its visibility rule), the turnout per day from the garants' trail and the rules
 * the votation was scheduled with.
 */
// pages, not API operations: kept out of the OpenAPI document (and of RoleRulesTest's API rules)
@Hidden
@Controller
public class VotationPage {

    private static final List<String> RESULT_COLUMNS =
            List.of("rank", "actionNumber", "title", "transition", "paperVotes", "onlineVotes", "totalVotes");

    /** The rules as scheduled, read from the trail's {@code VotationScheduled}. */
    public record Rules(
            Object opensAt,
            Object closesAt,
            Object minimumAge,
            Object ageOn,
            boolean residenceRequired,
            List<?> nationalities,
            String ballotRule,
            Object maxChoices,
            boolean visibleWhileOpen) {}

    private record Closed(List<DayTurnout> days, Rules rules) {}

    private final RankingController rankings;
    private final EvaluationController evaluation;
    private final MongoTemplate mongo;
    private final MessageSource messages;
    private final Formats fmt;
    /** A closed votation's turnout and rules no longer change: kept once the trail has all of its votes. */
    private final Map<String, Closed> closed = new ConcurrentHashMap<>();

    public VotationPage(
            RankingController rankings,
            EvaluationController evaluation,
            MongoTemplate mongo,
            MessageSource messages,
            Formats fmt) {
        this.rankings = rankings;
        this.evaluation = evaluation;
        this.mongo = mongo;
        this.messages = messages;
        this.fmt = fmt;
    }

    @GetMapping("/votations/{votationId}")
    public String results(
            @PathVariable String votationId, @RequestParam(required = false) String transition, Model model) {
        Transition chosen = transition(transition);
        RankingView all = visible(rankings.ranking(votationId, null));
        RankingView shown = chosen == null ? all : rankings.ranking(votationId, chosen);
        Closed facts = facts(all);
        Locale locale = LocaleContextHolder.getLocale();
        String paper = messages.getMessage("votation.paper", null, locale);
        String online = messages.getMessage("votation.online", null, locale);
        List<Svg.Bar> bars = shown.entries().stream()
                .map(e -> new Svg.Bar("n° " + e.actionNumber(), new long[] {e.paperVotes(), e.onlineVotes()}))
                .toList();
        List<Svg.Series> series = List.of(new Svg.Series(paper), new Svg.Series(online));
        model.addAttribute("ranking", shown);
        model.addAttribute("overall", all);
        model.addAttribute("transition", chosen == null ? null : chosen.name());
        model.addAttribute("transitions", Transition.values());
        model.addAttribute("rules", facts.rules());
        model.addAttribute("days", facts.days());
        model.addAttribute(
                "rankingChart",
                Svg.stackedBars(
                        "rk", messages.getMessage("votation.chart.ranking", null, locale), series, bars, fmt::number));
        model.addAttribute(
                "turnoutChart",
                facts.days().isEmpty()
                        ? null
                        : Svg.groupedColumns(
                                "td",
                                messages.getMessage("votation.chart.turnout", null, locale),
                                series,
                                facts.days().stream()
                                        .map(d -> new Svg.Bar(
                                                fmt.date(d.day()), new long[] {d.paperVotes(), d.onlineVotes()}))
                                        .toList(),
                                fmt::number));
        return "pages/votation";
    }

    /**
     * The table of the results as CSV, overall or for one transition: standard (RFC 4180) or, with
     * {@code format=excel-fr}, for a French spreadsheet; through the shared writer, so a title that starts
     * like a formula is neutralised.
     */
    @GetMapping(value = "/votations/{votationId}/results.csv")
    public ResponseEntity<byte[]> csv(
            @PathVariable String votationId,
            @RequestParam(required = false) String transition,
            @RequestParam(required = false) String format) {
        CsvFlavour flavour;
        try {
            flavour = CsvFlavour.of(format);
        } catch (IllegalArgumentException e) {
            throw ProblemResponses.error(
                    HttpStatus.BAD_REQUEST,
                    "invalid-format",
                    "Parameter 'format' must be csv or " + CsvFlavour.EXCEL_FR_NAME + ".");
        }
        RankingView view = visible(rankings.ranking(votationId, transition(transition)));
        List<List<Object>> rows = view.entries().stream()
                .map(e -> List.<Object>of(
                        e.rank(),
                        e.actionNumber(),
                        e.title() == null ? "" : e.title(),
                        String.valueOf(e.transition()),
                        e.paperVotes(),
                        e.onlineVotes(),
                        e.totalVotes()))
                .toList();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"results-" + votationId + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(CsvWriter.write(flavour, RESULT_COLUMNS, rows));
    }

    /**
     * The page shows the public a votation's figures once it is closed; running figures, even where the
     * rules make them visible, stay with the API (which may publish them at checkpoints only), so the page
     * can never show the public more than the API does. Staff see the live count, as in the API.
     */
    private static RankingView visible(RankingView ranking) {
        Reader reader = PageModel.current();
        boolean staff = reader != null && (reader.has("ORGANISER") || reader.has("GARANT") || reader.has("MONITOR"));
        if (!staff && !"CLOSED".equals(ranking.status())) {
            throw ProblemResponses.error(
                    reader == null ? HttpStatus.UNAUTHORIZED : HttpStatus.FORBIDDEN,
                    "results-hidden-while-open",
                    "The results are published on this page once the votation closes.");
        }
        return ranking;
    }

    /** An unknown transition shows every action, as no filter does: the filter's form offers only known ones. */
    private static Transition transition(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        for (Transition t : Transition.values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    private Closed facts(RankingView all) {
        Closed known = closed.get(all.votationId());
        if (known != null) {
            return known;
        }
        List<DayTurnout> days = evaluation.turnoutByDay(all.votationId());
        Closed facts = new Closed(days, rules(all.votationId()));
        long paper = days.stream().mapToLong(DayTurnout::paperVotes).sum();
        long online = days.stream().mapToLong(DayTurnout::onlineVotes).sum();
        if ("CLOSED".equals(all.status())
                && paper == all.paperVotes()
                && online == all.onlineVotes()
                && facts.rules() != null) {
            closed.put(all.votationId(), facts);
        }
        return facts;
    }

    private Rules rules(String votationId) {
        AuditEvent scheduled = mongo.findOne(
                Query.query(Criteria.where("type")
                        .is("VotationScheduled")
                        .and("payload.votationId")
                        .is(votationId)),
                AuditEvent.class);
        if (scheduled == null || scheduled.payload() == null) {
            return null;
        }
        Map<String, Object> p = scheduled.payload();
        Map<?, ?> rules = p.get("rules") instanceof Map<?, ?> m ? m : Map.of();
        Map<?, ?> eligibility = rules.get("eligibility") instanceof Map<?, ?> m ? m : Map.of();
        List<?> nationalities = eligibility.get("nationalities") instanceof List<?> l ? l : new ArrayList<>();
        Object ballotRule = rules.get("ballotRule");
        return new Rules(
                instant(p.get("opensAt")),
                instant(p.get("closesAt")),
                eligibility.get("minimumAge"),
                date(eligibility.get("ageOn")),
                Boolean.TRUE.equals(eligibility.get("residenceRequired")),
                nationalities,
                ballotRule == null ? "APPROVAL" : ballotRule.toString(),
                rules.get("maxChoices"),
                Boolean.TRUE.equals(rules.get("resultsVisibleWhileOpen")));
    }

    private static Object instant(Object stored) {
        if (stored instanceof Date d) {
            return d.toInstant();
        }
        if (stored instanceof String s) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException notAnInstant) {
                return null;
            }
        }
        if (stored instanceof Number seconds) {
            return Instant.ofEpochMilli(Math.round(seconds.doubleValue() * 1000));
        }
        return null;
    }

    private static Object date(Object stored) {
        if (stored instanceof String s) {
            try {
                return LocalDate.parse(s);
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
        return stored instanceof Date d ? d.toInstant() : null;
    }
}
