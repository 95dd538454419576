package org.conventionledger.command.organisation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.conventionledger.command.platform.RuleViolation.requireText;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.events.Transition;
import org.conventionledger.events.organisation.AttendanceCorrected;
import org.conventionledger.events.organisation.AttendanceRecorded;
import org.conventionledger.events.organisation.ExpenseApproved;
import org.conventionledger.events.organisation.ExpenseClaimed;
import org.conventionledger.events.organisation.ExpenseRejected;
import org.conventionledger.events.organisation.IndemnitiesPaid;
import org.conventionledger.events.organisation.Presence;
import org.conventionledger.events.organisation.SessionClosed;
import org.conventionledger.events.organisation.SessionKind;
import org.conventionledger.events.organisation.SessionScheduled;

/**
 * A session of the convention (a plenary, or one assembly's session) and what is recorded of it: who
 * was there, the members' expense claims and the payment of its indemnities.
 *
 * <ul>
 *   <li>Scheduling: the number is 1 or more and unused (a plenary's number by any meeting, an assembly
 *   meeting's by a plenary or the same assembly — sessions 2–4 meet per assembly); a plenary names no assembly,
 *       an assembly session one of the convention's assemblies; the session does not end before it starts.</li>
 *   <li>Attendance: each member's presence is recorded once, for a member seated in the convention who has
 *       not left it (and sits in the session's assembly, for an assembly session). A change is a
 *       correction, with a reason and a different presence; the earlier record stays in the log.</li>
 *   <li>Closing: once, not before the session starts. Attendance is final from then on.</li>
 *   <li>Expenses: claimed by a member recorded present, for more than 0 and at most
 *       1,000 euros ({@link #EXPENSE_CAP}), in cents; a pending claim is approved, or rejected with a reason,
 *       once.</li>
 *   <li>Payment: once, after closing, when no claim is pending and something is payable: the mandate's
 *       indemnity for each member present, plus the approved claims. No claim is taken after it.</li>
 * </ul>
 * Every command names the session's convention, so a session is never reached through another one.
 */
@Aggregate
public class Session {

    /** Above this a claim is a typing error or a matter for the finance department, not this flow. */
    static final BigDecimal EXPENSE_CAP = new BigDecimal("1000.00");

    private enum ClaimStatus {
        PENDING,
        APPROVED,
        REJECTED
    }

    private record Claim(String memberId, BigDecimal amount, ClaimStatus status) {
        Claim decided(ClaimStatus decision) {
            return new Claim(memberId, amount, decision);
        }
    }

    @AggregateIdentifier
    private String sessionId;

    private String conventionId;
    private int number;
    private SessionKind kind;
    private Transition assembly;
    private LocalDate startsOn;
    private LocalDate closedOn;
    private LocalDate paidOn;
    private final Map<String, Presence> attendance = new LinkedHashMap<>();
    private final Map<String, Claim> claims = new LinkedHashMap<>();

    protected Session() {
        // for Axon
    }

