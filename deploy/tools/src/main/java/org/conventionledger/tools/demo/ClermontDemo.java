package org.conventionledger.tools.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.conventionledger.tools.LedgerClient;

/**
 * Replays the Clermont-Ferrand citizens' convention 2021–22 into an empty ledger through the public
 * write API, as the city's participation team and the online voting platform would, then checks the
 * read side's ranking against the published table. Published facts come from {@link ClermontFacts};
 * what was never published (who answered what, individual online ballots, desk tallies) is invented
 * deterministically and adds up exactly to the published figures.
 */
public class ClermontDemo {

    public static final String TITLE = "Convention citoyenne de Clermont-Ferrand 2021-2022";

    static final int INVITATIONS = 2_000;
    static final int ACCEPTED = 160;
    static final int DECLINED = 410;
    /** Members per assembly, as published. */
    static final Map<String, Integer> SEATS = new LinkedHashMap<>();
    /** The source lists residents were drawn from, and how many letters each list received. */
    static final Map<String, Integer> SOURCE_LISTS = new LinkedHashMap<>();
    /** Collection desks of the paper votation (5 neighbourhoods, 2 markets) and their share of paper votes. */
    static final Map<String, Double> DESKS = new LinkedHashMap<>();

    /** The grade scale of the members' majority-judgment votes, worst first. */
    static final List<String> GRADES =
            List.of("À rejeter", "Insuffisant", "Passable", "Assez bien", "Bien", "Très bien", "Excellent");
    /** Candidate topics each assembly considered but did not choose (invented). */
    static final Map<String, List<String>> OTHER_CANDIDATE_TOPICS = Map.of(
            "ECOLOGICAL", List.of("Alimentation locale et durable", "Rénovation énergétique des logements"),
            "SOCIAL", List.of("Accès au logement", "Santé et prévention"),
            "DEMOCRATIC", List.of("Budget participatif", "Vie associative"));
    /** Experts heard in session 1, by public capacity (invented; the report does not list them). */
    static final String[][] EXPERTS = {
        {"Researcher in urban ecology", "Université Clermont Auvergne"},
        {"Association of public-transport users", "Users' association"},
        {"City climate-plan officer", "Ville de Clermont-Ferrand"},
        {"Sociologist of participation", "Research laboratory"},
        {"Social-housing tenants' representative", "Tenants' association"},
        {"Digital-inclusion mediator", "Local association"}
    };

    static final String ELECTED_OFFICIAL = "elected official";

    static {
        SEATS.put("ECOLOGICAL", 24);
        SEATS.put("SOCIAL", 24);
        SEATS.put("DEMOCRATIC", 22);
        SOURCE_LISTS.put("ELECTORAL_ROLL", 1_250);
        SOURCE_LISTS.put("SOCIAL_LANDLORD_TENANTS", 250);
        SOURCE_LISTS.put("UNIVERSITY_STUDENTS", 150);
        SOURCE_LISTS.put("YOUTH_MISSION", 100);
        SOURCE_LISTS.put("MILITARY_CENSUS", 100);
        SOURCE_LISTS.put("PARENTS_OF_PUPILS", 100);
        SOURCE_LISTS.put("REFUGEE_PROGRAMME", 50);
        DESKS.put("Quartier Centre", 0.20);
        DESKS.put("Quartier Nord", 0.16);
        DESKS.put("Quartier Est", 0.14);
        DESKS.put("Quartier Sud", 0.15);
        DESKS.put("Quartier Ouest", 0.13);
        DESKS.put("Marché Saint-Joseph", 0.12);
        DESKS.put("Marché Saint-Pierre", 0.10);
    }

    /** What the demo did and whether the read side reproduced the published table. */
    public record Result(
            String conventionId, String votationId, boolean loaded, JsonNode ranking, List<String> mismatches) {

        public boolean matchesPublishedTable() {
            return mismatches.isEmpty();
        }
    }

    private static final String ORGANISER = "organiser";
    private static final String PLATFORM = "platform";
    /** Confirms the paper counts the first organiser entered (double entry). */
    private static final String SECOND_ORGANISER = "organiser2";

    private static final long SEED = 2022_06_19L;

    private final String commandUrl;
    private final String queryUrl;
    private final LedgerClient client;
    private final Consumer<String> log;
    /**
     * What the mid-term consultation replayed, checked with the ranking; null when the convention was loaded before.
     */
    private ConsultationDemo.Result consultation;

