package org.conventionledger.events.votation;

import java.time.LocalDate;
import java.util.List;

/**
 * Who may vote in a votation. The rule is in the log; the facts a voter proves against it (birth date,
 * residence, nationality) are checked when the ballot is recorded and are never logged.
 *
 * @param minimumAge        age in whole years the voter must have reached on {@code ageOn}; 0 for no age
 *                          condition
 * @param ageOn             the day the age is reckoned on (by default the UTC date of the closing instant);
 *                          {@code null} when there is no age condition
 * @param residenceRequired the voter must be a resident of the city
 * @param nationalities     the voter must hold one of these nationalities (ISO 3166 codes, upper case); empty
 *                          for no nationality condition
 */
public record Eligibility(int minimumAge, LocalDate ageOn, boolean residenceRequired, List<String> nationalities) {

    /** No condition at all: what a votation scheduled before eligibility rules existed accepted. */
    public static final Eligibility NONE = new Eligibility(0, null, false, List.of());
}
