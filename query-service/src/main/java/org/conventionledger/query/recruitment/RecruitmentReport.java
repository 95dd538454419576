package org.conventionledger.query.recruitment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.conventionledger.events.Transition;
import org.conventionledger.events.organisation.DelegatedRole;
import org.conventionledger.events.recruitment.WithdrawalReason;
import org.conventionledger.query.recruitment.RecruitmentView.Answers;
import org.conventionledger.query.recruitment.RecruitmentView.AssemblySeats;
import org.conventionledger.query.recruitment.RecruitmentView.Attrition;
import org.conventionledger.query.recruitment.RecruitmentView.Funnel;
import org.conventionledger.query.recruitment.RecruitmentView.PanelFigures;
import org.conventionledger.query.recruitment.RecruitmentView.Point;
import org.conventionledger.query.recruitment.RecruitmentView.ProfileAttrition;
import org.conventionledger.query.recruitment.RecruitmentView.QuotaFigures;
import org.conventionledger.query.recruitment.RecruitmentView.SourceListFigures;

/**
 * Counts the stored recruitment into its view. A member's profile is their volunteer's, found by the
 * invitation they were seated on; a panel member's by their person id. Members seated without a
 * registered profile count everywhere but in the profile figures.
 */
final class RecruitmentReport {

    private final Recruitment recruitment;
    private final Map<String, Recruitment.Volunteer> byInvitation;
    private final Map<String, Recruitment.Volunteer> byPerson;

    private RecruitmentReport(Recruitment recruitment) {
        this.recruitment = recruitment;
        this.byInvitation = recruitment.volunteers.stream()
                .collect(Collectors.toMap(v -> v.invitationId, Function.identity(), (a, b) -> b));
        this.byPerson = recruitment.volunteers.stream()
                .collect(Collectors.toMap(v -> v.personId, Function.identity(), (a, b) -> b));
    }

    /**
     * @param listed   distinct persons across the convention's lists
     * @param listedOn persons on one list
     * @param reminded invitations reminded at least once
     */
    static RecruitmentView of(Recruitment recruitment, long listed, ToLongFunction<String> listedOn, long reminded) {
        RecruitmentReport report = new RecruitmentReport(recruitment);
        return new RecruitmentView(
                recruitment.conventionId,
                report.funnel(listed, reminded),
                report.lists(listedOn),
                date(recruitment.invitationsClosedOn),
                report.panel(),
                report.seats(),
                report.attrition(),
                report.roles());
    }

    private Funnel funnel(long listed, long reminded) {
        Recruitment.Panel panel = recruitment.panel;
        return new Funnel(
                listed,
                recruitment.drawn,
                recruitment.invited,
                reminded,
                recruitment.remindersSent,
                new Answers(recruitment.accepted, recruitment.declined, recruitment.noAnswer),
                recruitment.volunteers.size(),
                panel == null ? 0 : panel.selected.size(),
                panel == null ? 0 : panel.replacements.size(),
                recruitment.members.size(),
                activeMembers().count());
    }

    private List<SourceListFigures> lists(ToLongFunction<String> listedOn) {
        return recruitment.lists.stream()
                .map(l -> new SourceListFigures(
                        l.listId,
                        l.name,
                        l.kind,
                        l.frozenResidents,
                        listedOn.applyAsLong(l.listId),
                        l.drawn,
                        l.invited,
                        recruitment.volunteers.stream()
                                .filter(v -> l.listId.equals(v.sourceList))
                                .count(),
                        recruitment.members.stream()
                                .filter(m -> l.listId.equals(m.sourceList))
                                .count()))
                .toList();
    }

    private PanelFigures panel() {
        Recruitment.Panel panel = recruitment.panel;
        if (panel == null) {
            return null;
        }
        List<QuotaFigures> quotas = panel.quotas.stream()
                .map(q -> {
                    long drawn = panel.selected.stream()
                            .filter(p -> has(byPerson.get(p), q.category, q.value))
                            .count();
                    long active = activeMembers()
                            .filter(m -> has(volunteerOf(m), q.category, q.value))
                            .count();
                    return new QuotaFigures(
                            q.category, q.value, q.min, q.max, drawn, active, outside(drawn, q), outside(active, q));
                })
                .toList();
        return new PanelFigures(
                panel.selectionId,
                panel.panelSize,
                panel.algorithm,
                panel.minProbability,
                panel.reserve.size(),
                quotas);
    }

