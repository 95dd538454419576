package org.conventionledger.command.recruitment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.events.Transition;
import org.conventionledger.events.organisation.ConventionOpened;
import org.conventionledger.events.recruitment.Answer;
import org.conventionledger.events.recruitment.AssemblyCapacitiesSet;
import org.conventionledger.events.recruitment.DrawnResidentNotInvited;
import org.conventionledger.events.recruitment.EngagementContractAdopted;
import org.conventionledger.events.recruitment.InvitationAnswered;
import org.conventionledger.events.recruitment.InvitationReminderSent;
import org.conventionledger.events.recruitment.InvitationSent;
import org.conventionledger.events.recruitment.InvitationsClosed;
import org.conventionledger.events.recruitment.MemberSeated;
import org.conventionledger.events.recruitment.MemberWithdrew;
import org.conventionledger.events.recruitment.MembershipLost;
import org.conventionledger.events.recruitment.PanelDrawn;
import org.conventionledger.events.recruitment.PanelLotteryComputed;
import org.conventionledger.events.recruitment.PanelSelectionDefined;
import org.conventionledger.events.recruitment.QuotaRange;
import org.conventionledger.events.recruitment.ReplacementCalled;
import org.conventionledger.events.recruitment.VolunteerRegistered;
import org.conventionledger.rules.sortition.PersonPseudonym;
import org.conventionledger.rules.sortition.SeedCommitment;

/**
 * The panel's recruitment, from invitations to members leaving: an entity (an Axon aggregate member) of the
 * {@code Convention} aggregate, whose stream it shares, so the log's events keep their aggregate type. Axon
 * routes the recruitment commands here; each rule is checked before the first event is applied, and the
 * {@code on} methods replay the events (the convention's assemblies come from {@link ConventionOpened}).
 *
 * <p>Rules: invitations go to residents a draw drew, once each, and a drawn resident who is not invited
 * gets a logged reason instead (never both); an invitation is answered once, until the
 * deadline closes the answers; a volunteer gives the profile the quotas use. The panel is selected once:
 * quotas and a seed commitment first, before the invitations close (so they cannot be fitted to the
 * answers), then the lottery (only once the answers are closed, so the pool is
 * final), then the draw with the revealed seed. Only volunteers on the drawn panel, or called from the
 * reserve, are seated, once, within their assembly's capacity, under an adopted contract, never beside a
 * sitting member of their household. A member leaves by withdrawing or under the contract's absence rule; a
 * member who left may be replaced once, by a reserve volunteer of no household already on the panel.
 */
public class Panel {

    /** A seated member and whether they still sit. */
    private record Member(
            String memberId, String invitationId, Transition assembly, String contractVersion, boolean active) {}

    private final Map<String, String> personByInvitation = new HashMap<>();
    private final Map<String, String> invitationByPerson = new HashMap<>();
    private final Set<String> notInvited = new HashSet<>();
    private final Map<String, Answer> answers = new HashMap<>();
    private boolean answersClosed;
    private final Map<String, VolunteerRegistered> volunteers = new LinkedHashMap<>();
    private PanelSelectionDefined selection;
    private boolean selectionBeforeClosure;
    private PanelLotteryComputed lottery;
    private PanelDrawn drawn;
    private final Set<String> selectable = new HashSet<>();
    private final Set<String> replacedMembers = new HashSet<>();
    private final Set<String> reserveCalled = new HashSet<>();
    private final Map<Transition, Integer> capacities = new HashMap<>();
    private final Map<String, Integer> contracts = new HashMap<>();
    private final Map<String, Member> members = new LinkedHashMap<>();
    private final Set<String> seatedInvitations = new HashSet<>();
    private String conventionId;
    private Set<Transition> assemblies = Set.of();

    // ---- commands --------------------------------------------------------------------------------

    @CommandHandler
    void handle(SendInvitations command, RecruitmentRegister register) {
        sendInvitations(command, register).forEach(AggregateLifecycle::apply);
    }

    @CommandHandler
    void handle(RecordDrawnResidentNotInvited command, RecruitmentRegister register) {
        apply(notInvited(command, register));
    }

    @CommandHandler
    void handle(RemindInvitation command) {
        apply(remind(command));
    }

