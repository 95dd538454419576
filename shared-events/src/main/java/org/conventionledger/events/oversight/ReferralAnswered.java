package org.conventionledger.events.oversight;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/** The garants answered a referral; this closes it. */
@Revision("1")
public record ReferralAnswered(String conventionId, String referralId, String answer, LocalDate answeredOn)
        implements ConventionEvent {}
