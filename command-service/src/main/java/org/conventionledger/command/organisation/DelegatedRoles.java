package org.conventionledger.command.organisation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.events.Transition;
import org.conventionledger.events.organisation.DelegatedRole;
import org.conventionledger.events.organisation.DelegatedRoleAssigned;
import org.conventionledger.events.organisation.DelegatedRoleHandedOver;

/**
 * The delegated roles one assembly elects among its members (secretary, journalist, watcher…). One
 * stream per assembly ({@link #id}), started by its first assignment, so that "the role is vacant" and
 * "the member holds no other role" are decided on one consistent state.
 *
 * <ul>
 *   <li>A role is assigned only while vacant, to a member of that assembly who has not left the convention.</li>
 *   <li>A member holds at most one role in their assembly: eight roles among twenty-odd members, so the
 *       responsibilities (and the hours they take) are spread, and nobody speaks for the assembly in two
 *       capacities.</li>
 *   <li>A role is handed over by its holder, even one who has since left the convention (their role must
 *       pass on), to another member of the assembly who has not left and holds no role.</li>
 * </ul>
 * No command leaves a role vacant once assigned: it passes from hand to hand.
 */
@Aggregate
public class DelegatedRoles {

    @AggregateIdentifier
    private String delegatedRolesId;

    private final Map<DelegatedRole, String> holders = new EnumMap<>(DelegatedRole.class);

    protected DelegatedRoles() {
        // for Axon; also the blank stream CREATE_IF_MISSING hands to the first command
    }

    /** The stream of an assembly's roles: {@code conventionId:ASSEMBLY}. */
    public static String id(String conventionId, Transition assembly) {
        return conventionId + ":" + assembly;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(AssignDelegatedRole command, PanelRegister register, MemberRegister members) {
        requireRoleAndDate(command.role(), command.assignedOn(), "assignedOn");
        var terms = register.terms(command.conventionId())
                .orElseThrow(() -> RuleViolation.notFound(
                        "unknown-convention", "No convention " + command.conventionId() + " exists."));
        if (command.assembly() == null || !terms.assemblies().contains(command.assembly())) {
            throw RuleViolation.unprocessable(
                    "unknown-assembly",
                    "This convention has no " + command.assembly() + " assembly; its assemblies are "
                            + terms.assemblies() + ".");
        }
        String holder = holders.get(command.role());
        if (holder != null) {
            throw RuleViolation.conflict(
                    "role-taken",
                    "Member " + holder + " holds " + command.role() + " in the " + command.assembly()
                            + " assembly: hand it over instead.");
        }
        requireEligible(command.conventionId(), command.assembly(), command.memberId(), members);
        apply(new DelegatedRoleAssigned(
                command.conventionId(), command.assembly(), command.role(), command.memberId(), command.assignedOn()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(HandOverDelegatedRole command, MemberRegister members) {
        requireRoleAndDate(command.role(), command.handedOverOn(), "handedOverOn");
        String holder = holders.get(command.role());
        if (holder == null) {
            throw RuleViolation.conflict(
                    "role-vacant",
                    "Nobody holds " + command.role() + " in the " + command.assembly() + " assembly: assign it.");
        }
        if (!holder.equals(command.fromMemberId())) {
            throw RuleViolation.conflict(
                    "not-the-holder",
                    command.role() + " of the " + command.assembly() + " assembly is held by member " + holder
                            + ", not " + command.fromMemberId() + ".");
        }
        if (holder.equals(command.toMemberId())) {
            throw RuleViolation.unprocessable("same-member", "A role is handed over to another member.");
        }
        requireEligible(command.conventionId(), command.assembly(), command.toMemberId(), members);
        apply(new DelegatedRoleHandedOver(
                command.conventionId(),
                command.assembly(),
                command.role(),
                holder,
                command.toMemberId(),
                command.handedOverOn()));
    }

    @EventSourcingHandler
    void on(DelegatedRoleAssigned event) {
        delegatedRolesId = id(event.conventionId(), event.assembly());
        holders.put(event.role(), event.memberId());
    }

    @EventSourcingHandler
    void on(DelegatedRoleHandedOver event) {
        holders.put(event.role(), event.toMemberId());
    }

    private void requireEligible(String conventionId, Transition assembly, String member, MemberRegister members) {
        if (member == null || member.isBlank()) {
            throw RuleViolation.unprocessable("member-required", "Name the member who takes the role.");
        }
        Transition seat = members.assemblyOf(conventionId, member)
                .orElseThrow(() -> RuleViolation.unprocessable(
                        "not-a-member", "Member " + member + " is not seated in this convention."));
        if (!members.isActive(conventionId, member)) {
            throw RuleViolation.conflict("member-inactive", "Member " + member + " has left the convention.");
        }
        if (seat != assembly) {
            throw RuleViolation.unprocessable(
                    "wrong-assembly",
                    "Member " + member + " sits in the " + seat + " assembly, not the " + assembly + " one.");
        }
        for (var held : holders.entrySet()) {
            if (held.getValue().equals(member)) {
                throw RuleViolation.conflict(
                        "member-holds-role",
                        "Member " + member + " already holds " + held.getKey() + " in the " + assembly
                                + " assembly: one role per member spreads the responsibilities.");
            }
        }
    }

    private static void requireRoleAndDate(DelegatedRole role, LocalDate date, String field) {
        if (role == null) {
            throw RuleViolation.unprocessable("role-required", "Name the delegated role.");
        }
        if (date == null) {
            throw RuleViolation.unprocessable("date-required", "Say when: " + field + " is required.");
        }
    }
}
