package org.conventionledger.command.recruitment.sortition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.conventionledger.command.recruitment.sortition.SourceListCsv.InvalidCsvException;
import org.junit.jupiter.api.Test;

/** Reading a source list from CSV, and its errors with line and column. */
class SourceListCsvTest {

    private static final LocalDate BORN = LocalDate.of(1987, 3, 14);

    @Test
    void readsEveryColumnWithRfc4180Quoting() throws Exception {
        String csv = "\uFEFFlast_name,first_name,birth_date,address,postcode,city,email,phone\r\n"
                + "Dupont,Éléonore,1987-03-14,\"12 rue Blatin, bât. \"\"C\"\"\",63000,Clermont-Ferrand,"
                + "e.dupont@example.org,04 73 00 00 00\r\n"
                + "\"Martin\",\"Paul\",2001-12-01,\"Résidence Les Pins\r\nappartement 4\",,,,\r\n";

        List<ResidentIdentity> residents = SourceListCsv.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(residents).containsExactly(
                new ResidentIdentity("Dupont", "Éléonore", BORN, "12 rue Blatin, bât. \"C\"", "63000",
                        "Clermont-Ferrand", "e.dupont@example.org", "04 73 00 00 00"),
                new ResidentIdentity("Martin", "Paul", LocalDate.of(2001, 12, 1), "Résidence Les Pins\nappartement 4",
                        null, null, null, null));
    }

    @Test
    void takesColumnsInAnyOrderAndOptionalOnesMayBeLeftOut() {
        String csv = " Birth_Date ,FIRST_NAME,last_name,city\n1987-03-14, Anne ,Dupont,Riom\n\n2001-12-01,Paul,Martin,\n";

        assertThat(SourceListCsv.parse(csv)).containsExactly(
                new ResidentIdentity("Dupont", "Anne", BORN, null, null, "Riom", null, null),
                new ResidentIdentity("Martin", "Paul", LocalDate.of(2001, 12, 1)));
    }

    @Test
    void aHeaderAloneIsAnEmptyList() {
        assertThat(SourceListCsv.parse("last_name,first_name,birth_date")).isEmpty();
    }

    @Test
    void rejectsUnknownDuplicateOrMissingColumns() {
        assertThatThrownBy(() -> SourceListCsv.parse("last_name,first_name,birth_date,iban\n"))
                .isInstanceOf(InvalidCsvException.class)
                .hasMessageStartingWith("line 1: unknown column \"iban\"; the columns are last_name, first_name, "
                        + "birth_date (required)");
        assertThatThrownBy(() -> SourceListCsv.parse("last_name,first_name,birth_date,city,City\n"))
                .hasMessage("line 1: column city appears twice");
        assertThatThrownBy(() -> SourceListCsv.parse("last_name,birth_date,city\n"))
                .hasMessageStartingWith("line 1: the required column first_name is missing");
        assertThatThrownBy(() -> SourceListCsv.parse(""))
                .hasMessageStartingWith("line 1: the file is empty");
    }

    @Test
    void namesTheLineAndColumnOfABadValue() {
        String header = "last_name,first_name,birth_date,city\n";
        assertThatThrownBy(() -> SourceListCsv.parse(header + "Dupont,Anne,1987-03-14,Riom\nMartin, ,2001-12-01,\n"))
                .isInstanceOf(InvalidCsvException.class)
                .hasMessage("line 3, column first_name: a value is required")
                .extracting(e -> ((InvalidCsvException) e).line()).isEqualTo(3);
        assertThatThrownBy(() -> SourceListCsv.parse(header + "Dupont,Anne,14/03/1987,Riom\n"))
                .hasMessage("line 2, column birth_date: \"14/03/1987\" is not a date yyyy-MM-dd");
        assertThatThrownBy(() -> SourceListCsv.parse(header + "Dupont,Anne,1987-02-30,Riom\n"))
                .hasMessage("line 2, column birth_date: \"1987-02-30\" is not a date yyyy-MM-dd");
        assertThatThrownBy(() -> SourceListCsv.parse(header + "Dupont,Anne,1987-03-14\n"))
                .hasMessage("line 2: 3 fields, the header has 4");
        assertThatThrownBy(() -> SourceListCsv.parse(header + "Dupont,Anne,1987-03-14,Riom,63200\n"))
                .hasMessage("line 2: 5 fields, the header has 4");
    }

    @Test
    void namesTheLineOfAQuotingError() {
        String header = "last_name,first_name,birth_date,city\n";
        // the row starts on line 2; its quoted city spans lines 2 and 3, then the rows count on from there
        assertThatThrownBy(() -> SourceListCsv.parse(header + "Dupont,Anne,1987-03-14,\"Riom\nnord\"\n"
                + "Martin,Pa\"ul,2001-12-01,Riom\n"))
                .hasMessageStartingWith("line 4, column first_name: a quote inside an unquoted field");
        assertThatThrownBy(() -> SourceListCsv.parse(header + "Dupont,\"Anne\"x,1987-03-14,Riom\n"))
                .hasMessageStartingWith("line 2, column first_name: unexpected text after a closing quote");
        assertThatThrownBy(() -> SourceListCsv.parse(header + "Dupont,Anne,1987-03-14,\"Riom\n\n"))
                .hasMessage("line 2, column city: a quoted field is never closed");
    }

    @Test
    void rejectsTextThatIsNotUtf8() {
        byte[] latin1 = "last_name,first_name,birth_date\nLefèvre,Anne,1987-03-14\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> SourceListCsv.parse(new ByteArrayInputStream(latin1)))
                .isInstanceOf(InvalidCsvException.class)
                .hasMessageContaining("not UTF-8 text");
    }
}
