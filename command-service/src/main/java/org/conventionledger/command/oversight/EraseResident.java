package org.conventionledger.command.oversight;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a person's erasure request before their key is deleted. */
public record EraseResident(
        @TargetAggregateIdentifier String accessLogId,
        String conventionId,
        String personId,
        String basis,
        LocalDate requestedOn) {

    public EraseResident(String conventionId, String personId, String basis, LocalDate requestedOn) {
        this(PersonalDataAccessLog.idOf(conventionId), conventionId, personId, basis, requestedOn);
    }
}
