package org.conventionledger.command.recruitment;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The answer deadline passed: record every unanswered invitation as NO_ANSWER and close the answers. */
public record CloseInvitations(@TargetAggregateIdentifier String conventionId, LocalDate deadline) {}
