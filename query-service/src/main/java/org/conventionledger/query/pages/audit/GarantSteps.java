package org.conventionledger.query.pages.audit;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.conventionledger.query.organisation.ConventionDirectory;
import org.conventionledger.query.oversight.AuditTrailController;
import org.conventionledger.query.oversight.ReferralController;
import org.conventionledger.query.oversight.ReferralController.ReferralView;
import org.conventionledger.query.pages.Formats;
import org.conventionledger.query.pages.PageModel;
import org.conventionledger.query.pages.relay.CommandRelay;
import org.conventionledger.query.pages.relay.FormErrors;
import org.conventionledger.query.pages.relay.Relayed;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The garants' steps in the console (GARANT only, see PagesSecurity): a referral acknowledged,
 * investigated and answered ({@code /audit/referrals/{referralId}}), a seal published, a tree head signed
 * now. Each goes to the command-service as the signed-in garant ({@link CommandRelay}); its rules decide
 * (acknowledged once, answered once, no date before the referral) and its refusals are shown in words.
 */
// pages, not API operations: kept out of the OpenAPI document (and of RoleRulesTest's API rules)
@Hidden
@Controller
public class GarantSteps {

    private static final int TEXT_MAX = 10_000;
    private static final Map<String, String> FIELDS = Map.of("date-required", "on", "date-before-referral", "on");

    private final ReferralController referrals;
    private final ConventionDirectory directory;
    private final AuditTrailController trail;
    private final CommandRelay relay;
    private final MessageSource messages;

    public GarantSteps(
            ReferralController referrals,
            ConventionDirectory directory,
            AuditTrailController trail,
            CommandRelay relay,
            MessageSource messages) {
        this.referrals = referrals;
        this.directory = directory;
        this.trail = trail;
        this.relay = relay;
        this.messages = messages;
    }

    @GetMapping("/audit/referrals/{referralId}")
    public ModelAndView referral(@PathVariable String referralId) {
        return page(referralId, null, Map.of(), new FormErrors(messages));
    }

    @PostMapping("/audit/referrals/{referralId}/acknowledgement")
    public ModelAndView acknowledge(
            @PathVariable String referralId, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors(messages);
        LocalDate on = date(form, errors);
        return step(
                referralId,
                "acknowledge",
                form,
                errors,
                "/api/referrals/{referralId}/acknowledgement",
                on == null ? null : Map.of("on", on),
                redirect,
                r -> r.acknowledgedOn() != null);
    }

    @PostMapping("/audit/referrals/{referralId}/investigations")
    public ModelAndView investigate(
            @PathVariable String referralId, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors(messages);
        String note = text(form, "note", errors);
        LocalDate on = date(form, errors);
        int before = find(referralId).map(r -> r.investigations().size()).orElse(0);
        return step(
                referralId,
                "investigate",
                form,
                errors,
                "/api/referrals/{referralId}/investigations",
                note == null || on == null ? null : Map.of("note", note, "on", on),
                redirect,
                r -> r.investigations().size() > before);
    }

    @PostMapping("/audit/referrals/{referralId}/answer")
    public ModelAndView answer(
            @PathVariable String referralId, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors(messages);
        String text = text(form, "answer", errors);
        LocalDate on = date(form, errors);
        return step(
                referralId,
                "answer",
                form,
                errors,
                "/api/referrals/{referralId}/answer",
                text == null || on == null ? null : Map.of("answer", text, "on", on),
                redirect,
                r -> r.status() == ReferralController.Status.ANSWERED);
    }

    /** Publishes the integrity chain's seal as it stands now (the one the console offers to download). */
    @PostMapping("/audit/seals")
    public String publishSeal(@RequestParam(required = false) String reason, RedirectAttributes redirect) {
        AuditTrailController.Seal seal = trail.seal();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("chain", seal.chain());
        body.put("position", seal.position());
        body.put("head", seal.head());
        body.put("length", seal.length());
        body.put("sealedAt", seal.sealedAt());
        body.put("reason", reason == null || reason.isBlank() ? "garants' console" : reason.trim());
        return sealed(relay.post("/api/seals", body), redirect, "audit.seal.published", new Object[] {
            seal.position(), seal.head()
        });
    }

