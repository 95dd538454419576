package org.conventionledger.command.organisation;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.conventionledger.events.Transition;
import org.conventionledger.events.organisation.DelegatedRole;

/** An assembly elected one of its members to a vacant delegated role. */
public record AssignDelegatedRole(
        String conventionId, Transition assembly, DelegatedRole role, String memberId, LocalDate assignedOn) {

    /** The assembly's roles are one stream: see {@link DelegatedRoles#id}. */
    @TargetAggregateIdentifier
    public String delegatedRolesId() {
        return DelegatedRoles.id(conventionId, assembly);
    }
}
