package org.conventionledger.events.deliberation;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;
import org.conventionledger.events.Transition;

/**
 * A topic group drafted an action sheet (fiche-action).
 *
 * @param number     the action's public number, unique within the convention
 * @param topicTitle the topic's title as it stood when the action was drafted
 */
@Revision("1")
public record ActionDrafted(
        String conventionId,
        String actionId,
        int number,
        Transition assembly,
        String topicId,
        String topicTitle,
        String title,
        String text)
        implements ConventionEvent {}
