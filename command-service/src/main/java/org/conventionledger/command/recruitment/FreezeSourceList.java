package org.conventionledger.command.recruitment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Freeze a source list: its content is final and its fingerprint goes on the log. */
public record FreezeSourceList(@TargetAggregateIdentifier String listId) {}
