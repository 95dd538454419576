package org.conventionledger.events.consultation;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * A resident's vote on a proposal: a first vote ({@code previousStance} null) or a change of their
 * vote, which replaces the previous one. One resident has at most one current vote per proposal.
 *
 * @param voterPseudonym the resident's keyed pseudonym in this convention's consultation
 * @param previousStance the stance this vote replaces, or null for the resident's first vote
 * @param votedAt        when the service accepted it (within the call's window)
 */
@Revision("1")
public record ProposalVoted(
        String conventionId,
        String callId,
        String proposalId,
        String voterPseudonym,
        Stance stance,
        Stance previousStance,
        Instant votedAt)
        implements ConventionEvent {}