    @CommandHandler
    public Session(ScheduleSession command, PanelRegister register) {
        if (command.number() < 1) {
            throw RuleViolation.unprocessable("invalid-number", "A session's number is 1 or more.");
        }
        if (command.kind() == null) {
            throw RuleViolation.unprocessable("kind-required", "Say whether the session is PLENARY or ASSEMBLY.");
        }
        if (command.kind() == SessionKind.PLENARY && command.assembly() != null) {
            throw RuleViolation.unprocessable(
                    "assembly-not-allowed", "A plenary gathers every assembly: it names none.");
        }
        if (command.kind() == SessionKind.ASSEMBLY && command.assembly() == null) {
            throw RuleViolation.unprocessable("assembly-required", "An assembly session names its assembly.");
        }
        if (command.startsOn() == null || command.endsOn() == null) {
            throw RuleViolation.unprocessable(
                    "dates-required", "A session has a first and a last day: startsOn, endsOn.");
        }
        if (command.endsOn().isBefore(command.startsOn())) {
            throw RuleViolation.unprocessable(
                    "session-dates",
                    "A session cannot end (" + command.endsOn() + ") before it starts (" + command.startsOn() + ").");
        }
        var terms = register.terms(command.conventionId())
                .orElseThrow(() -> RuleViolation.notFound(
                        "unknown-convention", "No convention " + command.conventionId() + " exists."));
        if (command.assembly() != null && !terms.assemblies().contains(command.assembly())) {
            throw RuleViolation.unprocessable(
                    "unknown-assembly",
                    "This convention has no " + command.assembly() + " assembly; its assemblies are "
                            + terms.assemblies() + ".");
        }
        if (register.sessionNumberTaken(command.conventionId(), command.number(), command.assembly())) {
            throw RuleViolation.conflict(
                    "session-number-taken",
                    "Session number " + command.number()
                            + " is already scheduled "
                            + (command.assembly() == null
                                    ? "in this convention."
                                    : "as a plenary or for the " + command.assembly() + " assembly."));
        }
        apply(new SessionScheduled(
                command.conventionId(),
                command.sessionId(),
                command.number(),
                command.kind(),
                command.assembly(),
                command.startsOn(),
                command.endsOn()));
    }

    @CommandHandler
    public void handle(RecordAttendance command, MemberRegister members) {
        requireConvention(command.conventionId());
        requireNotClosed("record attendance");
        if (command.attendance() == null || command.attendance().isEmpty()) {
            throw RuleViolation.unprocessable("attendance-required", "Record the presence of at least one member.");
        }
        Set<String> batch = new HashSet<>();
        for (var entry : command.attendance()) {
            String member = requireMemberId(entry == null ? null : entry.memberId());
            if (entry.presence() == null) {
                throw RuleViolation.unprocessable(
                        "presence-required", "Say whether member " + member + " was PRESENT, EXCUSED or ABSENT.");
            }
            if (!batch.add(member)) {
                throw RuleViolation.unprocessable("duplicate-member", "Member " + member + " is listed twice.");
            }
            if (attendance.containsKey(member)) {
                throw RuleViolation.conflict(
                        "attendance-recorded",
                        "Member " + member + " is already recorded as " + attendance.get(member) + " at session "
                                + number + ": correct the record instead.");
            }
            requireSittingMember(member, members);
        }
        for (var entry : command.attendance()) {
            apply(new AttendanceRecorded(conventionId, sessionId, entry.memberId(), entry.presence()));
        }
    }

    @CommandHandler
    public void handle(CorrectAttendance command) {
        requireConvention(command.conventionId());
        requireNotClosed("correct attendance");
        Presence previous = attendance.get(command.memberId());
        if (previous == null) {
            throw RuleViolation.notFound(
                    "attendance-not-recorded",
                    "No presence of member " + command.memberId() + " is recorded at session " + number
                            + ": record it first.");
        }
        if (command.presence() == null) {
            throw RuleViolation.unprocessable("presence-required", "Give the corrected presence.");
        }
        if (command.presence() == previous) {
            throw RuleViolation.unprocessable(
                    "presence-unchanged", "Member " + command.memberId() + " is already recorded as " + previous + ".");
        }
        requireText(command.reason(), "reason-required", "A correction says why the record was wrong.");
        apply(new AttendanceCorrected(
                conventionId, sessionId, command.memberId(), previous, command.presence(), command.reason()));
    }

    @CommandHandler
    public void handle(CloseSession command) {
        requireConvention(command.conventionId());
        requireNotClosed("close it");
        if (command.closedOn() == null) {
            throw RuleViolation.unprocessable("date-required", "Say when the session closed: closedOn.");
        }
        if (command.closedOn().isBefore(startsOn)) {
            throw RuleViolation.unprocessable(
                    "closed-before-start",
                    "Session " + number + " starts on " + startsOn + ": it cannot close on " + command.closedOn()
                            + ".");
        }
        apply(new SessionClosed(conventionId, sessionId, command.closedOn()));
    }

