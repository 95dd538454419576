package org.conventionledger.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import org.conventionledger.tools.demo.ClermontDemo;
import org.conventionledger.tools.demo.ConsultationDemo;

/**
 * What the Clermont replay must show of the "as of" views and of the evaluation view: the ranking and
 * the dashboard as they stood halfway through the votation (by recording time) hold part of the
 * 12,994 votes, not all of them; the evaluation composes plausible figures of the whole process.
 */
final class AsOfChecks {

    static final long TOTAL_VOTES = 12_994;
    static final long PAPER_VOTES = 3_050;
    static final long ONLINE_VOTES = 9_944;
    static final long ONLINE_BALLOTS = 5_033;
    /** The fields an "as of" view adds to the live one. */
    private static final List<String> AS_OF_FIELDS =
            List.of("asOf", "asOfPosition", "lastPosition", "eventsRead", "eventsApplied");

    private AsOfChecks() {}

    /**
     * The garants' trail gives the recording times of the votation's opening and closing; as of their
     * midpoint the ranking counts more than nothing and less than the final total, the dashboard differs
     * from the live one, both count the same votes, and the position reached gives the same view.
     */
    static void verifiesTheVotationMidpoint(LedgerClient client, LedgerServices services, ClermontDemo.Result result)
            throws InterruptedException {
        String q = services.queryUrl();
        Instant opened = recordedAt(client, services, "VotationOpened", result.votationId());
        Instant closed = recordedAt(client, services, "VotationClosed", result.votationId());
        assertThat(closed).isAfter(opened);
        Instant midpoint = opened.plus(Duration.between(opened, closed).dividedBy(2));
        String asOf = "asOf=" + URLEncoder.encode(midpoint.toString(), StandardCharsets.UTF_8);

        String rankingUrl = q + "/api/votations/" + result.votationId() + "/ranking";
        JsonNode live = client.get(rankingUrl, null);
        assertThat(live.path("totalVotes").asLong()).isEqualTo(TOTAL_VOTES);
        JsonNode then = client.get(rankingUrl + "?" + asOf, "garant");
        assertThat(then.path("status").asText()).isEqualTo("OPEN");
        assertThat(then.path("totalVotes").asLong())
                .as("votes as of " + midpoint)
                .isGreaterThan(0)
                .isLessThan(TOTAL_VOTES);
        assertThat(then.path("entries")).hasSize(live.path("entries").size());
        assertThat(Instant.parse(then.path("asOf").asText())).isEqualTo(midpoint);
        long lastPosition = then.path("lastPosition").asLong();
        assertThat(lastPosition).isPositive();
        assertThat(client.get(rankingUrl + "?" + asOf + "&asOfPosition=" + lastPosition, "garant")
                        .path("entries"))
                .as("bounded by the position it reached too, the view is the same")
                .isEqualTo(then.path("entries"));
        // the prefix of the log up to that position also holds ballots recorded just after the instant
        // but committed before the last one included (concurrent writers)
        assertThat(client.get(rankingUrl + "?asOfPosition=" + lastPosition, "garant")
                        .path("totalVotes")
                        .asLong())
                .isBetween(then.path("totalVotes").asLong(), TOTAL_VOTES);
        // finer views are for the oversight: the public gets the close and the daily checkpoints only
        for (String finer : List.of(rankingUrl + "?" + asOf, rankingUrl + "?asOfPosition=" + lastPosition)) {
            assertThatThrownBy(() -> client.get(finer, null))
                    .isInstanceOfSatisfying(LedgerClient.Rejected.class, refused -> {
                        assertThat(refused.status()).isEqualTo(401);
                        assertThat(refused.problem().path("rule").asText()).isEqualTo("published-checkpoints-only");
                    });
            assertThatThrownBy(() -> client.get(finer, "voter"))
                    .isInstanceOfSatisfying(
                            LedgerClient.Rejected.class,
                            refused -> assertThat(refused.status()).isEqualTo(403));
        }
        assertThat(client.get(rankingUrl + "?" + asOf, "monitor")
                        .path("totalVotes")
                        .asLong())
                .as("the monitoring body sees it too")
                .isEqualTo(then.path("totalVotes").asLong());

        String dashboardUrl = q + "/api/conventions/" + result.conventionId() + "/dashboard";
        JsonNode liveDashboard = client.get(dashboardUrl, "organiser");
        JsonNode dashboardThen = client.get(dashboardUrl + "?" + asOf, "organiser");
        ObjectNode figuresThen = dashboardThen.deepCopy();
        AS_OF_FIELDS.forEach(figuresThen::remove);
        assertThat(figuresThen.size()).isEqualTo(liveDashboard.size());
        assertThat(figuresThen).as("the dashboard as of the midpoint").isNotEqualTo(liveDashboard);
        JsonNode votationThen = votation(dashboardThen, result.votationId());
        assertThat(votationThen.path("status").asText()).isEqualTo("OPEN");
        assertThat(votationThen.path("totalVotes").asLong())
                .isEqualTo(then.path("totalVotes").asLong());
        assertThat(votationThen.path("paperVotes").asLong())
                .isEqualTo(then.path("paperVotes").asLong());
        assertThat(votation(liveDashboard, result.votationId())
                        .path("totalVotes")
                        .asLong())
                .isEqualTo(TOTAL_VOTES);
        assertThat(dashboardThen.path("actionsFinalised").asInt())
                .as("the actions were final before the vote")
                .isEqualTo(liveDashboard.path("actionsFinalised").asInt());
    }

