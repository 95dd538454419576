package org.conventionledger.events.recruitment;

import java.util.List;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * One panel was drawn from the published lottery with the revealed seed; the other volunteers form
 * the reserve, in the order replacements are called.
 *
 * @param panelIndex index of the drawn panel in the lottery's list
 */
@Revision("1")
public record PanelDrawn(String conventionId,
                         String selectionId,
                         String seed,
                         int panelIndex,
                         List<String> selected,
                         List<String> reserve) implements ConventionEvent {
}
