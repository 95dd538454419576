package org.conventionledger.events.organisation;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * A member claimed expenses for a session (travel, childcare during the session…).
 *
 * @param amount in euros
 */
@Revision("1")
public record ExpenseClaimed(
        String conventionId, String claimId, String sessionId, String memberId, ExpenseKind kind, BigDecimal amount)
        implements ConventionEvent {}