    @CommandHandler
    void handle(RecordInvitationAnswer command) {
        answer(command).forEach(AggregateLifecycle::apply);
    }

    /** All the answers' rules are checked before the first event is applied: all are recorded or none. */
    @CommandHandler
    void handle(RecordInvitationAnswers command) {
        if (command.answers() == null || command.answers().isEmpty()) {
            throw RuleViolation.unprocessable("answers-required", "Give at least one answer.");
        }
        Set<String> seen = new HashSet<>();
        List<Object> events = new ArrayList<>();
        for (RecordInvitationAnswer answer : command.answers()) {
            if (!seen.add(answer.invitationId())) {
                throw RuleViolation.unprocessable(
                        "answer-twice", "Invitation " + answer.invitationId() + " is answered twice in the batch.");
            }
            events.addAll(answer(answer));
        }
        events.forEach(AggregateLifecycle::apply);
    }

    @CommandHandler
    void handle(CloseInvitations command) {
        closeAnswers(command).forEach(AggregateLifecycle::apply);
    }

    @CommandHandler
    void handle(DefinePanelSelection command) {
        apply(defineSelection(command));
    }

    /** The panels' record is stored in the transaction that appends the event naming it (ADR-010). */
    @CommandHandler
    void handle(ComputePanelLottery command, LotteryRecords records) {
        PanelLotteries.Published published = computeLottery();
        records.store(conventionId, published.record());
        apply(published.event());
    }

    @CommandHandler
    PanelDrawn handle(DrawPanel command, LotteryRecords records) {
        PanelDrawn panelDrawn = drawPanel(command, records);
        apply(panelDrawn);
        return panelDrawn;
    }

    @CommandHandler
    ReplacementCalled handle(CallReplacement command) {
        ReplacementCalled called = callReplacement(command);
        apply(called);
        return called;
    }

    @CommandHandler
    void handle(SetAssemblyCapacities command) {
        apply(setCapacities(command));
    }

    @CommandHandler
    void handle(AdoptEngagementContract command) {
        apply(adoptContract(command));
    }

    @CommandHandler
    void handle(SeatMember command) {
        if (command.assembly() == null || !assemblies.contains(command.assembly())) {
            throw RuleViolation.unprocessable(
                    "unknown-assembly",
                    "This convention has no " + command.assembly() + " assembly; its transitions are " + assemblies
                            + ".");
        }
        require(
                command.contractVersion() != null && !command.contractVersion().isBlank(),
                "contract-version-required",
                "Record which version of the engagement contract the member signed.");
        apply(seat(command));
    }

    @CommandHandler
    void handle(WithdrawMember command) {
        apply(withdraw(command));
    }

    // ---- invitations -----------------------------------------------------------------------------

    private List<Object> sendInvitations(SendInvitations command, RecruitmentRegister register) {
        require(
                command.invitees() != null && !command.invitees().isEmpty(),
                "invitees-required",
                "Name at least one invitee.");
        require(command.sentOn() != null, "sent-on-required", "Give the date the letters were sent.");
        requireAnswersOpen();
        Set<String> batchIds = new HashSet<>();
        Set<String> batchPersons = new HashSet<>();
        List<Object> events = new ArrayList<>();
        for (var invitee : command.invitees()) {
            if (personByInvitation.containsKey(invitee.invitationId()) || !batchIds.add(invitee.invitationId())) {
                throw RuleViolation.conflict(
                        "invitation-exists", "Invitation " + invitee.invitationId() + " was already sent.");
            }
            if (invitationByPerson.containsKey(invitee.residentRef()) || !batchPersons.add(invitee.residentRef())) {
                throw RuleViolation.conflict(
                        "resident-already-invited",
                        "Resident " + invitee.residentRef() + " is already invited to this convention.");
            }
            if (notInvited.contains(invitee.residentRef())) {
                throw RuleViolation.conflict(
                        "resident-not-invited",
                        "Resident " + invitee.residentRef() + " was logged as not to be invited.");
            }
            String list = register.drawnFrom(conventionId, invitee.residentRef())
                    .orElseThrow(() -> RuleViolation.unprocessable(
                            "not-drawn",
                            "Resident " + invitee.residentRef()
                                    + " was not drawn by lot in this convention: only drawn residents are invited."));
            if (invitee.sourceList() != null && !invitee.sourceList().equals(list)) {
                throw RuleViolation.unprocessable(
                        "wrong-source-list",
                        "Resident " + invitee.residentRef() + " was drawn from list " + list + ", not "
                                + invitee.sourceList() + ".");
            }
            events.add(new InvitationSent(
                    conventionId, invitee.invitationId(), invitee.residentRef(), list, command.sentOn()));
        }
        return events;
    }