    public ClermontDemo(String commandUrl, String queryUrl, Path accountsFile, Consumer<String> log) {
        this.commandUrl = commandUrl;
        this.queryUrl = queryUrl;
        this.client = new LedgerClient(accountsFile);
        this.log = log;
    }

    public Result run() throws Exception {
        for (JsonNode convention : client.get(queryUrl + "/api/conventions", ORGANISER)) {
            if (TITLE.equals(convention.path("title").asText())) {
                log.accept("The Clermont-Ferrand convention is already loaded ("
                        + convention.path("conventionId").asText() + "); checking its ranking only.");
                String conventionId = convention.path("conventionId").asText();
                JsonNode dashboard =
                        client.get(queryUrl + "/api/conventions/" + conventionId + "/dashboard", ORGANISER);
                String votationId =
                        dashboard.path("votations").path(0).path("votationId").asText();
                return check(conventionId, votationId, false);
            }
        }
        Instant started = Instant.now();
        String conventionId = openConvention();
        RecruitmentDemo panel = new RecruitmentDemo(client, commandUrl, conventionId, SEED, log);
        Map<String, List<String>> members = panel.recruit(SOURCE_LISTS, SEATS, ACCEPTED, DECLINED);
        panel.electRoles(members);
        panel.chooseAbsentee(members);
        panel.holdSession(1, members);
        Map<String, String> topics = chooseTopics(conventionId, members);
        prepareTopics(topics);
        consultation = ConsultationDemo.run(client, commandUrl, conventionId, topics, log);
        for (int session = 2; session <= 4; session++) {
            panel.holdSession(session, members);
        }
        Map<Integer, String> drafted = draftActions(conventionId, topics, members);
        panel.holdSession(5, members);
        prioritise(conventionId, drafted, members);
        Map<String, List<String>> sitting = panel.departures(members);
        panel.holdSession(6, sitting);
        List<String> actionIds = finaliseThroughConsent(drafted, sitting);
        String votationId = runVotation(conventionId, actionIds);
        log.accept("Loaded through the write API in "
                + Duration.between(started, Instant.now()).toSeconds() + " s.");
        return check(conventionId, votationId, true);
    }

    private String openConvention() {
        Map<String, Object> mandate = Map.of(
                "deliberationReference", "Clermont-Ferrand council deliberation establishing the convention (2021)",
                "startsOn", "2021-10-01",
                "endsOn", "2022-06-30",
                "expectedOutput", "Concrete actions for the city's ecological, social and democratic transitions",
                "cityCommitment",
                        "Put every finalised action to a public votation and answer each one, or relay it"
                                + " to the competent institution",
                "indemnityPerSession", 20);
        String id = client.post(
                        commandUrl + "/api/conventions",
                        ORGANISER,
                        Map.of(
                                "title",
                                TITLE,
                                "city",
                                "Clermont-Ferrand",
                                "mandate",
                                mandate,
                                "transitions",
                                List.of("ECOLOGICAL", "SOCIAL", "DEMOCRATIC"),
                                "plannedSessions",
                                6))
                .path("conventionId")
                .asText();
        log.accept("Convention opened: " + id);
        return id;
    }

