package org.conventionledger.events.oversight;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * The garants published an opinion (avis) on the convention.
 *
 * @param session the session it closes, for {@link OpinionOccasion#END_OF_SESSION} only ({@code null} otherwise)
 */
@Revision("1")
public record GarantOpinionPublished(
        String conventionId,
        String opinionId,
        OpinionOccasion occasion,
        Integer session,
        String text,
        LocalDate publishedOn)
        implements ConventionEvent {}
