package org.conventionledger.command.deliberation;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.conventionledger.events.deliberation.OpinionBody;

/** Attach a supporting body's written opinion to a topic. */
public record GiveTopicOpinion(
        @TargetAggregateIdentifier String topicId,
        String opinionId,
        OpinionBody body,
        String text,
        LocalDate givenOn) {}
