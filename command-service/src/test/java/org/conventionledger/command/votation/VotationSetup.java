package org.conventionledger.command.votation;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.conventionledger.command.platform.ApiClient;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the votation HTTP tests stand on: finalised actions, a votation on them, a consultation call. */
final class VotationSetup {

    private VotationSetup() {}

    /** Actions 1…{@code count}, finalised, put straight into the register; their ids in that order. */
    static List<String> finalisedActions(JdbcTemplate jdbc, String conventionId, int count) {
        List<String> actionIds = new ArrayList<>();
        for (int number = 1; number <= count; number++) {
            String actionId = UUID.randomUUID().toString();
            jdbc.update(
                    "INSERT INTO register_action (action_id, convention_id, action_number, title, assembly,"
                            + " topic_title, finalised) VALUES (?, ?, ?, ?, 'SOCIAL', 'Food', TRUE)",
                    actionId,
                    conventionId,
                    number,
                    "Action " + number);
            actionIds.add(actionId);
        }
        return actionIds;
    }

    /** The body of a votation on these actions, open from yesterday until tomorrow; the caller may add rules. */
    static Map<String, Object> openSinceYesterday(List<String> actionIds) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Votation");
        body.put("actionIds", actionIds);
        body.put("opensAt", now.minus(1, ChronoUnit.DAYS).toString());
        body.put("closesAt", now.plus(1, ChronoUnit.DAYS).toString());
        return body;
    }

    /** A topic with its CAC sheet and a call for proposals open since an hour ago for a day. */
    static String openCall(ApiClient api, String convention) throws Exception {
        String topic = api.created(
                "ORGANISER",
                "/api/conventions/" + convention + "/topics",
                "{\"assembly\":\"ECOLOGICAL\",\"title\":\"Mobility\"}",
                "topicId");
        api.post("ORGANISER", "/api/topics/" + topic + "/cac-sheets", """
                {"findings":"Too many cars","analysis":"Few safe cycle lanes",
                 "commonCriteria":["Feasible"],"specificCriteria":["Fewer cars"]}""").andExpect(status().isCreated());
        return api.created(
                "ORGANISER",
                "/api/conventions/" + convention + "/consultation/calls",
                "{\"topicId\":\"" + topic + "\",\"title\":\"Ideas\",\"opensAt\":\""
                        + Instant.now().minus(1, ChronoUnit.HOURS) + "\",\"closesAt\":\""
                        + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}",
                "callId");
    }
}
