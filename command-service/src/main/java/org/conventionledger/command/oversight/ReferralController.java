package org.conventionledger.command.oversight;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandExecutionException;
import org.conventionledger.command.platform.Actor;
import org.conventionledger.command.platform.Commands;
import org.conventionledger.command.platform.Limits;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.events.oversight.OpinionOccasion;
import org.conventionledger.events.privacy.SealedPersonalData;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Referrals to the garants (by anyone, with or without an account — without one, the actor is
 * {@link Actor#PUBLIC} and {@link AnonymousReferralLimit} bounds how often — or recorded by an organiser from a
 * letter), the
 * garants' acknowledgement, investigation and answer, and the garants' published opinions.
 */
@RestController
public class ReferralController {

    private final Commands commands;
    private final ReferralContacts contacts;
    private final AnonymousReferralLimit anonymousLimit;

    public ReferralController(Commands commands, ReferralContacts contacts, AnonymousReferralLimit anonymousLimit) {
        this.commands = commands;
        this.contacts = contacts;
        this.anonymousLimit = anonymousLimit;
    }

    /**
     * {@code referredOn} is optional (a letter's date, for a signed-in caller); it defaults to today.
     * {@code contact} is optional: where the referrer wants the answer, sealed before it is recorded; its key
     * is removed from the vault again when the referral is refused.
     */
    public record ReferralRequest(
            @NotBlank @Size(max = Referral.SUBJECT_MAX) String subject,
            @NotBlank @Size(max = Referral.TEXT_MAX) String text,
            @Size(max = Limits.ENTRIES) List<@NotBlank @Size(max = Referral.REFERENCE_MAX) String> attachments,
            @NotNull @Pattern(regexp = "member|resident") String referredBy,
            LocalDate referredOn,
            @Size(max = CONTACT_MAX) String contact) {}

    static final int CONTACT_MAX = 200;

    public record AcknowledgementRequest(@NotNull LocalDate on) {}

    public record InvestigationRequest(
            @NotBlank String note, @NotNull LocalDate on) {}

    public record AnswerRequest(
            @NotBlank String answer, @NotNull LocalDate on) {}

    public record GarantOpinionRequest(
            @NotNull OpinionOccasion occasion,
            @Min(1) Integer session,
            @NotBlank String text,
            @NotNull LocalDate publishedOn) {}

    @PostMapping("/api/conventions/{conventionId}/referrals")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> refer(
            @PathVariable String conventionId, @Valid @RequestBody ReferralRequest request, HttpServletRequest http) {
        if (Actor.anonymous()) {
            // the public refers today; only a signed-in organiser records the date of a letter
            if (request.referredOn() != null) {
                throw RuleViolation.unprocessable(
                        "referred-on-not-allowed", "referredOn: a referral sent without an account is dated today.");
            }
            Optional<Duration> wait = anonymousLimit.admit(http);
            if (wait.isPresent()) {
                throw RuleViolation.tooMany(
                        "too-many-referrals",
                        "Too many referrals were sent from this address without an account.",
                        wait.get());
            }
        }
        String contact = request.contact() == null ? "" : request.contact().strip();
        String referralId = Commands.newId();
        SealedPersonalData sealed = contact.isEmpty() ? null : contacts.seal(contact);
        try {
            commands.send(new ReferMatter(
                    conventionId,
                    referralId,
                    request.subject(),
                    request.text(),
                    request.attachments() == null ? List.of() : request.attachments(),
                    request.referredBy(),
                    request.referredOn() == null ? LocalDate.now() : request.referredOn(),
                    sealed));
        } catch (RuleViolation | CommandExecutionException e) {
            // a refused referral wrote nothing: its contact's key goes too, leaving no orphan in the vault
            if (sealed != null && RuleViolation.refused(e)) {
                contacts.discard(sealed);
            }
            throw e;
        }
        return Map.of("referralId", referralId);
    }

    /** The contact a referrer left, for the garants: the read is logged before it is returned. */
    @GetMapping("/api/referrals/{referralId}/contact")
    public Map<String, String> contact(@PathVariable String referralId) {
        return Map.of("referralId", referralId, "contact", contacts.open(referralId));
    }

    @PostMapping("/api/referrals/{referralId}/acknowledgement")
    public Map<String, String> acknowledge(
            @PathVariable String referralId, @Valid @RequestBody AcknowledgementRequest request) {
        commands.send(new AcknowledgeReferral(referralId, request.on()));
        return Map.of("referralId", referralId, "status", "ACKNOWLEDGED");
    }

    @PostMapping("/api/referrals/{referralId}/investigations")
    public Map<String, String> investigate(
            @PathVariable String referralId, @Valid @RequestBody InvestigationRequest request) {
        commands.send(new InvestigateReferral(referralId, request.note(), request.on()));
        return Map.of("referralId", referralId, "status", "INVESTIGATING");
    }

    @PostMapping("/api/referrals/{referralId}/answer")
    public Map<String, String> answer(@PathVariable String referralId, @Valid @RequestBody AnswerRequest request) {
        commands.send(new AnswerReferral(referralId, request.answer(), request.on()));
        return Map.of("referralId", referralId, "status", "ANSWERED");
    }

    @PostMapping("/api/conventions/{conventionId}/garant-opinions")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> publishOpinion(
            @PathVariable String conventionId, @Valid @RequestBody GarantOpinionRequest request) {
        String opinionId = Commands.newId();
        commands.send(new PublishGarantOpinion(
                conventionId, opinionId, request.occasion(), request.session(), request.text(), request.publishedOn()));
        return Map.of("opinionId", opinionId);
    }
}
