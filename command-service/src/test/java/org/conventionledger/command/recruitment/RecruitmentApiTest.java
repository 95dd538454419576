package org.conventionledger.command.recruitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.conventionledger.command.platform.ApiClient.json;
import static org.conventionledger.command.platform.ApiClient.problem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.conventionledger.command.platform.WriteApiTest;
import org.conventionledger.command.privacy.PersonVault;
import org.conventionledger.events.oversight.PersonalDataRead;
import org.conventionledger.events.recruitment.DrawnResident;
import org.conventionledger.events.recruitment.ListQuota;
import org.conventionledger.events.recruitment.ListedResident;
import org.conventionledger.events.recruitment.PanelDrawn;
import org.conventionledger.events.recruitment.PanelLotteryComputed;
import org.conventionledger.events.recruitment.PanelSelectionDefined;
import org.conventionledger.events.recruitment.QuotaRange;
import org.conventionledger.events.recruitment.ResidentsListed;
import org.conventionledger.events.recruitment.VolunteerRegistered;
import org.conventionledger.rules.selection.LotteryRecord;
import org.conventionledger.rules.selection.PanelLottery;
import org.conventionledger.rules.sortition.IdentityNormaliser;
import org.conventionledger.rules.sortition.PersonPseudonym;
import org.conventionledger.rules.sortition.ResidentDraw;
import org.conventionledger.rules.sortition.SeedCommitment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Recruitment by lot over HTTP, on the embedded event store and person vault: resident lists imported as
 * CSV and sealed, the committed draw, invitations, the print shop's export (logged, erasable), answers and
 * the panel selection. The bearer token here is the caller's role.
 */
class RecruitmentApiTest extends WriteApiTest {

    @DynamicPropertySource
    static void stores(DynamicPropertyRegistry registry) {
        registry.add("ledger.vault.url", () -> "jdbc:h2:file:" + dataDir.resolve("vault"));
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORGANISER = "ORGANISER";
    /** Six residents; Élodie Lefèvre is also on the tenants' list, spelt differently. */
    private static final String ELECTORAL_ROLL = """
            last_name,first_name,birth_date,address,postcode,city
            Lefèvre,Élodie,1980-04-12,12 rue des Gras,63000,Clermont-Ferrand
            Marchand,Ambroise,1975-09-30,3 place de Jaude,63000,Clermont-Ferrand
            Delacroix,Bérénice,1991-01-05,"8 impasse des Tanneurs, bât. B",63100,Clermont-Ferrand
            Chevalier,Maximilien,1968-11-21,41 boulevard Lafayette,63000,Clermont-Ferrand
            Vasseur,Clémence,2001-06-17,5 rue Fontgiève,63000,Clermont-Ferrand
            Bertrand,Gaspard,1959-03-02,27 avenue de Royat,63400,Chamalières
            """;
    /** Four residents in another column order, with CRLF line ends: LEFEVRE ELODIE is the same person. */
    private static final String TENANTS = ("""
            First_Name , LAST_NAME ,birth_date,address,postcode,city
            ELODIE,LEFEVRE,1980-04-12,"Résidence Les Vergnes, 4 allée Mendès",63100,Clermont-Ferrand
            Léonie,Rousseau,1987-12-09,9 rue Montlosier,63000,Clermont-Ferrand
            Baptiste,Fontaine,1995-07-23,14 avenue Carnot,63000,Clermont-Ferrand
            Juliette,Arnaudet,1972-02-28,2 rue Blatin,63000,Clermont-Ferrand
            """).replace("\n", "\r\n");
    /** Every name and address above: none may ever be readable in the log. */
    private static final String BLATIN = "12 rue Blatin 63000 Clermont-Ferrand";

    private static final String JAUDE = "8 place de Jaude";

    private static final List<String> PERSONAL_DATA = List.of(
            "Lefèvre",
            "LEFEVRE",
            "Élodie",
            "Marchand",
            "Ambroise",
            "Delacroix",
            "Bérénice",
            "Chevalier",
            "Maximilien",
            "Vasseur",
            "Clémence",
            "Bertrand",
            "Gaspard",
            "Rousseau",
            "Léonie",
            "Fontaine",
            "Baptiste",
            "Arnaudet",
            "Juliette",
            "12 rue des Gras",
            "3 place de Jaude",
            "impasse des Tanneurs",
            "41 boulevard Lafayette",
            "5 rue Fontgiève",
            "27 avenue de Royat",
            "Résidence Les Vergnes",
            "allée Mendès",
            "9 rue Montlosier",
            "14 avenue Carnot",
            "2 rue Blatin",
            "1980-04-12",
            "1975-09-30",
            "1991-01-05",
            "1968-11-21");

    private static final Set<String> LAST_NAMES = Set.of(
            "lefevre", "marchand", "delacroix", "chevalier", "vasseur", "bertrand", "rousseau", "fontaine", "arnaudet");
    private static final String NEEDS = "Childcare for two toddlers during the weekend sessions";
    private static final String PANEL_SEED = "Loto 2021-09-15: 03 11 26 38 44 + 2";
    /** Public entropy drawn at each draw, after the lists (or the pool) were final: the bailiff's dice. */
    private static final String DRAW_ENTROPY = "bailiff dice 2021-08-19: 6 1 3 3 5 2";

    private static final String DRAW_ENTROPY_SOURCE = "six dice rolled before the bailiff on 2021-08-19";
    private static final String PANEL_ENTROPY = "bailiff dice 2021-09-16: 2 4 4 6 1 5";

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PersonVault vault;

    @Autowired
    LotteryRecords records;

    // ---- tests -----------------------------------------------------------------------------------

    @Test
    void aResidentOnTwoListsIsOnePersonAndNoNameOrAddressReachesTheLog() throws Exception {
        Recruitment r = build(Step.LISTED, 0, 0);

        Set<String> roll = listed(r.electoralRoll);
        Set<String> tenants = listed(r.tenants);
        assertThat(roll).hasSize(6).allMatch(id -> id.matches("p-[0-9a-f]{24}"));
        assertThat(tenants).hasSize(4);
        Set<String> onBoth = new HashSet<>(roll);
        onBoth.retainAll(tenants);
        assertThat(onBoth)
                .as("Lefèvre Élodie and LEFEVRE ELODIE, born the same day, are one person")
                .hasSize(1);

        // importing the same file again adds no one and writes nothing
        long before = eventCount();
        importCsv(r.convention, r.electoralRoll, ELECTORAL_ROLL)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(6))
                .andExpect(jsonPath("$.newPeople").value(0))
                .andExpect(jsonPath("$.knownPeople").value(6))
                .andExpect(jsonPath("$.listed").value(0))
                .andExpect(jsonPath("$.batches").value(0));
        assertThat(eventCount()).isEqualTo(before);

        // the identities are sealed, one ciphertext per resident and list, bound to the person id
        for (String list : List.of(r.electoralRoll, r.tenants)) {
            List<JsonNode> batches = storedPayloads(list, "ResidentsListed");
            assertThat(batches).hasSize(1);
            JsonNode residents = batches.get(0).path("residents");
            assertThat(residents).hasSize(list.equals(r.electoralRoll) ? 6 : 4);
            for (JsonNode resident : residents) {
                assertThat(resident.path("identity").path("personId").asText())
                        .isEqualTo(resident.path("personId").asText());
                assertThat(resident.path("identity").path("ciphertext").asText())
                        .startsWith("v1:");
            }
            // nothing ties an id to a row of the file: ids in their own order, ciphertexts of one length
            List<String> ids = new ArrayList<>();
            residents.forEach(resident -> ids.add(resident.path("personId").asText()));
            assertThat(ids).isSorted();
            Set<Integer> lengths = new HashSet<>();
            residents.forEach(resident -> lengths.add(
                    resident.path("identity").path("ciphertext").asText().length()));
            assertThat(lengths).hasSize(1);
        }
        assertNoPersonalDataInTheLog();
    }

