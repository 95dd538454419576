package org.conventionledger.events.oversight;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/** The garants acknowledged a referral. */
@Revision("1")
public record ReferralAcknowledged(String conventionId, String referralId, LocalDate acknowledgedOn)
        implements ConventionEvent {}
