package org.conventionledger.command.oversight;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The garants answer an acknowledged referral, once. */
public record AnswerReferral(@TargetAggregateIdentifier String referralId, String answer, LocalDate answeredOn) {}
