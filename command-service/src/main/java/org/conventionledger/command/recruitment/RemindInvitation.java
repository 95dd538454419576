package org.conventionledger.command.recruitment;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Send a reminder to an invited resident who has not answered. */
public record RemindInvitation(@TargetAggregateIdentifier String conventionId, String invitationId, LocalDate sentOn) {}
