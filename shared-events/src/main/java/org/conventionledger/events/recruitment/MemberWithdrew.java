package org.conventionledger.events.recruitment;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * A member left the convention of their own will.
 */
@Revision("1")
public record MemberWithdrew(String conventionId, String memberId, WithdrawalReason reason, LocalDate withdrewOn)
        implements ConventionEvent {}
