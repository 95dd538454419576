package org.conventionledger.command.organisation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.conventionledger.command.platform.Commands;
import org.conventionledger.command.platform.Limits;
import org.conventionledger.events.Transition;
import org.conventionledger.events.organisation.ExpenseKind;
import org.conventionledger.events.organisation.IndemnitiesPaid;
import org.conventionledger.events.organisation.Presence;
import org.conventionledger.events.organisation.SessionKind;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sessions: scheduling, attendance and its corrections, closing, expense claims and the payment. */
@RestController
@RequestMapping("/api/conventions/{conventionId}/sessions")
public class SessionController {

    private final Commands commands;

    public SessionController(Commands commands) {
        this.commands = commands;
    }

    public record ScheduleSessionRequest(
            @Min(1) int number,
            @NotNull SessionKind kind,
            Transition assembly,
            @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn) {}

    public record AttendanceEntryRequest(
            @NotBlank @Size(max = 64) String memberId,
            @NotNull Presence presence) {}

    /** A session's register is a few dozen members; the bound keeps one request one transaction. */
    public record AttendanceRequest(
            @NotEmpty @Size(max = Limits.PEOPLE) List<@Valid @NotNull AttendanceEntryRequest> attendance) {}

    public record CorrectionRequest(
            @NotNull Presence presence, @NotBlank String reason) {}

    public record CloseRequest(@NotNull LocalDate closedOn) {}

    public record ClaimRequest(
            @NotBlank @Size(max = 64) String memberId,
            @NotNull ExpenseKind kind,

            @NotNull @Positive @DecimalMax("1000.00") @Digits(integer = 4, fraction = 2)
            BigDecimal amount) {}

    public record RejectionRequest(@NotBlank String reason) {}

    public record PaymentRequest(@NotNull LocalDate paidOn) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> schedule(
            @PathVariable String conventionId, @Valid @RequestBody ScheduleSessionRequest request) {
        String sessionId = Commands.newId();
        commands.send(new ScheduleSession(
                sessionId,
                conventionId,
                request.number(),
                request.kind(),
                request.assembly(),
                request.startsOn(),
                request.endsOn()));
        return Map.of("sessionId", sessionId);
    }

    @PostMapping("/{sessionId}/attendance")
    public Map<String, Object> recordAttendance(
            @PathVariable String conventionId,
            @PathVariable String sessionId,
            @Valid @RequestBody AttendanceRequest request) {
        var entries = request.attendance().stream()
                .map(a -> new RecordAttendance.Entry(a.memberId(), a.presence()))
                .toList();
        commands.send(new RecordAttendance(sessionId, conventionId, entries));
        return Map.of("sessionId", sessionId, "recorded", entries.size());
    }

    @PostMapping("/{sessionId}/attendance/{memberId}/correction")
    public Map<String, String> correctAttendance(
            @PathVariable String conventionId,
            @PathVariable String sessionId,
            @PathVariable String memberId,
            @Valid @RequestBody CorrectionRequest request) {
        commands.send(new CorrectAttendance(sessionId, conventionId, memberId, request.presence(), request.reason()));
        return Map.of(
                "sessionId",
                sessionId,
                "memberId",
                memberId,
                "presence",
                request.presence().name());
    }

    @PostMapping("/{sessionId}/close")
    public Map<String, String> close(
            @PathVariable String conventionId,
            @PathVariable String sessionId,
            @Valid @RequestBody CloseRequest request) {
        commands.send(new CloseSession(sessionId, conventionId, request.closedOn()));
        return Map.of("sessionId", sessionId, "status", "CLOSED");
    }

    @PostMapping("/{sessionId}/expenses")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> claim(
            @PathVariable String conventionId,
            @PathVariable String sessionId,
            @Valid @RequestBody ClaimRequest request) {
        String claimId = Commands.newId();
        commands.send(new ClaimExpense(
                sessionId, conventionId, claimId, request.memberId(), request.kind(), request.amount()));
        return Map.of("claimId", claimId);
    }

    @PostMapping("/{sessionId}/expenses/{claimId}/approval")
    public Map<String, String> approve(
            @PathVariable String conventionId, @PathVariable String sessionId, @PathVariable String claimId) {
        commands.send(new ApproveExpense(sessionId, conventionId, claimId));
        return Map.of("claimId", claimId, "status", "APPROVED");
    }

    @PostMapping("/{sessionId}/expenses/{claimId}/rejection")
    public Map<String, String> reject(
            @PathVariable String conventionId,
            @PathVariable String sessionId,
            @PathVariable String claimId,
            @Valid @RequestBody RejectionRequest request) {
        commands.send(new RejectExpense(sessionId, conventionId, claimId, request.reason()));
        return Map.of("claimId", claimId, "status", "REJECTED");
    }

    /** Answers the payable list: the members paid and the total, in euros. */
    @PostMapping("/{sessionId}/payment")
    public Map<String, Object> pay(
            @PathVariable String conventionId,
            @PathVariable String sessionId,
            @Valid @RequestBody PaymentRequest request) {
        IndemnitiesPaid paid = commands.send(new PayIndemnities(sessionId, conventionId, request.paidOn()));
        return Map.of(
                "sessionId", sessionId, "memberIds", paid.memberIds(), "total", paid.total(), "paidOn", paid.paidOn());
    }
}
