package org.conventionledger.command.organisation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.conventionledger.events.organisation.Presence;

/** Correct a member's recorded presence at a session, saying why. */
public record CorrectAttendance(
        @TargetAggregateIdentifier String sessionId,
        String conventionId,
        String memberId,
        Presence presence,
        String reason) {}
