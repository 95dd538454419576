package org.conventionledger.tools.pabulib;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.conventionledger.tools.LedgerClient;

/**
 * Imports a Pabulib votation through the public write API, as the city would have run it on the
 * ledger: a convention with one topic; each project an action sheet (title = the project's name, text
 * holding its {@code project_id} and {@code cost} as {@link ProjectTag} lines, the export's way back to
 * the file's ids) finalised through a consent round; a votation over them under the file's ballot rule,
 * open to any voter (the city checked eligibility when the votes were cast); each VOTES row a ballot on
 * its channel; then closed.
 *
 * <p>Internet voters become online ballots relayed by the voting platform, paper voters paper ballots
 * recorded one by one at the desk {@value #PAPER_DESK}; both under the voter reference
 * {@code <source>:<voter_id>}, so that two imported files never share a voter.
 */
public final class PabulibImport {

    static final String PAPER_DESK = "pabulib-paper";
    private static final String ORGANISER = "organiser";
    private static final String PLATFORM = "platform";
    private static final String PARTICIPANT = "pabulib import";

    /** What was imported: the votation to export or rank, and the voters by channel. */
    public record Summary(String conventionId, String votationId, int projects, int onlineVoters, int paperVoters) {}

    private final LedgerClient client;
    private final String commandUrl;
    private final int threads;
    private final Consumer<String> log;

    public PabulibImport(LedgerClient client, String commandUrl, int threads, Consumer<String> log) {
        this.client = client;
        this.commandUrl = commandUrl;
        this.threads = threads;
        this.log = log;
    }

    /**
     * @param source the file's name without extension: prefixes the voter references
     * @throws IllegalArgumentException for a file this importer cannot represent (a vote type other than
     *                                  approval, a vote for a project not listed, an unknown voting method)
     */
    public Summary run(PabulibFile file, String source) throws Exception {
        Map<String, Integer> numbers = actionNumbers(file);
        List<Ballot> ballots = ballots(file, numbers, source);
        Map<String, String> meta = file.meta();

        String conventionId = openConvention(meta, source);
        String topicId = client.post(
                        commandUrl + "/api/conventions/" + conventionId + "/topics",
                        ORGANISER,
                        Map.of("assembly", "DEMOCRATIC", "title", "Projects of " + source))
                .path("topicId")
                .asText();
        List<String> actionIds = new ArrayList<>();
        for (Map<String, String> project : file.projects().rows()) {
            actionIds.add(finalisedAction(conventionId, topicId, numbers.get(project.get("project_id")), project));
        }
        log.accept("Projects finalised as action sheets: " + actionIds.size());

        String votationId = scheduleAndOpen(conventionId, actionIds, meta, source);
        AtomicInteger online = new AtomicInteger();
        AtomicInteger paper = new AtomicInteger();
        parallel(ballots, b -> {
            if (b.paper()) {
                client.post(
                        commandUrl + "/api/votations/" + votationId + "/paper-voters",
                        ORGANISER,
                        Map.of("deskId", PAPER_DESK, "voterRef", b.voterRef(), "choices", b.choices()));
                paper.incrementAndGet();
            } else {
                client.post(
                        commandUrl + "/api/votations/" + votationId + "/ballots",
                        PLATFORM,
                        Map.of("voterRef", b.voterRef(), "choices", b.choices()));
                online.incrementAndGet();
            }
        });
        client.post(commandUrl + "/api/votations/" + votationId + "/close", ORGANISER, Map.of());
        Summary summary = new Summary(conventionId, votationId, actionIds.size(), online.get(), paper.get());
        log.accept("Imported " + source + ": " + summary.projects() + " projects, "
                + (summary.onlineVoters() + summary.paperVoters()) + " voters (" + summary.onlineVoters() + " online, "
                + summary.paperVoters() + " paper); votation " + votationId + " closed");
        return summary;
    }

    /** One VOTES row as the API takes it. */
    private record Ballot(String voterRef, List<Integer> choices, boolean paper) {}

    /** Action numbers 1…n in the order of the PROJECTS section, by project id. */
    private static Map<String, Integer> actionNumbers(PabulibFile file) {
        String voteType = file.meta().getOrDefault("vote_type", "approval");
        if (!"approval".equals(voteType)) {
            throw new IllegalArgumentException(
                    "Only approval votations can be imported: this file's vote_type is " + voteType + ".");
        }
        Map<String, Integer> numbers = new LinkedHashMap<>();
        for (Map<String, String> project : file.projects().rows()) {
            if (numbers.putIfAbsent(project.get("project_id"), numbers.size() + 1) != null) {
                throw new IllegalArgumentException("Project " + project.get("project_id") + " is listed twice.");
            }
        }
        return numbers;
    }

