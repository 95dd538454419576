package org.conventionledger.query.pages.referral;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.conventionledger.query.organisation.ConventionDirectory;
import org.conventionledger.query.oversight.ReferralController;
import org.conventionledger.query.pages.PageModel;
import org.conventionledger.query.pages.relay.CommandRelay;
import org.conventionledger.query.pages.relay.FormErrors;
import org.conventionledger.query.pages.relay.Relayed;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /referrals/new}: referring a matter to the garants. Anyone reads the rules (name no third party,
 * what happens next) and sends the form, as the domain wants any citizen to be able to: without an account
 * it goes to the command-service with no credential ({@link CommandRelay#postAsPublic}), which records the
 * public as the actor and limits how often one address may do so; a signed-in resident ({@code VOTER}) or
 * an organiser recording a letter sends it as themselves. A contact, if left, is sealed by the
 * command-service before anything is recorded.
 */
// pages, not API operations: kept out of the OpenAPI document (and of RoleRulesTest's API rules)
@Hidden
@Controller
public class ReferralPage {

    static final int SUBJECT_MAX = 200;
    static final int TEXT_MAX = 10_000;
    static final int CONTACT_MAX = 200;

    private static final Map<String, String> FIELDS = Map.of(
            "subject-required",
            "subject",
            "text-required",
            "text",
            "invalid-referred-by",
            "referredBy",
            "unknown-convention",
            "conventionId",
            "date-required",
            "referredOn",
            "subject-too-long",
            "subject",
            "text-too-long",
            "text",
            "invalid-fields",
            FormErrors.FORM);

    private final ConventionDirectory directory;
    private final ReferralController referrals;
    private final CommandRelay relay;
    private final MessageSource messages;

    public ReferralPage(
            ConventionDirectory directory, ReferralController referrals, CommandRelay relay, MessageSource messages) {
        this.directory = directory;
        this.referrals = referrals;
        this.relay = relay;
        this.messages = messages;
    }

    @GetMapping("/referrals/new")
    public ModelAndView form(@RequestParam(required = false) String conventionId) {
        Map<String, String> values = new LinkedHashMap<>();
        if (conventionId != null) {
            values.put("conventionId", conventionId);
        }
        return page(values, new FormErrors(messages));
    }

    /** Where the page's sign-in link leads: it needs a signed-in person, then returns to the form. */
    @GetMapping("/referrals/new/signin")
    public String signedIn() {
        return "redirect:/referrals/new";
    }

    @PostMapping("/referrals")
    public ModelAndView refer(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors(messages);
        String conventionId = form.getOrDefault("conventionId", "").trim();
        String subject = form.getOrDefault("subject", "").trim();
        String text = form.getOrDefault("text", "").trim();
        String referredBy = form.getOrDefault("referredBy", "");
        String contact = form.getOrDefault("contact", "").trim();
        if (!CommandRelay.isId(conventionId)
                || directory.conventions().stream()
                        .noneMatch(c -> c.conventionId().equals(conventionId))) {
            errors.add("conventionId", "referral.error.convention");
        }
        if (subject.isEmpty() || subject.length() > SUBJECT_MAX) {
            errors.add("subject", "referral.error.subject", SUBJECT_MAX);
        }
        if (text.isEmpty() || text.length() > TEXT_MAX) {
            errors.add("text", "referral.error.text", TEXT_MAX);
        }
        if (contact.length() > CONTACT_MAX) {
            errors.add("contact", "referral.error.contact", CONTACT_MAX);
        }
        if (!referredBy.equals("member") && !referredBy.equals("resident")) {
            errors.add("referredBy", "referral.error.referredBy");
        }
        if (!"yes".equals(form.get("noThirdParty"))) {
            errors.add("noThirdParty", "referral.error.noThirdParty");
        }
        LocalDate referredOn = null;
        String letterDate = form.getOrDefault("referredOn", "").trim();
        PageModel.Reader reader = PageModel.current();
        if (!letterDate.isEmpty()) {
            // a letter's date is for an organiser recording it; a resident refers today
            if (reader == null || !reader.has("ORGANISER")) {
                errors.add("referredOn", "referral.error.referredOnOrganiser");
            } else {
                try {
                    referredOn = LocalDate.parse(letterDate);
                } catch (DateTimeParseException e) {
                    errors.add("referredOn", "referral.error.referredOn");
                }
            }
        }
        if (errors.any()) {
            return page(form, errors);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", subject);
        body.put("text", text);
        body.put("referredBy", referredBy);
        if (referredOn != null) {
            body.put("referredOn", referredOn);
        }
        if (!contact.isEmpty()) {
            body.put("contact", contact);
        }
        String path = "/api/conventions/{conventionId}/referrals";
        CommandRelay.Answer answer =
                reader == null ? relay.postAsPublic(path, body, conventionId) : relay.post(path, body, conventionId);
        if (!answer.accepted()) {
            ModelAndView page = page(form, errors.refused(answer, FIELDS));
            page.setStatus(HttpStatus.valueOf(answer.status()));
            return page;
        }
        String referralId = answer.body().path("referralId").asText("");
        Relayed.await(() -> referrals.referrals(conventionId).stream()
                .anyMatch(r -> r.referralId().equals(referralId)));
        redirect.addFlashAttribute(
                "sent",
                messages.getMessage("referral.sent", new Object[] {referralId}, LocaleContextHolder.getLocale()));
        return new ModelAndView("redirect:/referrals/new");
    }

    private ModelAndView page(Map<String, String> values, FormErrors errors) {
        ModelAndView page = new ModelAndView("pages/referral-new");
        page.addObject("conventions", directory.conventions());
        PageModel.languageLinks(page, "/referrals/new");
        page.addObject("values", values);
        page.addObject("errors", errors.asMap());
        page.addObject("textMax", TEXT_MAX);
        page.addObject("subjectMax", SUBJECT_MAX);
        page.addObject("contactMax", CONTACT_MAX);
        if (errors.any()) {
            page.setStatus(HttpStatus.BAD_REQUEST);
        }
        return page;
    }
}
