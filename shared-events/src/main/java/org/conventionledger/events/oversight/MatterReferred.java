package org.conventionledger.events.oversight;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;
import org.conventionledger.events.privacy.SealedPersonalData;

/**
 * A member or a resident referred a matter to the garants (saisine).
 *
 * @param attachments references of the documents handed over (never the documents themselves)
 * @param referredBy  the capacity of whoever referred it: "member" or "resident" — never a name
 * @param contact     where the referrer asked to be answered, sealed as personal data (ADR-003); null when
 *                    they left none (and in events recorded before contacts were asked for)
 */
@Revision("1")
public record MatterReferred(
        String conventionId,
        String referralId,
        String subject,
        String text,
        List<String> attachments,
        String referredBy,
        LocalDate referredOn,
        SealedPersonalData contact)
        implements ConventionEvent {}
