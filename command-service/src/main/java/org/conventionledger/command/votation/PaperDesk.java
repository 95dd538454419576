package org.conventionledger.command.votation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.events.votation.ActionVotes;
import org.conventionledger.events.votation.PaperTallyConfirmed;
import org.conventionledger.events.votation.PaperTallyCorrected;
import org.conventionledger.events.votation.PaperTallyEntered;
import org.conventionledger.events.votation.PaperTallyMismatched;
import org.conventionledger.events.votation.PaperTallyRecorded;

/**
 * One collection desk's paper count in one votation, entered twice by two different organisers (double
 * entry); its own stream, so desks never wait on each other nor on the votation. See
 * {@link PaperDeskState} for the state machine: a first entry waits for a confirmation by another
 * organiser; the same figures make it final ({@link PaperTallyConfirmed} then {@link PaperTallyRecorded},
 * the count that counts), other figures record a {@link PaperTallyMismatched} that blocks the desk until
 * an organiser enters corrected figures ({@link PaperTallyCorrected}), which need a confirmation in turn.
 * Every entry stays in the log; none is overwritten. The organisers are the authenticated callers, passed
 * in the commands.
 */
@Aggregate
public class PaperDesk {

    @AggregateIdentifier
    private String deskStreamId;

    private String conventionId;
    private String deskName;
    private PaperDeskState state;
    private String pendingEntryId;
    private String pendingBy;
    private Instant pendingCountedAt;
    private List<ActionVotes> pendingVotes;

    protected PaperDesk() {
        // for Axon: also the blank desk that CREATE_IF_MISSING hands to the handlers
    }

    /** The stream of one desk in one votation. */
    public static String streamId(String votationId, String deskId) {
        return "paper-desk-" + votationId + "-" + deskId;
    }

