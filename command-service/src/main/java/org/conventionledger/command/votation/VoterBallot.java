package org.conventionledger.command.votation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.List;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.events.votation.OnlineBallotCast;
import org.conventionledger.events.votation.PaperBallotRecorded;
import org.conventionledger.events.votation.PaperVoterCheckedOff;

/**
 * One voter's participation in one votation, whatever the channel: its own stream, keyed by the
 * voter's pseudonym, holding exactly one of {@link OnlineBallotCast}, {@link PaperVoterCheckedOff} or
 * {@link PaperBallotRecorded}. "One ballot per voter" is the event store's own uniqueness of (stream,
 * sequence): a second ballot — online, or checked off at a desk — finds the stream taken, and two racing
 * ones cannot both append sequence 0. No aggregate or lock sees every ballot.
 *
 * <p>Rules, all checked before anything is applied: the votation is open (its register entry); an
 * online ballot is recorded within [{@code opensAt}, {@code closesAt}) by the clock that stamps its
 * event (paper is keyed in after the fact, so it needs the votation open only); the voter's attested
 * facts meet the votation's eligibility ({@link VoterEligibility}, facts never logged); the choices
 * are distinct actions of the ballot within the ballot rule ({@link BallotChoices}).
 *
 * <p>Its stored aggregate type stays {@code OnlineBallot}, the class's first name: the log's ballot events
 * name it, and a stream's later events must carry the same type as its first.
 */
@Aggregate(type = "OnlineBallot")
public class VoterBallot {

    @AggregateIdentifier
    private String ballotId;
    private String channel;

    protected VoterBallot() {
        // for Axon: also the blank ballot that CREATE_IF_MISSING hands to the handler
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CastOnlineBallot command, VotationRegister register) {
        requireFirstBallot();
        VotationRegister.Entry votation = openVotation(command.votationId(), register);
        // the instant the event is about to be stamped with: the recording instant the period applies to
        Instant now = GenericEventMessage.clock.instant();
        if (votation.opensAt() != null && now.isBefore(votation.opensAt())) {
            throw RuleViolation.conflict("votation-not-open", "Online ballots are accepted from "
                    + votation.opensAt() + ".");
        }
        if (votation.closesAt() != null && !now.isBefore(votation.closesAt())) {
            throw RuleViolation.conflict("votation-closed", "Online ballots were accepted until "
                    + votation.closesAt() + ".");
        }
        VoterEligibility.check(votation.rulesInForce().eligibility(), command.facts());
        BallotChoices.check(votation.rules(), votation.actionNumbers(), command.choices());
        apply(new OnlineBallotCast(votation.conventionId(), command.votationId(), command.ballotId(),
                command.voterPseudonym(), List.copyOf(command.choices())));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CheckOffPaperVoter command, VotationRegister register) {
        requireFirstBallot();
        if (command.deskId() == null || command.deskId().isBlank()) {
            throw RuleViolation.unprocessable("desk-required", "Name the collection desk.");
        }
        VotationRegister.Entry votation = openVotation(command.votationId(), register);
        VoterEligibility.check(votation.rulesInForce().eligibility(), command.facts());
        if (command.choices() == null) {
            apply(new PaperVoterCheckedOff(votation.conventionId(), command.votationId(), command.ballotId(),
                    command.voterPseudonym(), command.deskId()));
            return;
        }
        BallotChoices.check(votation.rules(), votation.actionNumbers(), command.choices());
        if (register.deskState(command.votationId(), command.deskId()).isPresent()) {
            throw RuleViolation.conflict("desk-tallied", "Desk " + command.deskId() + " reports a tally: its paper"
                    + " ballots are counted there, not one by one (check the voter off without choices).");
        }
        apply(new PaperBallotRecorded(votation.conventionId(), command.votationId(), command.ballotId(),
                command.deskId(), command.voterPseudonym(), List.copyOf(command.choices())));
    }

    private void requireFirstBallot() {
        if (ballotId != null) {
            throw RuleViolation.conflict("already-voted", "This voter has already voted in this votation ("
                    + channel + ").");
        }
    }

    private static VotationRegister.Entry openVotation(String votationId, VotationRegister register) {
        VotationRegister.Entry votation = register.votation(votationId)
                .orElseThrow(() -> RuleViolation.notFound("unknown-votation",
                        "No votation " + votationId + " is scheduled."));
        if (votation.status() != VotationStatus.OPEN) {
            throw RuleViolation.conflict("votation-not-open",
                    "The votation is " + votation.status() + ": no ballot is accepted.");
        }
        return votation;
    }

    @EventSourcingHandler
    void on(OnlineBallotCast event) {
        ballotId = event.ballotId();
        channel = "online";
    }

    @EventSourcingHandler
    void on(PaperVoterCheckedOff event) {
        ballotId = event.ballotId();
        channel = "on paper at desk " + event.deskId();
    }

    @EventSourcingHandler
    void on(PaperBallotRecorded event) {
        ballotId = event.ballotId();
        channel = "on paper at desk " + event.deskId();
    }
}
