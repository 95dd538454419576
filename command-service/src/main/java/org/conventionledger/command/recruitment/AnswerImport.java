package org.conventionledger.command.recruitment;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.conventionledger.command.platform.Commands;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.command.privacy.PersonVault;
import org.conventionledger.csv.Dates;
import org.conventionledger.csv.HeaderNames;
import org.conventionledger.csv.Table;
import org.conventionledger.csv.TableReader;
import org.conventionledger.csv.TableRow;
import org.conventionledger.csv.UnreadableTable;
import org.conventionledger.events.Transition;
import org.conventionledger.events.recruitment.Answer;
import org.conventionledger.rules.sortition.IdentityNormaliser;
import org.conventionledger.rules.sortition.PersonPseudonym;
import org.conventionledger.rules.sortition.SourceListFile;
import org.conventionledger.rules.sortition.SourceListFile.Problem;
import org.springframework.stereotype.Component;

/**
 * Records the volunteers' answers from a file, read like the source lists ({@link TableReader}): one row
 * per invitation with {@code invitation_id}, {@code answer} ({@code ACCEPTED}/{@code DECLINED}, or
 * {@code oui}/{@code non}, {@code accepté}/{@code refusé}), {@code answered_on} (any {@link Dates} form) and
 * optionally {@code preferred_transition} and {@code household} (a key shared by housemates, such as the
 * address, which reaches the log only as its keyed pseudonym, {@link PersonPseudonym#household}); every
 * other column is a profile category (gender, age band…) of the volunteers who accepted. Columns that would
 * put personal data in the log in clear (names, birth date, contact: see {@link SourceListFile}) are
 * refused; {@code mapping=Header=ignore} leaves a column out and {@code mapping=Header=household} makes it
 * the household key (the address column, for instance).
 * Every problem is listed by line and column; the answers are recorded all at once
 * ({@link RecordInvitationAnswers}) or not at all; a dry run checks and writes nothing.
 */
@Component
public class AnswerImport {

    /** What an import of answers did, or would do. */
    public record Outcome(
            boolean dryRun,
            int rows,
            int accepted,
            int declined,
            Map<String, String> mapping,
            List<Problem> problems,
            int problemCount) {}

    static final int MAX_PROFILE_COLUMNS = 20;
    private static final Map<String, List<String>> COLUMNS = Map.of(
            "invitation_id",
                    List.of(
                            "invitationid",
                            "invitation",
                            "ninvitation",
                            "ndinvitation",
                            "numerodinvitation",
                            "courrier"),
            "answer", List.of("answer", "reponse"),
            "answered_on", List.of("answeredon", "answerdate", "datedereponse", "datereponse", "repondule"),
            "preferred_transition", List.of("preferredtransition", "transition", "transitionpreferee"),
            "household", List.of("household", "householdkey", "foyer", "menage", "cledefoyer", "cledumenage"));
    /** As long as the answer request takes ({@code RecruitmentController.AnswerRequest}). */
    static final int MAX_HOUSEHOLD_LENGTH = 500;

    private static final Set<String> ACCEPTED = Set.of("accepted", "accepte", "acceptee", "oui", "yes", "volontaire");
    private static final Set<String> DECLINED = Set.of("declined", "decline", "refuse", "refusee", "non", "no");
    private static final Map<String, Transition> TRANSITIONS = Map.of(
            "ecological",
            Transition.ECOLOGICAL,
            "ecologique",
            Transition.ECOLOGICAL,
            "social",
            Transition.SOCIAL,
            "sociale",
            Transition.SOCIAL,
            "democratic",
            Transition.DEMOCRATIC,
            "democratique",
            Transition.DEMOCRATIC);

    private final Commands commands;
    private final RecruitmentRegister register;
    private final PersonVault vault;

    public AnswerImport(Commands commands, RecruitmentRegister register, PersonVault vault) {
        this.commands = commands;
        this.register = register;
        this.vault = vault;
    }

