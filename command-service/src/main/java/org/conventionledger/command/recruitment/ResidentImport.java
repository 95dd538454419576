package org.conventionledger.command.recruitment;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * Turns a resident list (CSV) into {@link ListResidents} commands: each resident gets the convention's
 * keyed pseudonym (the same person on several lists is one person) and their identity is sealed with
 * their own key from the {@link PersonVault}. Nothing readable about a person reaches the log.
 */
@Component
public class ResidentImport {

    /** What an import did. */
    public record Outcome(int rows, int newPeople, int batches) {
    }

    static final int BATCH = 1_000;

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
        PersonPseudonym pseudonyms = new PersonPseudonym(vault.pseudonymSecret(conventionId));
        Map<String, ResidentIdentity> people = new LinkedHashMap<>();
        rows.forEach(row -> people.putIfAbsent(pseudonyms.personId(conventionId, row), row));
        Set<String> already = new HashSet<>(register.residentsOf(listId));
        List<String> ids = people.keySet().stream().filter(id -> !already.contains(id)).toList();
        int batches = 0;
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<String> slice = ids.subList(from, Math.min(ids.size(), from + BATCH));
            Map<String, byte[]> keys = vault.keysFor(slice);
            List<ListedResident> residents = slice.stream()
                    .map(id -> new ListedResident(id, new SealedPersonalData(id,
                            PersonalDataCipher.seal(keys.get(id), id, people.get(id).toJson()))))
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
        return new SealedPersonalData(personId, PersonalDataCipher.seal(key, personId, needs));
    }
}
