package org.conventionledger.events.organisation;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What the city council's deliberation asks of the convention and promises in return.
 *
 * @param deliberationReference the council deliberation that created the convention
 * @param startsOn              first day of the mandate
 * @param endsOn                last day of the mandate
 * @param expectedOutput        what the members are asked to hand over
 * @param cityCommitment        what the city commits to do with the result
 * @param indemnityPerSession   amount paid to a member per session attended, in euros
 */
public record Mandate(
        String deliberationReference,
        LocalDate startsOn,
        LocalDate endsOn,
        String expectedOutput,
        String cityCommitment,
        BigDecimal indemnityPerSession) {}
