package org.conventionledger.command.votation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.events.votation.OnlineBallotCast;
import org.conventionledger.events.votation.PaperBallotRecorded;
import org.conventionledger.events.votation.PaperVoterCheckedOff;

/**
 * The rules a voter's ballot meets before anything is written, whichever path records it: the voter's
 * ballot stream aggregate on the command bus or the group-commit intake ({@link BallotIntake}).
 * Each method returns the ballot's event or throws the {@link RuleViolation} that refuses it. "One ballot
 * per voter" is not here: it is the event store's uniqueness of the voter's stream.
 */
final class BallotRules {

    private BallotRules() {}

    /**
     * The votation is open and {@code now}, the instant the event is stamped with, lies in
     * [{@code opensAt}, {@code closesAt}); the voter's facts meet the eligibility; the choices meet the
     * ballot rule.
     */
    static OnlineBallotCast online(CastOnlineBallot command, Optional<VotationRegister.Entry> registered, Instant now) {
        VotationRegister.Entry votation = openVotation(command.votationId(), registered);
        if (votation.opensAt() != null && now.isBefore(votation.opensAt())) {
            throw RuleViolation.conflict(
                    "votation-not-open", "Online ballots are accepted from " + votation.opensAt() + ".");
        }
        if (votation.closesAt() != null && !now.isBefore(votation.closesAt())) {
            throw RuleViolation.conflict(
                    "votation-closed", "Online ballots were accepted until " + votation.closesAt() + ".");
        }
        VoterEligibility.check(votation.rulesInForce().eligibility(), command.facts());
        BallotChoices.check(votation.rules(), votation.actionNumbers(), command.choices());
        return new OnlineBallotCast(
                votation.conventionId(),
                command.votationId(),
                command.ballotId(),
                command.voterPseudonym(),
                List.copyOf(command.choices()));
    }

    /**
     * A desk's check-off ({@link PaperVoterCheckedOff}) or paper ballot ({@link PaperBallotRecorded}):
     * the votation is open (paper is keyed in after the fact, so its period does not apply), the facts
     * meet the eligibility, a paper ballot's choices meet the ballot rule and its desk reports no tally.
     *
     * @param deskTallied whether a desk (votation, desk) has a tally entered
     */
    static Object paper(
            CheckOffPaperVoter command,
            Optional<VotationRegister.Entry> registered,
            BiPredicate<String, String> deskTallied) {
        if (command.deskId() == null || command.deskId().isBlank()) {
            throw RuleViolation.unprocessable("desk-required", "Name the collection desk.");
        }
        VotationRegister.Entry votation = openVotation(command.votationId(), registered);
        VoterEligibility.check(votation.rulesInForce().eligibility(), command.facts());
        if (command.choices() == null) {
            return new PaperVoterCheckedOff(
                    votation.conventionId(),
                    command.votationId(),
                    command.ballotId(),
                    command.voterPseudonym(),
                    command.deskId());
        }
        BallotChoices.check(votation.rules(), votation.actionNumbers(), command.choices());
        if (deskTallied.test(command.votationId(), command.deskId())) {
            throw RuleViolation.conflict(
                    "desk-tallied",
                    "Desk " + command.deskId() + " reports a tally: its paper"
                            + " ballots are counted there, not one by one (check the voter off without choices).");
        }
        return new PaperBallotRecorded(
                votation.conventionId(),
                command.votationId(),
                command.ballotId(),
                command.deskId(),
                command.voterPseudonym(),
                List.copyOf(command.choices()));
    }

    /** The refusal of a voter whose stream already holds their ballot. */
    static RuleViolation alreadyVoted(String how) {
        return RuleViolation.conflict(
                "already-voted",
                "This voter has already voted in this votation" + (how == null ? "." : " (" + how + ")."));
    }

    private static VotationRegister.Entry openVotation(String votationId, Optional<VotationRegister.Entry> registered) {
        VotationRegister.Entry votation = registered.orElseThrow(
                () -> RuleViolation.notFound("unknown-votation", "No votation " + votationId + " is scheduled."));
        if (votation.status() != VotationStatus.OPEN) {
            throw RuleViolation.conflict(
                    "votation-not-open", "The votation is " + votation.status() + ": no ballot is accepted.");
        }
        return votation;
    }
}
