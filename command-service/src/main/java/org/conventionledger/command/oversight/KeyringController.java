package org.conventionledger.command.oversight;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.conventionledger.command.oversight.KeyringCommands.CountersignTreeHead;
import org.conventionledger.command.oversight.KeyringCommands.RegisterGarantKey;
import org.conventionledger.command.oversight.KeyringCommands.RevokeGarantKey;
import org.conventionledger.command.platform.Actor;
import org.conventionledger.command.platform.Commands;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.events.integrity.TreeHeads;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The garants' keys and the signed tree heads: a garant registers and revokes their own keys and
 * countersigns heads; a garant or an organiser asks for a head now; an organiser has the ledger rotate
 * its key.
 */
@RestController
public class KeyringController {

    private final Commands commands;
    private final TreeHeadSigner signer;
    private final Clock clock = Clock.systemUTC();

    public KeyringController(Commands commands, TreeHeadSigner signer) {
        this.commands = commands;
        this.signer = signer;
    }

    public record GarantKeyRequest(
            @NotBlank @Size(max = 200) String publicKey,
            @NotBlank @Size(max = 200) String proof) {}

    public record RevocationRequest(
            @NotBlank @Size(max = 500) String reason) {}

    public record CountersignatureRequest(
            @NotBlank @Size(max = 64) String keyId,
            @NotBlank @Size(max = 200) String signature) {}

    public record HeadRequest(@NotBlank @Size(max = 200) String reason) {}

    @PostMapping("/api/garant-keys")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> register(@Valid @RequestBody GarantKeyRequest request) {
        commands.send(
                new RegisterGarantKey(Keyring.ID, Actor.current().id(), request.publicKey(), request.proof(), now()));
        return Map.of(
                "keyId",
                TreeHeads.fingerprint(request.publicKey()),
                "garantId",
                Actor.current().id());
    }

    @PostMapping("/api/garant-keys/{keyId}/revocation")
    public Map<String, String> revoke(@PathVariable String keyId, @Valid @RequestBody RevocationRequest request) {
        commands.send(new RevokeGarantKey(Keyring.ID, Actor.current().id(), keyId, request.reason(), now()));
        return Map.of("keyId", keyId, "status", "REVOKED");
    }

    @PostMapping("/api/tree-heads/{headId}/countersignatures")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, String> countersign(
            @PathVariable String headId, @Valid @RequestBody CountersignatureRequest request) {
        commands.send(new CountersignTreeHead(
                Keyring.ID, headId, Actor.current().id(), request.keyId(), request.signature()));
        return Map.of("headId", headId, "status", "COUNTERSIGNED");
    }

    /** Signs a head over everything settled now (nothing new since the last head: nothing is signed). */
    @PostMapping("/api/tree-heads")
    public Map<String, Object> signNow(@Valid @RequestBody HeadRequest request) {
        if (signer.mismatch() != null) {
            throw RuleViolation.conflict("log-does-not-match-its-heads", signer.mismatch());
        }
        LedgerTree.Covered covered =
                signer.signNow(request.reason() + " (" + Actor.current().id() + ")");
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("size", covered.size());
        head.put("position", covered.position());
        head.put("root", covered.root());
        return head;
    }

    @PostMapping("/api/admin/ledger-key/rotation")
    public Map<String, String> rotate() throws IOException {
        return Map.of("keyId", signer.rotate());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
