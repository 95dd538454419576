package org.conventionledger.command.organisation;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close a session: its attendance becomes final. */
public record CloseSession(@TargetAggregateIdentifier String sessionId, String conventionId, LocalDate closedOn) {}
