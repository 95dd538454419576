package org.conventionledger.events.deliberation;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * A new version of a question's text (version 1 is the one put in {@link QuestionPut}); consents given
 * to earlier versions no longer count.
 *
 * @param reason why it changed: an accepted improvement or the amendment that lifted an objection
 */
@Revision("1")
public record QuestionRevised(String conventionId, String questionId, int version, String text, String reason)
        implements ConventionEvent {}
