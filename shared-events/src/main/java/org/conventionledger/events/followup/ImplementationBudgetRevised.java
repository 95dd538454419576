package org.conventionledger.events.followup;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * The budget of a planned action changed; the new amount replaces the previous one.
 *
 * @param budget in euros, to the cent, at least zero
 */
@Revision("1")
public record ImplementationBudgetRevised(
        String conventionId, String actionId, BigDecimal budget, String reason, LocalDate revisedOn)
        implements ConventionEvent {}
