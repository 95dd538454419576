package org.conventionledger.tools.pabulib;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conventionledger.tools.LedgerClient;

/**
 * Exports a closed votation as a Pabulib file, from the garants' trail of the query service (the log as
 * recorded, which is the only read-side place holding each voter's ballot): the votation's schedule
 * (title, actions, ballot rule), opening and closing; each action's sheet (the {@link ProjectTag} lines
 * an import wrote; the action number stands in for a project id otherwise); every
 * {@code OnlineBallotCast} ({@code internet}) and {@code PaperBallotRecorded} ({@code paper}) of the
 * votation, in log order. {@code voter_id} is the ballot's voter pseudonym, never a person's identity.
 *
 * <p>A votation with desk tallies or check-offs cannot be exported: their paper ballots are counted per
 * desk, not per voter. Before writing, the ballots found are checked against the closed votation's
 * ranking (same number of ballots per channel), waiting for the trail to catch up if needed.
 */
public final class PabulibExport {

    private static final String GARANT = "garant";
    private static final int PAGE = 1000;
    private static final Duration CATCH_UP = Duration.ofMinutes(2);

    private final LedgerClient client;
    private final String queryUrl;

    public PabulibExport(LedgerClient client, String queryUrl) {
        this.client = client;
        this.queryUrl = queryUrl;
    }

