package org.conventionledger.command.organisation;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.conventionledger.events.organisation.Presence;

/** Record the presence of a batch of members at a session, once per member. */
public record RecordAttendance(
        @TargetAggregateIdentifier String sessionId, String conventionId, List<Entry> attendance) {

    public record Entry(String memberId, Presence presence) {}
}
