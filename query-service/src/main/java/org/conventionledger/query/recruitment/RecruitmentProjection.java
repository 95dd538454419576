package org.conventionledger.query.recruitment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.conventionledger.events.organisation.ConventionOpened;
import org.conventionledger.events.organisation.DelegatedRoleAssigned;
import org.conventionledger.events.organisation.DelegatedRoleHandedOver;
import org.conventionledger.events.recruitment.AssemblyCapacitiesSet;
import org.conventionledger.events.recruitment.DrawnResident;
import org.conventionledger.events.recruitment.InvitationAnswered;
import org.conventionledger.events.recruitment.InvitationReminderSent;
import org.conventionledger.events.recruitment.InvitationSent;
import org.conventionledger.events.recruitment.InvitationsClosed;
import org.conventionledger.events.recruitment.ListedResident;
import org.conventionledger.events.recruitment.MemberSeated;
import org.conventionledger.events.recruitment.MemberWithdrew;
import org.conventionledger.events.recruitment.MembershipLost;
import org.conventionledger.events.recruitment.PanelDrawn;
import org.conventionledger.events.recruitment.PanelLotteryComputed;
import org.conventionledger.events.recruitment.PanelSelectionDefined;
import org.conventionledger.events.recruitment.ReplacementCalled;
import org.conventionledger.events.recruitment.ResidentsDrawn;
import org.conventionledger.events.recruitment.ResidentsListed;
import org.conventionledger.events.recruitment.SourceListFrozen;
import org.conventionledger.events.recruitment.SourceListRegistered;
import org.conventionledger.events.recruitment.VolunteerRegistered;
import org.conventionledger.query.platform.DocumentProjection;
import org.conventionledger.query.platform.ProcessingConfiguration;
import org.conventionledger.query.platform.Projections;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps each convention's {@link Recruitment} (absorbing each event exactly once) and its side
 * collections {@link ListedPerson} and {@link InvitationRecord} (idempotent writes). The "recruitment"
 * processor sequences by convention, so an invitation is recorded before its volunteer registers and a
 * member is seated before leaving; a departure of a member never seated fails its batch.
 */
@Component
@ProcessingGroup(ProcessingConfiguration.RECRUITMENT)
class RecruitmentProjection extends DocumentProjection<Recruitment> {

    RecruitmentProjection(Projections projections, MongoTemplate mongo) {
        super(projections, mongo, Recruitment.class, Recruitment::of);
    }

    @EventHandler
    void on(ConventionOpened event, EventMessage<?> message, TrackingToken token) {
        update(
                event,
                message,
                token,
                r -> r.transitions = new ArrayList<>(
                        event.transitions().stream().map(Enum::name).toList()));
    }

