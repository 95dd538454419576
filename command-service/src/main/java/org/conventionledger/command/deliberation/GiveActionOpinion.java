package org.conventionledger.command.deliberation;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.conventionledger.events.deliberation.OpinionBody;

/** Attach a supporting body's written opinion to an action sheet. */
public record GiveActionOpinion(
        @TargetAggregateIdentifier String actionId,
        String opinionId,
        OpinionBody body,
        String text,
        LocalDate givenOn) {}
