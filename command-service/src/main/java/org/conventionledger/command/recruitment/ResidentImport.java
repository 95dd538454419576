package org.conventionledger.command.recruitment;

import java.io.InputStream;
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
import org.conventionledger.command.recruitment.sortition.SourceListFile;
import org.conventionledger.csv.Table;
import org.conventionledger.csv.TableReader;
import org.conventionledger.events.privacy.SealedPersonalData;
import org.conventionledger.events.recruitment.ListedResident;
import org.springframework.stereotype.Component;

/**
 * Turns a resident list (CSV or spreadsheet, see {@link SourceListFile} and {@link TableReader}) into
 * {@link ListResidents} commands: each resident gets the convention's keyed pseudonym (the same person on
 * several lists is one person) and their identity is sealed with their own key from the
 * {@link PersonVault}. Nothing readable about a person reaches the log.
 *
 * <p>All or nothing: a file with any problem is rejected whole ({@link RejectedFile}). A dry run reads and
 * checks the same way and answers the same figures, with the problems, but sends no command.
 */
@Component
public class ResidentImport {

    /**
     * What an import did, or would do on a dry run.
     *
     * @param rows        data rows read
     * @param newPeople   people of the file on no list of the convention yet
     * @param knownPeople people of the file already on a list of the convention (this one included)
     * @param listed      people added to this list (those not on it yet)
     * @param batches     {@code ResidentsListed} events written (0 on a dry run)
     * @param mapping     each header of the file and the field it was read as
     */
    public record Outcome(boolean dryRun, int rows, int newPeople, int knownPeople, int listed, int batches,
                          String format, String encoding, String delimiter, Map<String, String> mapping,
                          List<SourceListFile.Problem> problems, int problemCount) {
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

    /**
     * Imports the file {@code body} declared as {@code contentType}, with an explicit column {@code mapping}
     * (may be blank) and the {@code sheet} to read in a workbook (may be null).
     */
    public Outcome importFile(String conventionId, String listId, InputStream body, String contentType,
                              String mapping, String sheet, boolean dryRun) {
        register.list(listId).filter(list -> list.conventionId().equals(conventionId))
                .orElseThrow(() -> RuleViolation.notFound("unknown-list", "No source list " + listId + "."));
        Map<String, String> columns;
        try {
            columns = SourceListFile.mapping(mapping);
        } catch (IllegalArgumentException bad) {
            throw RuleViolation.unprocessable("mapping", bad.getMessage());
        }
        SourceListFile.Reading reading;
        String format;
        String encoding;
        String delimiter;
        try (Table table = TableReader.bounded().open(body, contentType, sheet)) {
            reading = SourceListFile.read(table, columns);
            format = table.kind();
            encoding = table.encoding();
            delimiter = table.delimiter();
        } catch (org.conventionledger.csv.UnreadableTable unreadable) {
            reading = new SourceListFile.Reading(0, List.of(), Map.of(),
                    List.of(new SourceListFile.Problem(unreadable.line(), null, unreadable.getMessage())), 1);
            format = null;
            encoding = null;
            delimiter = null;
        }
        if (reading.acceptable() && reading.residents().isEmpty()) {
            reading = new SourceListFile.Reading(reading.rows(), List.of(), reading.mapping(),
                    List.of(new SourceListFile.Problem(0, null, "the list has no resident")), 1);
        }
        if (!reading.acceptable() && !dryRun) {
            throw new RejectedFile("invalid-csv", reading.problems(), reading.problemCount());
        }

        PersonPseudonym pseudonyms = new PersonPseudonym(vault.pseudonymSecret(conventionId));
        Map<String, ResidentIdentity> people = new LinkedHashMap<>();
        reading.residents().forEach(row -> people.put(pseudonyms.personId(conventionId, row.identity()), row.identity()));
        Set<String> known = new HashSet<>(register.residentsOfConvention(conventionId));
        int knownPeople = (int) people.keySet().stream().filter(known::contains).count();
        Set<String> already = new HashSet<>(register.residentsOf(listId));
        List<String> ids = people.keySet().stream().filter(id -> !already.contains(id)).toList();
        int batches = 0;
        if (!dryRun) {
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
        }
        return new Outcome(dryRun, reading.rows(), people.size() - knownPeople, knownPeople, ids.size(), batches,
                format, encoding, delimiter, reading.mapping(), reading.problems(), reading.problemCount());
    }

    /** Seals a volunteer's needs (childcare…) with their key. */
    public SealedPersonalData sealNeeds(String conventionId, String invitationId, String needs) {
        String personId = register.invitee(conventionId, invitationId)
                .orElseThrow(() -> RuleViolation.notFound("unknown-invitation", "No invitation " + invitationId + "."));
        byte[] key = vault.keysFor(List.of(personId)).get(personId);
        return new SealedPersonalData(personId, PersonalDataCipher.seal(key, personId, needs));
    }
}
