package org.conventionledger.events.recruitment;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;
import org.conventionledger.events.Transition;

/**
 * A volunteer signed the engagement contract and took a seat in the assembly of a transition.
 *
 * @param contractVersion version of the engagement contract the member signed
 */
@Revision("1")
public record MemberSeated(
        String conventionId,
        String memberId,
        String invitationId,
        Transition assembly,
        String contractVersion,
        LocalDate seatedOn)
        implements ConventionEvent {}
