package org.conventionledger.command.votation;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.events.votation.Eligibility;

/**
 * Checks the attested facts about a voter against a votation's eligibility rule. Only the facts the rule
 * needs are asked for; none of them is logged.
 */
final class VoterEligibility {

    private VoterEligibility() {}

    /**
     * @throws RuleViolation 422 {@code eligibility-facts-required} naming the missing facts,
     *                       {@code invalid-voter-facts} / {@code inconsistent-voter-facts} for facts that
     *                       cannot be true, {@code voter-not-eligible} naming the condition not met
     */
    static void check(Eligibility rule, VoterFacts attested) {
        Eligibility eligibility = rule != null ? rule : Eligibility.NONE;
        VoterFacts facts = attested != null ? attested : VoterFacts.NONE;
        boolean age = eligibility.minimumAge() > 0;
        boolean nationality = eligibility.nationalities() != null
                && !eligibility.nationalities().isEmpty();

        List<String> missing = new ArrayList<>();
        if (age && facts.birthDate() == null && facts.ageAtClosing() == null) {
            missing.add("birthDate or ageAtClosing");
        }
        if (eligibility.residenceRequired() && facts.resident() == null) {
            missing.add("resident");
        }
        if (nationality
                && (facts.nationalities() == null
                        || facts.nationalities().stream().allMatch(Objects::isNull))) {
            missing.add("nationalities");
        }
        if (!missing.isEmpty()) {
            throw RuleViolation.unprocessable(
                    "eligibility-facts-required",
                    "This votation's eligibility needs the voter's attested " + String.join(", ", missing) + ".");
        }

        if (age) {
            int years = ageOn(eligibility.ageOn(), facts);
            if (years < eligibility.minimumAge()) {
                throw RuleViolation.unprocessable(
                        "voter-not-eligible",
                        "The voter is " + years + " on "
                                + eligibility.ageOn() + "; this votation admits voters aged " + eligibility.minimumAge()
                                + " or more on that day.");
            }
        }
        if (eligibility.residenceRequired() && !facts.resident()) {
            throw RuleViolation.unprocessable("voter-not-eligible", "This votation admits residents of the city only.");
        }
        if (nationality) {
            boolean holds = facts.nationalities().stream()
                    .filter(Objects::nonNull)
                    .map(n -> n.trim().toUpperCase(Locale.ROOT))
                    .anyMatch(eligibility.nationalities()::contains);
            if (!holds) {
                throw RuleViolation.unprocessable(
                        "voter-not-eligible",
                        "This votation admits holders of " + String.join(", ", eligibility.nationalities())
                                + " nationality only.");
            }
        }
    }

    private static int ageOn(LocalDate day, VoterFacts facts) {
        Integer stated = facts.ageAtClosing();
        if (stated != null && (stated < 0 || stated > 150)) {
            throw RuleViolation.unprocessable("invalid-voter-facts", "An age of " + stated + " cannot be right.");
        }
        if (facts.birthDate() == null) {
            return stated;
        }
        if (facts.birthDate().isAfter(day)) {
            throw RuleViolation.unprocessable(
                    "invalid-voter-facts", "A voter born on " + facts.birthDate() + " is not born yet on " + day + ".");
        }
        int years = Period.between(facts.birthDate(), day).getYears();
        if (stated != null && stated != years) {
            throw RuleViolation.unprocessable(
                    "inconsistent-voter-facts",
                    "A voter born on " + facts.birthDate() + " is " + years + " on " + day + ", not " + stated + ".");
        }
        return years;
    }
}