    private DrawnResidentNotInvited notInvited(RecordDrawnResidentNotInvited command, RecruitmentRegister register) {
        requireAnswersOpen();
        require(
                command.reason() != null,
                "reason-required",
                "Give the reason: DECEASED, MOVED_AWAY, DUPLICATE or ADDRESS_UNKNOWN.");
        require(command.recordedOn() != null, "recorded-on-required", "Give the date the reason was established.");
        String list = register.drawnFrom(conventionId, command.residentRef())
                .orElseThrow(() -> RuleViolation.unprocessable(
                        "not-drawn",
                        "Resident " + command.residentRef() + " was not drawn by lot in this convention."));
        if (invitationByPerson.containsKey(command.residentRef())) {
            throw RuleViolation.conflict(
                    "resident-already-invited",
                    "Resident " + command.residentRef() + " is already invited to this convention.");
        }
        if (notInvited.contains(command.residentRef())) {
            throw RuleViolation.conflict(
                    "resident-not-invited",
                    "Resident " + command.residentRef() + " was already logged as not to be invited.");
        }
        return new DrawnResidentNotInvited(
                conventionId, command.residentRef(), list, command.reason(), command.recordedOn());
    }

    private InvitationReminderSent remind(RemindInvitation command) {
        requireInvitation(command.invitationId());
        requireAnswersOpen();
        requireUnanswered(command.invitationId());
        require(command.sentOn() != null, "sent-on-required", "Give the date the reminder was sent.");
        return new InvitationReminderSent(conventionId, command.invitationId(), command.sentOn());
    }

    private List<Object> answer(RecordInvitationAnswer command) {
        requireInvitation(command.invitationId());
        requireAnswersOpen();
        requireUnanswered(command.invitationId());
        require(command.answer() != null, "answer-required", "Give the answer: ACCEPTED, DECLINED or NO_ANSWER.");
        require(command.answeredOn() != null, "answered-on-required", "Give the date of the answer.");
        boolean accepted = command.answer() == Answer.ACCEPTED;
        boolean hasProfile = command.profile() != null && !command.profile().isEmpty();
        if (accepted) {
            require(
                    hasProfile,
                    "profile-required",
                    "A volunteer gives a profile (gender, age band, neighbourhood…) for the quotas.");
            command.profile()
                    .forEach((category, value) -> require(
                            category != null && !category.isBlank() && value != null && !value.isBlank(),
                            "profile-value",
                            "Every profile category needs a value."));
            String person = personByInvitation.get(command.invitationId());
            require(
                    command.needs() == null || person.equals(command.needs().personId()),
                    "needs-sealing",
                    "Needs must be sealed with the volunteer's own key.");
            requireHouseholdPseudonym(command.household());
        } else {
            require(
                    !hasProfile
                            && command.needs() == null
                            && command.preferredTransition() == null
                            && command.household() == null,
                    "profile-not-expected",
                    "Only a volunteer (ACCEPTED) gives a profile.");
        }
        List<Object> events = new ArrayList<>();
        events.add(
                new InvitationAnswered(conventionId, command.invitationId(), command.answer(), command.answeredOn()));
        if (accepted) {
            events.add(new VolunteerRegistered(
                    conventionId,
                    command.invitationId(),
                    personByInvitation.get(command.invitationId()),
                    Map.copyOf(command.profile()),
                    command.preferredTransition(),
                    command.needs(),
                    command.household()));
        }
        return events;
    }

