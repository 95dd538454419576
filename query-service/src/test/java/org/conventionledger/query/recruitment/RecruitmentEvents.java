package org.conventionledger.query.recruitment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conventionledger.events.Transition;
import org.conventionledger.events.organisation.AttendanceCorrected;
import org.conventionledger.events.organisation.AttendanceRecorded;
import org.conventionledger.events.organisation.DelegatedRole;
import org.conventionledger.events.organisation.DelegatedRoleAssigned;
import org.conventionledger.events.organisation.DelegatedRoleHandedOver;
import org.conventionledger.events.organisation.ExpenseApproved;
import org.conventionledger.events.organisation.ExpenseClaimed;
import org.conventionledger.events.organisation.ExpenseKind;
import org.conventionledger.events.organisation.ExpenseRejected;
import org.conventionledger.events.organisation.IndemnitiesPaid;
import org.conventionledger.events.organisation.Presence;
import org.conventionledger.events.organisation.SessionClosed;
import org.conventionledger.events.organisation.SessionKind;
import org.conventionledger.events.organisation.SessionScheduled;
import org.conventionledger.events.privacy.SealedPersonalData;
import org.conventionledger.events.recruitment.Answer;
import org.conventionledger.events.recruitment.AssemblyCapacitiesSet;
import org.conventionledger.events.recruitment.DrawnResident;
import org.conventionledger.events.recruitment.FrozenList;
import org.conventionledger.events.recruitment.InvitationAnswered;
import org.conventionledger.events.recruitment.InvitationReminderSent;
import org.conventionledger.events.recruitment.InvitationSent;
import org.conventionledger.events.recruitment.InvitationsClosed;
import org.conventionledger.events.recruitment.ListedResident;
import org.conventionledger.events.recruitment.LotteryPanel;
import org.conventionledger.events.recruitment.MemberSeated;
import org.conventionledger.events.recruitment.MemberWithdrew;
import org.conventionledger.events.recruitment.MembershipLost;
import org.conventionledger.events.recruitment.PanelDrawn;
import org.conventionledger.events.recruitment.PanelLotteryComputed;
import org.conventionledger.events.recruitment.PanelSelectionDefined;
import org.conventionledger.events.recruitment.QuotaRange;
import org.conventionledger.events.recruitment.ReplacementCalled;
import org.conventionledger.events.recruitment.ResidentsDrawn;
import org.conventionledger.events.recruitment.ResidentsListed;
import org.conventionledger.events.recruitment.SelectionChance;
import org.conventionledger.events.recruitment.SourceListFrozen;
import org.conventionledger.events.recruitment.SourceListRegistered;
import org.conventionledger.events.recruitment.VolunteerRegistered;
import org.conventionledger.events.recruitment.WithdrawalReason;

/**
 * Recruitment and organisation payloads of one convention, for tests. Sealed data carries the marker
 * {@link #SEALED} so that tests can check it never reaches the read store.
 */
public final class RecruitmentEvents {

    public static final String SEALED = "v1:SEALED-CIPHERTEXT";

    private final String conventionId;

    public RecruitmentEvents(String conventionId) {
        this.conventionId = conventionId;
    }

    public static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    public SourceListRegistered listRegistered(String listId, String name, String kind) {
        return new SourceListRegistered(conventionId, listId, name, kind);
    }

    public ResidentsListed listed(String listId, int batch, String... personIds) {
        return new ResidentsListed(
                conventionId,
                listId,
                batch,
                Arrays.stream(personIds)
                        .map(p -> new ListedResident(p, new SealedPersonalData(p, SEALED + "-identity-" + p)))
                        .toList());
    }

    public SourceListFrozen frozen(String listId, int residents) {
        return new SourceListFrozen(conventionId, listId, residents, "f".repeat(64));
    }

    /** Pairs of person id and list id. */
    public ResidentsDrawn drawn(String drawId, String... personAndList) {
        List<DrawnResident> drawn = new ArrayList<>();
        for (int i = 0; i < personAndList.length; i += 2) {
            drawn.add(new DrawnResident(personAndList[i], personAndList[i + 1]));
        }
        return new ResidentsDrawn(
                conventionId,
                drawId,
                "seed",
                "dice 3 6 1",
                "dice at the draw",
                "draw-v1",
                List.of(new FrozenList("electoral", 6, "f".repeat(64))),
                drawn);
    }

    public InvitationSent invited(String invitationId, String personId, String listId) {
        return new InvitationSent(conventionId, invitationId, personId, listId, day("2025-02-01"));
    }

