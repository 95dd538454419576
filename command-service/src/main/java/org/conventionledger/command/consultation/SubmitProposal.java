package org.conventionledger.command.consultation;

import java.time.Instant;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A resident submits a proposal to a call.
 *
 * @param authorPseudonym the resident's keyed pseudonym ({@link ResidentPseudonyms})
 * @param at              when the service received it (its clock)
 */
public record SubmitProposal(@TargetAggregateIdentifier String proposalId,
                             String callId,
                             String authorPseudonym,
                             String title,
                             String text,
                             Instant at) {
}
