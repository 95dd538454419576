package org.conventionledger.command.recruitment;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.conventionledger.events.recruitment.QuotaRange;

/** Define the panel's size and quotas, and commit to the seed of the panel draw (its SHA-256). */
public record DefinePanelSelection(
        @TargetAggregateIdentifier String conventionId,
        String selectionId,
        int panelSize,
        List<QuotaRange> quotas,
        String seedCommitment) {}
