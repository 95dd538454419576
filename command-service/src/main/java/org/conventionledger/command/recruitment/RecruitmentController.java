package org.conventionledger.command.recruitment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.conventionledger.command.platform.Commands;
import org.conventionledger.command.platform.Limits;
import org.conventionledger.csv.TableReader;
import org.conventionledger.events.Transition;
import org.conventionledger.events.recruitment.Answer;
import org.conventionledger.events.recruitment.DrawnResident;
import org.conventionledger.events.recruitment.ListQuota;
import org.conventionledger.events.recruitment.NotInvitedReason;
import org.conventionledger.events.recruitment.WithdrawalReason;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Recruitment by lot: source lists, the committed draw, invitations and answers, members' seating and
 * leaving. The panel selection is in {@link PanelSelectionController}.
 */
@RestController
@RequestMapping("/api/conventions/{conventionId}")
public class RecruitmentController {

    private static final String SHA256_HEX = "[0-9a-fA-F]{64}";

    private final Commands commands;
    private final ResidentImport residentImport;
    private final AnswerImport answerImport;

    public RecruitmentController(Commands commands, ResidentImport residentImport, AnswerImport answerImport) {
        this.commands = commands;
        this.residentImport = residentImport;
        this.answerImport = answerImport;
    }

    public record SourceListRequest(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 64) String kind) {}

    public record ListQuotaRequest(
            @NotBlank String listId, @Min(0) int count) {}

    public record PlanDrawRequest(
            @NotEmpty @Size(max = Limits.ENTRIES) List<@Valid @NotNull ListQuotaRequest> lists,
            @Min(0) int overall,
            @NotBlank @Pattern(regexp = SHA256_HEX) String seedCommitment,
            @Size(max = 200) String publicEntropySource) {}

    /** @param publicEntropy randomness made public at the draw, e.g. the dice the bailiff saw rolled */
    public record PerformDrawRequest(
            @NotBlank @Size(max = 200) String seed,
            @NotBlank @Size(max = 200) String publicEntropy) {}

    public record InviteeRequest(
            @NotBlank @Size(max = 64) String invitationId,
            @NotBlank @Size(max = 64) String residentRef,
            @Size(max = 64) String sourceList) {}

    public record SendInvitationsRequest(
            @NotNull LocalDate sentOn,
            @NotEmpty @Size(max = 10_000) List<@Valid @NotNull InviteeRequest> invitees) {}

    public record NotInvitedRequest(
            @NotBlank @Size(max = 64) String residentRef,
            @NotNull NotInvitedReason reason,
            @NotNull LocalDate recordedOn) {}

    public record ReminderRequest(@NotNull LocalDate sentOn) {}

    public record AnswerRequest(
            @NotNull Answer answer,
            @NotNull LocalDate answeredOn,
            @Size(max = 20) Map<@NotBlank @Size(max = 64) String, @NotBlank @Size(max = 64) String> profile,
            Transition preferredTransition,
            @Size(max = 2_000) String needs,
            @Size(max = 500) String household) {}

    public record CloseInvitationsRequest(@NotNull LocalDate deadline) {}

    public record SeatMemberRequest(
            @NotBlank String invitationId,
            @NotNull Transition assembly,
            @NotBlank String contractVersion,
            @NotNull LocalDate seatedOn) {}

    public record WithdrawalRequest(
            @NotNull WithdrawalReason reason, @NotNull LocalDate withdrewOn) {}

    public record AbsenceRuleRequest(@NotNull LocalDate appliedOn) {}

    public record ContractRequest(
            @NotBlank @Size(max = 64) String version,
            @Min(0) int allowedUnexcusedAbsences,
            @NotNull LocalDate adoptedOn) {}

    @PostMapping("/source-lists")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> registerSourceList(
            @PathVariable String conventionId, @Valid @RequestBody SourceListRequest request) {
        String listId = Commands.newId();
        commands.send(new RegisterSourceList(listId, conventionId, request.name(), request.kind()));
        return Map.of("listId", listId);
    }

    /**
     * A list of residents as the city has it: CSV in any usual encoding and separator, or an {@code .xlsx}
     * workbook ({@code sheet} names the sheet, the first by default), columns recognised by their French or
     * English headers or named by {@code mapping} ({@code Header=field,...}); see docs/recruitment.md, "Files
     * accepted". {@code dryRun=true} checks the file and answers what would happen, writing nothing.
     */
    @PostMapping(
            path = "/source-lists/{listId}/residents",
            consumes = {"text/*", "application/octet-stream", "application/vnd.ms-excel", TableReader.XLSX_TYPE})
    public ResidentImport.Outcome listResidents(
            @PathVariable String conventionId,
            @PathVariable String listId,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(required = false) String mapping,
            @RequestParam(required = false) String sheet,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body) {
        return residentImport.importFile(conventionId, listId, body, contentType, mapping, sheet, dryRun);
    }

    /** The same, sent as a form: the part {@code file}, and optionally the parts {@code mapping} and {@code sheet}. */
    @PostMapping(path = "/source-lists/{listId}/residents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResidentImport.Outcome listResidentsForm(
            @PathVariable String conventionId,
            @PathVariable String listId,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(required = false) String mapping,
            @RequestParam(required = false) String sheet,
            @RequestPart("file") MultipartFile file)
            throws IOException {
        try (InputStream body = file.getInputStream()) {
            return residentImport.importFile(conventionId, listId, body, file.getContentType(), mapping, sheet, dryRun);
        }
    }

    @ExceptionHandler(RejectedFile.class)
    ProblemDetail rejectedFile(RejectedFile rejected) {
        return rejected.problem();
    }

    @PostMapping("/source-lists/{listId}/freeze")
    public Map<String, String> freeze(@PathVariable String conventionId, @PathVariable String listId) {
        commands.send(new FreezeSourceList(listId));
        return Map.of("listId", listId, "status", "FROZEN");
    }

    @PostMapping("/draws")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> planDraw(
            @PathVariable String conventionId, @Valid @RequestBody PlanDrawRequest request) {
        String drawId = Commands.newId();
        commands.send(new PlanDraw(
                drawId,
                conventionId,
                request.lists().stream()
                        .map(l -> new ListQuota(l.listId(), l.count()))
                        .toList(),
                request.overall(),
                request.seedCommitment(),
                request.publicEntropySource()));
        return Map.of("drawId", drawId);
    }

    @PostMapping("/draws/{drawId}/performance")
    public Map<String, Object> performDraw(
            @PathVariable String conventionId,
            @PathVariable String drawId,
            @Valid @RequestBody PerformDrawRequest request) {
        List<DrawnResident> drawn = commands.send(new PerformDraw(drawId, request.seed(), request.publicEntropy()));
        return Map.of("drawId", drawId, "status", "PERFORMED", "drawn", drawn);
    }

    @PostMapping("/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Integer> sendInvitations(
            @PathVariable String conventionId, @Valid @RequestBody SendInvitationsRequest request) {
        var invitees = request.invitees().stream()
                .map(i -> new SendInvitations.Invitee(i.invitationId(), i.residentRef(), i.sourceList()))
                .toList();
        commands.send(new SendInvitations(conventionId, invitees, request.sentOn()));
        return Map.of("invitationsSent", invitees.size());
    }

    @PostMapping("/invitations/not-invited")
    public Map<String, String> notInvited(
            @PathVariable String conventionId, @Valid @RequestBody NotInvitedRequest request) {
        commands.send(new RecordDrawnResidentNotInvited(
                conventionId, request.residentRef(), request.reason(), request.recordedOn()));
        return Map.of("residentRef", request.residentRef(), "status", "NOT_INVITED");
    }

    @PostMapping("/invitations/{invitationId}/reminder")
    public Map<String, String> remind(
            @PathVariable String conventionId,
            @PathVariable String invitationId,
            @Valid @RequestBody ReminderRequest request) {
        commands.send(new RemindInvitation(conventionId, invitationId, request.sentOn()));
        return Map.of("invitationId", invitationId, "status", "REMINDED");
    }

    @PostMapping("/invitations/{invitationId}/answer")
    public Map<String, String> answer(
            @PathVariable String conventionId,
            @PathVariable String invitationId,
            @Valid @RequestBody AnswerRequest request) {
        var needs = request.needs() == null || request.needs().isBlank()
                ? null
                : residentImport.sealNeeds(conventionId, invitationId, request.needs());
        commands.send(new RecordInvitationAnswer(
                conventionId,
                invitationId,
                request.answer(),
                request.answeredOn(),
                request.profile(),
                request.preferredTransition(),
                needs,
                request.household() == null
                        ? null
                        : residentImport.householdPseudonym(conventionId, request.household())));
        return Map.of("invitationId", invitationId, "answer", request.answer().name());
    }

    /**
     * The volunteers' answers as a file (see {@link AnswerImport}): all recorded or none; {@code dryRun=true}
     * checks and answers what would be recorded, writing nothing.
     */
    @PostMapping(
            path = "/invitations/answers",
            consumes = {"text/*", "application/octet-stream", "application/vnd.ms-excel", TableReader.XLSX_TYPE})
    public AnswerImport.Outcome answers(
            @PathVariable String conventionId,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(required = false) String mapping,
            @RequestParam(required = false) String sheet,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
            InputStream body) {
        return answerImport.importFile(conventionId, body, contentType, mapping, sheet, dryRun);
    }

    @PostMapping("/invitations/closure")
    public Map<String, String> closeInvitations(
            @PathVariable String conventionId, @Valid @RequestBody CloseInvitationsRequest request) {
        commands.send(new CloseInvitations(conventionId, request.deadline()));
        return Map.of("status", "CLOSED");
    }

    @PostMapping("/contracts")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> adoptContract(
            @PathVariable String conventionId, @Valid @RequestBody ContractRequest request) {
        commands.send(new AdoptEngagementContract(
                conventionId, request.version(), request.allowedUnexcusedAbsences(), request.adoptedOn()));
        return Map.of("version", request.version());
    }

    @PutMapping("/assemblies/capacities")
    public Map<Transition, Integer> setCapacities(
            @PathVariable String conventionId,
            @RequestBody @NotEmpty Map<@NotNull Transition, @NotNull Integer> request) {
        commands.send(new SetAssemblyCapacities(conventionId, request));
        return request;
    }

    @PostMapping("/members")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> seat(@PathVariable String conventionId, @Valid @RequestBody SeatMemberRequest request) {
        String memberId = Commands.newId();
        commands.send(new SeatMember(
                conventionId,
                memberId,
                request.invitationId(),
                request.assembly(),
                request.contractVersion(),
                request.seatedOn()));
        return Map.of("memberId", memberId);
    }

    @PostMapping("/members/{memberId}/withdrawal")
    public Map<String, String> withdraw(
            @PathVariable String conventionId,
            @PathVariable String memberId,
            @Valid @RequestBody WithdrawalRequest request) {
        commands.send(new WithdrawMember(conventionId, memberId, request.reason(), request.withdrewOn()));
        return Map.of("memberId", memberId, "status", "WITHDREW");
    }

    @PostMapping("/members/{memberId}/absence-rule")
    public Map<String, String> applyAbsenceRule(
            @PathVariable String conventionId,
            @PathVariable String memberId,
            @Valid @RequestBody AbsenceRuleRequest request) {
        commands.send(new ApplyAbsenceRule(conventionId, memberId, request.appliedOn()));
        return Map.of("memberId", memberId, "status", "MEMBERSHIP_LOST");
    }
}
