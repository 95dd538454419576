package org.conventionledger.command.votation;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.events.votation.Eligibility;
import org.junit.jupiter.api.Test;

/** The eligibility rule on its own: ages on the reference day, residence, nationalities, missing facts. */
class VoterEligibilityTest {

    private static final LocalDate CLOSING_DAY = LocalDate.parse("2024-02-28");
    private static final Eligibility SIXTEEN_RESIDENT = new Eligibility(16, CLOSING_DAY, true, List.of());

    private static VoterFacts born(String date) {
        return new VoterFacts(LocalDate.parse(date), null, true, null);
    }

    private static void refused(Eligibility rule, VoterFacts facts, String code) {
        assertThatThrownBy(() -> VoterEligibility.check(rule, facts))
                .isInstanceOfSatisfying(
                        RuleViolation.class,
                        v -> org.assertj.core.api.Assertions.assertThat(v.code())
                                .isEqualTo(code));
    }

    @Test
    void sixteenOnTheReferenceDayIsOldEnough() {
        assertThatCode(() -> VoterEligibility.check(SIXTEEN_RESIDENT, born("2008-02-28")))
                .doesNotThrowAnyException();
        refused(SIXTEEN_RESIDENT, born("2008-02-29"), "voter-not-eligible");
    }

    @Test
    void aLeapDayBirthdayIsReachedOnTheFirstOfMarchInOtherYears() {
        Eligibility onFirstOfMarch = new Eligibility(15, LocalDate.parse("2023-03-01"), true, List.of());
        assertThatCode(() -> VoterEligibility.check(onFirstOfMarch, born("2008-02-29")))
                .doesNotThrowAnyException();
        Eligibility onLastOfFebruary = new Eligibility(15, LocalDate.parse("2023-02-28"), true, List.of());
        refused(onLastOfFebruary, born("2008-02-29"), "voter-not-eligible");
    }

    @Test
    void allMissingFactsAreNamedAtOnce() {
        assertThatThrownBy(() ->
                        VoterEligibility.check(new Eligibility(16, CLOSING_DAY, true, List.of("FR")), VoterFacts.NONE))
                .hasMessageContaining("birthDate or ageAtClosing")
                .hasMessageContaining("resident")
                .hasMessageContaining("nationalities");
    }

    @Test
    void nationalitiesCompareWithoutCaseAndAnyOfThemCounts() {
        Eligibility eu = new Eligibility(0, null, false, List.of("BE", "FR"));
        assertThatCode(() -> VoterEligibility.check(eu, new VoterFacts(null, null, null, List.of("ca", " fr "))))
                .doesNotThrowAnyException();
        refused(eu, new VoterFacts(null, null, null, List.of("CA")), "voter-not-eligible");
        refused(eu, new VoterFacts(null, null, null, List.of()), "eligibility-facts-required");
    }

    @Test
    void factsTheRuleDoesNotNeedAreIgnored() {
        assertThatCode(() -> VoterEligibility.check(Eligibility.NONE, new VoterFacts(null, -3, false, List.of("XX"))))
                .doesNotThrowAnyException();
        assertThatCode(() -> VoterEligibility.check(null, null)).doesNotThrowAnyException();
    }

    @Test
    void anImpossibleAgeIsRefused() {
        refused(SIXTEEN_RESIDENT, new VoterFacts(null, -1, true, null), "invalid-voter-facts");
    }
}
