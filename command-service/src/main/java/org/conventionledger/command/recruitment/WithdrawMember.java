package org.conventionledger.command.recruitment;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.conventionledger.events.recruitment.WithdrawalReason;

/** Record that a member withdrew. */
public record WithdrawMember(
        @TargetAggregateIdentifier String conventionId,
        String memberId,
        WithdrawalReason reason,
        LocalDate withdrewOn) {}
