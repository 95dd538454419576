package org.conventionledger.events.recruitment;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * The draw was performed. The committed seed was revealed (its SHA-256 matches the commitment) and
 * public entropy was drawn at the draw itself (dice before a bailiff, after the lists were frozen), so
 * the organiser, who knew the seed while the lists were open, could not foresee the result. The drawn
 * residents are a deterministic function of the frozen lists, {@code seed + "|" + publicEntropy} and the
 * algorithm version, which anyone can re-run from an export of the log ({@code deploy/ledger verify-draw}).
 * {@code publicEntropySource} is the source committed in {@link DrawPlanned} that the entropy was read from
 * (null in draws logged before revision 2).
 */
@Revision("2")
public record ResidentsDrawn(
        String conventionId,
        String drawId,
        String seed,
        String publicEntropy,
        String publicEntropySource,
        String algorithm,
        List<FrozenList> lists,
        List<DrawnResident> drawn)
        implements ConventionEvent {}
