package org.conventionledger.tools.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.conventionledger.csv.CsvFlavour;
import org.conventionledger.csv.CsvWriter;
import org.conventionledger.tools.LedgerClient;

/**
 * The Clermont recruitment and the life of its panel, through the public write API: seven source lists
 * (invented residents; people on several lists), a draw of 2,000 committed before the lists were frozen,
 * invitations, 160 volunteers with their profiles, the LEXIMIN lottery under quotas, the panel of 70 drawn
 * with a second committed seed, seats 24/24/22, six sessions (2–4 per assembly) with attendance, expenses
 * and indemnities, delegated roles, and members leaving. Counts follow the published figures (2,000
 * letters, 70 members); everything about individuals is invented and deterministic.
 */
public final class RecruitmentDemo {

    /** Committed (by its SHA-256) before the lists were frozen. */
    static final String DRAW_SEED = "Clermont-Ferrand 2021 - tirage des invitations - 7f3a91c2";
    /** Rolled before the bailiff at the draw, after the lists were frozen (invented). */
    static final String DRAW_DICE = "des: 4 1 6 6 2 3 5 1";
    /** Named with the seed's commitment, before the lists were frozen: nobody could know the dice then. */
    static final String DRAW_DICE_SOURCE = "8 dice rolled before the bailiff at the public draw of 2021-09-03";
    /** Committed with the quotas, before the answers. */
    static final String PANEL_SEED = "Clermont-Ferrand 2021 - selection du panel - 0c5e22d8";
    /** Rolled at the panel draw (invented). */
    static final String PANEL_DICE = "des: 2 5 5 3 6 1 4 4";

    static final String CONTRACT = "engagement-contract-2021-v1";
    /** Residents on each invented list: where they start in the invented population, and how many. */
    static final Map<String, int[]> LIST_RANGES = new LinkedHashMap<>();
    /** How many residents the invented population holds (the end of the last list's range). */
    public static final int POPULATION = 8_550;

    static final List<String> GENDERS = List.of("female", "male");
    static final List<String> AGE_BANDS = List.of("16-24", "25-39", "40-59", "60+");
    static final List<String> NEIGHBOURHOODS = List.of("Centre", "Nord", "Est", "Sud", "Ouest");
    /** Invented dates of the six sessions (two days each). */
    static final List<LocalDate> SESSION_DATES = List.of(
            LocalDate.of(2021, 11, 19),
            LocalDate.of(2021, 12, 10),
            LocalDate.of(2022, 1, 14),
            LocalDate.of(2022, 2, 11),
            LocalDate.of(2022, 3, 18),
            LocalDate.of(2022, 4, 8));

    static {
        // overlapping ranges: some tenants, students and parents are also on the electoral roll
        LIST_RANGES.put("ELECTORAL_ROLL", new int[] {0, 6_000});
        LIST_RANGES.put("SOCIAL_LANDLORD_TENANTS", new int[] {5_000, 1_200});
        LIST_RANGES.put("UNIVERSITY_STUDENTS", new int[] {5_800, 1_200});
        LIST_RANGES.put("YOUTH_MISSION", new int[] {7_000, 400});
        LIST_RANGES.put("MILITARY_CENSUS", new int[] {7_400, 400});
        LIST_RANGES.put("PARENTS_OF_PUPILS", new int[] {7_800, 600});
        LIST_RANGES.put("REFUGEE_PROGRAMME", new int[] {8_400, 150});
    }

    private static final String ORGANISER = "organiser";
    private static final List<String> RESIDENT_COLUMNS =
            List.of("last_name", "first_name", "birth_date", "address", "postcode", "city");
    private static final String[] LAST_NAMES = {
        "Martin",
        "Bernard",
        "Dubois",
        "Thomas",
        "Robert",
        "Richard",
        "Petit",
        "Durand",
        "Leroy",
        "Moreau",
        "Simon",
        "Laurent",
        "Lefèvre",
        "Michel",
        "Garcia",
        "David",
        "Bertrand",
        "Roux",
        "Vincent",
        "Fournier",
        "Morel",
        "Girard",
        "André",
        "Lefebvre",
        "Mercier",
        "Dupont",
        "Lambert",
        "Bonnet",
        "François",
        "Martinez",
        "Chabrol",
        "Vialle",
        "Pélissier",
        "Bourdier",
        "Tixier",
        "Chassaing",
        "Meunier",
        "Faure",
        "Rougier",
        "Besson"
    };
    private static final String[] FIRST_NAMES = {
        "Camille",
        "Léa",
        "Manon",
        "Chloé",
        "Inès",
        "Sarah",
        "Jade",
        "Louise",
        "Emma",
        "Zoé",
        "Lucas",
        "Hugo",
        "Louis",
        "Nathan",
        "Gabriel",
        "Jules",
        "Arthur",
        "Adam",
        "Yanis",
        "Théo",
        "Fatima",
        "Amadou",
        "Nadia",
        "Karim",
        "Mélanie",
        "Julien",
        "Sandrine",
        "Pascal",
        "Nathalie",
        "Éric"
    };

