package org.conventionledger.command.recruitment;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Apply the engagement contract's absence rule to a member: beyond the allowed absences, membership is lost. */
public record ApplyAbsenceRule(@TargetAggregateIdentifier String conventionId, String memberId, LocalDate appliedOn) {}
