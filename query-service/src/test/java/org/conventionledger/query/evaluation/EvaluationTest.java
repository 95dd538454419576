package org.conventionledger.query.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.conventionledger.query.deliberation.ActionHistoryController.ActionHistoryView;
import org.conventionledger.query.deliberation.ActionHistoryController.ObjectionView;
import org.conventionledger.query.deliberation.ActionHistoryController.VersionView;
import org.junit.jupiter.api.Test;

/** The evaluation's own arithmetic, on views built by hand. */
class EvaluationTest {

    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    private static ActionHistoryView action(String id, int number, String stage, ObjectionView... objections) {
        return new ActionHistoryView(
                id,
                "c",
                number,
                "Action " + number,
                "SOCIAL",
                "t",
                "Topic",
                stage,
                null,
                List.of(
                        new VersionView(2, "Action", "v2", "amended", T0.plusSeconds(7200), List.of()),
                        new VersionView(1, "Action", "v1", null, T0.plusSeconds(number), List.of())),
                List.of(),
                List.of(),
                List.of(),
                List.of(objections));
    }

    private static ObjectionView objection(String category, String status) {
        return new ObjectionView("o", null, category, "reason", "elected official", null, status, null, null, null);
    }

    @Test
    void daysRunFromTheFirstVersionToTheFinalisationWithMedianAndMax() {
        List<ActionHistoryView> actions = List.of(
                action("a3", 3, "FINAL"),
                action("a1", 1, "FINAL"),
                action("a2", 2, "FINAL"),
                action("a4", 4, "IN_ROUND"),
                action("a5", 5, "FINAL"));
        Map<String, Instant> finalised = Map.of(
                "a1", T0.plusSeconds(1).plusSeconds(36 * 3600), // 1.5 days
                "a2", T0.plusSeconds(2).plusSeconds(10 * 24 * 3600), // 10 days
                "a3", T0.plusSeconds(3).plusSeconds(60), // 0.00 days (a minute)
                "a4", T0.plusSeconds(99)); // not final: ignored

        EvaluationView.DraftToFinal delays = Evaluation.draftToFinal(actions, finalised);

        assertThat(delays.actions())
                .extracting(EvaluationView.ActionDelay::number)
                .containsExactly(1, 2, 3, 4, 5);
        assertThat(delays.actions())
                .extracting(EvaluationView.ActionDelay::days)
                .containsExactly(new BigDecimal("1.50"), new BigDecimal("10.00"), new BigDecimal("0.00"), null, null);
        assertThat(delays.actions().get(0).draftedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(delays.drafted()).isEqualTo(5);
        assertThat(delays.finalised())
                .as("final, whether or not the trail has its time yet")
                .isEqualTo(4);
        assertThat(delays.medianDays()).isEqualByComparingTo("1.50");
        assertThat(delays.maxDays()).isEqualByComparingTo("10.00");
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleOnes() {
        assertThat(Evaluation.median(List.of())).isNull();
        assertThat(Evaluation.median(List.of(new BigDecimal("2.00")))).isEqualByComparingTo("2");
        assertThat(Evaluation.median(List.of(
                        new BigDecimal("1.00"),
                        new BigDecimal("2.00"),
                        new BigDecimal("9.00"),
                        new BigDecimal("10.00"))))
                .isEqualByComparingTo("5.50");
    }

    @Test
    void objectionsAreCountedByCategoryAndOutcomeWithEveryCategoryShown() {
        Map<String, EvaluationView.ObjectionFigures> byCategory = Evaluation.objectionsByCategory(List.of(
                action("a1", 1, "FINAL", objection("NEEDS_LARGE_MEANS", "LIFTED"), objection(null, "WITHDRAWN")),
                action("a2", 2, "IN_ROUND", objection("NEEDS_LARGE_MEANS", "OPEN"))));

        assertThat(byCategory)
                .containsOnlyKeys("NOT_CITY_COMPETENCE", "NEEDS_LARGE_MEANS", "ALREADY_IN_PROGRAMME", "OTHER");
        assertThat(byCategory.get("NEEDS_LARGE_MEANS")).isEqualTo(new EvaluationView.ObjectionFigures(2, 1, 0, 1));
        assertThat(byCategory.get("OTHER")).isEqualTo(new EvaluationView.ObjectionFigures(1, 0, 1, 0));
        assertThat(byCategory.get("NOT_CITY_COMPETENCE")).isEqualTo(new EvaluationView.ObjectionFigures(0, 0, 0, 0));
    }

    @Test
    void ratesHaveThreeDecimalsAndNoneWithoutAWhole() {
        assertThat(Evaluation.rate(1, 3)).isEqualTo(new BigDecimal("0.333"));
        assertThat(Evaluation.rate(0, 0)).isNull();
    }

    @Test
    void readsStoredTimesInTheirForms() {
        assertThat(EvaluationController.day("2022-06-19T23:30:00Z")).isEqualTo("2022-06-19");
        assertThat(EvaluationController.day(java.util.Date.from(Instant.parse("2022-06-19T00:30:00Z"))))
                .isEqualTo("2022-06-19");
        assertThat(EvaluationController.day(1655681400.5)).isEqualTo("2022-06-19");
        assertThat(EvaluationController.day("not a time")).isNull();
        assertThat(EvaluationController.day(null)).isNull();
    }
}
