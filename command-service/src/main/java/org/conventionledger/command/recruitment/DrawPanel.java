package org.conventionledger.command.recruitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Reveal the panel seed, give the public entropy drawn now (e.g. dice rolled before a bailiff), and draw
 * one panel from the published lottery.
 */
public record DrawPanel(@TargetAggregateIdentifier String conventionId, String seed, String publicEntropy) {}
