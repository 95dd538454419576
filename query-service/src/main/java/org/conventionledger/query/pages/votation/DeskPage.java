package org.conventionledger.query.pages.votation;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conventionledger.events.votation.ActionVotes;
import org.conventionledger.query.pages.Formats;
import org.conventionledger.query.pages.PageModel;
import org.conventionledger.query.pages.relay.CommandRelay;
import org.conventionledger.query.pages.relay.FormErrors;
import org.conventionledger.query.pages.relay.Relayed;
import org.conventionledger.query.votation.RankingController;
import org.conventionledger.query.votation.RankingController.RankingView;
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
 * {@code /votations/{votationId}/desks}: the paper desks' double entry. An organiser enters a desk's
 * count, another organiser confirms it by entering it again; figures that differ are shown side by side
 * and corrected with a reason, then confirmed by someone else. Every write goes to the command-service
 * as the signed-in organiser ({@link CommandRelay}), whose rules decide; a form that does not pass the
 * page's own checks (a count that is not a whole number, no desk) is sent nowhere.
 */
// pages, not API operations: kept out of the OpenAPI document (and of RoleRulesTest's API rules)
@Hidden
@Controller
public class DeskPage {

    /** The command-service's refusals that concern one field of the desk forms. */
    private static final Map<String, String> FIELDS = Map.of(
            "desk-already-tallied",
            "deskId",
            "desk-has-paper-ballots",
            "deskId",
            "desk-required",
            "deskId",
            "not-on-ballot",
            "votes",
            "duplicate-action",
            "votes",
            "negative-votes",
            "votes",
            "votes-required",
            "votes",
            "reason-required",
            "reason");

    private final RankingController rankings;
    private final DeskTallies desks;
    private final CommandRelay relay;
    private final MessageSource messages;

    public DeskPage(RankingController rankings, DeskTallies desks, CommandRelay relay, MessageSource messages) {
        this.rankings = rankings;
        this.desks = desks;
        this.relay = relay;
        this.messages = messages;
    }

    @GetMapping("/votations/{votationId}/desks")
    public ModelAndView desks(@PathVariable String votationId) {
        return page(votationId, null, Map.of(), new FormErrors(messages));
    }

