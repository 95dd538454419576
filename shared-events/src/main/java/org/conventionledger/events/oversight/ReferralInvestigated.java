package org.conventionledger.events.oversight;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/** A step of the garants' investigation of a referral; a referral may be investigated several times. */
@Revision("1")
public record ReferralInvestigated(String conventionId, String referralId, String note, LocalDate investigatedOn)
        implements ConventionEvent {}
