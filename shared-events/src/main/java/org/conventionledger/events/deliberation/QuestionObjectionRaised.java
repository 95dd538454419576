package org.conventionledger.events.deliberation;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * A participant of a question's consent round objected to it.
 *
 * @param raisedBy      a participant of the round (member id, or a public capacity such as "elected
 *                      official"), never a resident's name
 * @param competentBody for {@link ObjectionCategory#NOT_CITY_COMPETENCE}: the body the city will relay to
 */
@Revision("1")
public record QuestionObjectionRaised(
        String conventionId,
        String questionId,
        String objectionId,
        ObjectionCategory category,
        String reason,
        String raisedBy,
        String competentBody)
        implements ConventionEvent {}
