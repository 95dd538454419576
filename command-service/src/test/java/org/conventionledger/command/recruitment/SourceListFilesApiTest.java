package org.conventionledger.command.recruitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conventionledger.command.platform.ApiClient.problem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.conventionledger.command.platform.WriteApiTest;
import org.conventionledger.csv.TableReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Source lists as cities have them, over HTTP: the electoral roll saved by a French spreadsheet
 * (semicolons, Windows-1252, dates 03/07/1961) and a landlord's tenants' list (UTF-8, commas, other
 * columns and spellings) are the same five people; dry runs write nothing; a file with problems is refused
 * whole with every problem; workbooks are read too.
 */
class SourceListFilesApiTest extends WriteApiTest {

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        registry.add("ledger.vault.url", () -> "jdbc:h2:file:" + dataDir.resolve("vault"));
    }

    private static final String ORGANISER = "ORGANISER";
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** The electoral roll as a spreadsheet in France saves it. */
    private static final String ROLL = """
            Nom;Prénom;Date de naissance;Adresse;Code postal;Commune
            GISCARD D'ESTAING;Valéry;02/02/1926;11 rue Bénard;63400;Chamalières
            Lefèvre-Pascal;Marie-Thérèse;03/07/1961;"Le Clos des Vignes; bât. B";63000;Clermont-Ferrand
            de La Fontaine;Jean;3/7/1961;8 impasse des Tanneurs;63100;Clermont-Ferrand
            Cœur;Éloïse;21.12.1999;2 place de Jaude;63000;Clermont-Ferrand
            N'Diaye;Aïssatou;1988-05-30;Résidence Les Vergnes, 4 allée Mendès;63100;Clermont-Ferrand
            """.replace("\n", "\r\n");
    /** The same five people at the landlord's: other order, fewer columns, other spellings. */
    private static final String TENANTS = """
            Prénom,Nom,Date de naissance,Commune
            VALERY,Giscard d’Estaing,1926-02-02,Chamalières
            Marie Thérèse,LEFEVRE PASCAL,1961-07-03,Clermont-Ferrand
            jean,De la Fontaine,03-07-1961,Clermont-Ferrand
            Eloise,COEUR,1999-12-21,Clermont-Ferrand
            Aissatou,N DIAYE,30/05/1988,"Clermont-Ferrand"
            """;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theRollInWindows1252AndTheTenantsInUtf8AreTheSameFivePeople() throws Exception {
        String convention = api.openConvention();
        String roll = list(convention, "Electoral roll 2021", "electoral-roll");
        String tenants = list(convention, "Auvergne Habitat tenants", "tenants");

        long before = eventCount();
        upload(convention, roll, ROLL.getBytes(WINDOWS_1252), "text/csv", "?dryRun=true")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dryRun").value(true))
                .andExpect(jsonPath("$.rows").value(5))
                .andExpect(jsonPath("$.newPeople").value(5))
                .andExpect(jsonPath("$.knownPeople").value(0))
                .andExpect(jsonPath("$.batches").value(0))
                .andExpect(jsonPath("$.encoding").value("windows-1252"))
                .andExpect(jsonPath("$.delimiter").value(";"))
                .andExpect(jsonPath("$.mapping.Nom").value("last_name"))
                .andExpect(jsonPath("$.mapping['Prénom']").value("first_name"))
                .andExpect(jsonPath("$.mapping['Code postal']").value("postcode"))
                .andExpect(jsonPath("$.problems").isEmpty());
        assertThat(eventCount()).as("a dry run writes no event").isEqualTo(before);

        upload(convention, roll, ROLL.getBytes(WINDOWS_1252), "text/csv", "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(5))
                .andExpect(jsonPath("$.listed").value(5))
                .andExpect(jsonPath("$.newPeople").value(5))
                .andExpect(jsonPath("$.batches").value(1));

        before = eventCount();
        upload(convention, tenants, TENANTS.getBytes(StandardCharsets.UTF_8), "text/csv; charset=utf-8", "?dryRun=true")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(5))
                .andExpect(jsonPath("$.newPeople").value(0))
                .andExpect(jsonPath("$.knownPeople").value(5))
                .andExpect(jsonPath("$.listed").value(5))
                .andExpect(jsonPath("$.encoding").value("UTF-8"))
                .andExpect(jsonPath("$.delimiter").value(","));
        assertThat(eventCount()).as("a dry run writes no event").isEqualTo(before);

        upload(convention, tenants, TENANTS.getBytes(StandardCharsets.UTF_8), "text/csv", "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.newPeople").value(0))
                .andExpect(jsonPath("$.knownPeople").value(5))
                .andExpect(jsonPath("$.listed").value(5));
        assertThat(listed(tenants))
                .as("one person each, on both lists")
                .isEqualTo(listed(roll))
                .hasSize(5);
    }

    @Test
    void aFileWithProblemsIsRefusedWholeWithEveryProblemAndTheDryRunShowsThem() throws Exception {
        String convention = api.openConvention();
        String roll = list(convention, "Electoral roll 2021", "electoral-roll");
        String file = """
                Nom;Prénom;Date de naissance
                Dupont;Anne;14/03/1987
                Martin;;01/12/2001
                Roux;Léa;30/02/1990
                DUPONT;anne;1987-03-14
                """;
        long before = eventCount();
        upload(convention, roll, file.getBytes(StandardCharsets.UTF_8), "text/csv", "")
                .andExpect(problem(422, "invalid-csv"))
                .andExpect(jsonPath("$.problemCount").value(3))
                .andExpect(jsonPath("$.problems[0].line").value(3))
                .andExpect(jsonPath("$.problems[0].column").value("Prénom"))
                .andExpect(jsonPath("$.problems[1].line").value(4))
                .andExpect(jsonPath("$.problems[1].column").value("Date de naissance"))
                .andExpect(jsonPath("$.problems[2].line").value(5))
                .andExpect(jsonPath("$.problems[2].problem")
                        .value(org.hamcrest.Matchers.startsWith("the same person as line 2")));
        upload(convention, roll, file.getBytes(StandardCharsets.UTF_8), "text/csv", "?dryRun=true")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(4))
                .andExpect(jsonPath("$.newPeople").value(1))
                .andExpect(jsonPath("$.problemCount").value(3));
        upload(convention, roll, "Nom;Prénom;Date de naissance\n".getBytes(StandardCharsets.UTF_8), "text/csv", "")
                .andExpect(problem(422, "invalid-csv"))
                .andExpect(jsonPath("$.problems[0].problem").value("the list has no resident"));
        upload(convention, roll, "Nom;Prénom\n".getBytes(StandardCharsets.UTF_8), "text/csv", "?mapping=Nom=surname")
                .andExpect(problem(422, "mapping"));
        assertThat(eventCount())
                .as("no refused or dry-run upload writes an event")
                .isEqualTo(before);
    }

    @Test
    void aWorkbookOrAnIso885915FileWithAnExplicitMappingIsAcceptedToo() throws Exception {
        String convention = api.openConvention();
        String roll = list(convention, "Electoral roll 2021", "electoral-roll");
        String landlord = list(convention, "Logidôme tenants", "tenants");

        MockMultipartFile workbook = new MockMultipartFile("file", "electeurs.xlsx", TableReader.XLSX_TYPE, workbook());
        api.perform(
                        ORGANISER,
                        multipart("/api/conventions/" + convention + "/source-lists/" + roll + "/residents")
                                .file(workbook)
                                .param("sheet", "Électeurs")
                                .param("mapping", "NOM_ELEC=last_name,PRENOMS_ELEC=first_name,BUREAU=ignore"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.format").value("xlsx"))
                .andExpect(jsonPath("$.rows").value(2))
                .andExpect(jsonPath("$.newPeople").value(2))
                .andExpect(jsonPath("$.mapping.BUREAU").value("ignore"));

        String latin9 = "NOM_ELEC\tPRENOMS_ELEC\tNé(e) le\nCœur\tÉloïse\t21/12/1999\nNouveau\tZoé\t01/01/2000\n";
        upload(
                        convention,
                        landlord,
                        latin9.getBytes(Charset.forName("ISO-8859-15")),
                        "text/csv; charset=ISO-8859-15",
                        "?mapping=NOM_ELEC=last_name,PRENOMS_ELEC=first_name")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.delimiter").value("tab"))
                .andExpect(jsonPath("$.newPeople").value(1))
                .andExpect(jsonPath("$.knownPeople").value(1));
    }

    private static byte[] workbook() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("Lisez-moi").createRow(0).createCell(0).setCellValue("Extrait de la liste électorale");
            XSSFSheet sheet = book.createSheet("Électeurs");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            XSSFRow header = sheet.createRow(0);
            String[] names = {"NOM_ELEC", "PRENOMS_ELEC", "Date de naissance", "BUREAU"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            Object[][] rows = {{"Cœur", "Éloïse", LocalDate.of(1999, 12, 21), 12}, {"Blanc", "Hugo", "1970-01-15", 3}};
            for (int r = 0; r < rows.length; r++) {
                XSSFRow row = sheet.createRow(r + 1);
                row.createCell(0).setCellValue((String) rows[r][0]);
                row.createCell(1).setCellValue((String) rows[r][1]);
                if (rows[r][2] instanceof LocalDate day) {
                    row.createCell(2).setCellValue(day);
                    row.getCell(2).setCellStyle(date);
                } else {
                    row.createCell(2).setCellValue((String) rows[r][2]);
                }
                row.createCell(3).setCellValue((Integer) rows[r][3]);
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    private String list(String convention, String name, String kind) throws Exception {
        return api.created(
                ORGANISER,
                "/api/conventions/" + convention + "/source-lists",
                "{\"name\":\"" + name + "\",\"kind\":\"" + kind + "\"}",
                "listId");
    }

    private ResultActions upload(String convention, String list, byte[] body, String contentType, String query)
            throws Exception {
        return api.perform(
                ORGANISER,
                post("/api/conventions/" + convention + "/source-lists/" + list + "/residents" + query)
                        .contentType(contentType)
                        .content(body));
    }

    private long eventCount() {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM DomainEventEntry WHERE type IS NULL OR type <> 'Keyring'", Long.class);
    }

    private Set<String> listed(String listId) {
        List<String> ids =
                jdbc.queryForList("SELECT person_id FROM register_listed WHERE list_id = ?", String.class, listId);
        return new HashSet<>(ids);
    }
}