    /**
     * Session 1: each assembly grades candidate topics by majority judgment and chooses three. The
     * candidates are the three published topics and two invented ones; the invented judgments give
     * the published topics the better grades.
     */
    private Map<String, String> chooseTopics(String conventionId, Map<String, List<String>> members) throws Exception {
        Map<String, List<String>> published = new LinkedHashMap<>();
        for (ClermontFacts.Action action : ClermontFacts.actions()) {
            List<String> topics = published.computeIfAbsent(action.transition(), t -> new ArrayList<>());
            if (!topics.contains(action.topic())) {
                topics.add(action.topic());
            }
        }
        Map<String, String> topicIds = new LinkedHashMap<>();
        for (var assembly : published.entrySet()) {
            List<String> candidates = new ArrayList<>(assembly.getValue());
            candidates.addAll(OTHER_CANDIDATE_TOPICS.get(assembly.getKey()));
            JsonNode opened = client.post(
                    commandUrl + "/api/conventions/" + conventionId + "/judgment-votes",
                    ORGANISER,
                    Map.of(
                            "purpose",
                            "TOPIC_CHOICE",
                            "assembly",
                            assembly.getKey(),
                            "grades",
                            GRADES,
                            "candidates",
                            candidates,
                            "seats",
                            3));
            String voteId = opened.path("voteId").asText();
            List<String> voters = members.get(assembly.getKey());
            parallel(voters, member -> {
                int m = voters.indexOf(member);
                List<Integer> grades = new ArrayList<>();
                for (int c = 0; c < candidates.size(); c++) {
                    boolean chosenInClermont = c < assembly.getValue().size();
                    grades.add((chosenInClermont ? 3 : 0) + (m + 2 * c) % 4);
                }
                client.post(
                        commandUrl + "/api/conventions/" + conventionId + "/judgment-votes/" + voteId + "/judgments",
                        ORGANISER,
                        Map.of("memberId", member, "grades", grades));
            });
            client.post(
                    commandUrl + "/api/conventions/" + conventionId + "/judgment-votes/" + voteId + "/close",
                    ORGANISER,
                    Map.of());
            for (JsonNode option : opened.path("options")) {
                if (assembly.getValue().contains(option.path("label").asText())) {
                    topicIds.put(
                            option.path("label").asText(),
                            option.path("optionId").asText());
                }
            }
        }
        log.accept("Topics chosen by majority judgment: " + topicIds.size());
        return topicIds;
    }

    /** The topic groups' work before drafting: expertise sheets (23 hearings), CAC sheets, opinions. */
    private void prepareTopics(Map<String, String> topicIds) {
        int hearing = 0;
        for (var topic : topicIds.entrySet()) {
            // 23 experts in all: three hearings for the first five topics, two for the other four
            int hearings = indexOf(topicIds, topic.getKey()) < 5 ? 3 : 2;
            for (int h = 0; h < hearings; h++, hearing++) {
                client.post(
                        commandUrl + "/api/topics/" + topic.getValue() + "/hearings",
                        ORGANISER,
                        Map.of(
                                "expertName",
                                EXPERTS[hearing % EXPERTS.length][0],
                                "organisation",
                                EXPERTS[hearing % EXPERTS.length][1],
                                "kind",
                                hearing % 2 == 0 ? "SCIENTIFIC" : "EXPERT_BY_USE",
                                "independent",
                                hearing % 3 != 0,
                                "invitedBy",
                                hearing % 3 == 0 ? "the city" : "the members",
                                "heardOn",
                                "2021-11-20",
                                "contribution",
                                "[demo] What this expert brought on \"" + topic.getKey() + "\".",
                                "documents",
                                List.of("demo-presentation-" + (hearing + 1) + ".pdf")));
            }
            client.post(
                    commandUrl + "/api/topics/" + topic.getValue() + "/cac-sheets",
                    ORGANISER,
                    Map.of(
                            "findings",
                            "[demo] Findings of the topic group on \"" + topic.getKey() + "\".",
                            "analysis",
                            "[demo] Analysis of the issue.",
                            "commonCriteria",
                            List.of(
                                    "Feasible within the mandate",
                                    "Benefits every neighbourhood",
                                    "Measurable by the monitoring body"),
                            "specificCriteria",
                            List.of("[demo] Criterion specific to the topic")));
            client.post(
                    commandUrl + "/api/topics/" + topic.getValue() + "/opinions",
                    ORGANISER,
                    Map.of(
                            "body",
                            "ADVISORY_COUNCIL",
                            "text",
                            "[demo] The advisory council's opinion on the topic.",
                            "givenOn",
                            "2022-01-15"));
        }
        log.accept("Expertise sheets: " + hearing + " hearings; CAC sheets and advisory opinions: " + topicIds.size());
    }

    private static int indexOf(Map<String, String> map, String key) {
        return new ArrayList<>(map.keySet()).indexOf(key);
    }

    /** Drafts the 40 action sheets, each carried by a referent member of its assembly. */
    private Map<Integer, String> draftActions(
            String conventionId, Map<String, String> topics, Map<String, List<String>> members) {
        Map<Integer, String> actionIds = new LinkedHashMap<>();
        for (ClermontFacts.Action action : ClermontFacts.actions()) {
            String actionId = client.post(
                            commandUrl + "/api/conventions/" + conventionId + "/actions",
                            ORGANISER,
                            Map.of(
                                    "number",
                                    action.number(),
                                    "topicId",
                                    topics.get(action.topic()),
                                    "title",
                                    action.title(),
                                    "text",
                                    action.title()))
                    .path("actionId")
                    .asText();
            List<String> assembly = members.get(action.transition());
            client.post(
                    commandUrl + "/api/actions/" + actionId + "/referent",
                    ORGANISER,
                    Map.of("memberId", assembly.get(action.number() % assembly.size())));
            if (action.number() % 10 == 0) {
                client.post(
                        commandUrl + "/api/actions/" + actionId + "/links",
                        ORGANISER,
                        Map.of("linkedActionId", actionIds.get(action.number() - 1), "relation", "complements"));
            }
            actionIds.put(action.number(), actionId);
        }
        log.accept("Action sheets drafted: " + actionIds.size());
        return actionIds;
    }

