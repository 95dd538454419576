package org.conventionledger.command.deliberation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A participant proposes an improvement. */
public record ProposeImprovement(
        @TargetAggregateIdentifier String actionId, String improvementId, String proposedBy, String proposal) {}
