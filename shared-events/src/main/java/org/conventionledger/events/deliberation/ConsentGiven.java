package org.conventionledger.events.deliberation;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/** Participants showed their green card: they consent to the proposal's current version. */
@Revision("1")
public record ConsentGiven(String conventionId, String actionId, String roundId, int version, List<String> participants)
        implements ConventionEvent {}
