package org.conventionledger.command.deliberation;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.conventionledger.events.deliberation.ExpertKind;

/** Record the expertise sheet of a hearing of a topic group. */
public record RecordExpertHearing(
        @TargetAggregateIdentifier String topicId,
        String hearingId,
        String expertName,
        String organisation,
        ExpertKind kind,
        boolean independent,
        String invitedBy,
        LocalDate heardOn,
        String contribution,
        List<String> documents) {}
