package org.conventionledger.command.votation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.conventionledger.command.deliberation.DeliberationRegister;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.events.votation.BallotItem;
import org.conventionledger.events.votation.BallotRule;
import org.conventionledger.events.votation.Eligibility;
import org.conventionledger.events.votation.VotationClosed;
import org.conventionledger.events.votation.VotationOpened;
import org.conventionledger.events.votation.VotationRules;
import org.conventionledger.events.votation.VotationScheduled;

/**
 * A public votation: its ballot (the finalised actions), its period and rules, its life (scheduled,
 * open, closed). Ballots are not counted here but in their own streams ({@link VoterBallot}, one per
 * voter) and paper counts in their desks' ({@link PaperDesk}), so that a million voters never queue
 * behind one aggregate; they read this votation through the {@link VotationRegister}.
 */
@Aggregate
public class Votation {

    /** The default minimum age: residents aged 16 or more on the closing day vote. */
    public static final int DEFAULT_MINIMUM_AGE = 16;

    private static final int MAX_SEED_LENGTH = 256;

    @AggregateIdentifier
    private String votationId;

    private String conventionId;
    private VotationStatus status;

    protected Votation() {
        // for Axon
    }

    @CommandHandler
    public Votation(ScheduleVotation command, DeliberationRegister register) {
        if (command.title() == null || command.title().isBlank()) {
            throw RuleViolation.unprocessable("title-required", "A votation needs a title.");
        }
        if (command.opensAt() == null
                || command.closesAt() == null
                || !command.closesAt().isAfter(command.opensAt())) {
            throw RuleViolation.unprocessable("invalid-period", "A votation closes after it opens.");
        }
        if (command.actionIds() == null || command.actionIds().isEmpty()) {
            throw RuleViolation.unprocessable("actions-required", "A votation is held over at least one action.");
        }
        if (Set.copyOf(command.actionIds()).size() != command.actionIds().size()) {
            throw RuleViolation.unprocessable("duplicate-action", "Each action appears once on the ballot.");
        }
        List<BallotItem> items = new ArrayList<>();
        for (String actionId : command.actionIds()) {
            var action = register.finalAction(actionId)
                    .filter(a -> a.conventionId().equals(command.conventionId()))
                    .orElseThrow(() -> RuleViolation.unprocessable(
                            "action-not-final",
                            "Action " + actionId + " is not a finalised action of convention " + command.conventionId()
                                    + "."));
            items.add(
                    new BallotItem(actionId, action.number(), action.title(), action.assembly(), action.topicTitle()));
        }
        VotationRules rules = rules(command, items.size());
        apply(new VotationScheduled(
                command.conventionId(),
                command.votationId(),
                command.title(),
                command.opensAt(),
                command.closesAt(),
                items,
                rules));
    }

    /** The requested rules with their defaults filled in, as the log records them. */
    private static VotationRules rules(ScheduleVotation command, int actions) {
        ScheduleVotation.RequestedRules requested =
                command.rules() != null ? command.rules() : ScheduleVotation.RequestedRules.DEFAULTS;
        int minimumAge = requested.minimumAge() != null ? requested.minimumAge() : DEFAULT_MINIMUM_AGE;
        if (minimumAge < 0 || minimumAge > 120) {
            throw RuleViolation.unprocessable(
                    "invalid-eligibility",
                    "A minimum age of " + minimumAge + " is not possible (0 for no age condition).");
        }
        LocalDate ageOn = minimumAge == 0
                ? null
                : requested.ageOn() != null
                        ? requested.ageOn()
                        : LocalDate.ofInstant(command.closesAt(), ZoneOffset.UTC);
        Set<String> nationalities = new TreeSet<>();
        if (requested.nationalities() != null) {
            for (String code : requested.nationalities()) {
                String normalised = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
                if (!normalised.matches("[A-Z]{2,3}")) {
                    throw RuleViolation.unprocessable(
                            "invalid-eligibility",
                            "Nationalities are ISO 3166 country codes; '" + code + "' is not one.");
                }
                nationalities.add(normalised);
            }
        }
        Eligibility eligibility = new Eligibility(
                minimumAge,
                ageOn,
                requested.residenceRequired() == null || requested.residenceRequired(),
                List.copyOf(nationalities));

        BallotRule ballotRule = requested.ballotRule() != null ? requested.ballotRule() : BallotRule.APPROVAL;
        Integer maxChoices = requested.maxChoices();
        if (ballotRule == BallotRule.UP_TO_N) {
            if (maxChoices == null || maxChoices < 1 || maxChoices > actions) {
                throw RuleViolation.unprocessable(
                        "invalid-ballot-rule",
                        "UP_TO_N ballots need maxChoices between 1" + " and the " + actions
                                + " actions on the ballot.");
            }
        } else if (maxChoices != null) {
            throw RuleViolation.unprocessable(
                    "invalid-ballot-rule", "maxChoices belongs to UP_TO_N ballots, not to " + ballotRule + " ones.");
        }
        return new VotationRules(
                eligibility,
                ballotRule,
                maxChoices,
                requested.resultsVisibleWhileOpen() != null && requested.resultsVisibleWhileOpen());
    }

    @CommandHandler
    public void handle(OpenVotation command) {
        if (status != VotationStatus.SCHEDULED) {
            throw RuleViolation.conflict("votation-not-scheduled", "The votation is " + status + ": it cannot open.");
        }
        if (command.displaySeed() == null
                || command.displaySeed().isBlank()
                || command.displaySeed().length() > MAX_SEED_LENGTH) {
            throw RuleViolation.unprocessable(
                    "invalid-display-seed", "The display seed is 1 to " + MAX_SEED_LENGTH + " characters.");
        }
        apply(new VotationOpened(conventionId, votationId, command.openedAt(), command.displaySeed()));
    }

    @CommandHandler
    public void handle(CloseVotation command, VotationRegister register) {
        if (status != VotationStatus.OPEN) {
            throw RuleViolation.conflict("votation-not-open", "The votation is " + status + ": cannot close it.");
        }
        List<String> unconfirmed = register.unconfirmedDesks(votationId);
        if (!unconfirmed.isEmpty()) {
            throw RuleViolation.conflict(
                    "paper-tallies-unconfirmed",
                    "The paper counts of desks " + String.join(", ", unconfirmed)
                            + " are not confirmed by a second organiser yet.");
        }
        apply(new VotationClosed(conventionId, votationId, command.closedAt()));
    }

    @EventSourcingHandler
    void on(VotationScheduled event) {
        votationId = event.votationId();
        conventionId = event.conventionId();
        status = VotationStatus.SCHEDULED;
    }

    @EventSourcingHandler
    void on(VotationOpened event) {
        status = VotationStatus.OPEN;
    }

    @EventSourcingHandler
    void on(VotationClosed event) {
        status = VotationStatus.CLOSED;
    }
}
