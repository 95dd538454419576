package org.conventionledger.events.organisation;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;
import org.conventionledger.events.Transition;

/**
 * A delegated role passed from one member of the assembly to another.
 */
@Revision("1")
public record DelegatedRoleHandedOver(
        String conventionId,
        Transition assembly,
        DelegatedRole role,
        String fromMemberId,
        String toMemberId,
        LocalDate handedOverOn)
        implements ConventionEvent {}
