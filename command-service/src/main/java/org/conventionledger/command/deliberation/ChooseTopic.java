package org.conventionledger.command.deliberation;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.conventionledger.events.Transition;

/** Record a topic chosen by an assembly. */
public record ChooseTopic(
        @TargetAggregateIdentifier String conventionId, String topicId, Transition assembly, String title) {}
