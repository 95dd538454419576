package org.conventionledger.command.oversight;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The garants acknowledge a referral. */
public record AcknowledgeReferral(@TargetAggregateIdentifier String referralId, LocalDate acknowledgedOn) {}
