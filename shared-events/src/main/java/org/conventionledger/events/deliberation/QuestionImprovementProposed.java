package org.conventionledger.events.deliberation;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/** A participant proposed an improvement of a question. */
@Revision("1")
public record QuestionImprovementProposed(
        String conventionId, String questionId, String improvementId, String proposedBy, String proposal)
        implements ConventionEvent {}
