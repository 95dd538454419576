package org.conventionledger.command.consultation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.conventionledger.command.platform.SecretVote;
import org.conventionledger.events.consultation.Stance;

/**
 * A resident votes on a proposal, or changes their vote. The vote's id derives from the call, the
 * proposal and the resident's pseudonym ({@link ConsultationVote#idOf}), so every vote of one
 * resident on one proposal lands in one stream. Its events name the channel, not the resident.
 */
public record VoteOnProposal(
        @TargetAggregateIdentifier String voteId,
        String callId,
        String proposalId,
        String voterPseudonym,
        Stance stance,
        Instant at)
        implements SecretVote {}