    private final LedgerClient client;
    private final String conventionUrl;
    private final Consumer<String> log;
    private final Random random;
    /** Invitation id → the volunteer's profile, for the seating by preferred transition. */
    private final Map<String, Map<String, String>> profiles = new LinkedHashMap<>();
    /** Invitation id → the volunteer's preferred transition. */
    private final Map<String, String> preferences = new LinkedHashMap<>();

    private final Map<String, String> invitationByPerson = new LinkedHashMap<>();
    private final Map<String, String> sessionIds = new LinkedHashMap<>();

    RecruitmentDemo(LedgerClient client, String commandUrl, String conventionId, long seed, Consumer<String> log) {
        this.client = client;
        this.conventionUrl = commandUrl + "/api/conventions/" + conventionId;
        this.log = log;
        this.random = new Random(seed);
    }

    /** Lists, draw, invitations, answers, selection and seating: the members by assembly. */
    Map<String, List<String>> recruit(
            Map<String, Integer> lettersPerList, Map<String, Integer> seats, int accepted, int declined)
            throws Exception {
        Map<String, String> lists = registerLists();
        String drawId = client.post(
                        conventionUrl + "/draws",
                        ORGANISER,
                        Map.of(
                                "lists",
                                lettersPerList.entrySet().stream()
                                        .map(e -> Map.of("listId", lists.get(e.getKey()), "count", e.getValue()))
                                        .toList(),
                                "overall",
                                0,
                                "seedCommitment",
                                sha256(DRAW_SEED),
                                "publicEntropySource",
                                DRAW_DICE_SOURCE))
                .path("drawId")
                .asText();
        for (String listId : lists.values()) {
            client.post(conventionUrl + "/source-lists/" + listId + "/freeze", ORGANISER, Map.of());
        }
        JsonNode drawn = client.post(
                        conventionUrl + "/draws/" + drawId + "/performance",
                        ORGANISER,
                        Map.of("seed", DRAW_SEED, "publicEntropy", DRAW_DICE))
                .path("drawn");
        log.accept("Draw " + drawId + " performed with the revealed seed: " + drawn.size() + " residents drawn");
        List<String> invitations = invite(drawn);
        recordAnswers(invitations, accepted, declined);
        // the selection is defined before the invitations close, so it cannot be fitted to the final answers
        defineSelection(seats.values().stream().mapToInt(Integer::intValue).sum());
        client.post(conventionUrl + "/invitations/closure", ORGANISER, Map.of("deadline", "2021-10-08"));
        log.accept("Invitations closed: " + (invitations.size() - accepted - declined)
                + " without answer at the deadline");
        List<String> selected = drawPanel();
        return seat(selected, seats);
    }

    private Map<String, String> registerLists() {
        Map<String, String> ids = new LinkedHashMap<>();
        int rows = 0;
        for (var list : LIST_RANGES.entrySet()) {
            String listId = client.post(
                            conventionUrl + "/source-lists",
                            ORGANISER,
                            Map.of(
                                    "name",
                                    list.getKey().replace('_', ' ').toLowerCase(),
                                    "kind",
                                    list.getKey().toLowerCase()))
                    .path("listId")
                    .asText();
            List<List<String>> residents = new ArrayList<>();
            int[] range = list.getValue();
            for (int person = range[0]; person < range[0] + range[1]; person++) {
                residents.add(resident(person));
            }
            byte[] csv = CsvWriter.write(CsvFlavour.STANDARD, RESIDENT_COLUMNS, residents);
            client.postCsv(
                    conventionUrl + "/source-lists/" + listId + "/residents",
                    ORGANISER,
                    new String(csv, StandardCharsets.UTF_8));
            ids.put(list.getKey(), listId);
            rows += range[1];
        }
        log.accept("Source lists imported: " + ids.size() + " lists, " + rows + " rows (names and addresses sealed)");
        return ids;
    }

