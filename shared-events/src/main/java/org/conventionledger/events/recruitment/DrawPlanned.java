package org.conventionledger.events.recruitment;

import java.util.List;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * The organiser fixed a draw's parameters and committed to its seed before any of its lists was
 * frozen: only the seed's SHA-256 is logged now; the seed itself is revealed at the draw (e.g. dice
 * rolled before a bailiff).
 *
 * @param lists          the source lists drawn from, in the order the algorithm visits them
 * @param overall        residents drawn from the union of the lists, or 0 when counted per list
 * @param seedCommitment SHA-256 (hex) of the seed's UTF-8 bytes
 * @param algorithm      version of the draw algorithm the result must be computed with
 * @param publicEntropySource where the public entropy will come from, named before anyone can know its value
 *                       (e.g. "national lottery draw of 2021-09-04"); null in plans logged before revision 2
 */
@Revision("2")
public record DrawPlanned(
        String conventionId,
        String drawId,
        List<ListQuota> lists,
        int overall,
        String seedCommitment,
        String algorithm,
        String publicEntropySource)
        implements ConventionEvent {}
