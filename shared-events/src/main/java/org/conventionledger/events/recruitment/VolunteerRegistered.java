package org.conventionledger.events.recruitment;

import java.util.Map;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;
import org.conventionledger.events.Transition;
import org.conventionledger.events.privacy.SealedPersonalData;

/**
 * A resident who accepted the invitation gave the profile the panel selection uses.
 *
 * @param profile             value per quota category (gender, age band, neighbourhood,
 *                             socio-professional category, source list…): coarse categories only,
 *                             kept readable so that garants can re-run the selection from the log
 * @param preferredTransition the transition the volunteer would rather work on, if any
 * @param needs               needs such as childcare, sealed with the person's key (may be null)
 * @param household           the pseudonym of the volunteer's household ({@code h-} + 24 hex, keyed with the
 *                            convention's secret, never the address), or null: the panel seats at most one
 *                            volunteer per household. Revision 2; volunteers of revision 1 have none.
 */
@Revision("2")
public record VolunteerRegistered(
        String conventionId,
        String invitationId,
        String personId,
        Map<String, String> profile,
        Transition preferredTransition,
        SealedPersonalData needs,
        String household)
        implements ConventionEvent {

    /** A volunteer without a household key. */
    public VolunteerRegistered(
            String conventionId,
            String invitationId,
            String personId,
            Map<String, String> profile,
            Transition preferredTransition,
            SealedPersonalData needs) {
        this(conventionId, invitationId, personId, profile, preferredTransition, needs, null);
    }
}
