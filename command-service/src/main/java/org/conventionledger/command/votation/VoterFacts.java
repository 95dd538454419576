package org.conventionledger.command.votation;

import java.time.LocalDate;
import java.util.List;

/**
 * What is attested about a voter, only to check them against the votation's {@link
 * org.conventionledger.events.votation.Eligibility}: by the identity provider (a voter signing in
 * themselves, from their token's claims), by the voting platform relaying a ballot, or by the collection
 * desk that saw the voter's papers. These facts are checked when the ballot is recorded and never
 * written to the log: the ballot's event carries the voter's pseudonym and choices only.
 *
 * <p>Every fact is optional; a votation asks only for those its rule needs.
 *
 * @param birthDate     the voter's birth date
 * @param ageAtClosing  the voter's age in whole years on the votation's age reference day ({@code ageOn},
 *                      the closing day unless the votation says otherwise), when the birth date is not given
 * @param resident      whether the voter resides in the city
 * @param nationalities the voter's nationalities (ISO 3166 codes)
 */
public record VoterFacts(LocalDate birthDate, Integer ageAtClosing, Boolean resident, List<String> nationalities) {

    /** Nothing attested. */
    public static final VoterFacts NONE = new VoterFacts(null, null, null, null);
}