    public Outcome importFile(
            String conventionId, InputStream body, String contentType, String mapping, String sheet, boolean dryRun) {
        Map<String, String> mapped = mapping(mapping);
        List<Problem> problems = new ArrayList<>();
        int[] count = {0};
        Map<String, String> used = new LinkedHashMap<>();
        List<RecordInvitationAnswer> answers = new ArrayList<>();
        int rows = 0;
        try (Table table = TableReader.bounded().open(body, contentType, sheet)) {
            TableRow header = table.header();
            Map<String, Integer> column = new HashMap<>();
            Map<Integer, String> profile = new LinkedHashMap<>();
            for (int i = 0; i < header.cells().size(); i++) {
                String name = header.cells().get(i);
                String key = HeaderNames.key(name);
                if (name.isEmpty() || "ignore".equals(mapped.get(key))) {
                    used.put(name, "ignore");
                    continue;
                }
                String field = mapped.containsKey(key)
                        ? mapped.get(key)
                        : COLUMNS.entrySet().stream()
                                .filter(e -> e.getValue().contains(key))
                                .map(Map.Entry::getKey)
                                .findFirst()
                                .orElse(null);
                if (field != null && column.containsKey(field)) {
                    problem(
                            problems,
                            count,
                            header.line(),
                            name,
                            "a second " + field + " column (the first is " + header.cell(column.get(field)) + ")");
                } else if (field != null) {
                    column.put(field, i);
                    used.put(name, field);
                } else if (SourceListFile.namesPersonalData(name)) {
                    problem(
                            problems,
                            count,
                            header.line(),
                            name,
                            "personal data cannot be a profile category: it "
                                    + "would reach the log in clear; drop the column or send mapping=" + name
                                    + "=ignore");
                } else if (name.length() > 64) {
                    problem(problems, count, header.line(), name, "a profile category has at most 64 characters");
                } else {
                    profile.put(i, name);
                    used.put(name, "profile");
                }
            }
            if (profile.size() > MAX_PROFILE_COLUMNS) {
                problem(problems, count, header.line(), null, "at most " + MAX_PROFILE_COLUMNS + " profile columns");
            }
            for (String required : List.of("invitation_id", "answer", "answered_on")) {
                if (!column.containsKey(required)) {
                    problem(problems, count, header.line(), null, "the required column " + required + " is missing");
                }
            }
            boolean usable = count[0] == 0;
            Map<String, Integer> seen = new HashMap<>();
            for (TableRow row = table.next(); row != null; row = table.next()) {
                rows++;
                if (usable) {
                    answer(conventionId, row, header, column, profile, seen, problems, count)
                            .ifPresent(answers::add);
                }
            }
        } catch (UnreadableTable unreadable) {
            problem(problems, count, unreadable.line(), null, unreadable.getMessage());
        }
        if (count[0] == 0 && answers.isEmpty()) {
            problem(problems, count, 0, null, "the file has no answer");
        }
        if (count[0] > 0 && !dryRun) {
            throw new RejectedFile("invalid-csv", problems, count[0]);
        }
        if (!dryRun) {
            commands.send(new RecordInvitationAnswers(conventionId, pseudonymised(conventionId, answers)));
        }
        int accepted = (int)
                answers.stream().filter(a -> a.answer() == Answer.ACCEPTED).count();
        return new Outcome(dryRun, rows, accepted, answers.size() - accepted, used, problems, count[0]);
    }

