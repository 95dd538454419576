package org.conventionledger.command.consultation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.events.consultation.ArgumentHidden;
import org.conventionledger.events.consultation.ArgumentPosted;
import org.conventionledger.events.consultation.ProposalVoted;
import org.conventionledger.events.consultation.Stance;

/**
 * One resident's vote on one proposal, with the arguments attached to it: its own stream, keyed by
 * the call, the proposal and the resident's pseudonym. "One vote per resident per proposal" is this
 * stream's current stance; two racing first votes cannot both append sequence 0. No aggregate sees
 * every vote, nor every vote on a proposal.
 */
@Aggregate
public class ConsultationVote {

    /**
     * Arguments one resident may post on one proposal (hidden ones included): enough to answer others a
     * few times, and a bound on what one resident can add to a proposal's discussion.
     */
    static final int MAX_ARGUMENTS = 20;

    @AggregateIdentifier
    private String voteId;

    private String conventionId;
    private String callId;
    private String proposalId;
    private String voterPseudonym;
    private Stance stance;
    private final Set<String> arguments = new HashSet<>();
    private final Set<String> hiddenArguments = new HashSet<>();

    protected ConsultationVote() {
        // for Axon: also the blank vote CREATE_IF_MISSING hands to the first command
    }

    /** The stream of this resident's vote on this proposal. */
    public static String idOf(String callId, String proposalId, String voterPseudonym) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {callId, proposalId, voterPseudonym}) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return "cv-" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(VoteOnProposal command, ConsultationRegister register) {
        String convention =
                openProposal(command.callId(), command.proposalId(), command.voterPseudonym(), command.at(), register);
        if (command.stance() == null) {
            throw RuleViolation.unprocessable("stance-required", "A vote is FOR, MIXED or AGAINST.");
        }
        if (command.stance() == stance) {
            throw RuleViolation.conflict(
                    "same-stance", "This resident's vote on the proposal is already " + stance + ".");
        }
        apply(new ProposalVoted(
                convention,
                command.callId(),
                command.proposalId(),
                command.voterPseudonym(),
                command.stance(),
                stance,
                command.at()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(PostArgument command, ConsultationRegister register) {
        String convention =
                openProposal(command.callId(), command.proposalId(), command.voterPseudonym(), command.at(), register);
        if (stance == null) {
            throw RuleViolation.conflict(
                    "vote-required", "An argument is attached to a vote: vote on the proposal before arguing.");
        }
        if (command.text() == null || command.text().isBlank()) {
            throw RuleViolation.unprocessable("text-required", "An argument needs a text.");
        }
        if (arguments.contains(command.argumentId())) {
            throw RuleViolation.conflict("argument-exists", "Argument " + command.argumentId() + " is recorded.");
        }
        if (arguments.size() >= MAX_ARGUMENTS) {
            throw RuleViolation.unprocessable(
                    "too-many-arguments", "A resident posts at most " + MAX_ARGUMENTS + " arguments on one proposal.");
        }
        apply(new ArgumentPosted(
                convention,
                command.callId(),
                command.proposalId(),
                command.argumentId(),
                command.voterPseudonym(),
                stance,
                command.text(),
                command.at()));
    }

    @CommandHandler
    public void handle(HideArgument command) {
        if (!arguments.contains(command.argumentId())) {
            throw RuleViolation.notFound("unknown-argument", "No argument " + command.argumentId() + " is recorded.");
        }
        if (hiddenArguments.contains(command.argumentId())) {
            throw RuleViolation.conflict(
                    "already-hidden", "The argument " + command.argumentId() + " is already hidden.");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw RuleViolation.unprocessable("reason-required", "Moderation states its reason.");
        }
        apply(new ArgumentHidden(
                conventionId,
                callId,
                proposalId,
                command.argumentId(),
                command.reason().strip()));
    }

    /** The proposal exists in this call, is not hidden, and the call is open: its convention. */
    private String openProposal(
            String call, String proposal, String pseudonym, Instant at, ConsultationRegister register) {
        if (voteId != null
                && !(call.equals(callId) && proposal.equals(proposalId) && pseudonym.equals(voterPseudonym))) {
            throw new IllegalStateException("Vote stream " + voteId + " belongs to another resident or proposal");
        }
        ConsultationRegister.Proposal found = register.proposal(proposal)
                .filter(p -> p.callId().equals(call))
                .orElseThrow(() -> RuleViolation.notFound(
                        "unknown-proposal", "The call " + call + " has no proposal " + proposal + "."));
        ConsultationRegister.Call window = register.call(call)
                .orElseThrow(() -> RuleViolation.notFound("unknown-call", "No call for proposals " + call + "."));
        window.requireOpenAt(at);
        if (found.hidden()) {
            throw RuleViolation.conflict("proposal-hidden", "The proposal " + proposal + " was hidden by moderation.");
        }
        return window.conventionId();
    }

    @EventSourcingHandler
    void on(ProposalVoted event) {
        voteId = idOf(event.callId(), event.proposalId(), event.voterPseudonym());
        conventionId = event.conventionId();
        callId = event.callId();
        proposalId = event.proposalId();
        voterPseudonym = event.voterPseudonym();
        stance = event.stance();
    }

    @EventSourcingHandler
    void on(ArgumentPosted event) {
        arguments.add(event.argumentId());
    }

    @EventSourcingHandler
    void on(ArgumentHidden event) {
        hiddenArguments.add(event.argumentId());
    }
}
