package org.conventionledger.command.recruitment;

import java.util.List;

import org.conventionledger.command.oversight.RecordPersonalDataRead;
import org.conventionledger.command.platform.Commands;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.command.privacy.PersonVault;
import org.conventionledger.command.privacy.PersonalDataCipher;
import org.conventionledger.command.recruitment.sortition.ResidentIdentity;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The print shop's file of invitation letters: the only place names and addresses are opened. The read
 * is logged ({@code PersonalDataRead}, with the reader in its metadata) before a byte is returned; a
 * person whose key was erased prints as {@code [erased]}.
 */
@RestController
public class InvitationLettersController {

    static final String PURPOSE = "invitation-letters";

    private final RecruitmentRegister register;
    private final PersonVault vault;
    private final Commands commands;

    public InvitationLettersController(RecruitmentRegister register, PersonVault vault, Commands commands) {
        this.register = register;
        this.vault = vault;
        this.commands = commands;
    }

    @GetMapping(path = "/api/conventions/{conventionId}/invitations/letters.csv", produces = "text/csv")
    public ResponseEntity<String> letters(@PathVariable String conventionId) {
        List<String[]> invitations = register.invitations(conventionId);
        if (invitations.isEmpty()) {
            throw RuleViolation.notFound("no-invitations", "No invitation was sent in convention " + conventionId + ".");
        }
        commands.send(new RecordPersonalDataRead(conventionId, PURPOSE,
                invitations.stream().map(i -> i[1]).toList()));
        StringBuilder csv = new StringBuilder("invitation_id,last_name,first_name,address,postcode,city\n");
        for (String[] invitation : invitations) {
            csv.append(invitation[0]).append(',').append(line(invitation[1])).append('\n');
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("invitation-letters.csv").build().toString())
                .body(csv.toString());
    }

    private String line(String personId) {
        var key = vault.key(personId);
        var sealed = register.sealedIdentity(personId);
        // erased wins over any key: one made for the person after their erasure could not open their identity
        if (key.isEmpty() || sealed.isEmpty() || vault.erased(personId)) {
            return "[erased],,,,";
        }
        ResidentIdentity identity = ResidentIdentity.fromJson(PersonalDataCipher.open(key.get(), personId, sealed.get()));
        return String.join(",", cell(identity.lastName()), cell(identity.firstName()), cell(identity.address()),
                cell(identity.postcode()), cell(identity.city()));
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