    /** @throws IllegalStateException for a votation that is unknown, not closed, or not recorded per voter */
    public PabulibFile run(String votationId) throws InterruptedException {
        JsonNode ranking = client.get(queryUrl + "/api/votations/" + enc(votationId) + "/ranking", GARANT);
        if (!"CLOSED".equals(ranking.path("status").asText())) {
            throw new IllegalStateException("Votation " + votationId + " is "
                    + ranking.path("status").asText() + ": only a closed votation is exported.");
        }
        long expectedOnline = ranking.path("onlineBallots").asLong();
        long expectedPaper = ranking.path("paperBallots").asLong();
        Instant deadline = Instant.now().plus(CATCH_UP);
        while (true) {
            List<JsonNode> online = ofVotation("OnlineBallotCast", votationId);
            List<JsonNode> paper = ofVotation("PaperBallotRecorded", votationId);
            if (online.size() == expectedOnline && paper.size() == expectedPaper) {
                return file(votationId, online, paper);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The garants' trail holds " + online.size() + " online and "
                        + paper.size() + " paper ballots of votation " + votationId + ", its ranking " + expectedOnline
                        + " and " + expectedPaper + ": the read side has not caught up.");
            }
            Thread.sleep(1_000);
        }
    }

    private PabulibFile file(String votationId, List<JsonNode> online, List<JsonNode> paper) {
        if (!ofVotation("PaperTallyRecorded", votationId).isEmpty()
                || !ofVotation("PaperVoterCheckedOff", votationId).isEmpty()) {
            throw new IllegalStateException("Votation " + votationId + " has desk tallies or check-offs: its paper"
                    + " ballots are counted per desk, so it has no per-voter ballots to export.");
        }
        JsonNode scheduled = only(events("VotationScheduled", votationId), "VotationScheduled", votationId);
        List<JsonNode> items = new ArrayList<>();
        scheduled.path("items").forEach(items::add);
        Map<Integer, String> projectIds = new LinkedHashMap<>();
        Map<String, String> costs = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonNode item : items) {
            String text = sheetText(item.path("actionId").asText());
            int number = item.path("actionNumber").asInt();
            String projectId = ProjectTag.projectId(text);
            String id = projectId != null ? projectId : String.valueOf(number);
            projectIds.put(number, id);
            names.put(id, item.path("title").asText());
            String cost = ProjectTag.cost(text);
            if (cost != null) {
                costs.put(id, cost);
            }
        }

        Map<String, Long> approvals = new LinkedHashMap<>();
        projectIds.values().forEach(id -> approvals.put(id, 0L));
        List<Map<String, String>> votes = new ArrayList<>();
        for (JsonNode ballot : inLogOrder(online, paper)) {
            List<String> chosen = new ArrayList<>();
            for (JsonNode choice : ballot.path("payload").path("choices")) {
                String id = projectIds.get(choice.asInt());
                chosen.add(id);
                approvals.merge(id, 1L, Long::sum);
            }
            Map<String, String> row = new LinkedHashMap<>();
            row.put("voter_id", ballot.path("payload").path("voterPseudonym").asText());
            row.put("vote", String.join(",", chosen));
            row.put(
                    "voting_method",
                    "PaperBallotRecorded".equals(ballot.path("type").asText()) ? "paper" : "internet");
            votes.add(row);
        }

        boolean withCost = costs.size() == projectIds.size();
        List<String> columns =
                withCost ? List.of("project_id", "cost", "votes", "name") : List.of("project_id", "votes", "name");
        List<Map<String, String>> projects = new ArrayList<>();
        for (String id : projectIds.values()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("project_id", id);
            if (withCost) {
                row.put("cost", costs.get(id));
            }
            row.put("votes", String.valueOf(approvals.get(id)));
            row.put("name", names.get(id));
            projects.add(row);
        }

        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("description", scheduled.path("title").asText());
        meta.put("num_projects", String.valueOf(projects.size()));
        meta.put("num_votes", String.valueOf(votes.size()));
        meta.put("vote_type", "approval");
        JsonNode rules = scheduled.path("rules");
        if ("UP_TO_N".equals(rules.path("ballotRule").asText())) {
            meta.put("max_length", rules.path("maxChoices").asText());
        }
        meta.put(
                "date_begin",
                day(only(events("VotationOpened", votationId), "VotationOpened", votationId)
                        .path("openedAt")));
        meta.put(
                "date_end",
                day(only(events("VotationClosed", votationId), "VotationClosed", votationId)
                        .path("closedAt")));
        return new PabulibFile(
                meta,
                new PabulibFile.Section(columns, projects),
                new PabulibFile.Section(List.of("voter_id", "vote", "voting_method"), votes));
    }

    /** The latest text of an action sheet: its drafting or its last revision. */
    private String sheetText(String actionId) {
        String text = null;
        for (JsonNode event : page("aggregateId=" + enc(actionId))) {
            String type = event.path("type").asText();
            if ("ActionDrafted".equals(type) || "ActionRevised".equals(type)) {
                text = event.path("payload").path("text").asText(null);
            }
        }
        return text;
    }

    /** The trail entries of a type whose payload names the votation. */
    private List<JsonNode> ofVotation(String type, String votationId) {
        return page("type=" + type).stream()
                .filter(e ->
                        votationId.equals(e.path("payload").path("votationId").asText()))
                .toList();
    }

    /** The payloads of a type in the votation's own stream. */
    private List<JsonNode> events(String type, String votationId) {
        return page("type=" + type + "&aggregateId=" + enc(votationId)).stream()
                .map(e -> e.path("payload"))
                .toList();
    }

    /** Every trail entry matching the filter, page by page. */
    private List<JsonNode> page(String filter) {
        List<JsonNode> all = new ArrayList<>();
        long after = -1;
        while (true) {
            JsonNode page =
                    client.get(queryUrl + "/api/audit/events?limit=" + PAGE + "&after=" + after + "&" + filter, GARANT);
            page.path("events").forEach(all::add);
            if (page.path("events").size() < PAGE) {
                return all;
            }
            after = page.path("next").asLong();
        }
    }

    private static List<JsonNode> inLogOrder(List<JsonNode> online, List<JsonNode> paper) {
        List<JsonNode> all = new ArrayList<>(online);
        all.addAll(paper);
        all.sort((a, b) ->
                Long.compare(a.path("position").asLong(), b.path("position").asLong()));
        return all;
    }

    private static JsonNode only(List<JsonNode> events, String type, String votationId) {
        if (events.isEmpty()) {
            throw new IllegalStateException("The garants' trail has no " + type + " of votation " + votationId + ".");
        }
        return events.get(events.size() - 1);
    }

    /** A recorded instant (ISO text or epoch seconds) as a META date, UTC. */
    private static String day(JsonNode instant) {
        Instant at = instant.isNumber()
                ? Instant.ofEpochMilli(Math.round(instant.asDouble() * 1000))
                : Instant.parse(instant.asText());
        return PabulibFile.DATE.format(at.atZone(ZoneOffset.UTC).toLocalDate());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
