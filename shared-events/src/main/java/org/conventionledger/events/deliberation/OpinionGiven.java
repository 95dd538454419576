package org.conventionledger.events.deliberation;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * A supporting body gave a written opinion on a topic or on an action sheet.
 *
 * @param targetType {@code TOPIC} or {@code ACTION}
 */
@Revision("1")
public record OpinionGiven(
        String conventionId,
        String opinionId,
        OpinionBody body,
        String targetType,
        String targetId,
        String text,
        LocalDate givenOn)
        implements ConventionEvent {}
