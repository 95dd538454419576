package org.conventionledger.command.oversight;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Log that personal data was read in clear, before it is handed over. */
public record RecordPersonalDataRead(
        @TargetAggregateIdentifier String accessLogId, String conventionId, String purpose, List<String> personIds) {

    public RecordPersonalDataRead(String conventionId, String purpose, List<String> personIds) {
        this(PersonalDataAccessLog.idOf(conventionId), conventionId, purpose, personIds);
    }
}