    /** What a confirmation came to. */
    public record Outcome(PaperDeskState state, List<Integer> differingActions) {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Outcome handle(EnterPaperTally command, VotationRegister register) {
        requireDesk(command.deskId());
        VotationRegister.Entry votation = openVotation(command.votationId(), register);
        if (state != null
                || register.deskState(command.votationId(), command.deskId()).isPresent()) {
            throw RuleViolation.conflict(
                    "desk-already-tallied",
                    "Desk " + command.deskId() + " was already tallied" + " (correct a pending count, or confirm it).");
        }
        if (register.deskHasPaperBallots(command.votationId(), command.deskId())) {
            throw RuleViolation.conflict(
                    "desk-has-paper-ballots",
                    "Desk " + command.deskId() + " records its paper ballots one by one: it has no tally.");
        }
        requireOrganiser(command.enteredBy());
        List<ActionVotes> votes = checkedVotes(command.votes(), votation);
        apply(new PaperTallyEntered(
                votation.conventionId(),
                command.votationId(),
                command.deskId(),
                command.deskName(),
                command.entryId(),
                command.enteredBy(),
                command.countedAt(),
                votes));
        return new Outcome(PaperDeskState.ENTERED, List.of());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Outcome handle(ConfirmPaperTally command, VotationRegister register) {
        requireDesk(command.deskId());
        requireTallied(command.deskId());
        VotationRegister.Entry votation = openVotation(command.votationId(), register);
        requireNotConfirmed(command.deskId());
        if (state == PaperDeskState.MISMATCHED) {
            throw RuleViolation.conflict(
                    "paper-tally-blocked",
                    "Desk " + command.deskId() + "'s two entries"
                            + " disagree: enter corrected figures before confirming.");
        }
        requireOrganiser(command.confirmedBy());
        if (command.confirmedBy().equals(pendingBy)) {
            throw RuleViolation.conflict(
                    "same-organiser",
                    "Desk " + command.deskId() + "'s pending figures were" + " entered by " + pendingBy
                            + ": another organiser confirms them.");
        }
        List<ActionVotes> votes = checkedVotes(command.votes(), votation);
        List<Integer> differing = differing(pendingVotes, votes);
        if (!differing.isEmpty()) {
            apply(new PaperTallyMismatched(
                    conventionId,
                    command.votationId(),
                    command.deskId(),
                    command.entryId(),
                    command.confirmedBy(),
                    pendingEntryId,
                    votes,
                    differing));
            return new Outcome(PaperDeskState.MISMATCHED, differing);
        }
        apply(new PaperTallyConfirmed(
                conventionId,
                command.votationId(),
                command.deskId(),
                command.entryId(),
                command.confirmedBy(),
                pendingEntryId));
        apply(new PaperTallyRecorded(
                conventionId, command.votationId(), command.deskId(), deskName, pendingCountedAt, pendingVotes));
        return new Outcome(PaperDeskState.CONFIRMED, List.of());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Outcome handle(CorrectPaperTally command, VotationRegister register) {
        requireDesk(command.deskId());
        requireTallied(command.deskId());
        VotationRegister.Entry votation = openVotation(command.votationId(), register);
        requireNotConfirmed(command.deskId());
        requireOrganiser(command.correctedBy());
        if (command.reason() == null || command.reason().isBlank()) {
            throw RuleViolation.unprocessable("reason-required", "Say why the figures are corrected.");
        }
        List<ActionVotes> votes = checkedVotes(command.votes(), votation);
        apply(new PaperTallyCorrected(
                conventionId,
                command.votationId(),
                command.deskId(),
                command.entryId(),
                command.correctedBy(),
                pendingEntryId,
                command.countedAt() != null ? command.countedAt() : pendingCountedAt,
                votes,
                command.reason()));
        return new Outcome(PaperDeskState.ENTERED, List.of());
    }

    // ---- rules -----------------------------------------------------------------------------------

    private static void requireDesk(String deskId) {
        if (deskId == null || deskId.isBlank()) {
            throw RuleViolation.unprocessable("desk-required", "Name the collection desk.");
        }
    }

    private void requireTallied(String deskId) {
        if (state == null) {
            throw RuleViolation.notFound("desk-not-tallied", "No paper count was entered for desk " + deskId + ".");
        }
    }

    private void requireNotConfirmed(String deskId) {
        if (state == PaperDeskState.CONFIRMED) {
            throw RuleViolation.conflict(
                    "desk-already-confirmed", "Desk " + deskId + "'s count is confirmed and final.");
        }
    }

    private static void requireOrganiser(String actorId) {
        if (actorId == null || actorId.isBlank()) {
            throw new IllegalStateException("A paper count is entered by an authenticated organiser");
        }
    }

    private static VotationRegister.Entry openVotation(String votationId, VotationRegister register) {
        VotationRegister.Entry votation = register.votation(votationId)
                .orElseThrow(() ->
                        RuleViolation.notFound("unknown-votation", "No votation " + votationId + " is scheduled."));
        if (votation.status() != VotationStatus.OPEN) {
            throw RuleViolation.conflict(
                    "votation-not-open", "The votation is " + votation.status() + ": no paper count is accepted.");
        }
        return votation;
    }

    /** Each action of the ballot at most once, no negative count, at least one action; sorted by action. */
    private static List<ActionVotes> checkedVotes(List<ActionVotes> votes, VotationRegister.Entry votation) {
        if (votes == null || votes.isEmpty()) {
            throw RuleViolation.unprocessable("votes-required", "A tally gives the votes of at least one action.");
        }
        Set<Integer> seen = new HashSet<>();
        for (ActionVotes v : votes) {
            if (v == null || !votation.actionNumbers().contains(v.actionNumber())) {
                throw RuleViolation.unprocessable(
                        "not-on-ballot",
                        "Action " + (v == null ? null : v.actionNumber()) + " is not on this votation's ballot.");
            }
            if (!seen.add(v.actionNumber())) {
                throw RuleViolation.unprocessable(
                        "duplicate-action", "Action " + v.actionNumber() + " appears twice in the tally.");
            }
            if (v.votes() < 0) {
                throw RuleViolation.unprocessable(
                        "negative-votes", "Action " + v.actionNumber() + " has a negative count.");
            }
        }
        List<ActionVotes> sorted = new ArrayList<>(votes);
        sorted.sort((a, b) -> Integer.compare(a.actionNumber(), b.actionNumber()));
        return List.copyOf(sorted);
    }

    /** The actions whose figures differ, an action left out of an entry counting 0 there. */
    static List<Integer> differing(List<ActionVotes> first, List<ActionVotes> second) {
        Map<Integer, Integer> a = asMap(first);
        Map<Integer, Integer> b = asMap(second);
        Set<Integer> actions = new TreeSet<>(a.keySet());
        actions.addAll(b.keySet());
        return actions.stream()
                .filter(n -> !a.getOrDefault(n, 0).equals(b.getOrDefault(n, 0)))
                .toList();
    }

    private static Map<Integer, Integer> asMap(List<ActionVotes> votes) {
        Map<Integer, Integer> map = new TreeMap<>();
        votes.forEach(v -> map.put(v.actionNumber(), v.votes()));
        return map;
    }

    // ---- state -----------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(PaperTallyEntered event) {
        deskStreamId = streamId(event.votationId(), event.deskId());
        conventionId = event.conventionId();
        deskName = event.deskName();
        state = PaperDeskState.ENTERED;
        pending(event.entryId(), event.enteredBy(), event.countedAt(), event.votes());
    }

    @EventSourcingHandler
    void on(PaperTallyMismatched event) {
        state = PaperDeskState.MISMATCHED;
    }

    @EventSourcingHandler
    void on(PaperTallyCorrected event) {
        state = PaperDeskState.ENTERED;
        pending(event.entryId(), event.correctedBy(), event.countedAt(), event.votes());
    }

    @EventSourcingHandler
    void on(PaperTallyConfirmed event) {
        state = PaperDeskState.CONFIRMED;
    }

    private void pending(String entryId, String by, Instant countedAt, List<ActionVotes> votes) {
        pendingEntryId = entryId;
        pendingBy = by;
        pendingCountedAt = countedAt;
        pendingVotes = votes;
    }
}
