package org.conventionledger.events.votation;

import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;

/**
 * A public votation over the finalised actions was scheduled; it is not open yet.
 *
 * <p>Revision 2 adds {@code rules}. A revision-1 payload has none and reads with {@code rules} null,
 * which means {@link VotationRules#BEFORE_RULES} (use {@link VotationRules#inForce}).
 *
 * @param opensAt  first instant an online ballot may be recorded at
 * @param closesAt first instant an online ballot is refused at (ballots are accepted in
 *                 [{@code opensAt}, {@code closesAt}) and only while the votation is open)
 * @param rules    eligibility, ballot rule, visibility of results while open; {@code null} in revision 1
 */
@Revision("2")
public record VotationScheduled(
        String conventionId,
        String votationId,
        String title,
        Instant opensAt,
        Instant closesAt,
        List<BallotItem> items,
        VotationRules rules)
        implements ConventionEvent {

    /** A votation without declared rules, as revision 1 recorded it. */
    public VotationScheduled(
            String conventionId,
            String votationId,
            String title,
            Instant opensAt,
            Instant closesAt,
            List<BallotItem> items) {
        this(conventionId, votationId, title, opensAt, closesAt, items, null);
    }
}
