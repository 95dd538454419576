package org.conventionledger.command.votation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.conventionledger.command.deliberation.DeliberationRegister;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.events.votation.ActionVotes;
import org.conventionledger.events.votation.BallotItem;
import org.conventionledger.events.votation.PaperTallyRecorded;
import org.conventionledger.events.votation.VotationClosed;
import org.conventionledger.events.votation.VotationOpened;
import org.conventionledger.events.votation.VotationScheduled;

/**
 * A public votation: its ballot (the finalised actions), its life (scheduled, open, closed) and the
 * paper tallies of its collection desks. Online ballots are not counted here but in their own streams
 * ({@link OnlineBallot}), so that a million voters never queue behind one aggregate.
 */
@Aggregate
public class Votation {

    @AggregateIdentifier
    private String votationId;
    private String conventionId;
    private VotationStatus status;
    private final Set<Integer> actionNumbers = new HashSet<>();
    private final Set<String> talliedDesks = new HashSet<>();

    protected Votation() {
        // for Axon
    }

    @CommandHandler
    public Votation(ScheduleVotation command, DeliberationRegister register) {
        if (command.title() == null || command.title().isBlank()) {
            throw RuleViolation.unprocessable("title-required", "A votation needs a title.");
        }
        if (command.opensAt() == null || command.closesAt() == null || !command.closesAt().isAfter(command.opensAt())) {
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
                    .orElseThrow(() -> RuleViolation.unprocessable("action-not-final", "Action " + actionId
                            + " is not a finalised action of convention " + command.conventionId() + "."));
            items.add(new BallotItem(actionId, action.number(), action.title(), action.assembly(), action.topicTitle()));
        }
        apply(new VotationScheduled(command.conventionId(), command.votationId(), command.title(),
                command.opensAt(), command.closesAt(), items));
    }

    @CommandHandler
    public void handle(OpenVotation command) {
        if (status != VotationStatus.SCHEDULED) {
            throw RuleViolation.conflict("votation-not-scheduled", "The votation is " + status + ": it cannot open.");
        }
        apply(new VotationOpened(conventionId, votationId, command.openedAt()));
    }

    @CommandHandler
    public void handle(RecordPaperTally command) {
        requireOpen("record a paper tally");
        if (command.deskId() == null || command.deskId().isBlank()) {
            throw RuleViolation.unprocessable("desk-required", "Name the collection desk.");
        }
        if (talliedDesks.contains(command.deskId())) {
            throw RuleViolation.conflict("desk-already-tallied", "Desk " + command.deskId() + " was already tallied.");
        }
        if (command.votes() == null || command.votes().isEmpty()) {
            throw RuleViolation.unprocessable("votes-required", "A tally gives the votes of at least one action.");
        }
        Set<Integer> seen = new HashSet<>();
        for (ActionVotes votes : command.votes()) {
            if (!actionNumbers.contains(votes.actionNumber())) {
                throw RuleViolation.unprocessable("not-on-ballot",
                        "Action " + votes.actionNumber() + " is not on this votation's ballot.");
            }
            if (!seen.add(votes.actionNumber())) {
                throw RuleViolation.unprocessable("duplicate-action", "Action " + votes.actionNumber()
                        + " appears twice in the tally.");
            }
            if (votes.votes() < 0) {
                throw RuleViolation.unprocessable("negative-votes", "Action " + votes.actionNumber()
                        + " has a negative count.");
            }
        }
        apply(new PaperTallyRecorded(conventionId, votationId, command.deskId(), command.deskName(),
                command.countedAt(), List.copyOf(command.votes())));
    }

    @CommandHandler
    public void handle(CloseVotation command) {
        requireOpen("close it");
        apply(new VotationClosed(conventionId, votationId, command.closedAt()));
    }

    @EventSourcingHandler
    void on(VotationScheduled event) {
        votationId = event.votationId();
        conventionId = event.conventionId();
        status = VotationStatus.SCHEDULED;
        event.items().forEach(item -> actionNumbers.add(item.actionNumber()));
    }

    @EventSourcingHandler
    void on(VotationOpened event) {
        status = VotationStatus.OPEN;
    }

    @EventSourcingHandler
    void on(PaperTallyRecorded event) {
        talliedDesks.add(event.deskId());
    }

    @EventSourcingHandler
    void on(VotationClosed event) {
        status = VotationStatus.CLOSED;
    }

    private void requireOpen(String attempt) {
        if (status != VotationStatus.OPEN) {
            throw RuleViolation.conflict("votation-not-open", "The votation is " + status + ": cannot " + attempt + ".");
        }
    }
}
