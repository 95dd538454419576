package org.conventionledger.command.recruitment;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adopt a version of the engagement contract, with its absence rule. */
public record AdoptEngagementContract(
        @TargetAggregateIdentifier String conventionId,
        String version,
        int allowedUnexcusedAbsences,
        LocalDate adoptedOn) {}
