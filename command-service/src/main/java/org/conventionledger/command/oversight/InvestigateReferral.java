package org.conventionledger.command.oversight;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The garants record a step of their investigation of an acknowledged referral. */
public record InvestigateReferral(
        @TargetAggregateIdentifier String referralId, String note, LocalDate investigatedOn) {}
