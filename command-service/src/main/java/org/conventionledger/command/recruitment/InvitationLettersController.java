package org.conventionledger.command.recruitment;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.conventionledger.command.oversight.RecordPersonalDataRead;
import org.conventionledger.command.platform.Commands;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.command.privacy.PersonVault;
import org.conventionledger.command.privacy.PersonalDataCipher;
import org.conventionledger.csv.CsvFlavour;
import org.conventionledger.csv.CsvWriter;
import org.conventionledger.rules.sortition.ResidentIdentity;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The print shop's file of invitation letters: the only place names and addresses are opened. The read
 * is logged ({@code PersonalDataRead}, with the reader in its metadata) before a byte is returned; a
 * person whose key was erased prints as {@code [erased]}. Written by {@link CsvWriter}: names cannot smuggle
 * a spreadsheet formula to the print shop.
 */
@RestController
public class InvitationLettersController {

    static final String PURPOSE = "invitation-letters";
    static final List<String> COLUMNS =
            List.of("invitation_id", "last_name", "first_name", "address", "postcode", "city");

    private final RecruitmentRegister register;
    private final PersonVault vault;
    private final Commands commands;

    public InvitationLettersController(RecruitmentRegister register, PersonVault vault, Commands commands) {
        this.register = register;
        this.vault = vault;
        this.commands = commands;
    }

    /** {@code format}: absent or {@code csv} for standard CSV, {@code excel-fr} for a French spreadsheet. */
    @GetMapping(path = "/api/conventions/{conventionId}/invitations/letters.csv", produces = "text/csv")
    public ResponseEntity<byte[]> letters(
            @PathVariable String conventionId, @RequestParam(required = false) String format) {
        CsvFlavour flavour = CsvFlavour.of(format); // anything else: 400 naming format, before anything is opened
        List<String[]> invitations = register.invitations(conventionId);
        if (invitations.isEmpty()) {
            throw RuleViolation.notFound(
                    "no-invitations", "No invitation was sent in convention " + conventionId + ".");
        }
        commands.send(new RecordPersonalDataRead(
                conventionId, PURPOSE, invitations.stream().map(i -> i[1]).toList()));
        List<List<String>> rows =
                invitations.stream().map(i -> line(i[0], i[1])).toList();
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("invitation-letters.csv")
                                .build()
                                .toString())
                .body(CsvWriter.write(flavour, COLUMNS, rows));
    }

    private List<String> line(String invitationId, String personId) {
        var key = vault.key(personId);
        var sealed = register.sealedIdentity(personId);
        // erased wins over any key: one made for the person after their erasure could not open their identity
        if (key.isEmpty() || sealed.isEmpty() || vault.erased(personId)) {
            return Arrays.asList(invitationId, "[erased]", null, null, null, null);
        }
        ResidentIdentity identity =
                ResidentIdentity.fromJson(PersonalDataCipher.open(key.get(), personId, sealed.get()));
        return Arrays.asList(
                invitationId,
                identity.lastName(),
                identity.firstName(),
                identity.address(),
                identity.postcode(),
                identity.city());
    }
}