    @CommandHandler
    public void handle(ClaimExpense command) {
        requireConvention(command.conventionId());
        if (paidOn != null) {
            throw RuleViolation.conflict(
                    "indemnities-paid", "Session " + number + " was paid on " + paidOn + ": it takes no more claims.");
        }
        if (claims.containsKey(command.claimId())) {
            throw RuleViolation.conflict("claim-exists", "Claim " + command.claimId() + " is already recorded.");
        }
        if (command.kind() == null) {
            throw RuleViolation.unprocessable(
                    "kind-required", "Say what the expense is for: TRAVEL, CHILDCARE, MEAL or OTHER.");
        }
        BigDecimal amount = euros(command.amount());
        String member = requireMemberId(command.memberId());
        if (attendance.get(member) != Presence.PRESENT) {
            throw RuleViolation.unprocessable(
                    "member-not-present",
                    "Only a member recorded present at session "
                            + number + " claims expenses for it; member " + member + " is "
                            + (attendance.containsKey(member) ? "recorded " + attendance.get(member) : "not recorded")
                            + ".");
        }
        apply(new ExpenseClaimed(conventionId, command.claimId(), sessionId, member, command.kind(), amount));
    }

    @CommandHandler
    public void handle(ApproveExpense command) {
        requireConvention(command.conventionId());
        requirePending(command.claimId());
        apply(new ExpenseApproved(conventionId, command.claimId()));
    }

    @CommandHandler
    public void handle(RejectExpense command) {
        requireConvention(command.conventionId());
        requirePending(command.claimId());
        requireText(command.reason(), "reason-required", "A rejection says why, for the member and the garants.");
        apply(new ExpenseRejected(conventionId, command.claimId(), command.reason()));
    }