    public InvitationReminderSent reminded(String invitationId) {
        return new InvitationReminderSent(conventionId, invitationId, day("2025-02-15"));
    }

    public InvitationAnswered answered(String invitationId, Answer answer) {
        return new InvitationAnswered(conventionId, invitationId, answer, day("2025-02-20"));
    }

    public InvitationsClosed closed(String deadline, int unanswered) {
        return new InvitationsClosed(conventionId, day(deadline), unanswered);
    }

    /** Profile as category, value pairs. */
    public VolunteerRegistered volunteer(
            String invitationId, String personId, Transition preferred, String... profile) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < profile.length; i += 2) {
            values.put(profile[i], profile[i + 1]);
        }
        return new VolunteerRegistered(
                conventionId,
                invitationId,
                personId,
                values,
                preferred,
                new SealedPersonalData(personId, SEALED + "-needs-" + personId));
    }

    public PanelSelectionDefined selection(String selectionId, int size, QuotaRange... quotas) {
        return new PanelSelectionDefined(conventionId, selectionId, size, List.of(quotas), "c".repeat(64));
    }

    public static QuotaRange quota(String category, String value, int min, int max) {
        return new QuotaRange(category, value, min, max);
    }

    public PanelLotteryComputed lottery(String selectionId, String algorithm, double minProbability) {
        return new PanelLotteryComputed(
                conventionId,
                selectionId,
                algorithm,
                minProbability,
                List.of(new SelectionChance("p1", "inv-1", minProbability)),
                List.of(new LotteryPanel(1.0, List.of("p1"))));
    }

    public PanelDrawn panelDrawn(String selectionId, List<String> selected, List<String> reserve) {
        return new PanelDrawn(conventionId, selectionId, "seed", "dice 3 6 1", 0, selected, reserve);
    }

    public ReplacementCalled replacement(
            String selectionId, String replacedMemberId, String personId, String invitationId) {
        return new ReplacementCalled(conventionId, selectionId, replacedMemberId, personId, invitationId);
    }

    public AssemblyCapacitiesSet capacities(Map<Transition, Integer> capacities) {
        return new AssemblyCapacitiesSet(conventionId, capacities);
    }

    public MemberSeated seated(String memberId, String invitationId, Transition assembly, String on) {
        return new MemberSeated(conventionId, memberId, invitationId, assembly, "v1", day(on));
    }

    public MemberWithdrew withdrew(String memberId, WithdrawalReason reason, String on) {
        return new MemberWithdrew(conventionId, memberId, reason, day(on));
    }

    public MembershipLost lost(String memberId, String on) {
        return new MembershipLost(conventionId, memberId, 3, 2, "v1", day(on));
    }

    public DelegatedRoleAssigned role(Transition assembly, DelegatedRole role, String memberId) {
        return new DelegatedRoleAssigned(conventionId, assembly, role, memberId, day("2025-04-02"));
    }

    public DelegatedRoleHandedOver handOver(Transition assembly, DelegatedRole role, String from, String to) {
        return new DelegatedRoleHandedOver(conventionId, assembly, role, from, to, day("2025-05-21"));
    }

    public SessionScheduled session(
            String sessionId, int number, SessionKind kind, Transition assembly, String startsOn, String endsOn) {
        return new SessionScheduled(conventionId, sessionId, number, kind, assembly, day(startsOn), day(endsOn));
    }

    public AttendanceRecorded attendance(String sessionId, String memberId, Presence presence) {
        return new AttendanceRecorded(conventionId, sessionId, memberId, presence);
    }

    public AttendanceCorrected correction(String sessionId, String memberId, Presence previous, Presence presence) {
        return new AttendanceCorrected(conventionId, sessionId, memberId, previous, presence, "signed the sheet late");
    }

    public SessionClosed sessionClosed(String sessionId, String on) {
        return new SessionClosed(conventionId, sessionId, day(on));
    }

    public ExpenseClaimed claim(String claimId, String sessionId, String memberId, ExpenseKind kind, String amount) {
        return new ExpenseClaimed(conventionId, claimId, sessionId, memberId, kind, new BigDecimal(amount));
    }

    public ExpenseApproved approved(String claimId) {
        return new ExpenseApproved(conventionId, claimId);
    }

    public ExpenseRejected rejected(String claimId, String reason) {
        return new ExpenseRejected(conventionId, claimId, reason);
    }

    public IndemnitiesPaid paid(String sessionId, String total, String on, String... memberIds) {
        return new IndemnitiesPaid(conventionId, sessionId, List.of(memberIds), new BigDecimal(total), day(on));
    }
}
