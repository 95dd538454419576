package org.conventionledger.events.recruitment;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * A version of the engagement contract members sign: its absence rule says how many unexcused
 * absences end a membership.
 */
@Revision("1")
public record EngagementContractAdopted(
        String conventionId, String version, int allowedUnexcusedAbsences, LocalDate adoptedOn)
        implements ConventionEvent {}