    /**
     * Session 5: all members grade the action sheets by majority judgment. The invented grades follow
     * the later votation's order loosely.
     */
    private void prioritise(String conventionId, Map<Integer, String> actionIds, Map<String, List<String>> members)
            throws Exception {
        Map<Integer, Integer> publishedRank = new LinkedHashMap<>();
        ClermontFacts.publishedResults().forEach(r -> publishedRank.put(r.number(), r.rank()));
        List<Integer> numbers = new ArrayList<>(actionIds.keySet());
        String voteId = client.post(
                        commandUrl + "/api/conventions/" + conventionId + "/judgment-votes",
                        ORGANISER,
                        Map.of(
                                "purpose",
                                "PRIORITISATION",
                                "grades",
                                GRADES,
                                "actionIds",
                                numbers.stream().map(actionIds::get).toList(),
                                "seats",
                                0))
                .path("voteId")
                .asText();
        List<String> everyone = members.values().stream().flatMap(List::stream).toList();
        parallel(everyone, member -> {
            int m = everyone.indexOf(member);
            List<Integer> grades = numbers.stream()
                    .map(n -> Math.max(0, Math.min(6, 6 - (publishedRank.get(n) - 1) * 6 / 40 + (m + n) % 3 - 1)))
                    .toList();
            client.post(
                    commandUrl + "/api/conventions/" + conventionId + "/judgment-votes/" + voteId + "/judgments",
                    ORGANISER,
                    Map.of("memberId", member, "grades", grades));
        });
        client.post(
                commandUrl + "/api/conventions/" + conventionId + "/judgment-votes/" + voteId + "/close",
                ORGANISER,
                Map.of());
        log.accept("Action sheets prioritised by majority judgment: " + everyone.size() + " members");
    }

