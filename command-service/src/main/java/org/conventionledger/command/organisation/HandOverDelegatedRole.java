package org.conventionledger.command.organisation;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.conventionledger.events.Transition;
import org.conventionledger.events.organisation.DelegatedRole;

/** A delegated role passes from its holder to another member of the assembly. */
public record HandOverDelegatedRole(
        String conventionId,
        Transition assembly,
        DelegatedRole role,
        String fromMemberId,
        String toMemberId,
        LocalDate handedOverOn) {

    /** The assembly's roles are one stream: see {@link DelegatedRoles#id}. */
    @TargetAggregateIdentifier
    public String delegatedRolesId() {
        return DelegatedRoles.id(conventionId, assembly);
    }
}
