package org.conventionledger.command.votation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.conventionledger.events.votation.BallotRule;

/**
 * Schedule the public votation over finalised actions, under the given rules.
 *
 * @param rules the rules as requested; what is left out takes the default (see {@link RequestedRules})
 */
public record ScheduleVotation(
        String votationId,
        String conventionId,
        String title,
        Instant opensAt,
        Instant closesAt,
        List<String> actionIds,
        RequestedRules rules) {

    /** A votation under the default rules. */
    public ScheduleVotation(
            String votationId,
            String conventionId,
            String title,
            Instant opensAt,
            Instant closesAt,
            List<String> actionIds) {
        this(votationId, conventionId, title, opensAt, closesAt, actionIds, RequestedRules.DEFAULTS);
    }

    /**
     * The rules as the organisers ask for them; every {@code null} takes the default: voters aged
     * {@value Votation#DEFAULT_MINIMUM_AGE} or more on the closing day ({@code minimumAge} 0 for no age
     * condition; {@code ageOn} the UTC date of {@code closesAt}), residents of the city
     * ({@code residenceRequired} false for none), no nationality condition ({@code nationalities} empty),
     * approval ballots, results hidden from the public until closed.
     */
    public record RequestedRules(
            Integer minimumAge,
            LocalDate ageOn,
            Boolean residenceRequired,
            List<String> nationalities,
            BallotRule ballotRule,
            Integer maxChoices,
            Boolean resultsVisibleWhileOpen) {

        public static final RequestedRules DEFAULTS = new RequestedRules(null, null, null, null, null, null, null);
    }
}