    /**
     * Session 6: every action sheet goes through a consent round with members of its assembly and an
     * elected official. Officials objected to every fifth action, with the categories the report
     * describes, and each objection was lifted by an amendment; some rounds also had clarifications
     * and an accepted improvement.
     */
    private List<String> finaliseThroughConsent(Map<Integer, String> actionIds, Map<String, List<String>> members) {
        String[][] objections = {
            {
                "NOT_CITY_COMPETENCE",
                "This falls within the metropolitan authority's competence.",
                "Clermont Auvergne Métropole",
                "The city commits to relay the action to the metropolitan authority."
            },
            {
                "NEEDS_LARGE_MEANS",
                "The action needs means beyond the city's annual budget.",
                null,
                "Phased over the mandate, with a co-funder sought and a crowdfunding option."
            },
            {
                "ALREADY_IN_PROGRAMME",
                "Part of this is already in a programme under way.",
                null,
                "Refocused on what the current programme does not cover."
            }
        };
        int raised = 0;
        for (ClermontFacts.Action action : ClermontFacts.actions()) {
            String base = commandUrl + "/api/actions/" + actionIds.get(action.number());
            List<String> assembly = members.get(action.transition());
            List<String> participants = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                participants.add(assembly.get((action.number() + i) % assembly.size()));
            }
            participants.add(ELECTED_OFFICIAL);
            client.post(base + "/consent-round", ORGANISER, Map.of("participants", participants));
            if (action.number() % 7 == 0) {
                String id = client.post(
                                base + "/consent-round/clarifications",
                                ORGANISER,
                                Map.of(
                                        "askedBy",
                                        participants.get(0),
                                        "question",
                                        "Who would carry this action in the city services?"))
                        .path("clarificationId")
                        .asText();
                client.post(
                        base + "/consent-round/clarifications/" + id + "/answer",
                        ORGANISER,
                        Map.of("answer", "The department in charge of the topic, with a named contact."));
            }
            if (action.number() % 9 == 0) {
                String id = client.post(
                                base + "/consent-round/improvements",
                                ORGANISER,
                                Map.of(
                                        "proposedBy",
                                        participants.get(1),
                                        "proposal",
                                        "Add a yearly public progress report."))
                        .path("improvementId")
                        .asText();
                client.post(
                        base + "/consent-round/improvements/" + id + "/decision",
                        ORGANISER,
                        Map.of(
                                "accepted",
                                true,
                                "reason",
                                "Consensual",
                                "text",
                                action.title() + " — with a yearly public progress report."));
            }
            if (action.number() % 5 == 0) {
                String[] o = objections[raised++ % objections.length];
                Map<String, Object> objection = new LinkedHashMap<>();
                objection.put("category", o[0]);
                objection.put("reason", o[1]);
                objection.put("raisedBy", ELECTED_OFFICIAL);
                if (o[2] != null) {
                    objection.put("competentBody", o[2]);
                }
                String objectionId = client.post(base + "/objections", ORGANISER, objection)
                        .path("objectionId")
                        .asText();
                client.post(
                        base + "/objections/" + objectionId + "/lift",
                        ORGANISER,
                        Map.of("amendment", o[3], "text", action.title() + " — " + o[3]));
            }
            client.post(base + "/consent-round/consents", ORGANISER, Map.of("participants", participants));
            client.post(base + "/consent-round/decision", ORGANISER, Map.of());
        }
        log.accept("Actions finalised through consent rounds: " + actionIds.size() + " (" + raised
                + " objections of elected officials lifted by amendment)");
        return new ArrayList<>(actionIds.values());
    }

    /**
     * The votation of 1-19 June 2022, replayed now: online ballots are accepted only within the scheduled
     * period by the recording clock, so the replay's period starts now and the votation closes early once
     * loaded. Residents aged 16 or more vote (the default rule; the platform attests each voter's invented
     * birth date and residence, which are checked and not logged), one to three actions per ballot. Each
     * desk's paper count is entered by one organiser and confirmed by a second.
     */
    private String runVotation(String conventionId, List<String> actionIds) throws Exception {
        Instant opensAt = Instant.now().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.MINUTES);
        String votationId = client.post(
                        commandUrl + "/api/conventions/" + conventionId + "/votations",
                        ORGANISER,
                        Map.of(
                                "title",
                                "Votation citoyenne, 1-19 juin 2022",
                                "opensAt",
                                opensAt.toString(),
                                "closesAt",
                                opensAt.plus(Duration.ofDays(19)).toString(),
                                "actionIds",
                                actionIds,
                                "ballotRule",
                                "UP_TO_N",
                                "maxChoices",
                                3))
                .path("votationId")
                .asText();
        client.post(commandUrl + "/api/votations/" + votationId + "/open", ORGANISER, Map.of());

        Map<Integer, Integer> paper = new LinkedHashMap<>();
        Map<Integer, Integer> online = new LinkedHashMap<>();
        for (ClermontFacts.Result r : ClermontFacts.publishedResults()) {
            paper.put(r.number(), r.paperVotes());
            online.put(r.number(), r.onlineVotes());
        }
        List<List<Integer>> ballots = BallotMaker.onlineBallots(online, 3, SEED);
        List<Map.Entry<Integer, List<Integer>>> numbered = new ArrayList<>();
        for (int i = 0; i < ballots.size(); i++) {
            numbered.add(Map.entry(i + 1, ballots.get(i)));
        }
        parallel(
                numbered,
                b -> client.post(
                        commandUrl + "/api/votations/" + votationId + "/ballots",
                        PLATFORM,
                        Map.of(
                                "voterRef",
                                String.format("clermont-online-%05d", b.getKey()),
                                "choices",
                                b.getValue(),
                                "voterFacts",
                                Map.of(
                                        "birthDate",
                                        inventedBirthDate(b.getKey()).toString(),
                                        "resident",
                                        true))));
        log.accept("Online ballots cast: " + ballots.size());

        double[] weights =
                DESKS.values().stream().mapToDouble(Double::doubleValue).toArray();
        List<Map<Integer, Integer>> tallies = BallotMaker.paperTallies(paper, weights);
        List<String> deskNames = new ArrayList<>(DESKS.keySet());
        for (int d = 0; d < tallies.size(); d++) {
            List<Map<String, Integer>> votes = tallies.get(d).entrySet().stream()
                    .map(e -> Map.of("actionNumber", e.getKey(), "votes", e.getValue()))
                    .toList();
            String deskId = "DESK-" + (d + 1);
            client.post(
                    commandUrl + "/api/votations/" + votationId + "/paper-tallies",
                    ORGANISER,
                    Map.of(
                            "deskId",
                            deskId,
                            "deskName",
                            deskNames.get(d),
                            "countedAt",
                            "2022-06-19T18:00:00Z",
                            "votes",
                            votes));
            client.post(
                    commandUrl + "/api/votations/" + votationId + "/paper-tallies/" + deskId + "/confirmation",
                    SECOND_ORGANISER,
                    Map.of("votes", votes));
        }
        log.accept("Paper tallies entered and confirmed by a second organiser: " + tallies.size() + " desks");
        client.post(commandUrl + "/api/votations/" + votationId + "/close", ORGANISER, Map.of());
        log.accept("Votation closed: " + votationId);
        return votationId;
    }

    /** An invented adult's birth date for the n-th online voter (never logged: only checked). */
    private static LocalDate inventedBirthDate(int voter) {
        return LocalDate.of(1940 + voter % 62, 1 + voter % 12, 1 + voter % 28);
    }

    /** Waits for the read side to catch up, then compares the ranking with the published table. */
    private Result check(String conventionId, String votationId, boolean loaded) throws InterruptedException {
        List<ClermontFacts.Result> published = ClermontFacts.publishedResults();
        long expectedTotal =
                published.stream().mapToLong(ClermontFacts.Result::totalVotes).sum();
        JsonNode ranking = null;
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            try {
                ranking = client.get(queryUrl + "/api/votations/" + votationId + "/ranking", null);
                if ("CLOSED".equals(ranking.path("status").asText())
                        && ranking.path("totalVotes").asLong() == expectedTotal) {
                    break;
                }
            } catch (LedgerClient.Rejected | java.io.UncheckedIOException notYetReadable) {
                // not projected yet, or the read side is restarting
                ranking = null;
            }
            Thread.sleep(500);
        }
        List<String> mismatches = new ArrayList<>();
        if (ranking == null) {
            mismatches.add("the ranking of votation " + votationId + " never became readable");
            return new Result(conventionId, votationId, loaded, null, mismatches);
        }
        JsonNode entries = ranking.path("entries");
        if (ranking.path("totalVotes").asLong() != expectedTotal) {
            mismatches.add("the ranking counts " + ranking.path("totalVotes").asLong() + " votes, the published table "
                    + expectedTotal);
        }
        if (entries.size() != published.size()) {
            mismatches.add("ranking has " + entries.size() + " entries, the published table " + published.size());
        }
        for (int i = 0; i < Math.min(entries.size(), published.size()); i++) {
            JsonNode e = entries.get(i);
            ClermontFacts.Result p = published.get(i);
            String got = e.path("rank").asInt() + "," + e.path("actionNumber").asInt() + ","
                    + e.path("paperVotes").asInt() + "," + e.path("onlineVotes").asInt() + ","
                    + e.path("totalVotes").asInt();
            String expected =
                    p.rank() + "," + p.number() + "," + p.paperVotes() + "," + p.onlineVotes() + "," + p.totalVotes();
            if (!got.equals(expected)) {
                mismatches.add("row " + (i + 1) + ": got " + got + ", published " + expected);
            }
        }
        if (consultation != null) {
            List<String> consulted =
                    ConsultationDemo.check(client, queryUrl, conventionId, consultation, Duration.ofMinutes(2));
            consulted.forEach(m -> mismatches.add("consultation: " + m));
        }
        log.accept(
                mismatches.isEmpty()
                        ? "Ranking of votation " + votationId + " equals the published table row for row ("
                                + expectedTotal
                                + " votes: " + ranking.path("paperVotes").asLong() + " paper, "
                                + ranking.path("onlineVotes").asLong()
                                + " online)."
                        : "Differs from the published figures:\n  " + String.join("\n  ", mismatches));
        return new Result(conventionId, votationId, loaded, ranking, mismatches);
    }

    /** Sends independent requests from a few threads, as several desks' staff or the platform would. */
    static <T> void parallel(List<T> items, Consumer<T> send) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = items.stream()
                    .map(item -> pool.submit(() -> send.accept(item)))
                    .collect(Collectors.toList());
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
