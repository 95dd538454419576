package org.conventionledger.command.recruitment;

import java.io.InputStream;
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
import org.conventionledger.csv.Table;
import org.conventionledger.csv.TableReader;
import org.conventionledger.events.privacy.SealedPersonalData;
import org.conventionledger.events.recruitment.ListedResident;
import org.conventionledger.rules.sortition.PersonPseudonym;
import org.conventionledger.rules.sortition.ResidentIdentity;
import org.conventionledger.rules.sortition.SourceListFile;
import org.springframework.stereotype.Component;

/**
 * Turns a resident list (CSV or spreadsheet, see {@link SourceListFile} and {@link TableReader}) into
 * {@link ListResidents} commands: each resident is recognised by the convention's keyed matching tag (the
 * same person on several lists is one person) and gets the random person id the {@link PersonVault} holds
 * for it; their identity is sealed with their own key. Nothing readable about a person reaches the log, nor
 * anything that ties an id to a row of the file: residents are listed in the order of their random ids, and
 * each sealed identity is padded to a fixed size so that its length does not betray the length of a name or
 * an address (ADR-003).
 *
 * <p>All or nothing: a file with any problem is rejected whole ({@link RejectedFile}). A dry run reads and
 * checks the same way and answers the same figures, with the problems, but sends no command and gives no
 * new person an id.
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
    public record Outcome(
            boolean dryRun,
            int rows,
            int newPeople,
            int knownPeople,
            int listed,
            int batches,
            String format,
            String encoding,
            String delimiter,
            Map<String, String> mapping,
            List<SourceListFile.Problem> problems,
            int problemCount) {}

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

    /**
     * Imports the file {@code body} declared as {@code contentType}, with an explicit column {@code mapping}
     * (may be blank) and the {@code sheet} to read in a workbook (may be null).
     */
    public Outcome importFile(
            String conventionId,
            String listId,
            InputStream body,
            String contentType,
            String mapping,
            String sheet,
            boolean dryRun) {
        register.list(listId)
                .filter(list -> list.conventionId().equals(conventionId))
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
            reading = new SourceListFile.Reading(
                    0,
                    List.of(),
                    Map.of(),
                    List.of(new SourceListFile.Problem(unreadable.line(), null, unreadable.getMessage())),
                    1);
            format = null;
            encoding = null;
            delimiter = null;
        }
        if (reading.acceptable() && reading.residents().isEmpty()) {
            reading = new SourceListFile.Reading(
                    reading.rows(),
                    List.of(),
                    reading.mapping(),
                    List.of(new SourceListFile.Problem(0, null, "the list has no resident")),
                    1);
        }
        if (!reading.acceptable() && !dryRun) {
            throw new RejectedFile("invalid-csv", reading.problems(), reading.problemCount());
        }

        PersonPseudonym tags = new PersonPseudonym(vault.pseudonymSecret(conventionId));
        Map<String, ResidentIdentity> byTag = new LinkedHashMap<>();
        reading.residents()
                .forEach(row -> byTag.putIfAbsent(tags.matchingTag(conventionId, row.identity()), row.identity()));
        // a dry run only looks ids up: it must not give anyone an id
        Map<String, String> idOfTag = dryRun ? vault.knownPersonIds(byTag.keySet()) : vault.personIds(byTag.keySet());
        Set<String> known = new HashSet<>(register.residentsOfConvention(conventionId));
        int knownPeople =
                (int) idOfTag.values().stream().filter(known::contains).count();
        Set<String> already = new HashSet<>(register.residentsOf(listId));
        int listed = (int) byTag.keySet().stream()
                .filter(tag -> !idOfTag.containsKey(tag) || !already.contains(idOfTag.get(tag)))
                .count();
        int batches = 0;
        if (!dryRun) {
            Map<String, ResidentIdentity> people = new TreeMap<>();
            byTag.forEach((tag, row) -> people.putIfAbsent(idOfTag.get(tag), row));
            List<String> ids =
                    people.keySet().stream().filter(id -> !already.contains(id)).toList();
            for (int from = 0; from < ids.size(); from += BATCH) {
                List<String> slice = ids.subList(from, Math.min(ids.size(), from + BATCH));
                Map<String, byte[]> keys = vault.keysFor(slice);
                List<ListedResident> residents = slice.stream()
                        .map(id -> new ListedResident(
                                id,
                                new SealedPersonalData(
                                        id,
                                        PersonalDataCipher.seal(
                                                keys.get(id),
                                                id,
                                                padded(people.get(id).toJson())))))
                        .toList();
                commands.send(new ListResidents(listId, residents));
                batches++;
            }
        }
        return new Outcome(
                dryRun,
                reading.rows(),
                byTag.size() - knownPeople,
                knownPeople,
                listed,
                batches,
                format,
                encoding,
                delimiter,
                reading.mapping(),
                reading.problems(),
                reading.problemCount());
    }

    /**
     * The pseudonym the log carries for a volunteer's household key (the address…), keyed with the
     * convention's secret from the vault; blank (refused by the panel's rules) when the key has no letter
     * or digit, so that nothing of it reaches the command.
     */
    public String householdPseudonym(String conventionId, String key) {
        String pseudonym = new PersonPseudonym(vault.pseudonymSecret(conventionId)).household(conventionId, key);
        return pseudonym == null ? "" : pseudonym;
    }

    /** Seals a volunteer's needs (childcare…) with their key. */
    public SealedPersonalData sealNeeds(String conventionId, String invitationId, String needs) {
        String personId = register.invitee(conventionId, invitationId)
                .orElseThrow(() -> RuleViolation.notFound("unknown-invitation", "No invitation " + invitationId + "."));
        byte[] key = vault.keysFor(List.of(personId)).get(personId);
        if (key == null) {
            throw RuleViolation.conflict(
                    "person-erased",
                    "The data of the person invited by " + invitationId
                            + " was erased: nothing more can be recorded about them.");
        }
        return new SealedPersonalData(personId, PersonalDataCipher.seal(key, personId, needs));
    }

    /**
     * The JSON text with trailing spaces up to a multiple of {@value #PADDED_BLOCK} UTF-8 bytes (JSON ignores them).
     */
    static String padded(String json) {
        int length = json.getBytes(StandardCharsets.UTF_8).length;
        int target = ((length + PADDED_BLOCK - 1) / PADDED_BLOCK) * PADDED_BLOCK;
        return json + " ".repeat(target - length);
    }
}
