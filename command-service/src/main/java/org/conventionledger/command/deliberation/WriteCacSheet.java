package org.conventionledger.command.deliberation;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Write a new version of the topic's CAC sheet. */
public record WriteCacSheet(
        @TargetAggregateIdentifier String topicId,
        String findings,
        String analysis,
        List<String> commonCriteria,
        List<String> specificCriteria) {}