    /** The convention's assemblies in its own order, then any others seats or members name. */
    private List<String> assemblies() {
        Set<String> assemblies = new LinkedHashSet<>(recruitment.transitions);
        assemblies.addAll(recruitment.capacities.keySet());
        recruitment.members.forEach(m -> assemblies.add(m.assembly));
        return List.copyOf(assemblies);
    }

    private List<AssemblySeats> seats() {
        return assemblies().stream()
                .map(a -> new AssemblySeats(
                        a,
                        recruitment.capacities.get(a),
                        recruitment.members.stream()
                                .filter(m -> a.equals(m.assembly))
                                .count(),
                        activeMembers().filter(m -> a.equals(m.assembly)).count()))
                .toList();
    }

    private Attrition attrition() {
        TreeMap<LocalDate, Long> changes = new TreeMap<>();
        for (Recruitment.Member m : recruitment.members) {
            if (m.seatedOn != null) {
                changes.merge(date(m.seatedOn), 1L, Long::sum);
            }
            if (m.leftOn != null) {
                changes.merge(date(m.leftOn), -1L, Long::sum);
            }
        }
        List<Point> points = new ArrayList<>();
        long active = 0;
        for (Map.Entry<LocalDate, Long> change : changes.entrySet()) {
            active += change.getValue();
            points.add(new Point(change.getKey(), active));
        }

        Map<String, Long> byReason = new LinkedHashMap<>();
        for (WithdrawalReason reason : WithdrawalReason.values()) {
            byReason.put(
                    reason.name(),
                    recruitment.members.stream()
                            .filter(m -> reason.name().equals(m.withdrawalReason))
                            .count());
        }

        TreeMap<List<String>, long[]> byValue =
                new TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1)));
        for (Recruitment.Member m : recruitment.members) {
            Recruitment.Volunteer volunteer = volunteerOf(m);
            if (volunteer == null) {
                continue;
            }
            for (Recruitment.Trait trait : volunteer.profile) {
                long[] counts = byValue.computeIfAbsent(List.of(trait.category, trait.value), k -> new long[2]);
                counts[0]++;
                if (!m.active()) {
                    counts[1]++;
                }
            }
        }
        List<ProfileAttrition> byProfile = byValue.entrySet().stream()
                .map(e -> new ProfileAttrition(e.getKey().get(0), e.getKey().get(1), e.getValue()[0], e.getValue()[1]))
                .toList();

        return new Attrition(points, departures("WITHDREW"), departures("LOST"), byReason, byProfile);
    }

    /** Role holders per assembly, assemblies and roles in the order of their enums. */
    private Map<String, Map<String, String>> roles() {
        Map<String, Map<String, String>> roles = new LinkedHashMap<>();
        recruitment.roles.stream()
                .sorted(Comparator.comparing((Recruitment.RoleHolder h) -> Transition.valueOf(h.assembly))
                        .thenComparing(h -> DelegatedRole.valueOf(h.role)))
                .forEach(h -> roles.computeIfAbsent(h.assembly, a -> new LinkedHashMap<>())
                        .put(h.role, h.memberId));
        return roles;
    }

    private Stream<Recruitment.Member> activeMembers() {
        return recruitment.members.stream().filter(Recruitment.Member::active);
    }

    private long departures(String departure) {
        return recruitment.members.stream()
                .filter(m -> departure.equals(m.departure))
                .count();
    }

    private Recruitment.Volunteer volunteerOf(Recruitment.Member member) {
        Recruitment.Volunteer volunteer = byInvitation.get(member.invitationId);
        return volunteer != null || member.personId == null ? volunteer : byPerson.get(member.personId);
    }

    private static boolean has(Recruitment.Volunteer volunteer, String category, String value) {
        return volunteer != null
                && volunteer.profile.stream()
                        .anyMatch(t -> Objects.equals(t.category, category) && Objects.equals(t.value, value));
    }

    private static boolean outside(long count, Recruitment.Quota quota) {
        return count < quota.min || count > quota.max;
    }

    private static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }
}