    private List<Object> closeAnswers(CloseInvitations command) {
        requireAnswersOpen();
        require(command.deadline() != null, "deadline-required", "Give the answer deadline.");
        require(!personByInvitation.isEmpty(), "no-invitations", "No invitation was sent.");
        if (selection == null) {
            throw RuleViolation.conflict(
                    "selection-not-defined",
                    "Define the panel selection (size, quotas, seed "
                            + "commitment) before the invitations close, so it cannot be fitted to the answers.");
        }
        List<Object> events = new ArrayList<>();
        personByInvitation.keySet().stream()
                .filter(id -> !answers.containsKey(id))
                .sorted()
                .forEach(id ->
                        events.add(new InvitationAnswered(conventionId, id, Answer.NO_ANSWER, command.deadline())));
        events.add(new InvitationsClosed(conventionId, command.deadline(), events.size()));
        return events;
    }

    // ---- panel selection -------------------------------------------------------------------------

    private PanelSelectionDefined defineSelection(DefinePanelSelection command) {
        if (selection != null) {
            throw RuleViolation.conflict("selection-defined", "The panel selection is already defined.");
        }
        if (answersClosed) {
            throw RuleViolation.conflict(
                    "answers-closed",
                    "The invitations are closed: the panel selection must be "
                            + "defined before the answers are known.");
        }
        require(
                command.selectionId() != null && !command.selectionId().isBlank(),
                "selection-id-required",
                "Name the selection.");
        require(command.panelSize() > 0, "panel-size", "The panel has at least one seat.");
        require(command.quotas() != null, "quotas-required", "Give the quotas (an empty list for none).");
        Set<String> seen = new HashSet<>();
        for (QuotaRange quota : command.quotas()) {
            require(
                    quota.category() != null
                            && !quota.category().isBlank()
                            && quota.value() != null
                            && !quota.value().isBlank(),
                    "quota-names",
                    "Each quota names a category and a value.");
            require(
                    seen.add(quota.category() + "\u0000" + quota.value()),
                    "duplicate-quota",
                    "Quota " + quota.category() + "=" + quota.value() + " is given twice.");
            require(
                    quota.min() >= 0 && quota.min() <= quota.max(),
                    "quota-bounds",
                    "Quota " + quota.category() + "=" + quota.value() + " needs 0 <= min <= max.");
        }
        require(
                SeedCommitment.isValidCommitment(command.seedCommitment()),
                "seed-commitment",
                "The seed commitment is the SHA-256 of the seed: 64 hexadecimal characters.");
        return new PanelSelectionDefined(
                conventionId,
                command.selectionId(),
                command.panelSize(),
                List.copyOf(command.quotas()),
                command.seedCommitment().toLowerCase());
    }

    private PanelLotteries.Published computeLottery() {
        requireSelection();
        if (lottery != null) {
            throw RuleViolation.conflict("lottery-computed", "The panel lottery was already computed and published.");
        }
        if (!answersClosed) {
            throw RuleViolation.conflict(
                    "answers-open",
                    "Close the answers first: the lottery is computed on the final pool of volunteers.");
        }
        List<VolunteerRegistered> pool = List.copyOf(volunteers.values());
        if (pool.size() < selection.panelSize()) {
            throw RuleViolation.unprocessable(
                    "too-few-volunteers",
                    "Only " + pool.size() + " volunteers for " + selection.panelSize() + " seats.");
        }
        return PanelLotteries.compute(conventionId, selection, pool);
    }

    private PanelDrawn drawPanel(DrawPanel command, LotteryRecords records) {
        requireSelection();
        if (lottery == null) {
            throw RuleViolation.conflict("lottery-not-computed", "Compute and publish the lottery before the draw.");
        }
        if (drawn != null) {
            throw RuleViolation.conflict("panel-drawn", "The panel was already drawn.");
        }
        SeedReveal.check(command.seed(), command.publicEntropy());
        if (!SeedCommitment.matches(command.seed(), selection.seedCommitment())) {
            throw RuleViolation.unprocessable(
                    "seed-mismatch", "This seed does not match the commitment logged with the quotas.");
        }
        return PanelLotteries.draw(
                conventionId,
                selection,
                lottery,
                lottery.panelRecord() == null
                        ? null
                        : records.require(lottery.panelRecord().sha256()),
                List.copyOf(volunteers.values()),
                command.seed(),
                command.publicEntropy());
    }

