package org.conventionledger.command.recruitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Reveal the committed seed, give the public entropy drawn now (e.g. dice rolled before a bailiff), and
 * draw the residents from the frozen lists.
 */
public record PerformDraw(@TargetAggregateIdentifier String drawId, String seed, String publicEntropy) {}
