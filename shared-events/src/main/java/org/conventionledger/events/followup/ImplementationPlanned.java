package org.conventionledger.events.followup;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * The city's services planned the implementation of an answered action (never of a rejected one): its
 * status is PLANNED from here on.
 *
 * @param department the department in charge; for a relayed action, the receiving body's department
 * @param budget     in euros, to the cent, at least zero
 * @param dueBy      when it should be done, if a date was set
 * @param plannedOn  when it was planned
 */
@Revision("1")
public record ImplementationPlanned(
        String conventionId,
        String actionId,
        String department,
        BigDecimal budget,
        LocalDate dueBy,
        LocalDate plannedOn)
        implements ConventionEvent {}
