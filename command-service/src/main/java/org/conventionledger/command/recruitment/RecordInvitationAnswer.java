package org.conventionledger.command.recruitment;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.conventionledger.events.recruitment.Answer;

/** Record how an invited resident answered (or that the deadline passed without an answer). */
public record RecordInvitationAnswer(@TargetAggregateIdentifier String conventionId,
                                     String invitationId,
                                     Answer answer,
                                     LocalDate answeredOn) {
}
