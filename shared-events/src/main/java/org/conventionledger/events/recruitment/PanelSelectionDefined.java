package org.conventionledger.events.recruitment;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * The organiser defined the panel's size and quotas and committed to the seed of the panel draw
 * (SHA-256 hex of the seed, revealed when the panel is drawn).
 */
@Revision("1")
public record PanelSelectionDefined(
        String conventionId, String selectionId, int panelSize, List<QuotaRange> quotas, String seedCommitment)
        implements ConventionEvent {}