    @Test
    void badInputIsAProblemAndWritesNothing() throws Exception {
        Recruitment r = build(Step.LISTED, 0, 0);
        String c = "/api/conventions/" + r.convention;
        long before = eventCount();

        importCsv(r.convention, r.electoralRoll, "last_name,first_name,address\nNoël,Anne,1 rue Haute\n")
                .andExpect(problem(422, "invalid-csv"))
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.containsString("line 1"),
                                org.hamcrest.Matchers.containsString("birth_date"))));
        importCsv(
                        r.convention,
                        r.electoralRoll,
                        "last_name,first_name,birth_date\nNoël,Anne,1990-01-01\nPascal,Irène,31/02/1990\n")
                .andExpect(problem(422, "invalid-csv"))
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.allOf(
                                org.hamcrest.Matchers.containsString("line 3"),
                                org.hamcrest.Matchers.containsString("birth_date"))));
        importCsv(r.convention, "no-such-list", ELECTORAL_ROLL).andExpect(problem(404, "unknown-list"));
        api.perform(
                        "VOTER",
                        post(c + "/source-lists/" + r.electoralRoll + "/residents")
                                .contentType("text/csv")
                                .content(ELECTORAL_ROLL))
                .andExpect(status().isForbidden());

        api.post(ORGANISER, c + "/source-lists/" + r.electoralRoll + "/freeze", "")
                .andExpect(problem(409, "seed-not-committed"));
        api.post(ORGANISER, c + "/draws", plan(r, 3, 3, "not-a-sha-256"))
                .andExpect(problem(400, "invalid-fields"))
                .andExpect(jsonPath("$.errors[0].field").value("seedCommitment"));
        api.post(ORGANISER, c + "/draws", """
                {"lists":[{"listId":"no-such-list","count":2}],"overall":0,"seedCommitment":"%s"}
                """.formatted(sha256("seed"))).andExpect(problem(404, "unknown-list"));
        api.post(ORGANISER, c + "/draws", plan(r, 3, 3, sha256("seed")).replace(DRAW_ENTROPY_SOURCE, " "))
                .andExpect(problem(422, "public-entropy-source-required"));
        api.post(ORGANISER, c + "/draws", plan(r, 3, 3, sha256("seed")).replace(DRAW_ENTROPY_SOURCE, "s".repeat(201)))
                .andExpect(problem(400, "invalid-fields"))
                .andExpect(jsonPath("$.errors[0].field").value("publicEntropySource"));
        assertThat(eventCount()).as("no rejected request writes an event").isEqualTo(before);

        // more than the lists hold: the person on both lists counts once, so the tenants lack one
        String seed = "Loto 2021-08-18: 04 17 23 38 41 + 7";
        String drawId = api.created(ORGANISER, c + "/draws", plan(r, 6, 4, sha256(seed)), "drawId");
        for (String list : List.of(r.electoralRoll, r.tenants)) {
            api.post(ORGANISER, c + "/source-lists/" + list + "/freeze", "")
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("FROZEN"));
        }
        api.post(ORGANISER, c + "/draws/" + drawId + "/performance", reveal(seed, null))
                .andExpect(problem(400, "invalid-fields"))
                .andExpect(jsonPath("$.errors[0].field").value("publicEntropy"));
        api.post(ORGANISER, c + "/draws/" + drawId + "/performance", reveal(seed, "6".repeat(201)))
                .andExpect(problem(400, "invalid-fields"))
                .andExpect(jsonPath("$.errors[0].field").value("publicEntropy"));
        api.post(ORGANISER, c + "/draws/" + drawId + "/performance", reveal(seed.replace('7', '8'), DRAW_ENTROPY))
                .andExpect(problem(422, "seed-mismatch"));
        api.post(ORGANISER, c + "/draws/" + drawId + "/performance", reveal(seed, DRAW_ENTROPY))
                .andExpect(problem(422, "draw-impossible"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(r.tenants)));
        assertThat(types(drawId)).containsExactly("DrawPlanned");
        api.post(ORGANISER, c + "/source-lists/" + r.tenants + "/freeze", "").andExpect(problem(409, "list-frozen"));
    }

    @Test
    void onlyDrawnResidentsAreInvitedOnce() throws Exception {
        Recruitment r = build(Step.DRAWN, 3, 3);
        String c = "/api/conventions/" + r.convention;

        assertThat(types(r.drawId)).containsExactly("DrawPlanned", "ResidentsDrawn");
        assertThat(r.drawn.subList(0, 3)).allMatch(p -> r.listOf.get(p).equals(r.electoralRoll));
        assertThat(r.drawn.subList(3, 6)).allMatch(p -> r.listOf.get(p).equals(r.tenants));
        assertThat(listed(r.electoralRoll)).containsAll(r.drawn.subList(0, 3));
        assertThat(listed(r.tenants)).containsAll(r.drawn.subList(3, 6));
        api.post(ORGANISER, c + "/draws/" + r.drawId + "/performance", reveal(r.seed, DRAW_ENTROPY))
                .andExpect(problem(409, "draw-performed"));

        String notDrawn = listed(r.electoralRoll).stream()
                .filter(p -> !r.drawn.contains(p))
                .findFirst()
                .orElseThrow();
        api.post(ORGANISER, c + "/invitations", invitations(Map.of("letter-x", notDrawn), Map.of()))
                .andExpect(problem(422, "not-drawn"));
        String drawnFromRoll = r.drawn.get(0);
        api.post(
                        ORGANISER,
                        c + "/invitations",
                        invitations(Map.of("letter-y", drawnFromRoll), Map.of(drawnFromRoll, r.tenants)))
                .andExpect(problem(422, "wrong-source-list"));

        invite(r);
        assertThat(types(r.convention).stream().filter("InvitationSent"::equals))
                .hasSize(6);
        api.post(ORGANISER, c + "/invitations", invitations(Map.of("letter-z", drawnFromRoll), Map.of()))
                .andExpect(problem(409, "resident-already-invited"));
        api.post(
                        ORGANISER,
                        c + "/invitations",
                        invitations(Map.of(r.invitationOf.get(drawnFromRoll), r.drawn.get(1)), Map.of()))
                .andExpect(problem(409, "invitation-exists"));
        assertThat(types(r.convention).stream().filter("InvitationSent"::equals))
                .hasSize(6);

        // a drawn resident is either invited or logged as not invited with a coarse reason, never both
        long before = eventCount();
        api.post(ORGANISER, c + "/invitations/not-invited", notInvited(drawnFromRoll, "DECEASED"))
                .andExpect(problem(409, "resident-already-invited"));
        api.post(ORGANISER, c + "/invitations/not-invited", notInvited(notDrawn, "MOVED_AWAY"))
                .andExpect(problem(422, "not-drawn"));
        api.post(ORGANISER, c + "/invitations/not-invited", notInvited(notDrawn, "SOMETHING_PERSONAL"))
                .andExpect(status().isBadRequest());
        assertThat(eventCount()).as("no rejected request writes an event").isEqualTo(before);
        assertNoPersonalDataInTheLog();
    }

    @Test
    void thePrintShopsExportOpensNamesLogsTheReadAndHonoursErasure() throws Exception {
        // another convention already sent letter-1, letter-2…: the numbers are per convention
        Recruitment earlier = build(Step.INVITED, 3, 3);
        Recruitment r = build(Step.DRAWN, 6, 3);
        String letters = "/api/conventions/" + r.convention + "/invitations/letters.csv";
        api.get(ORGANISER, letters).andExpect(problem(404, "no-invitations"));
        invite(r);
        String accessLog = "personal-data-reads:" + r.convention;

        api.get("GARANT", letters).andExpect(status().isForbidden());
        assertThat(types(accessLog)).isEmpty();

        List<String> rows = fetchLetters(letters);
        assertThat(rows.get(0)).isEqualTo("invitation_id,last_name,first_name,address,postcode,city");
        List<String> people = rows.subList(1, rows.size());
        assertThat(people).hasSize(9);
        Map<String, String> rowByLastName = new HashMap<>();
        for (String row : people) {
            rowByLastName.put(IdentityNormaliser.normalise(row.split(",", -1)[1]), row);
        }
        assertThat(rowByLastName.keySet()).isEqualTo(LAST_NAMES);
        assertThat(rowByLastName.get("marchand"))
                .endsWith(",Marchand,Ambroise,3 place de Jaude,63000,Clermont-Ferrand");
        assertThat(rowByLastName.get("delacroix"))
                .endsWith(",Delacroix,Bérénice,\"8 impasse des Tanneurs, bât. B\",63100,Clermont-Ferrand");
        assertThat(rowByLastName.get("lefevre"))
                .containsAnyOf(
                        ",Lefèvre,Élodie,12 rue des Gras,",
                        ",LEFEVRE,ELODIE,\"Résidence Les Vergnes, 4 allée Mendès\",");

        List<DomainEventMessage<?>> reads = events(accessLog);
        assertThat(reads).hasSize(1);
        PersonalDataRead read = (PersonalDataRead) reads.get(0).getPayload();
        assertThat(read.conventionId()).isEqualTo(r.convention);
        assertThat(read.purpose()).isEqualTo("invitation-letters");
        assertThat(read.personIds()).containsExactlyInAnyOrderElementsOf(r.drawn);
        assertThat(reads.get(0).getMetaData().get("actorRole")).isEqualTo(ORGANISER);
        assertThat(reads.get(0).getMetaData().get("actorId")).isEqualTo("organiser@city");
        List<String> excel = fetchLetters(letters + "?format=excel-fr");
        assertThat(excel.get(0)).isEqualTo("\uFEFFinvitation_id;last_name;first_name;address;postcode;city");
        assertThat(excel).hasSize(rows.size());
        api.get(ORGANISER, letters + "?format=xls").andExpect(problem(400, "invalid-request"));

        // Marchand asks to be forgotten: their key goes, their letter row with it
        String marchandInvitation = rowByLastName.get("marchand").split(",")[0];
        String marchand = r.invitationOf.entrySet().stream()
                .filter(e -> e.getValue().equals(marchandInvitation))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
        assertThat(vault.erase(marchand)).isTrue();

        List<String> after = fetchLetters(letters);
        assertThat(after).hasSize(10).contains(marchandInvitation + ",[erased],,,,");
        assertThat(after.stream().filter(row -> row.contains("[erased]"))).hasSize(1);
        assertThat(after)
                .contains(
                        rowByLastName.get("delacroix"), rowByLastName.get("chevalier"), rowByLastName.get("arnaudet"));
        assertThat(types(accessLog))
                .as("the excel-fr export is logged as a read too")
                .containsExactly("PersonalDataRead", "PersonalDataRead", "PersonalDataRead");

        // the organiser re-imports Marchand: the vault no longer knows them, so they become a new person whose
        // id nothing ties to the erased one, and the erased id gets no key again
        String c = "/api/conventions/" + r.convention;
        String lateList =
                api.created(ORGANISER, c + "/source-lists", "{\"name\":\"Late list\",\"kind\":\"other\"}", "listId");
        importCsv(
                        r.convention,
                        lateList,
                        ELECTORAL_ROLL
                                .lines()
                                .filter(l -> l.startsWith("last_name") || l.startsWith("Marchand"))
                                .collect(Collectors.joining("\n")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.newPeople").value(1));
        assertThat(listed(lateList)).singleElement().isNotEqualTo(marchand);
        assertThat(vault.keysFor(List.of(marchand))).isEmpty();
        assertThat(fetchLetters(letters)).contains(marchandInvitation + ",[erased],,,,");

        // the earlier convention's export holds its own six letters, under the same numbers
        List<String> earlierRows = fetchLetters("/api/conventions/" + earlier.convention + "/invitations/letters.csv");
        assertThat(earlierRows).hasSize(7);
        assertThat(earlierRows.subList(1, 7)).allMatch(row -> row.matches("letter-[1-6],[^,\\[]+,.*"));
        assertNoPersonalDataInTheLog();
    }

    @Test
    void volunteersAreDrawnIntoAPanelWithinTheirQuotasAndOnlyTheSelectedAreSeated() throws Exception {
        Recruitment r = build(Step.INVITED, 3, 3);
        String c = "/api/conventions/" + r.convention;
        String first = r.invitationOf.get(r.drawn.get(0));

        api.post(
                        ORGANISER,
                        c + "/invitations/" + first + "/answer",
                        "{\"answer\":\"ACCEPTED\",\"answeredOn\":\"2021-09-01\"}")
                .andExpect(problem(422, "profile-required"));
        api.post(
                        ORGANISER,
                        c + "/invitations/" + first + "/answer",
                        "{\"answer\":\"DECLINED\",\"answeredOn\":\"2021-09-01\",\"profile\":{\"gender\":\"female\"}}")
                .andExpect(problem(422, "profile-not-expected"));
        api.post(
                        ORGANISER,
                        c + "/invitations/no-such-invitation/answer",
                        "{\"answer\":\"ACCEPTED\",\"answeredOn\":\"2021-09-01\","
                                + "\"profile\":{\"gender\":\"female\"},\"needs\":\"x\"}")
                .andExpect(problem(404, "unknown-invitation"));
        answerAll(r);
        api.post(
                        ORGANISER,
                        c + "/invitations/" + first + "/answer",
                        "{\"answer\":\"DECLINED\",\"answeredOn\":\"2021-09-02\"}")
                .andExpect(problem(409, "invitation-already-answered"));

        // needs are sealed with the volunteer's key; the profile stays readable for the garants
        List<JsonNode> volunteers = storedPayloads(r.convention, "VolunteerRegistered");
        assertThat(volunteers).hasSize(6);
        assertThat(volunteers)
                .allSatisfy(
                        v -> assertThat(v.toString().toLowerCase(Locale.ROOT)).doesNotContain("childcare"));
        JsonNode withNeeds = volunteers.stream()
                .filter(v -> v.path("invitationId").asText().equals(first))
                .findFirst()
                .orElseThrow();
        assertThat(withNeeds.path("needs").path("personId").asText()).isEqualTo(r.drawn.get(0));
        assertThat(withNeeds.path("needs").path("ciphertext").asText()).startsWith("v1:");
        assertThat(withNeeds.path("profile").path("gender").asText()).isEqualTo("female");
        assertThat(volunteers.stream()
                        .filter(v -> !v.path("invitationId").asText().equals(first)))
                .allMatch(v -> v.path("needs").isNull() || v.path("needs").isMissingNode());

        String selection = """
                {"panelSize":2,"seedCommitment":"%s","quotas":[
                  {"category":"gender","value":"female","min":1,"max":1},
                  {"category":"gender","value":"male","min":1,"max":1}]}""".formatted(sha256(PANEL_SEED));
        long before = eventCount();
        api.post(ORGANISER, c + "/invitations/closure", "{\"deadline\":\"2021-09-10\"}")
                .andExpect(problem(409, "selection-not-defined"));
        assertThat(eventCount())
                .as("a refused closure records no NO_ANSWER either")
                .isEqualTo(before);
        api.created(ORGANISER, c + "/panel/selection", selection, "selectionId");
        api.post(ORGANISER, c + "/panel/selection", selection).andExpect(problem(409, "selection-defined"));
        api.post(ORGANISER, c + "/panel/lottery", "").andExpect(problem(409, "answers-open"));
        api.post(ORGANISER, c + "/invitations/closure", "{\"deadline\":\"2021-09-10\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));

        PanelDrawn drawn = lotteryAndDraw(r);
        seatTheSelected(r, drawn);
        assertNoPersonalDataInTheLog();
    }

    @Test
    void answersAndQuotasComeAsSpreadsheetFilesWithADryRunAndAllOrNothing() throws Exception {
        Recruitment r = build(Step.INVITED, 3, 3);
        String c = "/api/conventions/" + r.convention;
        List<String> invitations = new ArrayList<>(r.invitationOf.values());
        java.nio.charset.Charset windows1252 = java.nio.charset.Charset.forName("windows-1252");
        StringBuilder bad = new StringBuilder("N° d'invitation;Réponse;Répondu le;Transition;Genre\r\n")
                .append(invitations.get(0))
                .append(";peut-être;01/09/2021;;femme\r\n")
                .append("inv-inconnue;oui;01/09/2021;sociale;homme\r\n")
                .append(invitations.get(1))
                .append(";oui;31/09/2021;sociale;homme\r\n")
                .append(invitations.get(2))
                .append(";non;02/09/2021;;\r\n")
                .append(invitations.get(2))
                .append(";oui;02/09/2021;;femme\r\n");
        long before = eventCount();
        api.perform(
                        ORGANISER,
                        post(c + "/invitations/answers?dryRun=true")
                                .contentType("text/csv")
                                .content(bad.toString().getBytes(windows1252)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(5))
                .andExpect(jsonPath("$.problemCount").value(4))
                .andExpect(jsonPath("$.mapping['N° d\\'invitation']").value("invitation_id"))
                .andExpect(jsonPath("$.problems[0].line").value(2))
                .andExpect(jsonPath("$.problems[0].column").value("Réponse"));
        api.perform(
                        ORGANISER,
                        post(c + "/invitations/answers")
                                .contentType("text/csv")
                                .content(bad.toString().getBytes(windows1252)))
                .andExpect(problem(422, "invalid-csv"))
                .andExpect(jsonPath("$.problemCount").value(4));
        api.perform(
                        ORGANISER,
                        post(c + "/invitations/answers")
                                .contentType("text/csv")
                                .content(("invitation;answer;answered_on;Nom;genre\n" + invitations.get(0)
                                                + ";oui;2021-09-01;Dupont;femme\n")
                                        .getBytes(StandardCharsets.UTF_8)))
                .andExpect(problem(422, "invalid-csv"))
                .andExpect(jsonPath("$.problems[0].column").value("Nom"))
                .andExpect(jsonPath("$.problems[0].problem").value(org.hamcrest.Matchers.containsString("in clear")));
        assertThat(eventCount())
                .as("no dry run and no refused file writes an event")
                .isEqualTo(before);

        StringBuilder good = new StringBuilder("Invitation;Réponse;Répondu le;Transition;Genre\r\n");
        for (int i = 0; i < invitations.size(); i++) {
            good.append(invitations.get(i))
                    .append(i == 5 ? ";non;03.09.2021;;" : ";oui;03.09.2021;Sociale;")
                    .append(i == 5 ? "" : i % 2 == 0 ? "femme" : "homme")
                    .append("\r\n");
        }
        api.perform(
                        ORGANISER,
                        post(c + "/invitations/answers?dryRun=true")
                                .contentType("text/csv")
                                .content(good.toString().getBytes(windows1252)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(5))
                .andExpect(jsonPath("$.declined").value(1))
                .andExpect(jsonPath("$.problemCount").value(0));
        assertThat(eventCount()).isEqualTo(before);
        api.perform(
                        ORGANISER,
                        post(c + "/invitations/answers")
                                .contentType("text/csv")
                                .content(good.toString().getBytes(windows1252)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(5));
        assertThat(storedPayloads(r.convention, "VolunteerRegistered"))
                .hasSize(5)
                .allSatisfy(v ->
                        assertThat(v.path("profile").path("Genre").asText()).isIn("femme", "homme"));

        String quotas = "category;feature;min;max\r\nGenre;femme;1;1\r\nGenre;homme;1;1\r\n";
        String selection = c + "/panel/selection?panelSize=2&seedCommitment=" + sha256(PANEL_SEED);
        before = eventCount();
        api.perform(
                        ORGANISER,
                        post(selection + "&dryRun=true").contentType("text/csv").content(quotas.getBytes(windows1252)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.quotas[0].category").value("Genre"))
                .andExpect(jsonPath("$.quotas[1].value").value("homme"));
        api.perform(
                        ORGANISER,
                        post(selection)
                                .contentType("text/csv")
                                .content("category;feature;min;max\nGenre;femme;1;un\n".getBytes(windows1252)))
                .andExpect(problem(422, "invalid-csv"))
                .andExpect(jsonPath("$.problems[0].line").value(2));
        assertThat(eventCount()).isEqualTo(before);
        api.perform(ORGANISER, post(selection).contentType("text/csv").content(quotas.getBytes(windows1252)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.selectionId").isNotEmpty());
        assertThat(storedPayloads(r.convention, "PanelSelectionDefined"))
                .singleElement()
                .satisfies(d -> assertThat(d.path("quotas")).hasSize(2));
        api.post(ORGANISER, c + "/invitations/closure", "{\"deadline\":\"2021-09-10\"}")
                .andExpect(status().isOk());
    }

    /**
     * The answers file's household column ({@code Foyer}, or the address column mapped to it) reaches the
     * log as the keyed pseudonyms the answer request gives, housemates sharing one; a bad key is a problem
     * naming its line and column, and nothing is written.
     */
    @Test
    void theAnswersFileGivesHouseholdsAsPseudonymsOnly() throws Exception {
        Recruitment r = build(Step.INVITED, 3, 3);
        String c = "/api/conventions/" + r.convention;
        List<String> invitations = new ArrayList<>(r.invitationOf.values());
        String bad = "Invitation;Réponse;Répondu le;Genre;Foyer\n"
                + invitations.get(0) + ";oui;01/09/2021;femme;" + "9".repeat(501) + "\n"
                + invitations.get(1) + ";oui;01/09/2021;homme;- / -\n"
                + invitations.get(2) + ";non;01/09/2021;;" + JAUDE + "\n"
                + invitations.get(3) + ";oui;01/09/2021;homme;" + JAUDE + "\n";
        long before = eventCount();
        api.perform(
                        ORGANISER,
                        post(c + "/invitations/answers").contentType("text/csv").content(bad))
                .andExpect(problem(422, "invalid-csv"))
                .andExpect(jsonPath("$.problemCount").value(3))
                .andExpect(jsonPath("$.problems[0].line").value(2))
                .andExpect(jsonPath("$.problems[0].column").value("Foyer"))
                .andExpect(jsonPath("$.problems[0].problem").value(org.hamcrest.Matchers.containsString("500")))
                .andExpect(jsonPath("$.problems[1].line").value(3))
                .andExpect(jsonPath("$.problems[1].problem")
                        .value(org.hamcrest.Matchers.containsString("letter or digit")))
                .andExpect(jsonPath("$.problems[2].line").value(4))
                .andExpect(jsonPath("$.problems[2].problem")
                        .value(org.hamcrest.Matchers.containsString("only a volunteer")));
        api.perform(
                        ORGANISER,
                        post(c + "/invitations/answers?mapping=Adresse=foyer")
                                .contentType("text/csv")
                                .content("Invitation;Réponse;Répondu le;Adresse\n"))
                .andExpect(problem(422, "mapping"));

        StringBuilder good = new StringBuilder("Invitation;Réponse;Répondu le;Genre;Adresse\n");
        List<String> addresses = Arrays.asList("12, Rue Blatin - 63000 CLERMONT FERRAND", BLATIN, JAUDE, "", "", "");
        for (int i = 0; i < invitations.size(); i++) {
            good.append(invitations.get(i))
                    .append(
                            i == 5
                                    ? ";non;03/09/2021;;"
                                    : i % 2 == 0 ? ";oui;03/09/2021;femme;" : ";oui;03/09/2021;homme;")
                    .append(addresses.get(i))
                    .append("\n");
        }
        api.perform(
                        ORGANISER,
                        post(c + "/invitations/answers").contentType("text/csv").content(good.toString()))
                .andExpect(problem(422, "invalid-csv"))
                .andExpect(jsonPath("$.problems[0].column").value("Adresse"))
                .andExpect(jsonPath("$.problems[0].problem").value(org.hamcrest.Matchers.containsString("in clear")));
        api.perform(
                        ORGANISER,
                        post(c + "/invitations/answers?dryRun=true&mapping=Adresse=household")
                                .contentType("text/csv")
                                .content(good.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mapping.Adresse").value("household"))
                .andExpect(jsonPath("$.problemCount").value(0));
        assertThat(eventCount())
                .as("no refused file and no dry run writes an event")
                .isEqualTo(before);

        api.perform(
                        ORGANISER,
                        post(c + "/invitations/answers?mapping=Adresse=household")
                                .contentType("text/csv")
                                .content(good.toString()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(5));
        Map<String, String> householdOf = new HashMap<>();
        events(r.convention).stream()
                .map(DomainEventMessage::getPayload)
                .filter(VolunteerRegistered.class::isInstance)
                .map(VolunteerRegistered.class::cast)
                .forEach(v -> {
                    assertThat(v.profile()).containsOnlyKeys("Genre");
                    householdOf.put(v.invitationId(), String.valueOf(v.household()));
                });
        String blatin = new PersonPseudonym(vault.pseudonymSecret(r.convention)).household(r.convention, BLATIN);
        assertThat(blatin).matches(PersonPseudonym.HOUSEHOLD_PATTERN);
        assertThat(householdOf)
                .as("the pseudonyms the answer request gives, housemates sharing one")
                .containsEntry(invitations.get(0), blatin)
                .containsEntry(invitations.get(1), blatin)
                .containsEntry(invitations.get(3), "null")
                .containsEntry(invitations.get(4), "null")
                .hasSize(5);
        assertThat(householdOf.get(invitations.get(2)))
                .matches(PersonPseudonym.HOUSEHOLD_PATTERN)
                .isNotEqualTo(blatin);
        String stored = String.join(
                "\n",
                storedPayloads(r.convention, "VolunteerRegistered").stream()
                        .map(JsonNode::toString)
                        .toList());
        assertThat(stored.toLowerCase(Locale.ROOT)).doesNotContain("blatin", "jaude", "adresse");
    }

    @Test
    void quotasMayComeAsTheSortitionFoundationsCsv() throws Exception {
        Recruitment r = build(Step.ANSWERED, 3, 3);
        String c = "/api/conventions/" + r.convention;
        long before = eventCount();
        api.post(ORGANISER, c + "/panel/selection", selectionCsv("feature,value,min,max\ngender,female,1,one\n"))
                .andExpect(problem(422, "quotasCsv"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("line 2")));
        api.post(ORGANISER, c + "/panel/selection", """
                {"panelSize":2,"seedCommitment":"%s","quotasCsv":"feature,value,min,max\\ngender,female,1,1\\n",
                 "quotas":[{"category":"gender","value":"female","min":1,"max":1}]}""".formatted(sha256(PANEL_SEED)))
                .andExpect(problem(422, "quotas"));
        api.post(ORGANISER, c + "/panel/selection", """
                {"panelSize":2,"quotas":[],"seedCommitment":"%s"}""".formatted(
                                sha256(PANEL_SEED).substring(1)))
                .andExpect(problem(400, "invalid-fields"))
                .andExpect(jsonPath("$.errors[0].field").value("seedCommitment"));
        assertThat(eventCount()).isEqualTo(before);

        api.created(ORGANISER, c + "/panel/selection", selectionCsv("""
                feature,value,min,max,min_flex,max_flex
                gender,female,1,1,0,2
                gender,male,1,1,0,2
                """), "selectionId");
        PanelSelectionDefined defined = events(r.convention).stream()
                .map(DomainEventMessage::getPayload)
                .filter(PanelSelectionDefined.class::isInstance)
                .map(PanelSelectionDefined.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(defined.panelSize()).isEqualTo(2);
        assertThat(defined.seedCommitment()).isEqualTo(sha256(PANEL_SEED));
        assertThat(defined.quotas())
                .containsExactly(new QuotaRange("gender", "female", 1, 1), new QuotaRange("gender", "male", 1, 1));
        api.post(ORGANISER, c + "/invitations/closure", "{\"deadline\":\"2021-09-10\"}")
                .andExpect(status().isOk());

        PanelDrawn drawn = lotteryAndDraw(r);
        seatTheSelected(r, drawn);
    }

    /**
     * Housemates (the first two volunteers, and the next two with their address typed differently) are never
     * on one panel of the published lottery, and their address reaches the log only as a keyed pseudonym.
     */
    @Test
    void housematesAreNeverOnOnePanelAndTheirAddressIsNotInTheLog() throws Exception {
        Recruitment r = build(Step.INVITED, 3, 3);
        String c = "/api/conventions/" + r.convention;
        String first = c + "/invitations/" + r.invitationOf.get(r.drawn.get(0)) + "/answer";
        String female = "{\"answer\":\"ACCEPTED\",\"answeredOn\":\"2021-09-01\",\"profile\":{\"gender\":\"female\"},";
        api.post(ORGANISER, first, female + "\"household\":\" \"}").andExpect(problem(422, "household-blank"));
        api.post(ORGANISER, first, female + "\"household\":\"" + "9".repeat(501) + "\"}")
                .andExpect(problem(400, "invalid-fields"))
                .andExpect(jsonPath("$.errors[0].field").value("household"));
        assertThat(types(r.convention)).doesNotContain("VolunteerRegistered");
        answerAll(
                r,
                Arrays.asList(
                        BLATIN, "12, Rue Blatin - 63000 CLERMONT FERRAND", JAUDE, "8 Place de JAUDE", null, null));
        api.created(ORGANISER, c + "/panel/selection", """
                {"panelSize":2,"seedCommitment":"%s","quotas":[
                  {"category":"gender","value":"female","min":1,"max":1},
                  {"category":"gender","value":"male","min":1,"max":1}]}
                  """.formatted(sha256(PANEL_SEED)), "selectionId");
        api.post(ORGANISER, c + "/invitations/closure", "{\"deadline\":\"2021-09-10\"}")
                .andExpect(status().isOk());
        api.post(ORGANISER, c + "/panel/lottery", "").andExpect(status().isOk());

        Map<String, String> householdOf = new HashMap<>();
        events(r.convention).stream()
                .map(DomainEventMessage::getPayload)
                .filter(VolunteerRegistered.class::isInstance)
                .map(VolunteerRegistered.class::cast)
                .filter(v -> v.household() != null)
                .forEach(v -> householdOf.put(v.personId(), v.household()));
        assertThat(householdOf.values()).hasSize(4).allMatch(h -> h.matches(PersonPseudonym.HOUSEHOLD_PATTERN));
        assertThat(householdOf.get(r.drawn.get(0))).isEqualTo(householdOf.get(r.drawn.get(1)));
        assertThat(householdOf.get(r.drawn.get(2)))
                .isEqualTo(householdOf.get(r.drawn.get(3)))
                .isNotEqualTo(householdOf.get(r.drawn.get(0)));

        PanelLotteryComputed lottery = events(r.convention).stream()
                .map(DomainEventMessage::getPayload)
                .filter(PanelLotteryComputed.class::isInstance)
                .map(PanelLotteryComputed.class::cast)
                .findFirst()
                .orElseThrow();
        List<PanelLottery.Panel> panels = LotteryRecord.decode(
                        records.require(lottery.panelRecord().sha256()))
                .panels();
        assertThat(panels).hasSize(lottery.panelRecord().panels()).isNotEmpty();
        // a garant whose export carries no record (Axon Server) takes it from the command side, by its hash
        String recordUrl = "/api/lottery-records/" + lottery.panelRecord().sha256();
        byte[] served = api.perform("GARANT", get(recordUrl))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(LotteryRecord.sha256(served)).isEqualTo(lottery.panelRecord().sha256());
        api.perform("MONITOR", get(recordUrl)).andExpect(status().isForbidden());
        api.perform("GARANT", get("/api/lottery-records/" + "0".repeat(64)))
                .andExpect(problem(404, "unknown-lottery-record"));
        for (PanelLottery.Panel panel : panels) {
            List<String> seated = panel.members().stream()
                    .map(i -> lottery.chances().get(i).personId())
                    .toList();
            assertThat(seated.stream().map(householdOf::get).filter(h -> h != null))
                    .as("panel %s", seated)
                    .doesNotHaveDuplicates();
        }
        assertThat(lottery.chances())
                .allSatisfy(chance -> assertThat(chance.probability()).isCloseTo(1.0 / 3, within(1e-6)));

        String stored = String.join(
                "\n",
                jdbc.query(
                        "SELECT payload FROM DomainEventEntry",
                        (rs, i) -> new String(rs.getBytes(1), StandardCharsets.UTF_8)));
        assertThat(IdentityNormaliser.normalise(stored))
                .doesNotContain(IdentityNormaliser.normalise(BLATIN), IdentityNormaliser.normalise(JAUDE));
        assertThat(stored.toLowerCase(Locale.ROOT)).doesNotContain("blatin", "jaude");
    }

    @Test
    void quotasNoPanelCanMeetAreRefusedNamingTheCategory() throws Exception {
        Recruitment r = build(Step.ANSWERED, 3, 3);
        String c = "/api/conventions/" + r.convention;
        api.created(ORGANISER, c + "/panel/selection", """
                {"panelSize":2,"seedCommitment":"%s","quotas":[
                  {"category":"gender","value":"female","min":3,"max":3},
                  {"category":"gender","value":"male","min":0,"max":2}]}
                  """.formatted(sha256(PANEL_SEED)), "selectionId");
        api.post(ORGANISER, c + "/invitations/closure", "{\"deadline\":\"2021-09-10\"}")
                .andExpect(status().isOk());
        api.post(ORGANISER, c + "/panel/lottery", "")
                .andExpect(problem(422, "infeasible-quotas"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("gender")));
        api.post(ORGANISER, c + "/panel/draw", reveal(PANEL_SEED, PANEL_ENTROPY))
                .andExpect(problem(409, "lottery-not-computed"));
        assertThat(types(r.convention))
                .contains("PanelSelectionDefined")
                .doesNotContain("PanelLotteryComputed", "PanelDrawn");
    }

    // ---- the panel's end: lottery, draw, seating --------------------------------------------------

    private PanelDrawn lotteryAndDraw(Recruitment r) throws Exception {
        String c = "/api/conventions/" + r.convention;
        api.post(ORGANISER, c + "/panel/draw", reveal(PANEL_SEED, PANEL_ENTROPY))
                .andExpect(problem(409, "lottery-not-computed"));
        api.post(ORGANISER, c + "/panel/lottery", "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PUBLISHED"));
        api.post(ORGANISER, c + "/panel/lottery", "").andExpect(problem(409, "lottery-computed"));
        api.post(ORGANISER, c + "/panel/draw", reveal(PANEL_SEED.replace('2', '3'), PANEL_ENTROPY))
                .andExpect(problem(422, "seed-mismatch"));
        api.post(ORGANISER, c + "/panel/draw", reveal(PANEL_SEED, null))
                .andExpect(problem(400, "invalid-fields"))
                .andExpect(jsonPath("$.errors[0].field").value("publicEntropy"));
        api.post(ORGANISER, c + "/panel/draw", reveal(PANEL_SEED, " "))
                .andExpect(problem(400, "invalid-fields"))
                .andExpect(jsonPath("$.errors[0].field").value("publicEntropy"));
        assertThat(types(r.convention)).doesNotContain("PanelDrawn");

        JsonNode response = json(api.post(ORGANISER, c + "/panel/draw", reveal(PANEL_SEED, PANEL_ENTROPY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAWN")));
        List<String> selected = strings(response.path("selected"));
        List<String> reserve = strings(response.path("reserve"));
        assertThat(selected).hasSize(2).doesNotHaveDuplicates();
        assertThat(selected.stream().map(r.genderOf::get)).containsExactlyInAnyOrder("female", "male");
        assertThat(reserve).hasSize(4).doesNotContainAnyElementsOf(selected);
        assertThat(new HashSet<>(concat(selected, reserve))).isEqualTo(new HashSet<>(r.drawn));

        PanelDrawn drawn = events(r.convention).stream()
                .map(DomainEventMessage::getPayload)
                .filter(PanelDrawn.class::isInstance)
                .map(PanelDrawn.class::cast)
                .findFirst()
                .orElseThrow();
        assertThat(drawn.seed()).isEqualTo(PANEL_SEED);
        assertThat(drawn.publicEntropy()).isEqualTo(PANEL_ENTROPY);
        assertThat(storedPayloads(r.convention, "PanelDrawn"))
                .singleElement()
                .satisfies(stored ->
                        assertThat(stored.path("publicEntropy").asText()).isEqualTo(PANEL_ENTROPY));
        assertThat(drawn.selected()).isEqualTo(selected);
        assertThat(drawn.reserve()).isEqualTo(reserve);
        api.post(ORGANISER, c + "/panel/draw", reveal(PANEL_SEED, PANEL_ENTROPY))
                .andExpect(problem(409, "panel-drawn"));
        return drawn;
    }

    private void seatTheSelected(Recruitment r, PanelDrawn drawn) throws Exception {
        String c = "/api/conventions/" + r.convention;
        String chosen = r.invitationOf.get(drawn.selected().get(0));
        String other = r.invitationOf.get(drawn.selected().get(1));
        String reserve = r.invitationOf.get(drawn.reserve().get(0));

        api.post(ORGANISER, c + "/members", seat(chosen, "ECOLOGICAL", "charter-2021"))
                .andExpect(problem(422, "unknown-contract"));
        api.post(
                        ORGANISER,
                        c + "/contracts",
                        "{\"version\":\"charter-2021\",\"allowedUnexcusedAbsences\":2,"
                                + "\"adoptedOn\":\"2021-09-20\"}")
                .andExpect(status().isCreated());
        api.post(
                        ORGANISER,
                        c + "/contracts",
                        "{\"version\":\"charter-2021\",\"allowedUnexcusedAbsences\":3,"
                                + "\"adoptedOn\":\"2021-09-21\"}")
                .andExpect(problem(409, "contract-exists"));
        api.perform(
                        ORGANISER,
                        put(c + "/assemblies/capacities")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"ECOLOGICAL\":1,\"SOCIAL\":1,\"DEMOCRATIC\":1}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ECOLOGICAL").value(1));

        api.created(ORGANISER, c + "/members", seat(chosen, "ECOLOGICAL", "charter-2021"), "memberId");
        api.post(ORGANISER, c + "/members", seat(chosen, "SOCIAL", "charter-2021"))
                .andExpect(problem(409, "already-seated"));
        api.post(ORGANISER, c + "/members", seat(reserve, "SOCIAL", "charter-2021"))
                .andExpect(problem(409, "not-selected"));
        api.post(ORGANISER, c + "/members", seat(other, "ECOLOGICAL", "charter-2021"))
                .andExpect(problem(409, "assembly-full"));
        api.created(ORGANISER, c + "/members", seat(other, "SOCIAL", "charter-2021"), "memberId");

        assertThat(types(r.convention))
                .containsSubsequence(
                        "PanelSelectionDefined",
                        "PanelLotteryComputed",
                        "PanelDrawn",
                        "EngagementContractAdopted",
                        "AssemblyCapacitiesSet",
                        "MemberSeated",
                        "MemberSeated");
        assertThat(types(r.convention).stream().filter("MemberSeated"::equals)).hasSize(2);
    }

    private static String seat(String invitationId, String assembly, String contract) {
        return """
                {"invitationId":"%s","assembly":"%s","contractVersion":"%s","seatedOn":"2021-10-01"}
                """.formatted(invitationId, assembly, contract);
    }

    private static String selectionCsv(String csv) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("panelSize", 2);
        body.put("quotasCsv", csv);
        body.put("seedCommitment", sha256(PANEL_SEED));
        return JSON.writeValueAsString(body);
    }

    // ---- building a convention up to a step -------------------------------------------------------

    /** ANSWERED: every invitation answered, the invitations still open (the selection comes first). */
    private enum Step {
        LISTED,
        DRAWN,
        INVITED,
        ANSWERED
    }

    /** A convention's recruitment as far as {@link #build} took it. */
    private static final class Recruitment {
        String convention;
        String electoralRoll;
        String tenants;
        String seed;
        String drawId;
        final List<String> drawn = new ArrayList<>();
        final Map<String, String> listOf = new HashMap<>();
        final Map<String, String> invitationOf = new LinkedHashMap<>();
        final Map<String, String> genderOf = new HashMap<>();
    }

    /**
     * Opens a convention, registers and imports the electoral roll and the tenants' list; then (from
     * {@code DRAWN}) plans a draw of {@code fromRoll} and {@code fromTenants}, freezes both lists and
     * performs it; invites everyone drawn ({@code INVITED}); has them all volunteer, alternately female
     * and male, and closes the answers ({@code CLOSED}).
     */
    private Recruitment build(Step upTo, int fromRoll, int fromTenants) throws Exception {
        Recruitment r = new Recruitment();
        r.convention = api.openConvention();
        String c = "/api/conventions/" + r.convention;
        r.electoralRoll = api.created(
                ORGANISER,
                c + "/source-lists",
                "{\"name\":\"Electoral roll 2021\",\"kind\":\"electoral-roll\"}",
                "listId");
        r.tenants = api.created(
                ORGANISER,
                c + "/source-lists",
                "{\"name\":\"Auvergne Habitat tenants\",\"kind\":\"tenants\"}",
                "listId");
        importCsv(r.convention, r.electoralRoll, ELECTORAL_ROLL)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(6))
                .andExpect(jsonPath("$.newPeople").value(6))
                .andExpect(jsonPath("$.batches").value(1));
        importCsv(r.convention, r.tenants, TENANTS)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(4))
                .andExpect(jsonPath("$.listed").value(4))
                .andExpect(jsonPath("$.newPeople").value(3))
                .andExpect(jsonPath("$.knownPeople").value(1))
                .andExpect(jsonPath("$.batches").value(1));
        if (upTo == Step.LISTED) {
            return r;
        }

        r.seed = "Loto 2021-08-18: 04 17 23 38 41 + 7";
        r.drawId = api.created(ORGANISER, c + "/draws", plan(r, fromRoll, fromTenants, sha256(r.seed)), "drawId");
        for (String list : List.of(r.electoralRoll, r.tenants)) {
            api.post(ORGANISER, c + "/source-lists/" + list + "/freeze", "").andExpect(status().isOk());
        }
        JsonNode performed =
                json(api.post(ORGANISER, c + "/draws/" + r.drawId + "/performance", reveal(r.seed, DRAW_ENTROPY))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.status").value("PERFORMED")));
        for (JsonNode resident : performed.path("drawn")) {
            r.drawn.add(resident.path("personId").asText());
            r.listOf.put(
                    resident.path("personId").asText(), resident.path("listId").asText());
        }
        assertThat(r.drawn)
                .hasSize(fromRoll + fromTenants)
                .doesNotHaveDuplicates()
                .allMatch(p -> p.matches("p-[0-9a-f]{24}"));
        // the draw ran on the seed and the public entropy together, as anyone can recompute from the log
        Map<String, Set<String>> frozen =
                Map.of(r.electoralRoll, listed(r.electoralRoll), r.tenants, listed(r.tenants));
        assertThat(ResidentDraw.draw(
                        frozen,
                        List.of(new ListQuota(r.electoralRoll, fromRoll), new ListQuota(r.tenants, fromTenants)),
                        0,
                        SeedCommitment.drawRandomness(r.seed, DRAW_ENTROPY)))
                .extracting(DrawnResident::personId)
                .isEqualTo(r.drawn);
        assertThat(storedPayloads(r.drawId, "ResidentsDrawn")).singleElement().satisfies(stored -> {
            assertThat(stored.path("seed").asText()).isEqualTo(r.seed);
            assertThat(stored.path("publicEntropy").asText()).isEqualTo(DRAW_ENTROPY);
            assertThat(stored.path("publicEntropySource").asText()).isEqualTo(DRAW_ENTROPY_SOURCE);
        });
        if (upTo == Step.DRAWN) {
            return r;
        }

        invite(r);
        if (upTo == Step.INVITED) {
            return r;
        }
        answerAll(r);
        return r;
    }

    private void invite(Recruitment r) throws Exception {
        Map<String, String> invitations = new LinkedHashMap<>();
        for (int i = 0; i < r.drawn.size(); i++) {
            // invitation ids are the organiser's letter numbers, unique within a convention only:
            // every convention here numbers its letters from letter-1
            invitations.put("letter-" + (i + 1), r.drawn.get(i));
        }
        api.post(ORGANISER, "/api/conventions/" + r.convention + "/invitations", invitations(invitations, r.listOf))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.invitationsSent").value(r.drawn.size()));
        invitations.forEach((invitation, person) -> r.invitationOf.put(person, invitation));
    }

    /** Everyone invited volunteers, alternately female and male; the first says they need childcare. */
    private void answerAll(Recruitment r) throws Exception {
        answerAll(r, List.of());
    }

    /** {@link #answerAll(Recruitment)}, the {@code i}-th volunteer giving {@code households.get(i)} if not null. */
    private void answerAll(Recruitment r, List<String> households) throws Exception {
        for (int i = 0; i < r.drawn.size(); i++) {
            String person = r.drawn.get(i);
            String gender = i % 2 == 0 ? "female" : "male";
            ObjectNode answer = JSON.createObjectNode();
            answer.put("answer", "ACCEPTED");
            answer.put("answeredOn", "2021-09-01");
            answer.putObject("profile").put("gender", gender).put("ageBand", i < 3 ? "30-44" : "45-59");
            answer.put("preferredTransition", "ECOLOGICAL");
            if (i == 0) {
                answer.put("needs", NEEDS);
            }
            if (i < households.size() && households.get(i) != null) {
                answer.put("household", households.get(i));
            }
            api.post(
                            ORGANISER,
                            "/api/conventions/" + r.convention + "/invitations/" + r.invitationOf.get(person)
                                    + "/answer",
                            JSON.writeValueAsString(answer))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.answer").value("ACCEPTED"));
            r.genderOf.put(person, gender);
        }
    }

    private static String plan(Recruitment r, int fromRoll, int fromTenants, String commitment) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode lists = body.putArray("lists");
        lists.addObject().put("listId", r.electoralRoll).put("count", fromRoll);
        lists.addObject().put("listId", r.tenants).put("count", fromTenants);
        body.put("overall", 0);
        body.put("seedCommitment", commitment);
        body.put("publicEntropySource", DRAW_ENTROPY_SOURCE);
        return JSON.writeValueAsString(body);
    }

    private static String notInvited(String residentRef, String reason) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("residentRef", residentRef).put("reason", reason).put("recordedOn", "2021-09-01");
        return JSON.writeValueAsString(body);
    }

    /** The body that reveals a draw's seed and gives its public entropy (left out when null). */
    private static String reveal(String seed, String publicEntropy) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("seed", seed);
        if (publicEntropy != null) {
            body.put("publicEntropy", publicEntropy);
        }
        return JSON.writeValueAsString(body);
    }

    private static String invitations(Map<String, String> personByInvitation, Map<String, String> listOf)
            throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("sentOn", "2021-08-20");
        ArrayNode invitees = body.putArray("invitees");
        personByInvitation.forEach((invitation, person) -> {
            ObjectNode invitee =
                    invitees.addObject().put("invitationId", invitation).put("residentRef", person);
            if (listOf.containsKey(person)) {
                invitee.put("sourceList", listOf.get(person));
            }
        });
        return JSON.writeValueAsString(body);
    }

    // ---- HTTP --------------------------------------------------------------------------------------

    /** A resident list as a city's IT would send it: {@code text/csv}, no charset parameter, UTF-8 bytes. */
    private ResultActions importCsv(String convention, String list, String csv) throws Exception {
        return api.perform(
                ORGANISER,
                post("/api/conventions/" + convention + "/source-lists/" + list + "/residents")
                        .contentType("text/csv")
                        .content(csv.getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> fetchLetters(String path) throws Exception {
        String csv = api.get(ORGANISER, path)
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return csv.lines().toList();
    }

    // ---- the log -----------------------------------------------------------------------------------

    private List<DomainEventMessage<?>> events(String aggregateId) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(aggregateId).forEachRemaining(events::add);
        return events;
    }

    private List<String> types(String aggregateId) {
        return events(aggregateId).stream()
                .map(e -> e.getPayloadType().getSimpleName())
                .toList();
    }

    private Set<String> listed(String listId) {
        return events(listId).stream()
                .map(DomainEventMessage::getPayload)
                .filter(ResidentsListed.class::isInstance)
                .map(ResidentsListed.class::cast)
                .flatMap(batch -> batch.residents().stream())
                .map(ListedResident::personId)
                .collect(Collectors.toSet());
    }

    private long eventCount() {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM DomainEventEntry WHERE type IS NULL OR type <> 'Keyring'", Long.class);
    }

    /** The payloads of one stream's events of one type, as stored (JSON). */
    private List<JsonNode> storedPayloads(String aggregateId, String simpleType) {
        return jdbc
                .query(
                        "SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ? AND payloadType LIKE ?"
                                + " ORDER BY sequenceNumber",
                        (rs, i) -> new String(rs.getBytes(1), StandardCharsets.UTF_8),
                        aggregateId,
                        "%." + simpleType)
                .stream()
                .map(RecruitmentApiTest::readTree)
                .toList();
    }

    /** Scans every stored event, payload and metadata, for any name, first name, address or birth date. */
    private void assertNoPersonalDataInTheLog() {
        List<String> stored = jdbc.query("SELECT payload, metaData FROM DomainEventEntry", (rs, i) -> {
            byte[] metaData = rs.getBytes(2);
            return new String(rs.getBytes(1), StandardCharsets.UTF_8) + "\n"
                    + (metaData == null ? "" : new String(metaData, StandardCharsets.UTF_8));
        });
        assertThat(stored).isNotEmpty();
        String all = String.join("\n", stored);
        String lower = all.toLowerCase(Locale.ROOT);
        String normalised = IdentityNormaliser.normalise(all);
        for (String value : PERSONAL_DATA) {
            assertThat(lower).as("the log holds %s in clear", value).doesNotContain(value.toLowerCase(Locale.ROOT));
            assertThat(normalised)
                    .as("the log holds %s in clear", value)
                    .doesNotContain(IdentityNormaliser.normalise(value));
        }
        assertThat(lower).doesNotContain("childcare", "toddlers");
        assertThat(all).contains("\"ciphertext\":\"v1:");
    }

    // ---- small things ------------------------------------------------------------------------------

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String sha256(String seed) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder();
        for (byte b : hash) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }
}
