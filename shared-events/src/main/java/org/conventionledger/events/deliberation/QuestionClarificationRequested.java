package org.conventionledger.events.deliberation;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/** A participant asked for a clarification of a question. */
@Revision("1")
public record QuestionClarificationRequested(
        String conventionId, String questionId, String clarificationId, String askedBy, String question)
        implements ConventionEvent {}
