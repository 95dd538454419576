package org.conventionledger.command.recruitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Register a source list residents will be drawn from. */
public record RegisterSourceList(
        @TargetAggregateIdentifier String listId, String conventionId, String name, String kind) {}
