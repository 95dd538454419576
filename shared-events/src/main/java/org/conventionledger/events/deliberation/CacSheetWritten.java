package org.conventionledger.events.deliberation;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * A new version of a topic's CAC sheet (Constat – Analyse – Critères): findings, analysis of the
 * issue, and the criteria a good action must meet.
 */
@Revision("1")
public record CacSheetWritten(
        String conventionId,
        String topicId,
        int version,
        String findings,
        String analysis,
        List<String> commonCriteria,
        List<String> specificCriteria)
        implements ConventionEvent {}
