package org.conventionledger.command.deliberation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revise an action sheet outside a consent round (e.g. after the city services' audit). */
public record ReviseAction(@TargetAggregateIdentifier String actionId, String title, String text, String reason) {}
