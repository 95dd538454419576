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
 */
@Revision("1")
public record VolunteerRegistered(
        String conventionId,
        String invitationId,
        String personId,
        Map<String, String> profile,
        Transition preferredTransition,
        SealedPersonalData needs)
        implements ConventionEvent {}
