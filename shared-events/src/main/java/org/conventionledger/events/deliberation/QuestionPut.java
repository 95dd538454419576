package org.conventionledger.events.deliberation;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * A free-standing question (adopting the dialogue charter, a question of method…) was put to a
 * consent round: this opens the round on version 1 of its text. A question has exactly one round,
 * closed by {@link QuestionDecided}.
 *
 * @param participants who takes part and must consent: member ids, or public capacities such as
 *                     "elected official"
 */
@Revision("1")
public record QuestionPut(String conventionId, String questionId, String title, String text, List<String> participants)
        implements ConventionEvent {}
