package org.conventionledger.command.oversight;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.conventionledger.command.platform.RuleViolation.requireDate;
import static org.conventionledger.command.platform.RuleViolation.requireText;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.conventionledger.command.organisation.ConventionRegister;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.events.oversight.MatterReferred;
import org.conventionledger.events.oversight.ReferralAcknowledged;
import org.conventionledger.events.oversight.ReferralAnswered;
import org.conventionledger.events.oversight.ReferralInvestigated;

/**
 * A matter referred to the garants (saisine) by a member or a resident: received, acknowledged once,
 * investigated as often as needed, answered once. Nothing happens to it before the acknowledgement,
 * and nothing after the answer. No date of its life precedes the referral.
 */
@Aggregate
public class Referral {

    /** The capacities in which a matter can be referred: never a name. */
    public static final Set<String> CAPACITIES = Set.of("member", "resident");
    /** Bounds on what anyone, signed in or not, can make the log hold in one referral. */
    public static final int SUBJECT_MAX = 200;

    public static final int TEXT_MAX = 10_000;
    public static final int REFERENCE_MAX = 200;

    @AggregateIdentifier
    private String referralId;

    private String conventionId;
    private LocalDate referredOn;
    private boolean acknowledged;
    private boolean answered;

    protected Referral() {
        // for Axon
    }

    @CommandHandler
    public Referral(ReferMatter command, ConventionRegister register) {
        requireText(command.subject(), "subject-required", "A referral needs a subject.");
        requireText(command.text(), "text-required", "A referral needs a text: the matter referred.");
        requireAtMost(command.subject(), SUBJECT_MAX, "subject");
        requireAtMost(command.text(), TEXT_MAX, "text");
        if (command.referredBy() == null || !CAPACITIES.contains(command.referredBy())) {
            throw RuleViolation.unprocessable(
                    "invalid-referred-by",
                    "referredBy is the capacity of whoever refers the matter: \"member\" or \"resident\".");
        }
        requireDate(command.referredOn(), "referredOn");
        if (command.attachments() != null
                && command.attachments().stream()
                        .anyMatch(a -> a == null || a.isBlank() || a.length() > REFERENCE_MAX)) {
            throw RuleViolation.unprocessable(
                    "invalid-attachment",
                    "An attachment is a non-blank reference of at most " + REFERENCE_MAX + " characters.");
        }
        if (!register.conventionExists(command.conventionId())) {
            throw RuleViolation.notFound("unknown-convention", "No convention " + command.conventionId() + " exists.");
        }
        apply(new MatterReferred(
                command.conventionId(),
                command.referralId(),
                command.subject(),
                command.text(),
                command.attachments() == null ? List.of() : List.copyOf(command.attachments()),
                command.referredBy(),
                command.referredOn(),
                command.contact()));
    }

    @CommandHandler
    public void handle(AcknowledgeReferral command) {
        if (acknowledged) {
            throw RuleViolation.conflict(
                    "already-acknowledged", "Referral " + referralId + " was already acknowledged.");
        }
        checkDate(command.acknowledgedOn(), "acknowledgedOn");
        apply(new ReferralAcknowledged(conventionId, referralId, command.acknowledgedOn()));
    }

    @CommandHandler
    public void handle(InvestigateReferral command) {
        requireAcknowledged();
        requireNotAnswered();
        requireText(command.note(), "note-required", "An investigation step needs a note.");
        checkDate(command.investigatedOn(), "investigatedOn");
        apply(new ReferralInvestigated(conventionId, referralId, command.note(), command.investigatedOn()));
    }

    @CommandHandler
    public void handle(AnswerReferral command) {
        requireAcknowledged();
        requireNotAnswered();
        requireText(command.answer(), "answer-required", "An answer needs a text.");
        checkDate(command.answeredOn(), "answeredOn");
        apply(new ReferralAnswered(conventionId, referralId, command.answer(), command.answeredOn()));
    }

    @EventSourcingHandler
    void on(MatterReferred event) {
        referralId = event.referralId();
        conventionId = event.conventionId();
        referredOn = event.referredOn();
    }

    @EventSourcingHandler
    void on(ReferralAcknowledged event) {
        acknowledged = true;
    }

    @EventSourcingHandler
    void on(ReferralAnswered event) {
        answered = true;
    }

    private static void requireAtMost(String value, int max, String field) {
        if (value.length() > max) {
            throw RuleViolation.unprocessable(
                    field + "-too-long", "A referral's " + field + " has at most " + max + " characters.");
        }
    }

    private void requireAcknowledged() {
        if (!acknowledged) {
            throw RuleViolation.conflict(
                    "not-acknowledged", "Referral " + referralId + " has not been acknowledged yet.");
        }
    }

    private void requireNotAnswered() {
        if (answered) {
            throw RuleViolation.conflict("already-answered", "Referral " + referralId + " was already answered.");
        }
    }

    private void checkDate(LocalDate date, String field) {
        requireDate(date, field);
        if (referredOn != null && date.isBefore(referredOn)) {
            throw RuleViolation.unprocessable(
                    "date-before-referral", field + " (" + date + ") precedes the referral (" + referredOn + ").");
        }
    }
}
