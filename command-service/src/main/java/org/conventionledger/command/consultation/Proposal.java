package org.conventionledger.command.consultation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.events.consultation.ProposalHidden;
import org.conventionledger.events.consultation.ProposalSubmitted;

/**
 * A resident's proposal to a call, and its moderation. Votes on it are not in this stream (each
 * resident's vote is its own {@link ConsultationVote}), so a popular proposal is no hot spot.
 */
@Aggregate
public class Proposal {

    @AggregateIdentifier
    private String proposalId;

    private String conventionId;
    private String callId;
    private boolean hidden;

    protected Proposal() {
        // for Axon
    }

    @CommandHandler
    public Proposal(SubmitProposal command, ConsultationRegister register) {
        ConsultationRegister.Call call = register.call(command.callId())
                .orElseThrow(() -> RuleViolation.notFound(
                        "unknown-call", "No call for proposals " + command.callId() + " is open."));
        call.requireOpenAt(command.at());
        if (command.authorPseudonym() == null || command.authorPseudonym().isBlank()) {
            throw new IllegalStateException("A proposal reached the aggregate without its author's pseudonym");
        }
        if (command.title() == null || command.title().isBlank()) {
            throw RuleViolation.unprocessable("title-required", "A proposal needs a title.");
        }
        if (command.text() == null || command.text().isBlank()) {
            throw RuleViolation.unprocessable("text-required", "A proposal needs a text.");
        }
        apply(new ProposalSubmitted(
                call.conventionId(),
                command.callId(),
                command.proposalId(),
                command.authorPseudonym(),
                command.title().strip(),
                command.text(),
                command.at()));
    }

    @CommandHandler
    public void handle(HideProposal command) {
        if (command.callId() != null && !command.callId().equals(callId)) {
            throw RuleViolation.notFound(
                    "unknown-proposal", "The call " + command.callId() + " has no proposal " + proposalId + ".");
        }
        if (hidden) {
            throw RuleViolation.conflict("already-hidden", "The proposal " + proposalId + " is already hidden.");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw RuleViolation.unprocessable("reason-required", "Moderation states its reason.");
        }
        apply(new ProposalHidden(
                conventionId, callId, proposalId, command.reason().strip()));
    }

    @EventSourcingHandler
    void on(ProposalSubmitted event) {
        proposalId = event.proposalId();
        conventionId = event.conventionId();
        callId = event.callId();
    }

    @EventSourcingHandler
    void on(ProposalHidden event) {
        hidden = true;
    }
}
