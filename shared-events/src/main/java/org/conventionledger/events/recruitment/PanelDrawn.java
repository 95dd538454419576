package org.conventionledger.events.recruitment;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * One panel was drawn from the published lottery; the other volunteers form the reserve, in the order
 * replacements are called. The draw's randomness is {@code seed + "|" + publicEntropy}: the seed was
 * committed with the quotas, before anyone answered; the public entropy (e.g. dice rolled before a
 * bailiff) was drawn only now, so neither the organiser nor anyone else could foresee the panel.
 *
 * @param seed          the seed whose SHA-256 was committed with the quotas
 * @param publicEntropy randomness made public at the draw itself
 * @param panelIndex    index of the drawn panel in the lottery's list
 */
@Revision("1")
public record PanelDrawn(
        String conventionId,
        String selectionId,
        String seed,
        String publicEntropy,
        int panelIndex,
        List<String> selected,
        List<String> reserve)
        implements ConventionEvent {}
