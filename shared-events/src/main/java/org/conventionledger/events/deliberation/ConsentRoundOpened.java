package org.conventionledger.events.deliberation;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * A consent round (décision au consentement) opened on a version of an action sheet.
 *
 * @param participants who takes part and must consent: member ids, or public capacities such as
 *                     "elected official"
 */
@Revision("1")
public record ConsentRoundOpened(
        String conventionId, String actionId, String roundId, int version, List<String> participants)
        implements ConventionEvent {}