    /** Has the ledger sign a tree head over everything settled now (garants.md, step 2). */
    @PostMapping("/audit/tree-heads")
    public String signHead(@RequestParam(required = false) String reason, RedirectAttributes redirect) {
        CommandRelay.Answer answer = relay.post(
                "/api/tree-heads",
                Map.of("reason", reason == null || reason.isBlank() ? "garants' console" : reason.trim()));
        return sealed(answer, redirect, "audit.head.signed", new Object[] {
            answer.body().path("size").asLong(), answer.body().path("root").asText("")
        });
    }

    private String sealed(CommandRelay.Answer answer, RedirectAttributes redirect, String doneKey, Object[] args) {
        if (answer.accepted()) {
            redirect.addFlashAttribute("done", messages.getMessage(doneKey, args, LocaleContextHolder.getLocale()));
        } else {
            redirect.addFlashAttribute(
                    "sealError",
                    new FormErrors(messages).refused(answer, Map.of()).asMap().get(FormErrors.FORM));
        }
        return "redirect:/audit#seals-h";
    }

    private ModelAndView step(
            String referralId,
            String formId,
            Map<String, String> form,
            FormErrors errors,
            String path,
            Map<String, Object> body,
            RedirectAttributes redirect,
            Predicate<ReferralView> done) {
        if (find(referralId).isEmpty()) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND);
        }
        if (errors.any() || body == null) {
            return page(referralId, formId, form, errors);
        }
        CommandRelay.Answer answer = relay.post(path, body, referralId);
        if (!answer.accepted()) {
            ModelAndView page = page(referralId, formId, form, errors.refused(answer, FIELDS));
            page.setStatus(HttpStatus.valueOf(answer.status()));
            return page;
        }
        Relayed.await(() -> find(referralId).filter(done).isPresent());
        redirect.addFlashAttribute(
                "done", messages.getMessage("audit.referral.done." + formId, null, LocaleContextHolder.getLocale()));
        return new ModelAndView("redirect:/audit/referrals/" + referralId);
    }

    private ModelAndView page(String referralId, String formId, Map<String, String> form, FormErrors errors) {
        ReferralView referral = find(referralId).orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND));
        ModelAndView page = new ModelAndView("pages/audit-referral");
        page.addObject("referral", referral);
        PageModel.languageLinks(page, "/audit/referrals/" + referralId);
        page.addObject("formId", formId);
        page.addObject("values", form);
        page.addObject("errors", errors.asMap());
        page.addObject("today", LocalDate.now(Formats.CITY).toString());
        if (errors.any()) {
            page.setStatus(HttpStatus.BAD_REQUEST);
        }
        return page;
    }

    private Optional<ReferralView> find(String referralId) {
        if (!CommandRelay.isId(referralId)) {
            return Optional.empty();
        }
        return directory.conventions().stream()
                .flatMap(c -> referrals.referrals(c.conventionId()).stream())
                .filter(r -> r.referralId().equals(referralId))
                .findFirst();
    }

    private static LocalDate date(Map<String, String> form, FormErrors errors) {
        try {
            return LocalDate.parse(form.getOrDefault("on", "").trim());
        } catch (DateTimeParseException e) {
            errors.add("on", "audit.referral.error.on");
            return null;
        }
    }

    private static String text(Map<String, String> form, String field, FormErrors errors) {
        String text = form.getOrDefault(field, "").trim();
        if (text.isEmpty() || text.length() > TEXT_MAX) {
            errors.add(field, "audit.referral.error." + field, TEXT_MAX);
            return null;
        }
        return text;
    }
}