    /** An invented resident's row of a source list, the same whichever list they are on. */
    public static List<String> resident(int person) {
        String last = LAST_NAMES[person % LAST_NAMES.length];
        String first = FIRST_NAMES[(person / LAST_NAMES.length) % FIRST_NAMES.length];
        LocalDate born = LocalDate.of(1940, 1, 1).plusDays((person * 7919L) % 23_000);
        return List.of(
                last,
                first,
                born.toString(),
                (1 + person % 180) + " rue " + LAST_NAMES[(person / 7) % LAST_NAMES.length],
                "630" + String.format("%02d", person % 3 * 50),
                "Clermont-Ferrand");
    }

    private List<String> invite(JsonNode drawn) {
        List<Map<String, String>> invitees = new ArrayList<>();
        for (JsonNode resident : drawn) {
            String invitationId = String.format("INV-%04d", invitees.size() + 1);
            invitees.add(Map.of(
                    "invitationId",
                    invitationId,
                    "residentRef",
                    resident.path("personId").asText(),
                    "sourceList",
                    resident.path("listId").asText()));
            invitationByPerson.put(resident.path("personId").asText(), invitationId);
        }
        for (int from = 0; from < invitees.size(); from += 500) {
            client.post(
                    conventionUrl + "/invitations",
                    ORGANISER,
                    Map.of(
                            "sentOn",
                            "2021-09-06",
                            "invitees",
                            invitees.subList(from, Math.min(from + 500, invitees.size()))));
        }
        for (int i = 0; i < 300; i++) {
            client.post(
                    conventionUrl + "/invitations/"
                            + invitees.get(invitees.size() - 1 - i).get("invitationId") + "/reminder",
                    ORGANISER,
                    Map.of("sentOn", "2021-09-27"));
        }
        log.accept("Invitations sent: " + invitees.size() + " (300 reminders)");
        return invitees.stream().map(i -> i.get("invitationId")).toList();
    }

