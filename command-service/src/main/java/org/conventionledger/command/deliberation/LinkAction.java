package org.conventionledger.command.deliberation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Link an action sheet to another one of the same convention. */
public record LinkAction(@TargetAggregateIdentifier String actionId, String linkedActionId, String relation) {}
