package org.conventionledger.events.deliberation;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * A topic group heard an expert; this is the hearing's expertise sheet (fiche recueil d'expertise).
 * Experts speak in a public capacity: their name and organisation are part of the public record.
 *
 * @param independent whether the expert is independent of the city (false: city staff or elected)
 * @param invitedBy   who invited the expert (the members, the facilitators, the city…)
 * @param documents   references of the documents the expert handed over
 */
@Revision("1")
public record ExpertHeard(
        String conventionId,
        String topicId,
        String hearingId,
        String expertName,
        String organisation,
        ExpertKind kind,
        boolean independent,
        String invitedBy,
        LocalDate heardOn,
        String contribution,
        List<String> documents)
        implements ConventionEvent {}
