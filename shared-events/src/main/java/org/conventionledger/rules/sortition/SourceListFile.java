package org.conventionledger.rules.sortition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.conventionledger.csv.Dates;
import org.conventionledger.csv.HeaderNames;
import org.conventionledger.csv.Table;
import org.conventionledger.csv.TableRow;
import org.conventionledger.csv.UnreadableTable;

/**
 * Reads a source list of residents, as the city has it, into {@link ResidentIdentity} rows, collecting
 * every problem by line and column instead of stopping at the first.
 *
 * <p>Columns are recognised by their header, in French or English, whatever their order, accents, case,
 * spaces or punctuation ({@link HeaderNames}): see {@link #SYNONYMS}. {@code last_name} (the birth name),
 * {@code first_name} and {@code birth_date} are required; when a file has only a usage name
 * ({@code Nom d'usage}), that is the last name; when it has both, the birth name is the last name and the
 * usage name is kept as {@code usage_name} (matching uses the birth name, see {@link IdentityNormaliser}).
 * An explicit mapping ({@code header=field}, field {@code ignore} to leave a column out) takes precedence
 * over the recognised names. Any other column is a problem, so that no data is silently dropped. Dates are
 * read by {@link Dates}. A person twice in the file (same {@link IdentityNormaliser#matchingKey matching
 * key}) is a problem on the second line.
 */
public final class SourceListFile {

    public static final String LAST_NAME = "last_name";
    public static final String USAGE_NAME = "usage_name";
    public static final String FIRST_NAME = "first_name";
    public static final String BIRTH_DATE = "birth_date";
    public static final String IGNORE = "ignore";
    public static final List<String> FIELDS =
            List.of(LAST_NAME, USAGE_NAME, FIRST_NAME, BIRTH_DATE, "address", "postcode", "city", "email", "phone");
    /** The problems a reading lists at most; more are counted. */
    public static final int MAX_PROBLEMS = 100;

    /** Header names recognised for each field, as {@link HeaderNames#key comparison keys}. */
    static final Map<String, List<String>> SYNONYMS = synonyms();

    /** A problem of the file: the line (1-based; 0 for the whole file), the column's header if one is to blame. */
    public record Problem(int line, String column, String problem) {}

    /** One resident read and the line they are on. */
    public record Row(int line, ResidentIdentity identity) {}

    /** What was read: the residents, how the columns were understood, and every problem found. */
    public record Reading(
            int rows, List<Row> residents, Map<String, String> mapping, List<Problem> problems, int problemCount) {

        public boolean acceptable() {
            return problemCount == 0;
        }
    }

    private final List<Problem> problems = new ArrayList<>();
    private int problemCount;

    private SourceListFile() {}

    /** Reads {@code table}; {@code mapping} (header → field) may be empty. */
    public static Reading read(Table table, Map<String, String> mapping) {
        return new SourceListFile().readTable(table, mapping);
    }

