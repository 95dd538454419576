package org.conventionledger.command.organisation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.conventionledger.command.platform.Commands;
import org.conventionledger.command.platform.Limits;
import org.conventionledger.events.Transition;
import org.conventionledger.events.organisation.Mandate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Opening a convention under the council's mandate. */
@RestController
@RequestMapping("/api/conventions")
public class ConventionController {

    private final Commands commands;

    public ConventionController(Commands commands) {
        this.commands = commands;
    }

    public record MandateRequest(
            @NotBlank String deliberationReference,
            @NotNull LocalDate startsOn,
            @NotNull LocalDate endsOn,
            String expectedOutput,
            String cityCommitment,
            @NotNull @PositiveOrZero BigDecimal indemnityPerSession) {}

    public record OpenConventionRequest(
            @NotBlank String title,
            @NotBlank String city,
            @NotNull @Valid MandateRequest mandate,
            @NotEmpty @Size(max = Limits.ENTRIES) List<@NotNull Transition> transitions,
            @Min(1) int plannedSessions) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> open(@Valid @RequestBody OpenConventionRequest request) {
        String conventionId = Commands.newId();
        MandateRequest m = request.mandate();
        commands.send(new OpenConvention(
                conventionId,
                request.title(),
                request.city(),
                new Mandate(
                        m.deliberationReference(),
                        m.startsOn(),
                        m.endsOn(),
                        m.expectedOutput(),
                        m.cityCommitment(),
                        m.indemnityPerSession()),
                request.transitions(),
                request.plannedSessions()));
        return Map.of("conventionId", conventionId);
    }
}
