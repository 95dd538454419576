package org.conventionledger.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void standardCsvQuotesOnlyWhatNeedsItAndEndsLinesWithCrLf() {
        byte[] csv = CsvWriter.write(
                CsvFlavour.STANDARD,
                List.of("name", "amount", "note"),
                List.of(
                        List.of("Le \"Clos\", bât. B", new BigDecimal("12.50"), "two\nlines"),
                        java.util.Arrays.asList("Noël", new BigDecimal("-3.00"), null)));
        assertThat(new String(csv, StandardCharsets.UTF_8))
                .isEqualTo("name,amount,note\r\n"
                        + "\"Le \"\"Clos\"\", bât. B\",12.50,\"two\nlines\"\r\n"
                        + "Noël,-3.00,\r\n");
    }

    @Test
    void excelFrUsesSemicolonsAndAByteOrderMarkAndReadsBackWithOurReader() {
        byte[] csv = CsvWriter.write(
                CsvFlavour.EXCEL_FR,
                List.of("Nom", "Commune", "Montant"),
                List.of(List.of("Giscard d'Estaing", "Chamalières; Puy-de-Dôme", new BigDecimal("-12.50"))));
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv, StandardCharsets.UTF_8))
                .isEqualTo(
                        "\uFEFFNom;Commune;Montant\r\n" + "Giscard d'Estaing;\"Chamalières; Puy-de-Dôme\";-12,50\r\n");
        try (Table table = TableReader.bounded().open(new ByteArrayInputStream(csv), null, null)) {
            assertThat(table.delimiter()).isEqualTo(";");
            assertThat(table.next().cells()).containsExactly("Giscard d'Estaing", "Chamalières; Puy-de-Dôme", "-12,50");
        }
    }

    @Test
    void formulasAreNeutralisedButNumbersStayNumbers() {
        for (String attack : List.of(
                "=HYPERLINK(\"http://x\",\"clic\")",
                "+1+cmd|' /C calc'!A0",
                "-2+3",
                "@SUM(A1)",
                "\t=1",
                "\r=1",
                "-",
                "+33 6 12 34 56 78")) {
            assertThat(FormulaGuard.cell(attack)).as(attack).isEqualTo("'" + attack);
        }
        for (String number : List.of("-12.50", "+3", "-1,5", "42", "Dupont", "", "1961-07-03")) {
            assertThat(FormulaGuard.cell(number)).as(number).isEqualTo(number);
        }
        byte[] csv = CsvWriter.write(
                CsvFlavour.STANDARD, List.of("a", "b"), List.of(List.of("=1+1", new BigDecimal("-4.20"))));
        assertThat(new String(csv, StandardCharsets.UTF_8)).isEqualTo("a,b\r\n'=1+1,-4.20\r\n");
    }

    @Test
    void theFormatParameterNamesAFlavour() {
        assertThat(CsvFlavour.of(null)).isEqualTo(CsvFlavour.STANDARD);
        assertThat(CsvFlavour.of("csv")).isEqualTo(CsvFlavour.STANDARD);
        assertThat(CsvFlavour.of(" Excel-FR ")).isEqualTo(CsvFlavour.EXCEL_FR);
        assertThatThrownBy(() -> CsvFlavour.of("xls"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("excel-fr");
    }

    @Test
    void datesInFrenchAndIsoForms() {
        java.time.LocalDate day = java.time.LocalDate.of(1961, 7, 3);
        for (String form : List.of("03/07/1961", "3/7/1961", "1961-07-03", "03-07-1961", "03.07.1961", " 3.7.1961 ")) {
            assertThat(Dates.parse(form)).as(form).contains(day);
        }
        for (String bad : List.of("30/02/1990", "03/07/61", "1961/07/03", "July 3, 1961", "", "13/13/1961")) {
            assertThat(Dates.parse(bad)).as(bad).isEmpty();
        }
    }

    @Test
    void headersCompareWithoutAccentsCaseSpacesOrPunctuation() {
        assertThat(HeaderNames.key(" Prénom(s) ")).isEqualTo("prenoms");
        assertThat(HeaderNames.key("E-mail")).isEqualTo(HeaderNames.key("email"));
        assertThat(HeaderNames.key("Nom d’usage")).isEqualTo(HeaderNames.key("NOM D'USAGE"));
    }
}
