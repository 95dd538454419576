package org.conventionledger.command.oversight;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.Map;
import org.conventionledger.command.platform.Actor;
import org.conventionledger.command.platform.Commands;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Seals of the log: published by a garant or an organiser from the read side's
 * {@code GET /api/audit/seal}, countersigned by garants with their own keys.
 */
@RestController
public class SealController {

    private final Commands commands;

    public SealController(Commands commands) {
        this.commands = commands;
    }

    public record SealRequest(
            @NotBlank String chain,
            @Min(-1) long position,
            @NotBlank String head,
            @Min(0) long length,
            @NotNull Instant sealedAt,
            String reason) {}

    public record CountersignatureRequest(
            @NotBlank String publicKey, @NotBlank String signature) {}

    @PostMapping("/api/seals")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> publish(@Valid @RequestBody SealRequest request) {
        String sealId = Commands.newId();
        commands.send(new PublishSeal(
                sealId,
                request.chain(),
                request.position(),
                request.head(),
                request.length(),
                request.sealedAt(),
                request.reason() == null ? "on demand" : request.reason()));
        return Map.of("sealId", sealId);
    }

    @PostMapping("/api/seals/{sealId}/countersignatures")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> countersign(
            @PathVariable String sealId, @Valid @RequestBody CountersignatureRequest request) {
        commands.send(new CountersignSeal(sealId, Actor.current().id(), request.publicKey(), request.signature()));
        return Map.of("sealId", sealId, "status", "COUNTERSIGNED");
    }
}
