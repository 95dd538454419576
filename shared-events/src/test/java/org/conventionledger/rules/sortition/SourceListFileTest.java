package org.conventionledger.rules.sortition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.conventionledger.csv.Table;
import org.conventionledger.csv.TableReader;
import org.conventionledger.rules.sortition.SourceListFile.Problem;
import org.conventionledger.rules.sortition.SourceListFile.Reading;
import org.junit.jupiter.api.Test;

/** Reading a source list as cities have it, and its problems by line and column. */
class SourceListFileTest {

    private static final LocalDate BORN = LocalDate.of(1987, 3, 14);

    @Test
    void readsEveryColumnWithRfc4180Quoting() {
        String csv = "\uFEFFlast_name,first_name,birth_date,address,postcode,city,email,phone\r\n"
                + "Dupont,Éléonore,1987-03-14,\"12 rue Blatin, bât. \"\"C\"\"\",63000,Clermont-Ferrand,"
                + "e.dupont@example.org,04 73 00 00 00\r\n"
                + "\"Martin\",\"Paul\",2001-12-01,\"Résidence Les Pins\r\nappartement 4\",,,,\r\n";

        assertThat(identities(read(csv.getBytes(StandardCharsets.UTF_8), Map.of())))
                .containsExactly(
                        new ResidentIdentity(
                                "Dupont",
                                "Éléonore",
                                BORN,
                                "12 rue Blatin, bât. \"C\"",
                                "63000",
                                "Clermont-Ferrand",
                                "e.dupont@example.org",
                                "04 73 00 00 00"),
                        new ResidentIdentity(
                                "Martin",
                                "Paul",
                                LocalDate.of(2001, 12, 1),
                                "Résidence Les Pins\r\nappartement 4",
                                null,
                                null,
                                null,
                                null));
    }

    @Test
    void readsTheElectoralRollAsASpreadsheetSavesItInFrance() {
        String csv =
                "Nom de naissance;Nom d'usage;Prénom(s);Date de naissance;Adresse;CP;Commune;Courriel;Téléphone\r\n"
                        + "GISCARD D'ESTAING;;Valéry;02/02/1926;11 rue Bénard;63400;Chamalières;;\r\n"
                        + "de La Tour d'Auvergne;Lefèvre-Pascal;Anne-Sophie;3.7.1961;"
                        + "\"Le Clos, bât. B\";63000;Clermont-Ferrand;"
                        + "as@example.fr;04 73 12 34 56\r\n";
        Reading reading = read(csv.getBytes(Charset.forName("windows-1252")), Map.of());

        assertThat(reading.problems()).isEmpty();
        assertThat(reading.mapping())
                .containsEntry("Nom de naissance", "last_name")
                .containsEntry("Nom d'usage", "usage_name")
                .containsEntry("Prénom(s)", "first_name")
                .containsEntry("CP", "postcode")
                .containsEntry("Commune", "city");
        assertThat(identities(reading))
                .containsExactly(
                        new ResidentIdentity(
                                "GISCARD D'ESTAING",
                                "Valéry",
                                LocalDate.of(1926, 2, 2),
                                "11 rue Bénard",
                                "63400",
                                "Chamalières",
                                null,
                                null),
                        new ResidentIdentity(
                                "de La Tour d'Auvergne",
                                "Anne-Sophie",
                                LocalDate.of(1961, 7, 3),
                                "Le Clos, bât. B",
                                "63000",
                                "Clermont-Ferrand",
                                "as@example.fr",
                                "04 73 12 34 56",
                                "Lefèvre-Pascal"));
    }

