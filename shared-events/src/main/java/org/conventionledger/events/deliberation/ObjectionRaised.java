package org.conventionledger.events.deliberation;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * Someone objected to an action in a consent round.
 *
 * @param raisedBy      who objected: a participant of the open consent round (member id, or a public capacity
 *                      such as "elected official"), never a resident's name
 * @param competentBody for {@link ObjectionCategory#NOT_CITY_COMPETENCE}: the body the city will relay to
 */
@Revision("1")
public record ObjectionRaised(
        String conventionId,
        String actionId,
        String objectionId,
        ObjectionCategory category,
        String reason,
        String raisedBy,
        String competentBody)
        implements ConventionEvent {}
