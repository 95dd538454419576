package org.conventionledger.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conventionledger.tools.demo.ClermontDemo;

/**
 * A rebuild of every projection from zero, on the Clermont replay, while the services keep running:
 * every view the read API serves of the convention is the same afterwards, field for field.
 */
final class RebuildChecks {

    private static final String ORGANISER = "organiser";
    private static final String GARANT = "garant";

    private RebuildChecks() {}

    static void rebuildsEveryProjectionToTheSameViews(
            LedgerClient client, LedgerServices services, ClermontDemo.Result result) throws InterruptedException {
        String admin = services.queryUrl() + "/api/admin/projections";
        awaitCaughtUp(client, admin, names(client, admin));
        Map<String, JsonNode> before = views(client, services, result);

        List<String> names = names(client, admin);
        assertThat(names)
                .contains(
                        "dashboard",
                        "rankings",
                        "deliberation",
                        "recruitment",
                        "consultation",
                        "followup",
                        "referrals",
                        "audit-trail");
        for (String name : names) {
            client.post(admin + "/" + name + "/rebuild", ORGANISER, Map.of());
        }
        awaitCaughtUp(client, admin, names);

        Map<String, JsonNode> after = views(client, services, result);
        for (String view : before.keySet()) {
            assertThat(after.get(view))
                    .as("%s after rebuilding every projection", view)
                    .isEqualTo(before.get(view));
        }
    }

    private static List<String> names(LedgerClient client, String admin) {
        List<String> names = new ArrayList<>();
        client.get(admin, ORGANISER).forEach(p -> names.add(p.path("processor").asText()));
        return names;
    }

    /** Waits until each named processor has reached the head of the log. */
    static void awaitCaughtUp(LedgerClient client, String admin, List<String> names) throws InterruptedException {
        Eventually.await(
                "processors " + names + " at the head of the log",
                Duration.ofMinutes(5),
                () -> names.stream()
                        .filter(n -> client.get(admin + "/" + n, ORGANISER)
                                        .path("percent")
                                        .asInt()
                                < 100)
                        .toList(),
                List::isEmpty);
        // a processor at the head may still be writing its last batch
        Thread.sleep(2_000);
    }

    /** Every view of the convention, read as its staff and its garants read it. */
    private static Map<String, JsonNode> views(
            LedgerClient client, LedgerServices services, ClermontDemo.Result result) {
        String q = services.queryUrl();
        String convention = q + "/api/conventions/" + result.conventionId();
        Map<String, JsonNode> views = new LinkedHashMap<>();
        views.put("conventions", client.get(q + "/api/conventions", ORGANISER));
        views.put("dashboard", client.get(convention + "/dashboard", ORGANISER));
        views.put("recruitment", client.get(convention + "/recruitment", ORGANISER));
        views.put("sessions", client.get(convention + "/sessions", ORGANISER));
        views.put("deliberation", client.get(convention + "/deliberation", ORGANISER));
        views.put("consultation", client.get(convention + "/consultation", ORGANISER));
        views.put("follow-up", client.get(convention + "/follow-up", ORGANISER));
        views.put("referrals", client.get(convention + "/referrals", ORGANISER));
        views.put("garant-opinions", client.get(convention + "/garant-opinions", ORGANISER));
        views.put("evaluation", client.get(convention + "/evaluation", ORGANISER));
        views.put("ranking", client.get(q + "/api/votations/" + result.votationId() + "/ranking", null));
        JsonNode actions = views.get("deliberation");
        actions.findValues("actionId").stream()
                .map(JsonNode::asText)
                .distinct()
                .sorted()
                .forEach(id ->
                        views.put("history of " + id, client.get(q + "/api/actions/" + id + "/history", ORGANISER)));
        views.put("audit trail (first 1000)", client.get(q + "/api/audit/events?limit=1000", GARANT));
        JsonNode seals = client.get(q + "/api/audit/seals/sessions", GARANT);
        // a rebuilt chain takes the same seals again, at a new time: the published seal is the lasting record
        seals.forEach(seal -> ((ObjectNode) seal).remove("sealedAt"));
        views.put("session seals", seals);
        return views;
    }
}
