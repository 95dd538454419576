package org.conventionledger.command.votation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Open the votation to ballots.
 *
 * @param displaySeed the seed of the voters' display orders, logged with the opening (the REST layer
 *                    draws one with {@code SecureRandom} unless the organisers give it)
 */
public record OpenVotation(@TargetAggregateIdentifier String votationId, Instant openedAt, String displaySeed) {}