    private ReplacementCalled callReplacement(CallReplacement command) {
        Member leaving = requireMember(command.replacedMemberId());
        if (leaving.active()) {
            throw RuleViolation.conflict(
                    "member-active",
                    "Member " + leaving.memberId() + " still sits: only a member who left is replaced.");
        }
        if (replacedMembers.contains(leaving.memberId())) {
            throw RuleViolation.conflict("already-replaced", "Member " + leaving.memberId() + " was already replaced.");
        }
        if (drawn == null) {
            throw RuleViolation.conflict("panel-not-drawn", "There is no reserve before the panel is drawn.");
        }
        // the leaver counts as seated: the rule removes them before trying each reserve volunteer
        List<VolunteerRegistered> seated = members.values().stream()
                .filter(m -> m.active() || m.memberId().equals(leaving.memberId()))
                .map(m -> volunteers.get(m.invitationId()))
                .toList();
        List<VolunteerRegistered> reserve = drawn.reserve().stream()
                .filter(p -> !reserveCalled.contains(p))
                .map(p -> volunteers.get(invitationByPerson.get(p)))
                .toList();
        Set<String> left = members.values().stream()
                .filter(m -> !m.active())
                .map(m -> personByInvitation.get(m.invitationId()))
                .collect(Collectors.toSet());
        // drawn or called volunteers not seated yet hold their place too: their households are taken
        List<VolunteerRegistered> onPanel = selectable.stream()
                .filter(p -> !left.contains(p))
                .map(p -> volunteers.get(invitationByPerson.get(p)))
                .toList();
        VolunteerRegistered next = PanelLotteries.replacement(
                        selection, seated, onPanel, volunteers.get(leaving.invitationId()), reserve)
                .orElseThrow(() -> RuleViolation.conflict(
                        "reserve-exhausted",
                        "No reserve volunteer keeps the panel within its quotas without sharing a household"
                                + " with someone on the panel."));
        return new ReplacementCalled(
                conventionId, selection.selectionId(), leaving.memberId(), next.personId(), next.invitationId());
    }

    // ---- members ---------------------------------------------------------------------------------

    private AssemblyCapacitiesSet setCapacities(SetAssemblyCapacities command) {
        require(
                command.capacities() != null && !command.capacities().isEmpty(),
                "capacities-required",
                "Give each assembly's number of seats.");
        command.capacities().forEach((assembly, seats) -> {
            require(
                    assembly != null && assemblies.contains(assembly),
                    "unknown-assembly",
                    "This convention has no " + assembly + " assembly; its transitions are " + assemblies + ".");
            require(seats != null && seats > 0, "capacity", "Each assembly has at least one seat.");
            long sitting = members.values().stream()
                    .filter(m -> m.active() && m.assembly() == assembly)
                    .count();
            require(
                    seats >= sitting,
                    "capacity-below-members",
                    "The " + assembly + " assembly already has " + sitting + " members.");
        });
        return new AssemblyCapacitiesSet(conventionId, Map.copyOf(command.capacities()));
    }

    private EngagementContractAdopted adoptContract(AdoptEngagementContract command) {
        require(command.version() != null && !command.version().isBlank(), "version-required", "Name the version.");
        if (contracts.containsKey(command.version())) {
            throw RuleViolation.conflict("contract-exists", "Contract version " + command.version() + " was adopted.");
        }
        require(command.allowedUnexcusedAbsences() >= 0, "absence-rule", "Allowed absences cannot be negative.");
        require(command.adoptedOn() != null, "adopted-on-required", "Give the adoption date.");
        return new EngagementContractAdopted(
                conventionId, command.version(), command.allowedUnexcusedAbsences(), command.adoptedOn());
    }

