package org.conventionledger.command.oversight;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.conventionledger.command.platform.Commands;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.command.privacy.PersonVault;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Erasure of a person's data on request (crypto-shredding): the request is logged first
 * ({@code PersonalDataErased}), then the person's key is deleted from the vault. A retry after a
 * failure between the two finds the request logged and deletes the key.
 */
@RestController
public class PrivacyController {

    private final Commands commands;
    private final PersonVault vault;

    public PrivacyController(Commands commands, PersonVault vault) {
        this.commands = commands;
        this.vault = vault;
    }

    public record ErasureRequest(
            @NotBlank @Size(max = 200) String basis,
            @NotNull LocalDate requestedOn) {}

    @PostMapping("/api/conventions/{conventionId}/persons/{personId}/erasure")
    public Map<String, Object> erase(
            @PathVariable String conventionId,
            @PathVariable String personId,
            @Valid @RequestBody ErasureRequest request) {
        boolean logged = true;
        try {
            commands.send(new EraseResident(conventionId, personId, request.basis(), request.requestedOn()));
        } catch (CommandExecutionException failed) {
            boolean loggedBefore = failed.getDetails()
                    .filter(d -> d instanceof RuleViolation.Details rule && "already-erased".equals(rule.code()))
                    .isPresent();
            if (!loggedBefore || vault.key(personId).isEmpty()) {
                throw failed;
            }
            logged = false;
        }
        boolean keyDeleted = vault.erase(personId);
        return Map.of("personId", personId, "keyDeleted", keyDeleted, "logged", logged);
    }
}