    /**
     * The evaluation of the Clermont process: 40 actions each finalised some time after its draft,
     * turnout 3,050 paper and 9,944 online votes, 3 members lost to attrition, attendance per session,
     * the 8 elected officials' objections lifted, and the mid-term consultation's participation.
     */
    static void verifiesTheEvaluation(LedgerClient client, LedgerServices services, ClermontDemo.Result result)
            throws InterruptedException {
        String url = services.queryUrl() + "/api/conventions/" + result.conventionId() + "/evaluation";
        JsonNode view = Eventually.await(
                "the evaluation of the whole process",
                Duration.ofMinutes(2),
                () -> client.get(url, "monitor"),
                v -> StreamSupport.stream(v.path("draftToFinal").path("actions").spliterator(), false)
                                        .filter(a -> a.path("days").isNumber())
                                        .count()
                                == 40
                        && v.path("attrition").path("left").asInt() == 3
                        && sum(v.path("turnout").path(0).path("byDay"), "onlineBallots") == ONLINE_BALLOTS);

        JsonNode delays = view.path("draftToFinal");
        assertThat(delays.path("drafted").asInt()).isEqualTo(40);
        assertThat(delays.path("finalised").asInt()).isEqualTo(40);
        assertThat(delays.path("actions")).hasSize(40).allSatisfy(a -> {
            assertThat(a.path("stage").asText()).isEqualTo("FINAL");
            assertThat(a.path("days").isNumber()).as(a.toString()).isTrue();
            assertThat(a.path("days").decimalValue()).isNotNegative();
            assertThat(Instant.parse(a.path("finalisedAt").asText()))
                    .isAfterOrEqualTo(Instant.parse(a.path("draftedAt").asText()));
        });
        assertThat(delays.path("medianDays").decimalValue())
                .isNotNegative()
                .isLessThanOrEqualTo(delays.path("maxDays").decimalValue());

        JsonNode turnout = view.path("turnout");
        assertThat(turnout).hasSize(1);
        JsonNode votation = turnout.path(0);
        assertThat(votation.path("votationId").asText()).isEqualTo(result.votationId());
        assertThat(votation.path("paperVotes").asLong()).isEqualTo(PAPER_VOTES);
        assertThat(votation.path("onlineVotes").asLong()).isEqualTo(ONLINE_VOTES);
        assertThat(votation.path("totalVotes").asLong()).isEqualTo(TOTAL_VOTES);
        assertThat(votation.path("onlineBallots").asLong()).isEqualTo(ONLINE_BALLOTS);
        assertThat(votation.path("desksTallied").asInt()).isEqualTo(7);
        assertThat(sum(votation.path("byDay"), "onlineBallots")).isEqualTo(ONLINE_BALLOTS);
        assertThat(sum(votation.path("byDay"), "onlineVotes")).isEqualTo(ONLINE_VOTES);
        assertThat(sum(votation.path("byDay"), "paperVotes")).isEqualTo(PAPER_VOTES);
        assertThat(sum(votation.path("byDay"), "desksTallied")).isEqualTo(7);

        JsonNode attrition = view.path("attrition");
        assertThat(attrition.path("seated").asInt()).isEqualTo(70);
        assertThat(attrition.path("active").asInt()).isEqualTo(67);
        assertThat(attrition.path("left").asInt()).isEqualTo(3);
        assertThat(attrition.path("withdrawn").asInt()).isEqualTo(2);
        assertThat(attrition.path("lost").asInt()).isEqualTo(1);
        assertThat(attrition.path("byProfile"))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.path("left").asInt())
                        .isBetween(0, p.path("seated").asInt()));

        JsonNode attendance = view.path("attendance");
        assertThat(attendance.path("sessions")).hasSize(12);
        assertThat(attendance.path("present").asInt())
                .isPositive()
                .isLessThanOrEqualTo(attendance.path("expected").asInt());
        assertThat(attendance.path("rate").decimalValue())
                .isBetween(java.math.BigDecimal.ZERO, java.math.BigDecimal.ONE);

        JsonNode objections = view.path("objections");
        assertThat(objections.path("raised").asInt()).isEqualTo(8);
        assertThat(objections.path("lifted").asInt()).isEqualTo(8);
        assertThat(objections.path("open").asInt()).isZero();
        assertThat(sum(view.path("objectionsByCategory"), "raised")).isEqualTo(8);

        JsonNode consultation = view.path("consultationParticipation");
        assertThat(consultation.path("calls").asInt()).isEqualTo(9);
        assertThat(consultation.path("proposals").asInt()).isEqualTo(ConsultationDemo.PROPOSALS);
        assertThat(consultation.path("votes").asInt()).isEqualTo(ConsultationDemo.VOTES);
        assertThat(consultation.path("arguments").asInt()).isEqualTo(ConsultationDemo.ARGUMENTS);
        assertThat(consultation.path("residents").asInt()).isEqualTo(ConsultationDemo.RESIDENTS);
        assertThat(view.path("consultationNote").isNull()).isTrue();
        assertThat(view.path("sources").path("draftToFinal").asText()).isNotBlank();
    }

    /** The recording time of the first event of this type for the votation, once the trail has it. */
    private static Instant recordedAt(LedgerClient client, LedgerServices services, String type, String votationId)
            throws InterruptedException {
        JsonNode event = Eventually.await(
                type + " of votation " + votationId + " in the garants' trail",
                Duration.ofMinutes(2),
                () -> StreamSupport.stream(
                                client.get(services.queryUrl() + "/api/audit/events?limit=1000&type=" + type, "garant")
                                        .path("events")
                                        .spliterator(),
                                false)
                        .filter(e -> votationId.equals(
                                e.path("payload").path("votationId").asText()))
                        .findFirst()
                        .orElse(null),
                found -> found != null);
        return Instant.parse(event.path("recordedAt").asText());
    }

    private static JsonNode votation(JsonNode dashboard, String votationId) {
        return StreamSupport.stream(dashboard.path("votations").spliterator(), false)
                .filter(v -> votationId.equals(v.path("votationId").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no votation " + votationId + " on " + dashboard));
    }

    /** The sum of a numeric field over the elements (or field values) of a node. */
    private static long sum(JsonNode node, String field) {
        long total = 0;
        for (JsonNode element : node) {
            total += element.path(field).asLong();
        }
        return total;
    }
}
