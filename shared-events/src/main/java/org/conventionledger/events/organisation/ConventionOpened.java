package org.conventionledger.events.organisation;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;
import org.conventionledger.events.Transition;

/** The council's mandate took effect: the convention exists from here on. */
@Revision("1")
public record ConventionOpened(
        String conventionId,
        String title,
        String city,
        Mandate mandate,
        List<Transition> transitions,
        int plannedSessions)
        implements ConventionEvent {}
