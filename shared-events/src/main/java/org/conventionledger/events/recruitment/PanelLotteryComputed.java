package org.conventionledger.events.recruitment;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * The lottery over quota-satisfying panels was computed from the volunteers' profiles and
 * published: each volunteer's selection probability and the panels with their probabilities.
 *
 * @param algorithm      the selection algorithm and its version (e.g. {@code leximin-v2}; {@code leximin-v1} before
 * ADR-006)
 * @param minProbability the smallest selection probability of any volunteer
 */
@Revision("1")
public record PanelLotteryComputed(
        String conventionId,
        String selectionId,
        String algorithm,
        double minProbability,
        List<SelectionChance> chances,
        List<LotteryPanel> panels)
        implements ConventionEvent {}
