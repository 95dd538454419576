package org.conventionledger.events.deliberation;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;
import org.conventionledger.events.Transition;

/** An assembly chose a topic (sujet) to work on; the topic's members form a topic group. */
@Revision("1")
public record TopicChosen(String conventionId, String topicId, Transition assembly, String title)
        implements ConventionEvent {}