    private java.util.Optional<RecordInvitationAnswer> answer(
            String conventionId,
            TableRow row,
            TableRow header,
            Map<String, Integer> column,
            Map<Integer, String> profile,
            Map<String, Integer> seen,
            List<Problem> problems,
            int[] count) {
        int before = count[0];
        String invitation = row.cell(column.get("invitation_id"));
        String invitationHeader = header.cell(column.get("invitation_id"));
        if (invitation.isEmpty()) {
            problem(problems, count, row.line(), invitationHeader, "a value is required (invitation_id)");
        } else if (register.invitee(conventionId, invitation).isEmpty()) {
            problem(problems, count, row.line(), invitationHeader, "no invitation " + invitation + " was sent");
        } else if (seen.putIfAbsent(invitation, row.line()) != null) {
            problem(
                    problems,
                    count,
                    row.line(),
                    invitationHeader,
                    "invitation " + invitation + " is answered on line " + seen.get(invitation) + " too");
        }
        String answerText = HeaderNames.key(row.cell(column.get("answer")));
        Answer answer = ACCEPTED.contains(answerText)
                ? Answer.ACCEPTED
                : DECLINED.contains(answerText) ? Answer.DECLINED : null;
        if (answer == null) {
            problem(
                    problems,
                    count,
                    row.line(),
                    header.cell(column.get("answer")),
                    "\"" + row.cell(column.get("answer")) + "\" is not an answer: ACCEPTED or DECLINED (oui, non)");
        }
        String day = row.cell(column.get("answered_on"));
        LocalDate answeredOn = Dates.parse(day).orElse(null);
        if (answeredOn == null) {
            problem(
                    problems,
                    count,
                    row.line(),
                    header.cell(column.get("answered_on")),
                    "\"" + day + "\" is not " + Dates.FORMS_HELP);
        }
        Transition transition = null;
        Integer transitionColumn = column.get("preferred_transition");
        String transitionText = transitionColumn == null ? "" : row.cell(transitionColumn);
        if (!transitionText.isEmpty()) {
            transition = TRANSITIONS.get(HeaderNames.key(transitionText).toLowerCase(Locale.ROOT));
            if (transition == null) {
                problem(
                        problems,
                        count,
                        row.line(),
                        header.cell(transitionColumn),
                        "\"" + transitionText + "\" is not a transition: ECOLOGICAL, SOCIAL or DEMOCRATIC");
            }
        }
        Integer householdColumn = column.get("household");
        String household = householdColumn == null ? "" : row.cell(householdColumn);
        if (!household.isEmpty()) {
            String householdHeader = header.cell(householdColumn);
            if (answer == Answer.DECLINED) {
                problem(problems, count, row.line(), householdHeader, "only a volunteer (ACCEPTED) gives a household");
            } else if (household.length() > MAX_HOUSEHOLD_LENGTH) {
                problem(
                        problems,
                        count,
                        row.line(),
                        householdHeader,
                        "a household key has at most " + MAX_HOUSEHOLD_LENGTH + " characters");
            } else if (IdentityNormaliser.normalise(household).isEmpty()) {
                problem(
                        problems,
                        count,
                        row.line(),
                        householdHeader,
                        "a household key, when given, has a letter or digit (leave the cell empty otherwise)");
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        profile.forEach((index, category) -> {
            String value = row.cell(index);
            if (!value.isEmpty()) {
                values.put(category, value);
            }
        });
        if (answer == Answer.ACCEPTED) {
            if (values.size() < profile.size()) {
                problem(problems, count, row.line(), null, "a volunteer needs a value in every profile column");
            }
            values.values().stream()
                    .filter(v -> v.length() > 64)
                    .findFirst()
                    .ifPresent(v ->
                            problem(problems, count, row.line(), null, "a profile value has at most 64 characters"));
        } else if (answer == Answer.DECLINED && (!values.isEmpty() || transition != null)) {
            problem(problems, count, row.line(), null, "only a volunteer (ACCEPTED) gives a profile or a transition");
        }
        if (count[0] > before) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(
                answer == Answer.ACCEPTED
                        ? new RecordInvitationAnswer(
                                conventionId,
                                invitation,
                                answer,
                                answeredOn,
                                values,
                                transition,
                                null,
                                household.isEmpty() ? null : household)
                        : new RecordInvitationAnswer(conventionId, invitation, answer, answeredOn));
    }

    /**
     * The answers with each household key replaced by its pseudonym, keyed with the convention's secret;
     * only for a real import, so a dry run creates no secret in the vault.
     */
    private List<RecordInvitationAnswer> pseudonymised(String conventionId, List<RecordInvitationAnswer> answers) {
        if (answers.stream().allMatch(a -> a.household() == null)) {
            return answers;
        }
        PersonPseudonym pseudonyms = new PersonPseudonym(vault.pseudonymSecret(conventionId));
        return answers.stream()
                .map(a -> a.household() == null
                        ? a
                        : new RecordInvitationAnswer(
                                a.conventionId(),
                                a.invitationId(),
                                a.answer(),
                                a.answeredOn(),
                                a.profile(),
                                a.preferredTransition(),
                                a.needs(),
                                pseudonyms.household(conventionId, a.household())))
                .toList();
    }

    /** The mapping's columns, by header key: {@code ignore} or {@code household}. */
    private static Map<String, String> mapping(String mapping) {
        Map<String, String> mapped = new HashMap<>();
        if (mapping == null || mapping.isBlank()) {
            return mapped;
        }
        for (String pair : mapping.split("[,;\\n]")) {
            int equals = pair.lastIndexOf('=');
            String target =
                    equals <= 0 ? "" : pair.substring(equals + 1).strip().toLowerCase(Locale.ROOT);
            if (!target.equals("ignore") && !target.equals("household")) {
                throw RuleViolation.unprocessable(
                        "mapping",
                        "mapping: \"" + pair.strip() + "\" is not header=ignore or header=household (the answers'"
                                + " other columns are recognised by their names)");
            }
            mapped.put(HeaderNames.key(pair.substring(0, equals)), target);
        }
        return mapped;
    }

    private static void problem(List<Problem> problems, int[] count, int line, String column, String problem) {
        count[0]++;
        if (problems.size() < SourceListFile.MAX_PROBLEMS) {
            problems.add(new Problem(line, column, problem));
        }
    }
}
