package org.conventionledger.events.recruitment;

import java.util.List;

import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * The draw was performed: the seed was revealed (its hash matches the commitment) and the drawn
 * residents are a deterministic function of the frozen lists, the seed and the algorithm version,
 * which anyone can re-run from an export of the log ({@code deploy/ledger verify-draw}).
 */
@Revision("1")
public record ResidentsDrawn(String conventionId,
                             String drawId,
                             String seed,
                             String algorithm,
                             List<FrozenList> lists,
                             List<DrawnResident> drawn) implements ConventionEvent {
}
