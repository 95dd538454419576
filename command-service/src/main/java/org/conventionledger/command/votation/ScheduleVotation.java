package org.conventionledger.command.votation;

import java.time.Instant;
import java.util.List;

/** Schedule the public votation over finalised actions. */
public record ScheduleVotation(String votationId,
                               String conventionId,
                               String title,
                               Instant opensAt,
                               Instant closesAt,
                               List<String> actionIds) {
}
