package org.conventionledger.command.organisation;

import java.util.List;
import org.conventionledger.events.Transition;
import org.conventionledger.events.organisation.Mandate;

/** Open a convention under the council's mandate. */
public record OpenConvention(
        String conventionId,
        String title,
        String city,
        Mandate mandate,
        List<Transition> transitions,
        int plannedSessions) {}
