package org.conventionledger.query.pages.audit;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import org.conventionledger.query.organisation.ConventionDirectory;
import org.conventionledger.query.oversight.AuditTrailController;
import org.conventionledger.query.oversight.PersonTrailController;
import org.conventionledger.query.oversight.ReferralController;
import org.conventionledger.query.oversight.SessionSealController;
import org.conventionledger.query.pages.PageCache;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code /audit}: the garants' console (GARANT only, see PagesSecurity): the trail with the API's
 * filters and paging, one event with its causes, a person's trail, the exports, the session seals with
 * how to verify them, and per convention the referrals and opinions.
 */
// pages, not API operations: kept out of the OpenAPI document (and of RoleRulesTest's API rules)
@Hidden
@Controller
public class AuditPage {

    static final int PAGE = 50;

    /** The filters as typed in the form, kept to fill it again and to build the paging and export links. */
    public record Filter(
            String type, String actor, String role, String part, String from, String to, String correlationId) {}

    private final AuditTrailController trail;
    private final PersonTrailController persons;
    private final SessionSealController seals;
    private final ReferralController referrals;
    private final ConventionDirectory directory;
    private final PageCache cache;

    public AuditPage(
            AuditTrailController trail,
            PersonTrailController persons,
            SessionSealController seals,
            ReferralController referrals,
            ConventionDirectory directory,
            PageCache cache) {
        this.cache = cache;
        this.trail = trail;
        this.persons = persons;
        this.seals = seals;
        this.referrals = referrals;
        this.directory = directory;
    }

    @GetMapping("/audit")
    public ModelAndView console(
            @RequestParam(defaultValue = "-1") long after,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String part,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String correlationId) {
        Filter filter = new Filter(
                blank(type), blank(actor), blank(role), blank(part), blank(from), blank(to), blank(correlationId));
        ModelAndView page = new ModelAndView("pages/audit");
        page.addObject("filter", filter);
        page.addObject("after", after);
        try {
            AuditTrailController.Page events = cache.get(
                    "audit:" + after + ":" + filter,
                    () -> trail.events(
                            after,
                            PAGE,
                            filter.type(),
                            null,
                            filter.actor(),
                            filter.role(),
                            filter.from(),
                            filter.to(),
                            filter.part(),
                            filter.correlationId()));
            page.addObject("events", events.events());
            page.addObject("next", events.events().size() == PAGE ? events.next() : null);
        } catch (ErrorResponseException rejected) {
            // a bad filter is named next to its field; nothing is listed
            page.addObject("events", List.of());
            page.addObject("filterError", rejected.getBody().getDetail());
            Object parameter = rejected.getBody().getProperties() == null
                    ? null
                    : rejected.getBody().getProperties().get("parameter");
            page.addObject("filterField", parameter);
            page.setStatus(HttpStatus.BAD_REQUEST);
        }
        page.addObject("seals", cache.get("audit:seals", () -> seals.sessionSeals(null)));
        page.addObject(
                "conventions",
                cache.get(
                        "audit:conventions",
                        () -> directory.conventions().stream()
                                .map(c -> new Convention(
                                        c.conventionId(),
                                        c.title(),
                                        referrals.referrals(c.conventionId()),
                                        referrals.garantOpinions(c.conventionId())))
                                .toList()));
        return page;
    }

    public record Convention(
            String conventionId,
            String title,
            List<ReferralController.ReferralView> referrals,
            List<ReferralController.GarantOpinionView> opinions) {}

    @GetMapping("/audit/events/{position}")
    public String event(@PathVariable long position, Model model) {
        model.addAttribute("causes", cache.get("audit:event:" + position, () -> trail.causes(position)));
        return "pages/audit-event";
    }

    @GetMapping("/audit/persons/{personId}")
    public String person(@PathVariable String personId, Model model) {
        model.addAttribute("person", persons.person(personId));
        return "pages/audit-person";
    }

    /** The filtered trail as a download, as the API's export serves it. */
    @GetMapping("/audit/export")
    public ResponseEntity<StreamingResponseBody> export(
            @RequestParam(defaultValue = "jsonl") String format,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String part,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String correlationId) {
        return trail.exportEvents(
                format,
                -1,
                blank(type),
                null,
                blank(actor),
                blank(role),
                blank(from),
                blank(to),
                blank(part),
                blank(correlationId));
    }

    /** The chain's head now, to verify the log against (see docs/sealing.md). */
    @GetMapping("/audit/seal.json")
    public ResponseEntity<AuditTrailController.Seal> seal() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"seal.json\"")
                .body(trail.seal());
    }

    /** The whole log read afresh from the event store, with its recorded links, as `verify-log` reads it. */
    @GetMapping("/audit/log.jsonl")
    public ResponseEntity<StreamingResponseBody> log() {
        return trail.export();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
