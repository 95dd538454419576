package org.conventionledger.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The consultation's invented plan adds up to Clermont's published totals, and keeps the API's rules. */
class ConsultationDemoTest {

    private static final List<String> TOPICS = List.of(
            "Mobilité",
            "Alimentation",
            "Énergie",
            "Solidarités",
            "Logement",
            "Santé",
            "Démocratie locale",
            "Jeunesse",
            "Culture");

    @Test
    void thePlanReplaysThePublishedTotalsExactly() {
        ConsultationDemo.Plan plan = ConsultationDemo.plan(TOPICS);
        Map<String, String> calls = new LinkedHashMap<>();
        TOPICS.forEach(t -> calls.put(t, "call-" + t));

        ConsultationDemo.Result result = ConsultationDemo.result(plan, calls);

        assertThat(result.residents()).isEqualTo(224);
        assertThat(result.proposals()).isEqualTo(232);
        assertThat(result.votes()).isEqualTo(3_386);
        assertThat(result.arguments()).isEqualTo(347);
        assertThat(result.votesByStance().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .isEqualTo(3_386);
        assertThat(result.perCall()).hasSize(9);
        assertThat(result.perCall().values().stream()
                        .mapToInt(ConsultationDemo.CallFigures::proposals)
                        .sum())
                .isEqualTo(232);
        assertThat(result.perCall().values().stream()
                        .mapToInt(ConsultationDemo.CallFigures::votes)
                        .sum())
                .isEqualTo(3_386);
        assertThat(result.perCall().values().stream()
                        .mapToInt(ConsultationDemo.CallFigures::arguments)
                        .sum())
                .isEqualTo(347);
        assertThat(result.hiddenProposals()).isPositive();
        assertThat(result.hiddenArguments()).isPositive();
    }

    @Test
    void thePlanKeepsTheRules() {
        ConsultationDemo.Plan plan = ConsultationDemo.plan(TOPICS);
        Map<Long, String> first = new HashMap<>();
        for (ConsultationDemo.PlannedVote vote : plan.votes()) {
            // one first vote per resident and proposal
            assertThat(first.put(ConsultationDemo.key(vote.resident(), vote.proposal()), vote.stance()))
                    .isNull();
        }
        Set<Long> changed = new HashSet<>();
        for (ConsultationDemo.PlannedChange change : plan.changes()) {
            long key = ConsultationDemo.key(change.resident(), change.proposal());
            assertThat(changed.add(key)).isTrue();
            // a change is to another stance (the same stance again is refused)
            assertThat(first.get(key)).isNotNull().isNotEqualTo(change.stance());
        }
        // an argument is by a resident who voted on the proposal
        plan.arguments().forEach(a -> assertThat(first).containsKey(ConsultationDemo.key(a.resident(), a.proposal())));
        assertThat(plan.proposals()).allSatisfy(p -> {
            assertThat(p.title()).isNotBlank().hasSizeLessThanOrEqualTo(300);
            assertThat(p.text()).isNotBlank();
        });
        assertThat(plan.hiddenProposals())
                .doesNotHaveDuplicates()
                .allSatisfy(i -> assertThat(i).isBetween(0, 231));
        assertThat(plan.hiddenArguments())
                .doesNotHaveDuplicates()
                .allSatisfy(i -> assertThat(i).isBetween(0, 346));
    }

    @Test
    void theCheckComparesTheReadSidesTotalsWithTheReplay() throws Exception {
        Map<String, String> calls = new LinkedHashMap<>();
        TOPICS.forEach(t -> calls.put(t, "call-" + t));
        ConsultationDemo.Result result = ConsultationDemo.result(ConsultationDemo.plan(TOPICS), calls);
        ObjectMapper json = new ObjectMapper();
        ObjectNode view = json.createObjectNode();
        ObjectNode totals = view.putObject("totals");
        totals.put("calls", 9)
                .put("proposalsSubmitted", 232)
                .put("proposalsHidden", result.hiddenProposals())
                .put("votes", 3_386)
                .put("voteChanges", result.voteChanges())
                .put("forVotes", result.votesByStance().get("FOR"))
                .put("mixedVotes", result.votesByStance().get("MIXED"))
                .put("againstVotes", result.votesByStance().get("AGAINST"))
                .put("argumentsPosted", 347)
                .put("argumentsHidden", result.hiddenArguments());
        view.putObject("participation").put("residents", 224);
        view.putArray("calls").addObject().put("callId", "call-Mobilité").put("status", "CLOSED");

        assertThat(ConsultationDemo.mismatches(view, result)).isEmpty();

        totals.put("votes", 3_385);
        ((ObjectNode) view.path("calls").get(0)).put("status", "OPEN");
        assertThat(ConsultationDemo.mismatches(view, result))
                .containsExactly("votes: 3385 on the read side, 3386 replayed", "call call-Mobilité is OPEN");
    }

    @Test
    void theSameTopicsGiveTheSamePlan() {
        assertThat(ConsultationDemo.plan(TOPICS)).isEqualTo(ConsultationDemo.plan(TOPICS));
        assertThat(ConsultationDemo.apportion(232, 9)).containsExactly(33, 31, 30, 28, 26, 24, 22, 20, 18);
        assertThat(ConsultationDemo.apportion(232, 1)).containsExactly(232);
    }
}
