package org.conventionledger.command.organisation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import org.conventionledger.command.platform.Commands;
import org.conventionledger.events.Transition;
import org.conventionledger.events.organisation.DelegatedRole;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The delegated roles each assembly elects: assignment and handover. */
@RestController
@RequestMapping("/api/conventions/{conventionId}/assemblies/{assembly}/roles")
public class DelegatedRoleController {

    private final Commands commands;

    public DelegatedRoleController(Commands commands) {
        this.commands = commands;
    }

    public record AssignmentRequest(
            @NotNull DelegatedRole role,
            @NotBlank @Size(max = 64) String memberId,
            @NotNull LocalDate assignedOn) {}

    public record HandoverRequest(
            @NotBlank @Size(max = 64) String fromMemberId,
            @NotBlank @Size(max = 64) String toMemberId,
            @NotNull LocalDate handedOverOn) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> assign(
            @PathVariable String conventionId,
            @PathVariable String assembly,
            @Valid @RequestBody AssignmentRequest request) {
        Transition meeting = pathValue(Transition.class, "assembly", assembly);
        commands.send(new AssignDelegatedRole(
                conventionId, meeting, request.role(), request.memberId(), request.assignedOn()));
        return Map.of("assembly", meeting.name(), "role", request.role().name(), "memberId", request.memberId());
    }

    @PostMapping("/{role}/handover")
    public Map<String, String> handOver(
            @PathVariable String conventionId,
            @PathVariable String assembly,
            @PathVariable String role,
            @Valid @RequestBody HandoverRequest request) {
        Transition meeting = pathValue(Transition.class, "assembly", assembly);
        DelegatedRole delegated = pathValue(DelegatedRole.class, "role", role);
        commands.send(new HandOverDelegatedRole(
                conventionId,
                meeting,
                delegated,
                request.fromMemberId(),
                request.toMemberId(),
                request.handedOverOn()));
        return Map.of("assembly", meeting.name(), "role", delegated.name(), "memberId", request.toMemberId());
    }

    /**
     * Parsed here rather than by Spring so a bad segment answers the usual 400 problem (with its code,
     * {@code invalid-request}) naming the segment and its allowed values.
     */
    private static <E extends Enum<E>> E pathValue(Class<E> type, String segment, String value) {
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The path segment '" + segment + "' is one of "
                    + Arrays.toString(type.getEnumConstants()) + ", not '" + value + "'.");
        }
    }
}
