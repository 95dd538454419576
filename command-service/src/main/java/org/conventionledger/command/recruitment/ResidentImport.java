package org.conventionledger.command.recruitment;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.conventionledger.command.platform.Commands;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.command.privacy.PersonVault;
import org.conventionledger.command.privacy.PersonalDataCipher;
import org.conventionledger.command.recruitment.sortition.PersonPseudonym;
import org.conventionledger.command.recruitment.sortition.ResidentIdentity;
import org.conventionledger.command.recruitment.sortition.SourceListCsv;
import org.conventionledger.events.privacy.SealedPersonalData;
import org.conventionledger.events.recruitment.ListedResident;
import org.springframework.stereotype.Component;

/**
 * Turns a resident list (CSV) into {@link ListResidents} commands: each resident is recognised by the
 * convention's keyed matching tag (the same person on several lists is one person) and gets the random
 * person id the {@link PersonVault} holds for it; their identity is sealed with their own key. Nothing
 * readable about a person reaches the log, nor anything that ties an id to a row of the file: residents
 * are listed in the order of their random ids, and each sealed identity is padded to a fixed size so
 * that its length does not betray the length of a name or an address (ADR-003).
 */
@Component
public class ResidentImport {

    /** What an import did. */
    public record Outcome(int rows, int newPeople, int batches) {
    }

    static final int BATCH = 1_000;
    /** Sealed identities are padded to a multiple of this many bytes; almost every identity fits in one. */
    static final int PADDED_BLOCK = 512;

    private final Commands commands;
    private final PersonVault vault;
    private final RecruitmentRegister register;

    public ResidentImport(Commands commands, PersonVault vault, RecruitmentRegister register) {
        this.commands = commands;
        this.vault = vault;
        this.register = register;
    }

    public Outcome importCsv(String conventionId, String listId, String csv) {
        register.list(listId).filter(list -> list.conventionId().equals(conventionId))
                .orElseThrow(() -> RuleViolation.notFound("unknown-list", "No source list " + listId + "."));
        List<ResidentIdentity> rows;
        try {
            rows = SourceListCsv.parse(csv);
        } catch (SourceListCsv.InvalidCsvException invalid) {
            throw RuleViolation.unprocessable("invalid-csv", invalid.getMessage());
        }
        if (rows.isEmpty()) {
            throw RuleViolation.unprocessable("residents-required", "The list has no resident.");
        }
        PersonPseudonym tags = new PersonPseudonym(vault.pseudonymSecret(conventionId));
        Map<String, ResidentIdentity> byTag = new LinkedHashMap<>();
        rows.forEach(row -> byTag.putIfAbsent(tags.matchingTag(conventionId, row), row));
        Map<String, String> idOfTag = vault.personIds(byTag.keySet());
        Map<String, ResidentIdentity> people = new TreeMap<>();
        byTag.forEach((tag, row) -> people.putIfAbsent(idOfTag.get(tag), row));
        Set<String> already = new HashSet<>(register.residentsOf(listId));
        List<String> ids = people.keySet().stream().filter(id -> !already.contains(id)).toList();
        int batches = 0;
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<String> slice = ids.subList(from, Math.min(ids.size(), from + BATCH));
            Map<String, byte[]> keys = vault.keysFor(slice);
            List<ListedResident> residents = slice.stream()
                    .map(id -> new ListedResident(id, new SealedPersonalData(id,
                            PersonalDataCipher.seal(keys.get(id), id, padded(people.get(id).toJson())))))
                    .toList();
            commands.send(new ListResidents(listId, residents));
            batches++;
        }
        return new Outcome(rows.size(), ids.size(), batches);
    }

    /** Seals a volunteer's needs (childcare…) with their key. */
    public SealedPersonalData sealNeeds(String conventionId, String invitationId, String needs) {
        String personId = register.invitee(conventionId, invitationId)
                .orElseThrow(() -> RuleViolation.notFound("unknown-invitation", "No invitation " + invitationId + "."));
        byte[] key = vault.keysFor(List.of(personId)).get(personId);
        if (key == null) {
            throw RuleViolation.conflict("person-erased", "The data of the person invited by " + invitationId
                    + " was erased: nothing more can be recorded about them.");
        }
        return new SealedPersonalData(personId, PersonalDataCipher.seal(key, personId, needs));
    }

    /** The JSON text with trailing spaces up to a multiple of {@value #PADDED_BLOCK} UTF-8 bytes (JSON ignores them). */
    static String padded(String json) {
        int length = json.getBytes(StandardCharsets.UTF_8).length;
        int target = ((length + PADDED_BLOCK - 1) / PADDED_BLOCK) * PADDED_BLOCK;
        return json + " ".repeat(target - length);
    }
}