    @Test
    void aUsageNameAloneIsTheLastNameAndAMappingNamesAnyOtherColumn() {
        String csv = "Nom d'usage,Prénom,Né le\nMartin,Paul,01/12/2001\n";
        assertThat(identities(read(csv.getBytes(StandardCharsets.UTF_8), Map.of())))
                .containsExactly(new ResidentIdentity("Martin", "Paul", LocalDate.of(2001, 12, 1)));

        String roll = "NOM_ELEC;PRENOMS_ELEC;DATE_NAISS;BUREAU\nMartin;Paul;2001-12-01;12\n";
        Reading unmapped = read(roll.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(unmapped.problems()).extracting(Problem::column).contains("NOM_ELEC", "BUREAU");
        assertThat(unmapped.residents()).isEmpty();
        Reading mapped = read(
                roll.getBytes(StandardCharsets.UTF_8),
                SourceListFile.mapping(
                        "NOM_ELEC=last_name,prenoms elec=first_name;DATE_NAISS=birth_date,Bureau=ignore"));
        assertThat(mapped.problems()).isEmpty();
        assertThat(mapped.mapping()).containsEntry("BUREAU", "ignore");
        assertThat(identities(mapped))
                .containsExactly(new ResidentIdentity("Martin", "Paul", LocalDate.of(2001, 12, 1)));
        assertThatThrownBy(() -> SourceListFile.mapping("NOM_ELEC=surname")).hasMessageContaining("last_name");
    }

    @Test
    void listsEveryProblemByLineAndColumn() {
        String csv = "Nom,Prénom,Date de naissance,Ville\n"
                + "Dupont,Anne,1987-03-14,Riom\n"
                + "Martin, ,2001-12-01,\n"
                + "Noël,Zoé,30/02/1990,Thiers\n"
                + "DUPONT,anne,14/03/1987,Clermont\n"
                + "Roux,Léa,1990-01-01,Riom,63200\n"
                + "--,Jean,1990-01-01,\n";
        Reading reading = read(csv.getBytes(StandardCharsets.UTF_8), Map.of());

        assertThat(reading.rows()).isEqualTo(6);
        assertThat(reading.problems())
                .containsExactly(
                        new Problem(3, "Prénom", "a value is required (first_name)"),
                        new Problem(
                                4,
                                "Date de naissance",
                                "\"30/02/1990\" is not a date such as 03/07/1961, 3/7/1961, "
                                        + "03-07-1961, 03.07.1961 or 1961-07-03 (birth_date)"),
                        new Problem(
                                5,
                                null,
                                "the same person as line 2 (same names and birth date once accents, case and "
                                        + "punctuation are set aside)"),
                        new Problem(6, null, "5 fields, the header has 4"),
                        new Problem(7, "Nom", "The last name has no letter or digit"));
        assertThat(reading.residents())
                .extracting(SourceListFile.Row::identity)
                .containsExactly(new ResidentIdentity("Dupont", "Anne", BORN, null, null, "Riom", null, null));
    }

    @Test
    void rejectsUnknownDuplicateOrMissingColumnsAndEmptyFiles() {
        assertThat(read("last_name,first_name,birth_date,iban\n".getBytes(StandardCharsets.UTF_8), Map.of())
                        .problems())
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.line()).isEqualTo(1);
                    assertThat(p.column()).isEqualTo("iban");
                    assertThat(p.problem()).startsWith("unknown column").contains("mapping=iban=ignore");
                });
        assertThat(read("Nom,Prénom,Date de naissance,Ville,Commune\n".getBytes(StandardCharsets.UTF_8), Map.of())
                        .problems())
                .singleElement()
                .extracting(Problem::problem)
                .asString()
                .startsWith("column city appears twice (also \"Ville\")");
        assertThat(read("last_name,birth_date,city\n".getBytes(StandardCharsets.UTF_8), Map.of())
                        .problems())
                .singleElement()
                .extracting(Problem::problem)
                .asString()
                .startsWith("the required column first_name is missing");
        assertThat(read(new byte[0], Map.of()).problems())
                .singleElement()
                .extracting(Problem::problem)
                .asString()
                .startsWith("the file is empty");
        assertThat(read("Nom;Prénom;Date de naissance\n".getBytes(StandardCharsets.UTF_8), Map.of())
                        .acceptable())
                .as("a header alone is an empty list, refused by the import, not by the reading")
                .isTrue();
    }

    @Test
    void aQuotingErrorIsAProblemOnTheLineOfItsRow() {
        String csv = "last_name,first_name,birth_date,city\nDupont,Anne,1987-03-14,\"Riom\nnord\"\n"
                + "Martin,Paul,2001-12-01,\"Riom\n\n";
        Reading reading = read(csv.getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(reading.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.problem()).contains("closing quote");
        });
    }

    @Test
    void problemsAreBoundedButCounted() {
        StringBuilder csv = new StringBuilder("Nom,Prénom,Date de naissance\n");
        for (int i = 0; i < 250; i++) {
            csv.append("Dupont").append(i).append(",Anne,not a date\n");
        }
        Reading reading = read(csv.toString().getBytes(StandardCharsets.UTF_8), Map.of());
        assertThat(reading.problems()).hasSize(SourceListFile.MAX_PROBLEMS);
        assertThat(reading.problemCount()).isEqualTo(250);
    }

    static Reading read(byte[] bytes, Map<String, String> mapping) {
        try (Table table = TableReader.bounded().open(new ByteArrayInputStream(bytes), "text/csv", null)) {
            return SourceListFile.read(table, mapping);
        }
    }

    private static List<ResidentIdentity> identities(Reading reading) {
        assertThat(reading.problems()).isEmpty();
        return reading.residents().stream().map(SourceListFile.Row::identity).toList();
    }
}
