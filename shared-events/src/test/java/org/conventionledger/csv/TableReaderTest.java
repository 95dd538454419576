package org.conventionledger.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class TableReaderTest {

    private static final Charset CP1252 = Charset.forName("windows-1252");

    @Test
    void readsASpreadsheetsFrenchCsvInWindows1252WithSemicolons() {
        String text = "Nom;Prénom;Date de naissance;Adresse;Code postal;Commune\r\n"
                + "Lefèvre;Élodie;03/07/1961;\"12, rue de l'Ange\";63000;Clermont-Ferrand\r\n"
                + "\r\n"
                + "Giscard d'Estaing;Valéry;2/2/1926;Château de l'Étoile;63200;Riom\r\n";
        try (Table table =
                TableReader.bounded().open(new ByteArrayInputStream(text.getBytes(CP1252)), "text/csv", null)) {
            assertThat(table.encoding()).isEqualTo("windows-1252");
            assertThat(table.delimiter()).isEqualTo(";");
            assertThat(table.header().cells())
                    .containsExactly("Nom", "Prénom", "Date de naissance", "Adresse", "Code postal", "Commune");
            TableRow first = table.next();
            assertThat(first.line()).isEqualTo(2);
            assertThat(first.cells())
                    .containsExactly(
                            "Lefèvre", "Élodie", "03/07/1961", "12, rue de l'Ange", "63000", "Clermont-Ferrand");
            TableRow second = table.next();
            assertThat(second.line())
                    .as("the blank line is skipped but counted")
                    .isEqualTo(4);
            assertThat(second.cell(0)).isEqualTo("Giscard d'Estaing");
            assertThat(table.next()).isNull();
        }
    }

    @Test
    void recognisesUtf8WithAndWithoutByteOrderMarkCommasAndTabs() {
        String text = "Prénom,Nom\nAnaïs,Noël\n";
        assertThat(rows(text.getBytes(StandardCharsets.UTF_8), null))
                .containsExactly(List.of("Prénom", "Nom"), List.of("Anaïs", "Noël"));
        byte[] withBom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        assertThat(rows(withBom, "text/csv; charset=windows-1252"))
                .as("a byte-order mark beats the declared charset")
                .containsExactly(List.of("Prénom", "Nom"), List.of("Anaïs", "Noël"));
        assertThat(rows("Prénom\tNom\nAnaïs\tNoël\n".getBytes(StandardCharsets.UTF_8), null))
                .containsExactly(List.of("Prénom", "Nom"), List.of("Anaïs", "Noël"));
        assertThat(rows("\uFEFFPrénom\tNom\r\nAnaïs\tNoël".getBytes(StandardCharsets.UTF_16LE), null))
                .containsExactly(List.of("Prénom", "Nom"), List.of("Anaïs", "Noël"));
    }

    @Test
    void aDeclaredCharsetIsObeyedAndIso885915IsToldFromItsBytes() {
        byte[] latin9 = "Nom;Prénom\nCœur;Noël\n".getBytes(Charset.forName("ISO-8859-15"));
        assertThat(rows(latin9, null)).containsExactly(List.of("Nom", "Prénom"), List.of("Cœur", "Noël"));
        byte[] latin1 = "Nom;Prénom\nNoël;Zoé\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(rows(latin1, "text/csv;charset=ISO-8859-1"))
                .containsExactly(List.of("Nom", "Prénom"), List.of("Noël", "Zoé"));
        assertThatThrownBy(() -> rows(latin1, "text/csv; charset=klingon"))
                .isInstanceOf(UnreadableTable.class)
                .hasMessageContaining("charset");
    }

    @Test
    void aSemicolonInsideQuotesDoesNotDecideTheSeparator() {
        assertThat(rows("\"a;b;c\",d\n1,2\n".getBytes(StandardCharsets.UTF_8), null))
                .containsExactly(List.of("a;b;c", "d"), List.of("1", "2"));
    }

    @Test
    void namesTheLineOfAQuotingErrorAndBoundsRowsAndLines() {
        assertThatThrownBy(() -> rows("a,b\n1,2\n3,\"open\n\n".getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(UnreadableTable.class)
                .hasMessageStartingWith("line 3");
        StringBuilder many = new StringBuilder("a\n");
        for (int i = 0; i < 11; i++) {
            many.append(i).append('\n');
        }
        assertThatThrownBy(
                        () -> rows(TableReader.bounded(10, 100), many.toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableTable.class)
                .hasMessageContaining("more than 10 rows")
                .hasMessageStartingWith("line 12");
        String longLine = "a\n" + "x".repeat(101) + "\n";
        assertThatThrownBy(() -> rows(TableReader.bounded(10, 100), longLine.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableTable.class)
                .hasMessageContaining("longer than 100");
    }

    @Test
    void invalidUtf8AfterTheSniffedPrefixIsNamedNotGarbled() {
        byte[] ascii = ("a\n" + "x\n".repeat(TableReader.SNIFF_BYTES / 2)).getBytes(StandardCharsets.US_ASCII);
        byte[] bad = "é\n".getBytes(CP1252);
        byte[] all = new byte[ascii.length + bad.length];
        System.arraycopy(ascii, 0, all, 0, ascii.length);
        System.arraycopy(bad, 0, all, ascii.length, bad.length);
        assertThatThrownBy(() -> rows(TableReader.bounded(1_000_000, 100), all))
                .isInstanceOf(UnreadableTable.class)
                .hasMessageContaining("charset=windows-1252");
    }

    @Test
    void readsTheFirstOrANamedSheetOfAWorkbookWithDatesAsIsoDays() throws Exception {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            XSSFSheet notes = workbook.createSheet("Notes");
            notes.createRow(0).createCell(0).setCellValue("Liste des locataires");
            XSSFSheet tenants = workbook.createSheet("Locataires");
            XSSFRow header = tenants.createRow(0);
            header.createCell(0).setCellValue("Nom");
            header.createCell(1).setCellValue("Date de naissance");
            header.createCell(2).setCellValue("Code postal");
            XSSFRow row = tenants.createRow(2);
            row.createCell(0).setCellValue("Dupont-Lefèvre");
            row.createCell(1).setCellValue(LocalDate.of(1961, 7, 3));
            row.getCell(1).setCellStyle(date);
            row.createCell(2).setCellValue(63000);
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        try (Table table = TableReader.bounded().open(new ByteArrayInputStream(xlsx), null, "Locataires")) {
            assertThat(table.kind()).isEqualTo("xlsx");
            assertThat(table.header().cells()).containsExactly("Nom", "Date de naissance", "Code postal");
            TableRow row = table.next();
            assertThat(row.line()).isEqualTo(3);
            assertThat(row.cells()).containsExactly("Dupont-Lefèvre", "1961-07-03", "63000");
            assertThat(table.next()).isNull();
        }
        try (Table table = TableReader.bounded().open(new ByteArrayInputStream(xlsx), TableReader.XLSX_TYPE, null)) {
            assertThat(table.header().cells()).containsExactly("Liste des locataires");
        }
        assertThatThrownBy(() -> TableReader.bounded().open(new ByteArrayInputStream(xlsx), null, "Électeurs"))
                .isInstanceOf(UnreadableTable.class)
                .hasMessageContaining("Notes")
                .hasMessageContaining("Locataires");
        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0};
        assertThatThrownBy(() -> TableReader.bounded().open(new ByteArrayInputStream(xls), null, null))
                .isInstanceOf(UnreadableTable.class)
                .hasMessageContaining(".xlsx");
    }

    private static List<List<String>> rows(byte[] bytes, String contentType) {
        return rows(TableReader.bounded(), bytes, contentType);
    }

    private static List<List<String>> rows(TableReader reader, byte[] bytes) {
        return rows(reader, bytes, null);
    }

    private static List<List<String>> rows(TableReader reader, byte[] bytes, String contentType) {
        List<List<String>> rows = new ArrayList<>();
        try (Table table = reader.open(new ByteArrayInputStream(bytes), contentType, null)) {
            rows.add(table.header().cells());
            for (TableRow row = table.next(); row != null; row = table.next()) {
                rows.add(row.cells());
            }
        }
        return rows;
    }
}
