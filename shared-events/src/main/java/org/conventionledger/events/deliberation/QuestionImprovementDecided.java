package org.conventionledger.events.deliberation;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/** The group accepted (a {@link QuestionRevised} follows) or declined an improvement of a question. */
@Revision("1")
public record QuestionImprovementDecided(
        String conventionId, String questionId, String improvementId, boolean accepted, String reason)
        implements ConventionEvent {}
