package org.conventionledger.events.organisation;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;
import org.conventionledger.events.ConventionEvent;
import org.conventionledger.events.Transition;

/**
 * An assembly elected one of its members to a delegated role.
 */
@Revision("1")
public record DelegatedRoleAssigned(
        String conventionId, Transition assembly, DelegatedRole role, String memberId, LocalDate assignedOn)
        implements ConventionEvent {}