    /**
     * The explicit mapping written {@code Header=field,Other header=ignore} (a query parameter or a
     * multipart part); {@link IllegalArgumentException} names a field that does not exist.
     */
    public static Map<String, String> mapping(String text) {
        Map<String, String> mapping = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return mapping;
        }
        for (String pair : text.split("[,;\\n]")) {
            if (pair.isBlank()) {
                continue;
            }
            int equals = pair.lastIndexOf('=');
            String field = equals < 0 ? "" : pair.substring(equals + 1).strip().toLowerCase(Locale.ROOT);
            if (equals <= 0 || (!FIELDS.contains(field) && !field.equals(IGNORE))) {
                throw new IllegalArgumentException("mapping: \"" + pair.strip()
                        + "\" is not header=field; the fields are " + String.join(", ", FIELDS) + " and " + IGNORE);
            }
            mapping.put(HeaderNames.key(pair.substring(0, equals)), field);
        }
        return mapping;
    }

    private Reading readTable(Table table, Map<String, String> explicit) {
        TableRow header;
        try {
            header = table.header();
        } catch (UnreadableTable unreadable) {
            problem(unreadable.line(), null, unreadable.getMessage());
            return new Reading(0, List.of(), Map.of(), problems, problemCount);
        }
        if (header.cells().isEmpty()) {
            problem(1, null, "the file is empty; expected a header row naming the columns " + columnsHelp());
            return new Reading(0, List.of(), Map.of(), problems, problemCount);
        }
        Map<String, String> used = new LinkedHashMap<>();
        Map<String, Integer> column = columns(header, explicit, used);
        List<Row> residents = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int rows = 0;
        try {
            for (TableRow row = table.next(); row != null; row = table.next()) {
                rows++;
                if (column == null) {
                    continue;
                }
                Optional<ResidentIdentity> identity = resident(row, header, column);
                if (identity.isEmpty()) {
                    continue;
                }
                String key;
                try {
                    key = IdentityNormaliser.matchingKey(identity.get());
                } catch (IllegalArgumentException noLetter) {
                    problem(row.line(), header.cell(column.get(LAST_NAME)), noLetter.getMessage());
                    continue;
                }
                Integer first = seen.putIfAbsent(key, row.line());
                if (first != null) {
                    problem(
                            row.line(),
                            null,
                            "the same person as line " + first
                                    + " (same names and birth date once accents, case and punctuation are set aside)");
                } else {
                    residents.add(new Row(row.line(), identity.get()));
                }
            }
        } catch (UnreadableTable unreadable) {
            problem(unreadable.line(), null, unreadable.getMessage());
        }
        return new Reading(rows, residents, used, Collections.unmodifiableList(problems), problemCount);
    }

    /** Field → column index, or null when the header is unusable; fills {@code used} (header → field). */
    private Map<String, Integer> columns(TableRow header, Map<String, String> explicit, Map<String, String> used) {
        Map<String, Integer> column = new HashMap<>();
        boolean usable = true;
        for (int i = 0; i < header.cells().size(); i++) {
            String name = header.cells().get(i);
            if (name.isEmpty()) {
                continue;
            }
            String key = HeaderNames.key(name);
            String field = explicit.containsKey(key) ? explicit.get(key) : recognised(key);
            if (field == null) {
                problem(
                        header.line(),
                        name,
                        "unknown column; the columns are " + columnsHelp() + ", or send a mapping such as mapping="
                                + name + "=ignore");
                usable = false;
                continue;
            }
            used.put(name, field);
            if (field.equals(IGNORE)) {
                continue;
            }
            Integer before = column.put(field, i);
            if (before != null) {
                problem(
                        header.line(),
                        name,
                        "column " + field + " appears twice (also \"" + header.cell(before)
                                + "\"); send a mapping naming which to use");
                usable = false;
            }
        }
        if (!column.containsKey(LAST_NAME) && column.containsKey(USAGE_NAME)) {
            column.put(LAST_NAME, column.remove(USAGE_NAME));
            used.replaceAll((name, field) -> field.equals(USAGE_NAME) ? LAST_NAME : field);
        }
        for (String required : List.of(LAST_NAME, FIRST_NAME, BIRTH_DATE)) {
            if (!column.containsKey(required)) {
                problem(
                        header.line(),
                        null,
                        "the required column " + required + " is missing; the columns are " + columnsHelp());
                usable = false;
            }
        }
        return usable ? column : null;
    }

    private Optional<ResidentIdentity> resident(TableRow row, TableRow header, Map<String, Integer> column) {
        for (int i = header.cells().size(); i < row.cells().size(); i++) {
            if (!row.cells().get(i).isEmpty()) {
                problem(
                        row.line(),
                        null,
                        row.cells().size() + " fields, the header has "
                                + header.cells().size());
                return Optional.empty();
            }
        }
        boolean ok = true;
        for (String required : List.of(LAST_NAME, FIRST_NAME, BIRTH_DATE)) {
            if (value(row, column, required) == null) {
                problem(row.line(), header.cell(column.get(required)), "a value is required (" + required + ")");
                ok = false;
            }
        }
        LocalDate birthDate = null;
        String date = value(row, column, BIRTH_DATE);
        if (date != null) {
            birthDate = Dates.parse(date).orElse(null);
            if (birthDate == null) {
                problem(
                        row.line(),
                        header.cell(column.get(BIRTH_DATE)),
                        "\"" + date + "\" is not " + Dates.FORMS_HELP + " (birth_date)");
                ok = false;
            }
        }
        if (!ok) {
            return Optional.empty();
        }
        return Optional.of(new ResidentIdentity(
                value(row, column, LAST_NAME),
                value(row, column, FIRST_NAME),
                birthDate,
                value(row, column, "address"),
                value(row, column, "postcode"),
                value(row, column, "city"),
                value(row, column, "email"),
                value(row, column, "phone"),
                value(row, column, USAGE_NAME)));
    }

    private static String value(TableRow row, Map<String, Integer> column, String field) {
        Integer index = column.get(field);
        if (index == null) {
            return null;
        }
        String value = row.cell(index);
        return value.isEmpty() ? null : value;
    }

    private void problem(int line, String column, String problem) {
        problemCount++;
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new Problem(line, column, problem));
        }
    }

    /** Whether {@code header} is one of a resident's identity or contact columns (personal data). */
    public static boolean namesPersonalData(String header) {
        return recognised(HeaderNames.key(header)) != null;
    }

    private static String recognised(String key) {
        for (Map.Entry<String, List<String>> field : SYNONYMS.entrySet()) {
            if (field.getValue().contains(key)) {
                return field.getKey();
            }
        }
        return null;
    }

    private static String columnsHelp() {
        return "last_name (Nom, Nom de naissance), first_name (Prénom), birth_date (Date de naissance) required; "
                + "usage_name (Nom d'usage), address (Adresse), postcode (Code postal, CP), city (Commune, Ville), "
                + "email (Courriel), phone (Téléphone) optional";
    }

    private static Map<String, List<String>> synonyms() {
        Map<String, List<String>> names = new LinkedHashMap<>();
        names.put(
                LAST_NAME,
                List.of(
                        "lastname",
                        "nom",
                        "noms",
                        "nomdenaissance",
                        "nomnaissance",
                        "nomdefamille",
                        "nompatronymique",
                        "surname",
                        "familyname",
                        "birthname"));
        names.put(
                USAGE_NAME,
                List.of(
                        "usagename",
                        "nomdusage",
                        "nomusage",
                        "nomusuel",
                        "nommarital",
                        "nomdepouse",
                        "marriedname",
                        "usedname"));
        names.put(
                FIRST_NAME,
                List.of(
                        "firstname",
                        "prenom",
                        "prenoms",
                        "givenname",
                        "givennames",
                        "forename",
                        "forenames",
                        "firstnames"));
        names.put(
                BIRTH_DATE,
                List.of(
                        "birthdate",
                        "datedenaissance",
                        "datenaissance",
                        "naissance",
                        "nele",
                        "neele",
                        "nee",
                        "dateofbirth",
                        "dob"));
        names.put(
                "address",
                List.of("address", "adresse", "adressepostale", "adresse1", "rue", "voie", "street", "streetaddress"));
        names.put("postcode", List.of("postcode", "postalcode", "codepostal", "cp", "zip", "zipcode"));
        names.put("city", List.of("city", "commune", "ville", "localite", "town"));
        names.put("email", List.of("email", "mail", "courriel", "adressemail", "adresseelectronique", "emailaddress"));
        names.put(
                "phone",
                List.of(
                        "phone",
                        "telephone",
                        "tel",
                        "portable",
                        "mobile",
                        "telephoneportable",
                        "phonenumber",
                        "numerodetelephone"));
        return Collections.unmodifiableMap(names);
    }
}
