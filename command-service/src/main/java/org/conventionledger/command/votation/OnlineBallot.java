package org.conventionledger.command.votation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.events.votation.OnlineBallotCast;

/**
 * One voter's online ballot in one votation: its own stream, keyed by the voter's pseudonym. "One
 * ballot per voter" is the event store's own uniqueness of (stream, sequence): a second ballot finds
 * the stream taken, and two racing ones cannot both append sequence 0. No aggregate or lock sees
 * every ballot.
 */
@Aggregate
public class OnlineBallot {

    @AggregateIdentifier
    private String ballotId;

    protected OnlineBallot() {
        // for Axon: also the blank ballot that CREATE_IF_MISSING hands to the handler
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CastOnlineBallot command, VotationRegister register) {
        if (ballotId != null) {
            throw RuleViolation.conflict("already-voted", "This voter has already voted in this votation.");
        }
        var votation = register.votation(command.votationId())
                .orElseThrow(() -> RuleViolation.notFound("unknown-votation",
                        "No votation " + command.votationId() + " is scheduled."));
        if (votation.status() != VotationStatus.OPEN) {
            throw RuleViolation.conflict("votation-not-open",
                    "The votation is " + votation.status() + ": no ballot is accepted.");
        }
        List<Integer> choices = command.choices();
        if (choices == null || choices.isEmpty()) {
            throw RuleViolation.unprocessable("choices-required", "A ballot chooses at least one action.");
        }
        Set<Integer> distinct = new HashSet<>();
        for (Integer choice : choices) {
            if (choice == null || !votation.actionNumbers().contains(choice)) {
                throw RuleViolation.unprocessable("not-on-ballot", "Action " + choice + " is not on the ballot.");
            }
            if (!distinct.add(choice)) {
                throw RuleViolation.unprocessable("duplicate-choice", "Action " + choice + " is chosen twice.");
            }
        }
        apply(new OnlineBallotCast(votation.conventionId(), command.votationId(), command.ballotId(),
                command.voterPseudonym(), List.copyOf(choices)));
    }

    @EventSourcingHandler
    void on(OnlineBallotCast event) {
        ballotId = event.ballotId();
    }
}
