package org.conventionledger.events.recruitment;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * The lottery over quota-satisfying panels was computed from the volunteers' profiles and
 * published: each volunteer's selection probability and the panels with their probabilities.
 *
 * <p>Revision 2 (ADR-010) keeps the panels out of the event, in a record named by {@code panelRecord}'s
 * SHA-256, and {@code panels} is empty; revision 1 listed every panel in {@code panels} and is read with
 * {@code panelRecord} null.
 *
 * @param algorithm      the selection algorithm and its version (e.g. {@code leximin-v2}; {@code leximin-v1} before
 * ADR-006)
 * @param minProbability the smallest selection probability of any volunteer
 * @param chances        every volunteer's probability, in pool order (the order the record's indices refer to)
 * @param panels         the panels, inline (revision 1); empty when {@code panelRecord} names them
 * @param panelRecord    the record holding the panels, or null when they are inline
 */
@Revision("2")
public record PanelLotteryComputed(
        String conventionId,
        String selectionId,
        String algorithm,
        double minProbability,
        List<SelectionChance> chances,
        List<LotteryPanel> panels,
        PanelRecordRef panelRecord)
        implements ConventionEvent {

    /** A lottery with its panels inline, as revision 1 logged it. */
    public PanelLotteryComputed(
            String conventionId,
            String selectionId,
            String algorithm,
            double minProbability,
            List<SelectionChance> chances,
            List<LotteryPanel> panels) {
        this(conventionId, selectionId, algorithm, minProbability, chances, panels, null);
    }
}
