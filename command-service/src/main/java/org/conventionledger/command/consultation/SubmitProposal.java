package org.conventionledger.command.consultation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.conventionledger.command.platform.SecretVote;

/**
 * A resident submits a proposal to a call. Its author pseudonym is the one the resident's votes carry,
 * so naming the author would name the voter: its events name the channel, not the resident.
 *
 * @param authorPseudonym the resident's keyed pseudonym ({@link ResidentPseudonyms})
 * @param at              when the service received it (its clock)
 */
public record SubmitProposal(
        @TargetAggregateIdentifier String proposalId,
        String callId,
        String authorPseudonym,
        String title,
        String text,
        Instant at)
        implements SecretVote {}