    private MemberSeated seat(SeatMember command) {
        requireInvitation(command.invitationId());
        if (answers.get(command.invitationId()) != Answer.ACCEPTED) {
            throw RuleViolation.conflict(
                    "invitation-not-accepted",
                    "Only a resident who accepted the invitation"
                            + " can be seated; invitation " + command.invitationId() + " is "
                            + (answers.containsKey(command.invitationId())
                                    ? answers.get(command.invitationId())
                                    : "unanswered")
                            + ".");
        }
        if (drawn == null) {
            throw RuleViolation.conflict("panel-not-drawn", "Draw the panel before seating members.");
        }
        if (!selectable.contains(personByInvitation.get(command.invitationId()))) {
            throw RuleViolation.conflict(
                    "not-selected",
                    "The volunteer of invitation " + command.invitationId()
                            + " is neither on the drawn panel nor called from the reserve.");
        }
        if (seatedInvitations.contains(command.invitationId())) {
            throw RuleViolation.conflict(
                    "already-seated", "The volunteer of invitation " + command.invitationId() + " is already seated.");
        }
        if (members.containsKey(command.memberId())) {
            throw RuleViolation.conflict("member-exists", "Member " + command.memberId() + " is already seated.");
        }
        if (!contracts.containsKey(command.contractVersion())) {
            throw RuleViolation.unprocessable(
                    "unknown-contract",
                    "Contract version " + command.contractVersion() + " was not adopted; adopted: " + contracts.keySet()
                            + ".");
        }
        String household = volunteers.get(command.invitationId()).household();
        if (household != null
                && members.values().stream()
                        .anyMatch(m -> m.active()
                                && household.equals(
                                        volunteers.get(m.invitationId()).household()))) {
            throw RuleViolation.conflict(
                    "household-seated",
                    "A member of the household of the volunteer of invitation " + command.invitationId()
                            + " already sits: the panel seats at most one volunteer per household.");
        }
        Integer capacity = capacities.get(command.assembly());
        long sitting = members.values().stream()
                .filter(m -> m.active() && m.assembly() == command.assembly())
                .count();
        if (capacity != null && sitting >= capacity) {
            throw RuleViolation.conflict(
                    "assembly-full", "The " + command.assembly() + " assembly's " + capacity + " seats are taken.");
        }
        require(command.seatedOn() != null, "seated-on-required", "Give the seating date.");
        return new MemberSeated(
                conventionId,
                command.memberId(),
                command.invitationId(),
                command.assembly(),
                command.contractVersion(),
                command.seatedOn());
    }

    private MemberWithdrew withdraw(WithdrawMember command) {
        requireActive(command.memberId());
        require(command.reason() != null, "reason-required", "Give the reason's category.");
        require(command.withdrewOn() != null, "withdrew-on-required", "Give the date.");
        return new MemberWithdrew(conventionId, command.memberId(), command.reason(), command.withdrewOn());
    }

    /**
     * The absence rule counts the member's unexcused absences, which the sessions keep: the {@code Convention}
     * root handles the command with that count, so recruitment does not depend on organisation.
     */
    public MembershipLost applyAbsenceRule(ApplyAbsenceRule command, int unexcusedAbsences) {
        Member member = requireActive(command.memberId());
        Integer allowed = contracts.get(member.contractVersion());
        if (allowed == null) {
            // seated before engagement contracts were logged: no absence rule was adopted with this version
            throw RuleViolation.conflict(
                    "contract-not-adopted",
                    "Member " + member.memberId() + " signed contract " + member.contractVersion()
                            + ", which was never adopted in the log: it has no absence rule.");
        }
        if (unexcusedAbsences <= allowed) {
            throw RuleViolation.conflict(
                    "absence-rule-not-met",
                    "Member " + member.memberId() + " has "
                            + unexcusedAbsences + " unexcused absences; contract " + member.contractVersion()
                            + " allows "
                            + allowed + ".");
        }
        require(command.appliedOn() != null, "applied-on-required", "Give the date.");
        return new MembershipLost(
                conventionId,
                member.memberId(),
                unexcusedAbsences,
                allowed,
                member.contractVersion(),
                command.appliedOn());
    }

