package org.conventionledger.command.organisation;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Pay a closed session's payable list: indemnities of the members present and approved expenses. */
public record PayIndemnities(@TargetAggregateIdentifier String sessionId, String conventionId, LocalDate paidOn) {}