    /** The first entry of a desk's count. */
    @PostMapping("/votations/{votationId}/desks")
    public ModelAndView enter(
            @PathVariable String votationId, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        RankingView ballot = rankings.ranking(votationId, null);
        FormErrors errors = new FormErrors(messages);
        String deskId = form.getOrDefault("deskId", "").trim();
        String deskName = form.getOrDefault("deskName", "").trim();
        if (!CommandRelay.isId(deskId) || deskId.length() > 64) {
            errors.add("deskId", "desks.error.deskId");
        }
        if (deskName.isEmpty()) {
            errors.add("deskName", "desks.error.deskName");
        }
        Instant countedAt = countedAt(form.get("countedAt"), errors);
        List<ActionVotes> votes = votes(ballot, form, errors);
        if (errors.any()) {
            return page(votationId, "enter", form, errors);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deskId", deskId);
        body.put("deskName", deskName);
        body.put("countedAt", countedAt);
        body.put("votes", votes);
        CommandRelay.Answer answer = relay.post("/api/votations/{votationId}/paper-tallies", body, votationId);
        return after(votationId, "enter", form, answer, errors, redirect, "desks.done.entered", deskId);
    }

    /** The second entry, by another organiser: the same figures confirm the count, others are a mismatch. */
    @PostMapping("/votations/{votationId}/desks/{deskId}/confirmation")
    public ModelAndView confirm(
            @PathVariable String votationId,
            @PathVariable String deskId,
            @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        RankingView ballot = rankings.ranking(votationId, null);
        String formId = "confirm-" + deskId;
        FormErrors errors = new FormErrors(messages);
        requireDesk(deskId);
        List<ActionVotes> votes = votes(ballot, form, errors);
        if (errors.any()) {
            return page(votationId, formId, form, errors);
        }
        CommandRelay.Answer answer = relay.post(
                "/api/votations/{votationId}/paper-tallies/{deskId}/confirmation",
                Map.of("votes", votes),
                votationId,
                deskId);
        if (answer.status() == HttpStatus.CONFLICT.value() && "paper-tally-mismatch".equals(answer.code())) {
            // recorded: the two entries are shown side by side once the trail holds the second
            awaitEntry(votationId, answer.body().path("entryId").asText(""));
            redirect.addFlashAttribute(
                    "done",
                    messages.getMessage("desks.done.mismatch", new Object[] {deskId}, LocaleContextHolder.getLocale()));
            redirect.addFlashAttribute("doneKind", "warning");
            return new ModelAndView("redirect:/votations/" + votationId + "/desks#desk-" + deskId);
        }
        return after(votationId, formId, form, answer, errors, redirect, "desks.done.confirmed", deskId);
    }

    /** Corrected figures for a pending or mismatched count, with the reason; they wait for a confirmation. */
    @PostMapping("/votations/{votationId}/desks/{deskId}/corrections")
    public ModelAndView correct(
            @PathVariable String votationId,
            @PathVariable String deskId,
            @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        RankingView ballot = rankings.ranking(votationId, null);
        String formId = "correct-" + deskId;
        FormErrors errors = new FormErrors(messages);
        requireDesk(deskId);
        List<ActionVotes> votes = votes(ballot, form, errors);
        String reason = form.getOrDefault("reason", "").trim();
        if (reason.isEmpty()) {
            errors.add("reason", "desks.error.reason");
        } else if (reason.length() > 2000) {
            errors.add("reason", "desks.error.reasonLength");
        }
        if (errors.any()) {
            return page(votationId, formId, form, errors);
        }
        CommandRelay.Answer answer = relay.post(
                "/api/votations/{votationId}/paper-tallies/{deskId}/corrections",
                Map.of("votes", votes, "reason", reason),
                votationId,
                deskId);
        return after(votationId, formId, form, answer, errors, redirect, "desks.done.corrected", deskId);
    }

    private ModelAndView after(
            String votationId,
            String formId,
            Map<String, String> form,
            CommandRelay.Answer answer,
            FormErrors errors,
            RedirectAttributes redirect,
            String doneKey,
            String deskId) {
        if (!answer.accepted()) {
            ModelAndView page = page(votationId, formId, form, errors.refused(answer, FIELDS));
            page.setStatus(HttpStatus.valueOf(answer.status()));
            return page;
        }
        awaitEntry(votationId, answer.body().path("entryId").asText(""));
        redirect.addFlashAttribute(
                "done", messages.getMessage(doneKey, new Object[] {deskId}, LocaleContextHolder.getLocale()));
        return new ModelAndView("redirect:/votations/" + votationId + "/desks#desk-" + deskId);
    }

    private ModelAndView page(String votationId, String formId, Map<String, String> form, FormErrors errors) {
        RankingView ballot = rankings.ranking(votationId, null);
        List<RankingController.Entry> actions = new ArrayList<>(ballot.entries());
        actions.sort((a, b) -> Integer.compare(a.actionNumber(), b.actionNumber()));
        ModelAndView page = new ModelAndView("pages/desks");
        page.addObject("votation", ballot);
        PageModel.languageLinks(page, "/votations/" + votationId + "/desks");
        page.addObject("actions", actions);
        page.addObject("desks", desks.desks(votationId));
        page.addObject("open", "OPEN".equals(ballot.status()));
        page.addObject("formId", formId);
        page.addObject("values", form);
        page.addObject("errors", errors.asMap());
        if (errors.any()) {
            page.setStatus(HttpStatus.BAD_REQUEST);
        }
        return page;
    }

    /** Until the desks' view holds the entry the command-service just recorded (or briefly, at most). */
    private void awaitEntry(String votationId, String entryId) {
        Relayed.await(() -> desks.desks(votationId).stream()
                .flatMap(d -> d.history().stream())
                .anyMatch(e -> e.entryId().equals(entryId)));
    }

    /** A desk id from the address: one the pages could have written, or the 404 page. */
    private static void requireDesk(String deskId) {
        if (!CommandRelay.isId(deskId)) {
            throw new ErrorResponseException(HttpStatus.NOT_FOUND);
        }
    }

    /** Every action of the ballot needs a whole number, 0 or more (field {@code a<number>}). */
    private static List<ActionVotes> votes(RankingView ballot, Map<String, String> form, FormErrors errors) {
        List<ActionVotes> votes = new ArrayList<>();
        ballot.entries().stream()
                .map(RankingController.Entry::actionNumber)
                .sorted()
                .forEach(n -> {
                    String typed = form.getOrDefault("a" + n, "").trim();
                    try {
                        int count = Integer.parseInt(typed);
                        if (count < 0) {
                            throw new NumberFormatException("negative");
                        }
                        votes.add(new ActionVotes(n, count));
                    } catch (NumberFormatException e) {
                        errors.add("a" + n, "desks.error.count", n);
                    }
                });
        return votes;
    }

    /** A date and time as the browser's field sends it, in the city's zone. */
    private static Instant countedAt(String typed, FormErrors errors) {
        try {
            return LocalDateTime.parse(typed == null ? "" : typed.trim())
                    .atZone(Formats.CITY)
                    .toInstant();
        } catch (DateTimeParseException e) {
            errors.add("countedAt", "desks.error.countedAt");
            return null;
        }
    }
}