    /** Accepted (with an invented profile) and declined answers in a seeded order; the rest stays unanswered. */
    private void recordAnswers(List<String> invitations, int accepted, int declined) throws Exception {
        List<String> order = BallotMaker.shuffled(invitations, random.nextLong());
        List<Map<String, Object>> answers = new ArrayList<>();
        for (int i = 0; i < accepted + declined; i++) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("answer", i < accepted ? "ACCEPTED" : "DECLINED");
            answer.put("answeredOn", "2021-09-24");
            if (i < accepted) {
                Map<String, String> profile = new LinkedHashMap<>();
                profile.put("gender", GENDERS.get(random.nextInt(2)));
                profile.put("ageBand", AGE_BANDS.get(pick(new double[] {0.2, 0.3, 0.3, 0.2})));
                profile.put("neighbourhood", NEIGHBOURHOODS.get(random.nextInt(NEIGHBOURHOODS.size())));
                answer.put("profile", profile);
                String transition = ClermontDemo.SEATS.keySet().toArray(String[]::new)[random.nextInt(3)];
                answer.put("preferredTransition", transition);
                preferences.put(order.get(i), transition);
                if (random.nextInt(8) == 0) {
                    answer.put("needs", "childcare during sessions");
                }
                profiles.put(order.get(i), profile);
            }
            answer.put("invitationId", order.get(i));
            answers.add(answer);
        }
        ClermontDemo.parallel(answers, a -> {
            Map<String, Object> body = new LinkedHashMap<>(a);
            String invitationId = (String) body.remove("invitationId");
            client.post(conventionUrl + "/invitations/" + invitationId + "/answer", ORGANISER, body);
        });
        log.accept("Answers recorded: " + accepted + " accepted, " + declined + " declined");
    }

    private int pick(double[] weights) {
        double u = random.nextDouble();
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** Quotas in the Sortition Foundation's CSV format and the panel seed's commitment. */
    private void defineSelection(int panelSize) {
        String quotas = "feature,value,min,max\n"
                + "gender,female,33,37\ngender,male,33,37\n"
                + "ageBand,16-24,10,17\nageBand,25-39,16,24\nageBand,40-59,16,24\nageBand,60+,10,17\n"
                + NEIGHBOURHOODS.stream()
                        .map(n -> "neighbourhood," + n + ",12,16\n")
                        .reduce("", String::concat);
        client.post(
                conventionUrl + "/panel/selection",
                ORGANISER,
                Map.of("panelSize", panelSize, "quotasCsv", quotas, "seedCommitment", sha256(PANEL_SEED)));
    }

    /** The lottery over the volunteers once the invitations are closed, and the panel drawn from it. */
    private List<String> drawPanel() {
        client.post(conventionUrl + "/panel/lottery", ORGANISER, Map.of());
        JsonNode drawn = client.post(
                conventionUrl + "/panel/draw", ORGANISER, Map.of("seed", PANEL_SEED, "publicEntropy", PANEL_DICE));
        List<String> selected = new ArrayList<>();
        drawn.path("selected").forEach(person -> selected.add(invitationByPerson.get(person.asText())));
        log.accept(
                "Panel lottery published and panel " + drawn.path("panelIndex").asInt() + " drawn: " + selected.size()
                        + " selected, " + drawn.path("reserve").size() + " in reserve");
        return selected;
    }

    /** Seats by preferred transition while seats last, then wherever seats remain. */
    private Map<String, List<String>> seat(List<String> selected, Map<String, Integer> seats) {
        client.post(
                conventionUrl + "/contracts",
                ORGANISER,
                Map.of("version", CONTRACT, "allowedUnexcusedAbsences", 2, "adoptedOn", "2021-10-15"));
        client.put(conventionUrl + "/assemblies/capacities", ORGANISER, seats);
        Map<String, List<String>> assignment = new LinkedHashMap<>();
        seats.keySet().forEach(a -> assignment.put(a, new ArrayList<>()));
        List<String> unplaced = new ArrayList<>();
        for (String invitation : selected) {
            String wanted = preferences.get(invitation);
            if (wanted != null && assignment.get(wanted).size() < seats.get(wanted)) {
                assignment.get(wanted).add(invitation);
            } else {
                unplaced.add(invitation);
            }
        }
        for (String invitation : unplaced) {
            seats.keySet().stream()
                    .filter(a -> assignment.get(a).size() < seats.get(a))
                    .findFirst()
                    .ifPresent(a -> assignment.get(a).add(invitation));
        }
        Map<String, List<String>> members = new LinkedHashMap<>();
        assignment.forEach((assembly, invitations) -> members.put(
                assembly,
                invitations.stream()
                        .map(invitation -> client.post(
                                        conventionUrl + "/members",
                                        ORGANISER,
                                        Map.of(
                                                "invitationId",
                                                invitation,
                                                "assembly",
                                                assembly,
                                                "contractVersion",
                                                CONTRACT,
                                                "seatedOn",
                                                "2021-11-19"))
                                .path("memberId")
                                .asText())
                        .toList()));
        log.accept("Members seated: "
                + members.values().stream().mapToInt(List::size).sum() + " " + seats);
        return members;
    }

    /**
     * Holds session {@code number} (1, 5 and 6 plenary; 2–4 one meeting per assembly): attendance, expense
     * claims (childcare and travel; one rejected), closing and payment of the indemnities.
     */
    void holdSession(int number, Map<String, List<String>> members) {
        LocalDate starts = SESSION_DATES.get(number - 1);
        boolean plenary = number == 1 || number >= 5;
        Map<String, List<String>> meetings = new LinkedHashMap<>();
        if (plenary) {
            meetings.put(null, members.values().stream().flatMap(List::stream).toList());
        } else {
            meetings.putAll(members);
        }
        for (var meeting : meetings.entrySet()) {
            Map<String, Object> schedule = new LinkedHashMap<>();
            schedule.put("number", number);
            schedule.put("kind", plenary ? "PLENARY" : "ASSEMBLY");
            schedule.put("assembly", meeting.getKey());
            schedule.put("startsOn", starts.toString());
            schedule.put("endsOn", starts.plusDays(1).toString());
            String sessionId = client.post(conventionUrl + "/sessions", ORGANISER, schedule)
                    .path("sessionId")
                    .asText();
            sessionIds.put(number + "/" + meeting.getKey(), sessionId);
            String sessionUrl = conventionUrl + "/sessions/" + sessionId;
            List<Map<String, String>> attendance = new ArrayList<>();
            List<String> present = new ArrayList<>();
            for (String member : meeting.getValue()) {
                String presence = presence(number, member);
                attendance.add(Map.of("memberId", member, "presence", presence));
                if (presence.equals("PRESENT")) {
                    present.add(member);
                }
            }
            client.post(sessionUrl + "/attendance", ORGANISER, Map.of("attendance", attendance));
            for (int i = 0; i < present.size(); i += 9) {
                boolean childcare = i % 2 == 0;
                String claimId = client.post(
                                sessionUrl + "/expenses",
                                ORGANISER,
                                Map.of(
                                        "memberId",
                                        present.get(i),
                                        "kind",
                                        childcare ? "CHILDCARE" : "TRAVEL",
                                        "amount",
                                        childcare ? "45.00" : "12.40"))
                        .path("claimId")
                        .asText();
                if (i == 9) {
                    client.post(
                            sessionUrl + "/expenses/" + claimId + "/rejection",
                            ORGANISER,
                            Map.of("reason", "Travel inside the city is covered by the free transport pass"));
                } else {
                    client.post(sessionUrl + "/expenses/" + claimId + "/approval", ORGANISER, Map.of());
                }
            }
            client.post(
                    sessionUrl + "/close",
                    ORGANISER,
                    Map.of("closedOn", starts.plusDays(1).toString()));
            client.post(
                    sessionUrl + "/payment",
                    ORGANISER,
                    Map.of("paidOn", starts.plusDays(30).toString()));
        }
        log.accept("Session " + number + " held: " + meetings.size() + (plenary ? " plenary" : " assembly meetings")
                + ", attendance recorded, indemnities paid");
    }

    /**
     * Invented attendance: mostly present, a few excused; the last member of the democratic assembly
     * misses sessions 2–4 without excuse (and loses membership under the contract's rule of 2).
     */
    private String presence(int number, String member) {
        if (member.equals(absentee) && number >= 2 && number <= 4) {
            return "ABSENT";
        }
        int h = Math.floorMod((member + "/" + number).hashCode(), 20);
        return h == 0 ? "EXCUSED" : h == 1 && number > 1 ? "ABSENT" : "PRESENT";
    }

    private String absentee;

    /** The member who will miss sessions 2–4: chosen before session 2. */
    void chooseAbsentee(Map<String, List<String>> members) {
        List<String> democratic = members.get("DEMOCRATIC");
        absentee = democratic.get(democratic.size() - 1);
    }

    /** Elects the eight delegated roles of each assembly (session 1). */
    void electRoles(Map<String, List<String>> members) {
        List<String> roles = List.of(
                "SECRETARY",
                "JOURNALIST",
                "VIDEOGRAPHER",
                "WATCHER",
                "FUTURE_GENERATIONS_REPRESENTATIVE",
                "BIODIVERSITY_REPRESENTATIVE",
                "ASSEMBLY_CORRESPONDENT",
                "ADVISORY_COUNCIL_REPRESENTATIVE");
        members.forEach((assembly, ids) -> {
            for (int i = 0; i < roles.size(); i++) {
                client.post(
                        conventionUrl + "/assemblies/" + assembly + "/roles",
                        ORGANISER,
                        Map.of(
                                "role",
                                roles.get(i),
                                "memberId",
                                ids.get(i),
                                "assignedOn",
                                SESSION_DATES.get(0).plusDays(1).toString()));
            }
        });
        log.accept("Delegated roles elected: 8 per assembly");
    }

    /**
     * After session 5: two members withdraw, the absentee loses membership; the members left sit in
     * session 6. Returns the members still sitting.
     */
    Map<String, List<String>> departures(Map<String, List<String>> members) {
        Map<String, List<String>> sitting = new LinkedHashMap<>();
        members.forEach((assembly, ids) -> sitting.put(assembly, new ArrayList<>(ids)));
        LocalDate after = SESSION_DATES.get(4).plusDays(7);
        for (String assembly : List.of("ECOLOGICAL", "SOCIAL")) {
            List<String> ids = sitting.get(assembly);
            String leaving = ids.remove(ids.size() - 1);
            client.post(
                    conventionUrl + "/members/" + leaving + "/withdrawal",
                    ORGANISER,
                    Map.of(
                            "reason",
                            assembly.equals("SOCIAL") ? "MOVED_AWAY" : "PROFESSIONAL",
                            "withdrewOn",
                            after.toString()));
        }
        client.post(
                conventionUrl + "/members/" + absentee + "/absence-rule",
                ORGANISER,
                Map.of("appliedOn", after.toString()));
        sitting.get("DEMOCRATIC").remove(absentee);
        log.accept("Members left after session 5: 2 withdrew, 1 lost membership under the absence rule");
        return sitting;
    }

    private static String sha256(String seed) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