    // ---- state -----------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(ConventionOpened event) {
        conventionId = event.conventionId();
        assemblies = EnumSet.copyOf(event.transitions());
    }

    @EventSourcingHandler
    void on(InvitationSent event) {
        personByInvitation.put(event.invitationId(), event.residentRef());
        invitationByPerson.put(event.residentRef(), event.invitationId());
    }

    @EventSourcingHandler
    void on(InvitationAnswered event) {
        answers.put(event.invitationId(), event.answer());
    }

    @EventSourcingHandler
    void on(InvitationsClosed event) {
        answersClosed = true;
    }

    @EventSourcingHandler
    void on(VolunteerRegistered event) {
        volunteers.put(event.invitationId(), event);
    }

    @EventSourcingHandler
    void on(DrawnResidentNotInvited event) {
        notInvited.add(event.residentRef());
    }

    @EventSourcingHandler
    void on(PanelSelectionDefined event) {
        selection = event;
        selectionBeforeClosure = !answersClosed;
    }

    @EventSourcingHandler
    void on(PanelLotteryComputed event) {
        lottery = event;
    }

    @EventSourcingHandler
    void on(PanelDrawn event) {
        drawn = event;
        selectable.addAll(event.selected());
    }

    @EventSourcingHandler
    void on(ReplacementCalled event) {
        replacedMembers.add(event.replacedMemberId());
        reserveCalled.add(event.personId());
        selectable.add(event.personId());
    }

    @EventSourcingHandler
    void on(AssemblyCapacitiesSet event) {
        capacities.clear();
        capacities.putAll(event.capacities());
    }

    @EventSourcingHandler
    void on(EngagementContractAdopted event) {
        contracts.put(event.version(), event.allowedUnexcusedAbsences());
    }

    @EventSourcingHandler
    void on(MemberSeated event) {
        seatedInvitations.add(event.invitationId());
        members.put(
                event.memberId(),
                new Member(event.memberId(), event.invitationId(), event.assembly(), event.contractVersion(), true));
    }

    @EventSourcingHandler
    void on(MemberWithdrew event) {
        leave(event.memberId());
    }

    @EventSourcingHandler
    void on(MembershipLost event) {
        leave(event.memberId());
    }

    private void leave(String memberId) {
        Member member = members.get(memberId);
        members.put(
                memberId,
                new Member(memberId, member.invitationId(), member.assembly(), member.contractVersion(), false));
    }

    // ---- checks ----------------------------------------------------------------------------------

    private void requireInvitation(String invitationId) {
        if (!personByInvitation.containsKey(invitationId)) {
            throw RuleViolation.notFound("unknown-invitation", "No invitation " + invitationId + " was sent.");
        }
    }

    /**
     * A household is logged as its pseudonym only (ADR-003): anything else — an address sent as it is, by a
     * client that skipped the pseudonym — is refused before it reaches the log.
     */
    private static void requireHouseholdPseudonym(String household) {
        if (household == null) {
            return;
        }
        require(!household.isBlank(), "household-blank", "A household key, when given, has a letter or digit.");
        require(
                household.matches(PersonPseudonym.HOUSEHOLD_PATTERN),
                "household-not-pseudonym",
                "A household is logged as its pseudonym (h- and 24 hexadecimal digits), never as the key itself.");
    }

    private void requireUnanswered(String invitationId) {
        if (answers.containsKey(invitationId)) {
            throw RuleViolation.conflict(
                    "invitation-already-answered",
                    "Invitation " + invitationId + " was already answered: " + answers.get(invitationId) + ".");
        }
    }

    private void requireAnswersOpen() {
        if (answersClosed) {
            throw RuleViolation.conflict("answers-closed", "The answer deadline has passed.");
        }
    }

    private void requireSelection() {
        if (selection == null) {
            throw RuleViolation.conflict("selection-not-defined", "Define the panel's size and quotas first.");
        }
        if (!selectionBeforeClosure) {
            throw RuleViolation.conflict(
                    "selection-after-closure",
                    "The panel selection was defined after the "
                            + "invitations closed: it may have been fitted to the answers, so the panel cannot "
                            + "be drawn.");
        }
    }

    private Member requireMember(String memberId) {
        Member member = members.get(memberId);
        if (member == null) {
            throw RuleViolation.notFound("unknown-member", "No member " + memberId + ".");
        }
        return member;
    }

    private Member requireActive(String memberId) {
        Member member = requireMember(memberId);
        if (!member.active()) {
            throw RuleViolation.conflict("member-left", "Member " + memberId + " already left the convention.");
        }
        return member;
    }

    private static void require(boolean condition, String code, String message) {
        if (!condition) {
            throw RuleViolation.unprocessable(code, message);
        }
    }
}