    @EventHandler
    void on(SourceListRegistered event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, r -> {
            Recruitment.SourceList list = r.list(event.listId());
            list.name = event.name();
            list.kind = event.kind();
        });
    }

    /** Only the pseudonymous person ids are kept: the sealed identities stay in the log. */
    @EventHandler
    void on(ResidentsListed event, EventMessage<?> message, TrackingToken token) {
        ListedPerson.record(
                mongo,
                event.conventionId(),
                event.listId(),
                event.residents().stream().map(ListedResident::personId).toList());
        update(event, message, token, r -> r.list(event.listId()));
    }

    @EventHandler
    void on(SourceListFrozen event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, r -> r.list(event.listId()).frozenResidents = event.residents());
    }

    @EventHandler
    void on(ResidentsDrawn event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, r -> {
            for (DrawnResident drawn : event.drawn()) {
                r.drawn++;
                if (drawn.listId() != null) {
                    r.list(drawn.listId()).drawn++;
                }
            }
        });
    }

    @EventHandler
    void on(InvitationSent event, EventMessage<?> message, TrackingToken token) {
        InvitationRecord.sent(mongo, event);
        update(event, message, token, r -> {
            r.invited++;
            if (event.sourceList() != null) {
                r.list(event.sourceList()).invited++;
            }
        });
    }

    @EventHandler
    void on(InvitationReminderSent event, EventMessage<?> message, TrackingToken token) {
        InvitationRecord.reminded(mongo, event.conventionId(), event.invitationId());
        update(event, message, token, r -> r.remindersSent++);
    }

    @EventHandler
    void on(InvitationAnswered event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, r -> {
            switch (event.answer()) {
                case ACCEPTED -> r.accepted++;
                case DECLINED -> r.declined++;
                case NO_ANSWER -> r.noAnswer++;
            }
        });
    }

    @EventHandler
    void on(InvitationsClosed event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, r -> r.invitationsClosedOn = iso(event.deadline()));
    }

    /** The profile's coarse categories only; the sealed needs stay in the log. */
    @EventHandler
    void on(VolunteerRegistered event, EventMessage<?> message, TrackingToken token) {
        String sourceList = InvitationRecord.find(mongo, event.conventionId(), event.invitationId())
                .map(i -> i.sourceList)
                .orElse(null);
        update(event, message, token, r -> {
            r.volunteers.removeIf(v -> v.invitationId.equals(event.invitationId()));
            Recruitment.Volunteer volunteer = new Recruitment.Volunteer();
            volunteer.personId = event.personId();
            volunteer.invitationId = event.invitationId();
            volunteer.sourceList = sourceList;
            if (event.profile() != null) {
                for (Map.Entry<String, String> entry : event.profile().entrySet()) {
                    Recruitment.Trait trait = new Recruitment.Trait();
                    trait.category = entry.getKey();
                    trait.value = entry.getValue();
                    volunteer.profile.add(trait);
                }
            }
            r.volunteers.add(volunteer);
        });
    }

    @EventHandler
    void on(PanelSelectionDefined event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, r -> {
            Recruitment.Panel panel = new Recruitment.Panel();
            panel.selectionId = event.selectionId();
            panel.panelSize = event.panelSize();
            event.quotas().forEach(q -> {
                Recruitment.Quota quota = new Recruitment.Quota();
                quota.category = q.category();
                quota.value = q.value();
                quota.min = q.min();
                quota.max = q.max();
                panel.quotas.add(quota);
            });
            r.panel = panel;
        });
    }

    /** Only the lottery's algorithm and fairness floor: the panels and chances stay in the log. */
    @EventHandler
    void on(PanelLotteryComputed event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, r -> {
            r.panel().algorithm = event.algorithm();
            r.panel().minProbability = event.minProbability();
        });
    }

    @EventHandler
    void on(PanelDrawn event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, r -> {
            r.panel().selected = new ArrayList<>(event.selected());
            r.panel().reserve = new ArrayList<>(event.reserve());
        });
    }

    @EventHandler
    void on(ReplacementCalled event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, r -> {
            Recruitment.Replacement replacement = new Recruitment.Replacement();
            replacement.replacedMemberId = event.replacedMemberId();
            replacement.personId = event.personId();
            replacement.invitationId = event.invitationId();
            r.panel().replacements.add(replacement);
            r.panel().reserve.remove(event.personId());
        });
    }

    @EventHandler
    void on(AssemblyCapacitiesSet event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, r -> {
            r.capacities.clear();
            event.capacities().forEach((assembly, seats) -> r.capacities.put(assembly.name(), seats));
        });
    }

    /**
     * The member's person and source list come from their volunteer profile or, for a convention whose
     * panel was selected off the ledger, from the invitation alone.
     */
    @EventHandler
    void on(MemberSeated event, EventMessage<?> message, TrackingToken token) {
        InvitationRecord invitation = InvitationRecord.find(mongo, event.conventionId(), event.invitationId())
                .orElse(null);
        update(event, message, token, r -> {
            Recruitment.Member member = new Recruitment.Member();
            member.memberId = event.memberId();
            member.invitationId = event.invitationId();
            member.assembly = event.assembly().name();
            member.seatedOn = iso(event.seatedOn());
            r.volunteerOfInvitation(event.invitationId())
                    .ifPresentOrElse(
                            v -> {
                                member.personId = v.personId;
                                member.sourceList = v.sourceList;
                            },
                            () -> {
                                if (invitation != null) {
                                    member.personId = invitation.personId;
                                    member.sourceList = invitation.sourceList;
                                }
                            });
            r.members.add(member);
        });
    }

    @EventHandler
    void on(MemberWithdrew event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, r -> {
            Recruitment.Member member = r.member(event.memberId());
            member.leftOn = iso(event.withdrewOn());
            member.departure = "WITHDREW";
            member.withdrawalReason =
                    event.reason() == null ? null : event.reason().name();
        });
    }

    @EventHandler
    void on(MembershipLost event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, r -> {
            Recruitment.Member member = r.member(event.memberId());
            member.leftOn = iso(event.lostOn());
            member.departure = "LOST";
        });
    }

    @EventHandler
    void on(DelegatedRoleAssigned event, EventMessage<?> message, TrackingToken token) {
        update(
                event,
                message,
                token,
                r -> hold(r, event.assembly().name(), event.role().name(), event.memberId(), event.assignedOn()));
    }

    @EventHandler
    void on(DelegatedRoleHandedOver event, EventMessage<?> message, TrackingToken token) {
        update(
                event,
                message,
                token,
                r -> hold(r, event.assembly().name(), event.role().name(), event.toMemberId(), event.handedOverOn()));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(Recruitment.class);
        ListedPerson.dropAll(mongo);
        InvitationRecord.dropAll(mongo);
    }

    private static void hold(Recruitment r, String assembly, String role, String memberId, LocalDate since) {
        r.roles.removeIf(h -> h.assembly.equals(assembly) && h.role.equals(role));
        Recruitment.RoleHolder holder = new Recruitment.RoleHolder();
        holder.assembly = assembly;
        holder.role = role;
        holder.memberId = memberId;
        holder.since = iso(since);
        r.roles.add(holder);
    }

    private static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
