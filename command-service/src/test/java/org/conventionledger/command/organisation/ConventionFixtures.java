package org.conventionledger.command.organisation;

import static org.conventionledger.events.Transition.ECOLOGICAL;
import static org.conventionledger.events.Transition.SOCIAL;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.conventionledger.events.organisation.ConventionOpened;
import org.conventionledger.events.organisation.Mandate;

/** The mandate and the opened convention the aggregate tests start from. */
public final class ConventionFixtures {

    public static final LocalDate STARTS = LocalDate.of(2025, 1, 15);
    public static final LocalDate ENDS = LocalDate.of(2025, 6, 30);

    private ConventionFixtures() {}

    public static Mandate mandate(LocalDate startsOn, LocalDate endsOn) {
        return new Mandate(
                "DEL-2024-117",
                startsOn,
                endsOn,
                "A list of actions put to a public vote",
                "Carry out every action the votation adopts",
                new BigDecimal("80.00"));
    }

    /** A convention with an ecological and a social assembly, but no democratic one. */
    public static ConventionOpened opened(String conventionId) {
        return new ConventionOpened(
                conventionId,
                "Convention for the transitions",
                "Saillans",
                mandate(STARTS, ENDS),
                List.of(ECOLOGICAL, SOCIAL),
                6);
    }
}