    /** Returns what was paid, so the caller sees the payable list it triggered. */
    @CommandHandler
    public IndemnitiesPaid handle(PayIndemnities command, PanelRegister register) {
        requireConvention(command.conventionId());
        if (closedOn == null) {
            throw RuleViolation.conflict(
                    "session-not-closed", "Session " + number + " is paid once it is closed and its attendance final.");
        }
        if (paidOn != null) {
            throw RuleViolation.conflict(
                    "indemnities-paid", "Session " + number + " was already paid on " + paidOn + ".");
        }
        if (command.paidOn() == null) {
            throw RuleViolation.unprocessable("date-required", "Say when the indemnities were paid: paidOn.");
        }
        if (command.paidOn().isBefore(closedOn)) {
            throw RuleViolation.unprocessable(
                    "paid-before-close",
                    "Session " + number + " closed on " + closedOn + ": it cannot be paid on " + command.paidOn()
                            + ".");
        }
        List<String> pending = claims.entrySet().stream()
                .filter(c -> c.getValue().status() == ClaimStatus.PENDING)
                .map(Map.Entry::getKey)
                .toList();
        if (!pending.isEmpty()) {
            // a session is paid once, so a claim still pending would never be paid
            throw RuleViolation.conflict("claims-pending", "Approve or reject claims " + pending + " first.");
        }
        List<String> present = attendance.entrySet().stream()
                .filter(a -> a.getValue() == Presence.PRESENT)
                .map(Map.Entry::getKey)
                .toList();
        List<Claim> approved = claims.values().stream()
                .filter(c -> c.status() == ClaimStatus.APPROVED)
                .toList();
        if (present.isEmpty() && approved.isEmpty()) {
            throw RuleViolation.conflict(
                    "nothing-payable",
                    "Nobody was recorded present at session " + number + " and no expense was approved.");
        }
        BigDecimal indemnity = register.terms(conventionId)
                .map(PanelRegister.Terms::indemnityPerSession)
                .orElseThrow(() ->
                        RuleViolation.notFound("unknown-convention", "No convention " + conventionId + " exists."));
        BigDecimal total = indemnity
                .multiply(BigDecimal.valueOf(present.size()))
                .add(approved.stream().map(Claim::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .setScale(2, RoundingMode.HALF_UP);
        Set<String> payees = new LinkedHashSet<>(present);
        // an approved claim is paid even if its member's presence was corrected since: approval was a decision
        approved.forEach(c -> payees.add(c.memberId()));
        IndemnitiesPaid paid =
                new IndemnitiesPaid(conventionId, sessionId, List.copyOf(payees), total, command.paidOn());
        apply(paid);
        return paid;
    }

    @EventSourcingHandler
    void on(SessionScheduled event) {
        sessionId = event.sessionId();
        conventionId = event.conventionId();
        number = event.number();
        kind = event.kind();
        assembly = event.assembly();
        startsOn = event.startsOn();
    }

    @EventSourcingHandler
    void on(AttendanceRecorded event) {
        attendance.put(event.memberId(), event.presence());
    }

    @EventSourcingHandler
    void on(AttendanceCorrected event) {
        attendance.put(event.memberId(), event.presence());
    }

    @EventSourcingHandler
    void on(SessionClosed event) {
        closedOn = event.closedOn();
    }

    @EventSourcingHandler
    void on(ExpenseClaimed event) {
        claims.put(event.claimId(), new Claim(event.memberId(), event.amount(), ClaimStatus.PENDING));
    }

    @EventSourcingHandler
    void on(ExpenseApproved event) {
        claims.computeIfPresent(event.claimId(), (id, claim) -> claim.decided(ClaimStatus.APPROVED));
    }

    @EventSourcingHandler
    void on(ExpenseRejected event) {
        claims.computeIfPresent(event.claimId(), (id, claim) -> claim.decided(ClaimStatus.REJECTED));
    }

    @EventSourcingHandler
    void on(IndemnitiesPaid event) {
        paidOn = event.paidOn();
    }

    /** The path names the convention: a session of another convention is not found through it. */
    private void requireConvention(String convention) {
        if (!conventionId.equals(convention)) {
            throw RuleViolation.notFound(
                    "unknown-session", "Convention " + convention + " has no session " + sessionId + ".");
        }
    }

    private void requireNotClosed(String what) {
        if (closedOn != null) {
            throw RuleViolation.conflict(
                    "session-closed",
                    "Session " + number + " closed on " + closedOn + ": its attendance is final, so you cannot " + what
                            + ".");
        }
    }

    private void requireSittingMember(String member, MemberRegister members) {
        Transition seat = members.assemblyOf(conventionId, member)
                .orElseThrow(() -> RuleViolation.unprocessable(
                        "not-a-member", "Member " + member + " is not seated in this convention."));
        if (!members.isActive(conventionId, member)) {
            throw RuleViolation.conflict("member-inactive", "Member " + member + " has left the convention.");
        }
        if (kind == SessionKind.ASSEMBLY && seat != assembly) {
            throw RuleViolation.unprocessable(
                    "wrong-assembly",
                    "Member " + member + " sits in the " + seat + " assembly; session " + number + " is the " + assembly
                            + " assembly's.");
        }
    }

    private void requirePending(String claimId) {
        Claim claim = claims.get(claimId);
        if (claim == null) {
            throw RuleViolation.notFound("unknown-claim", "Session " + number + " has no claim " + claimId + ".");
        }
        if (claim.status() != ClaimStatus.PENDING) {
            throw RuleViolation.conflict(
                    "claim-decided",
                    "Claim " + claimId + " was already " + claim.status().name().toLowerCase() + ".");
        }
    }

    /** An amount in euros and cents, more than zero and at most the cap; normalised to two decimals. */
    private static BigDecimal euros(BigDecimal amount) {
        if (amount == null
                || amount.signum() <= 0
                || amount.stripTrailingZeros().scale() > 2) {
            throw RuleViolation.unprocessable(
                    "invalid-amount", "An expense is a positive amount in euros with at most two decimals.");
        }
        if (amount.compareTo(EXPENSE_CAP) > 0) {
            throw RuleViolation.unprocessable(
                    "amount-above-cap", "A claim is at most " + EXPENSE_CAP + " euros; " + amount + " is more.");
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    private static String requireMemberId(String memberId) {
        requireText(memberId, "member-required", "Name the member.");
        return memberId;
    }
}
