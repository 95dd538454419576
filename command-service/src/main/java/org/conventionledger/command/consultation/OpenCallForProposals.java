package org.conventionledger.command.consultation;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Open a call for proposals on a topic of the convention. Without {@code criteria}, the call takes
 * the criteria of the topic's latest CAC sheet.
 *
 * @param at when the organiser asked (the service's clock)
 */
public record OpenCallForProposals(
        @TargetAggregateIdentifier String callId,
        String conventionId,
        String topicId,
        String title,
        String text,
        List<String> criteria,
        Instant opensAt,
        Instant closesAt,
        Instant at) {}
