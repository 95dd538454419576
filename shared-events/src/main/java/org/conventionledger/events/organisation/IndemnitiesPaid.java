package org.conventionledger.events.organisation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * The finance department paid a session's payable list: indemnities of the members present and
 * their approved expenses.
 *
 * @param total in euros
 */
@Revision("1")
public record IndemnitiesPaid(
        String conventionId, String sessionId, List<String> memberIds, BigDecimal total, LocalDate paidOn)
        implements ConventionEvent {}