    private static List<Ballot> ballots(PabulibFile file, Map<String, Integer> numbers, String source) {
        List<Ballot> ballots = new ArrayList<>();
        for (Map<String, String> row : file.votes().rows()) {
            List<Integer> choices = new ArrayList<>();
            for (String projectId : PabulibFile.choices(row)) {
                Integer number = numbers.get(projectId);
                if (number == null) {
                    throw new IllegalArgumentException("Voter " + row.get("voter_id") + " chose project " + projectId
                            + ", which PROJECTS does not list.");
                }
                choices.add(number);
            }
            String method = row.getOrDefault("voting_method", "internet");
            if (!"internet".equals(method) && !"paper".equals(method)) {
                throw new IllegalArgumentException("Voter " + row.get("voter_id") + " voted by '" + method
                        + "': only internet and paper can be imported.");
            }
            ballots.add(new Ballot(source + ":" + row.get("voter_id"), choices, "paper".equals(method)));
        }
        return ballots;
    }

    private String openConvention(Map<String, String> meta, String source) {
        LocalDate begin = PabulibFile.date(meta.get("date_begin"), LocalDate.now());
        LocalDate end = PabulibFile.date(meta.get("date_end"), begin);
        Map<String, Object> mandate = Map.of(
                "deliberationReference",
                "Pabulib " + source,
                "startsOn",
                begin.toString(),
                "endsOn",
                end.toString(),
                "expectedOutput",
                "Participatory-budget projects put to a public votation",
                "cityCommitment",
                "Fund the selected projects",
                "indemnityPerSession",
                0);
        String city = meta.getOrDefault("unit", source);
        return client.post(
                        commandUrl + "/api/conventions",
                        ORGANISER,
                        Map.of(
                                "title",
                                meta.getOrDefault("description", source),
                                "city",
                                city.isBlank() ? source : city,
                                "mandate",
                                mandate,
                                "transitions",
                                List.of("DEMOCRATIC"),
                                "plannedSessions",
                                1))
                .path("conventionId")
                .asText();
    }

    private String finalisedAction(String conventionId, String topicId, int number, Map<String, String> project) {
        String actionId = client.post(
                        commandUrl + "/api/conventions/" + conventionId + "/actions",
                        ORGANISER,
                        Map.of(
                                "number",
                                number,
                                "topicId",
                                topicId,
                                "title",
                                project.getOrDefault("name", "Project " + project.get("project_id")),
                                "text",
                                ProjectTag.text(project.get("project_id"), project.get("cost"))))
                .path("actionId")
                .asText();
        String base = commandUrl + "/api/actions/" + actionId;
        client.post(base + "/consent-round", ORGANISER, Map.of("participants", List.of(PARTICIPANT)));
        client.post(base + "/consent-round/consents", ORGANISER, Map.of("participants", List.of(PARTICIPANT)));
        client.post(base + "/consent-round/decision", ORGANISER, Map.of());
        return actionId;
    }

    private String scheduleAndOpen(
            String conventionId, List<String> actionIds, Map<String, String> meta, String source) {
        // online ballots are checked against the recording clock: the period must include now
        Instant opensAt = Instant.now().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> schedule = new HashMap<>();
        schedule.put("title", meta.getOrDefault("description", source));
        schedule.put("opensAt", opensAt.toString());
        schedule.put("closesAt", opensAt.plus(Duration.ofDays(1)).toString());
        schedule.put("actionIds", actionIds);
        schedule.put("eligibility", Map.of("minimumAge", 0, "residenceRequired", false, "nationalities", List.of()));
        String maxLength = meta.get("max_length");
        if (maxLength != null && !maxLength.isBlank()) {
            schedule.put("ballotRule", "UP_TO_N");
            schedule.put("maxChoices", Integer.parseInt(maxLength.strip()));
        } else {
            schedule.put("ballotRule", "APPROVAL");
        }
        String votationId = client.post(
                        commandUrl + "/api/conventions/" + conventionId + "/votations", ORGANISER, schedule)
                .path("votationId")
                .asText();
        client.post(commandUrl + "/api/votations/" + votationId + "/open", ORGANISER, Map.of());
        return votationId;
    }

    /** Sends independent requests from a few threads, as a platform and desks would; the first failure stops it. */
    private <T> void parallel(List<T> items, Consumer<T> send) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> send.accept(item)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
