package org.conventionledger.command.votation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.conventionledger.command.platform.AxonConfiguration;
import org.conventionledger.events.votation.BallotItem;
import org.conventionledger.events.votation.BallotRule;
import org.conventionledger.events.votation.Eligibility;
import org.conventionledger.events.votation.PaperBallotRecorded;
import org.conventionledger.events.votation.PaperTallyConfirmed;
import org.conventionledger.events.votation.PaperTallyCorrected;
import org.conventionledger.events.votation.PaperTallyEntered;
import org.conventionledger.events.votation.PaperTallyMismatched;
import org.conventionledger.events.votation.PaperTallyRecorded;
import org.conventionledger.events.votation.VotationClosed;
import org.conventionledger.events.votation.VotationOpened;
import org.conventionledger.events.votation.VotationRules;
import org.conventionledger.events.votation.VotationScheduled;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the ballots and desks of a votation check without loading (and so locking) the votation's
 * aggregate: its status, ballot, period, rules and display seed; where each desk's paper count stands;
 * which desks record individual paper ballots. Updated in the same transaction as the events.
 *
 * <p>A votation scheduled before the rules existed has no period, rules nor seed here (the columns
 * were added later): it is held as before, status only, under {@link VotationRules#BEFORE_RULES}.
 */
@Component
@ProcessingGroup(AxonConfiguration.REGISTERS)
public class VotationRegister {

    /**
     * @param opensAt     {@code null} for a votation registered before periods were
     * @param rules       {@code null} for a votation registered before rules were (see {@link #rulesInForce()})
     * @param displaySeed {@code null} until the votation opens (or if it opened before seeds were logged)
     */
    public record Entry(
            String votationId,
            String conventionId,
            VotationStatus status,
            Set<Integer> actionNumbers,
            Instant opensAt,
            Instant closesAt,
            VotationRules rules,
            String displaySeed) {

        public VotationRules rulesInForce() {
            return VotationRules.inForce(rules);
        }
    }

    private final JdbcTemplate jdbc;

    public VotationRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Entry> votation(String votationId) {
        return jdbc
                .query(
                        "SELECT convention_id, status, action_numbers, opens_at, closes_at, ballot_rule, max_choices,"
                                + " minimum_age, age_on, residence_required, nationalities, results_visible_while_open,"
                                + " display_seed FROM register_votation WHERE votation_id = ?",
                        (rs, i) -> new Entry(
                                votationId,
                                rs.getString(1),
                                VotationStatus.valueOf(rs.getString(2)),
                                Arrays.stream(rs.getString(3).split(","))
                                        .map(Integer::valueOf)
                                        .collect(Collectors.toUnmodifiableSet()),
                                instant(rs.getString(4)),
                                instant(rs.getString(5)),
                                rules(rs),
                                rs.getString(13)),
                        votationId)
                .stream()
                .findFirst();
    }

    /** Where the desk's paper count stands; empty if nothing was entered for it. */
    public Optional<PaperDeskState> deskState(String votationId, String deskId) {
        return jdbc
                .queryForList(
                        "SELECT state FROM register_paper_desk WHERE votation_id = ? AND desk_id = ?",
                        String.class,
                        votationId,
                        deskId)
                .stream()
                .findFirst()
                .map(PaperDeskState::valueOf);
    }

    /** The desks whose paper count was entered but is not confirmed yet (pending or mismatched). */
    public List<String> unconfirmedDesks(String votationId) {
        return jdbc.queryForList(
                "SELECT desk_id FROM register_paper_desk WHERE votation_id = ? AND state <> ?" + " ORDER BY desk_id",
                String.class,
                votationId,
                PaperDeskState.CONFIRMED.name());
    }

    /** Whether the desk recorded individual paper ballots (so it has no tally). */
    public boolean deskHasPaperBallots(String votationId, String deskId) {
        Integer found = jdbc.queryForObject(
                "SELECT COUNT(*) FROM register_paper_ballot WHERE votation_id = ?" + " AND desk_id = ?",
                Integer.class,
                votationId,
                deskId);
        return found != null && found > 0;
    }

    @EventHandler
    void on(VotationScheduled event) {
        String numbers = event.items().stream()
                .map(BallotItem::actionNumber)
                .map(String::valueOf)
                .collect(Collectors.joining(","));
        VotationRules rules = event.rules();
        Eligibility eligibility = rules == null ? null : rules.eligibility();
        jdbc.update(
                "INSERT INTO register_votation (votation_id, convention_id, status, action_numbers, opens_at,"
                        + " closes_at, ballot_rule, max_choices, minimum_age, age_on, residence_required, "
                        + "nationalities,"
                        + " results_visible_while_open) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.votationId(),
                event.conventionId(),
                VotationStatus.SCHEDULED.name(),
                numbers,
                text(event.opensAt()),
                text(event.closesAt()),
                rules == null ? null : rules.ballotRule().name(),
                rules == null ? null : rules.maxChoices(),
                eligibility == null ? null : eligibility.minimumAge(),
                eligibility == null || eligibility.ageOn() == null
                        ? null
                        : eligibility.ageOn().toString(),
                eligibility == null ? null : eligibility.residenceRequired(),
                eligibility == null ? null : String.join(",", eligibility.nationalities()),
                rules == null ? null : rules.resultsVisibleWhileOpen());
    }

    @EventHandler
    void on(VotationOpened event) {
        jdbc.update(
                "UPDATE register_votation SET status = ?, display_seed = ? WHERE votation_id = ?",
                VotationStatus.OPEN.name(),
                event.displaySeed(),
                event.votationId());
    }

    @EventHandler
    void on(VotationClosed event) {
        jdbc.update(
                "UPDATE register_votation SET status = ? WHERE votation_id = ?",
                VotationStatus.CLOSED.name(),
                event.votationId());
    }

    @EventHandler
    void on(PaperTallyEntered event) {
        jdbc.update(
                "INSERT INTO register_paper_desk (votation_id, desk_id, state) VALUES (?, ?, ?)",
                event.votationId(),
                event.deskId(),
                PaperDeskState.ENTERED.name());
    }

    @EventHandler
    void on(PaperTallyMismatched event) {
        setDeskState(event.votationId(), event.deskId(), PaperDeskState.MISMATCHED);
    }

    @EventHandler
    void on(PaperTallyCorrected event) {
        setDeskState(event.votationId(), event.deskId(), PaperDeskState.ENTERED);
    }

    @EventHandler
    void on(PaperTallyConfirmed event) {
        setDeskState(event.votationId(), event.deskId(), PaperDeskState.CONFIRMED);
    }

    /** Follows a confirmation; in a log from before the double entry it is the desk's only event. */
    @EventHandler
    void on(PaperTallyRecorded event) {
        if (setDeskState(event.votationId(), event.deskId(), PaperDeskState.CONFIRMED) == 0) {
            jdbc.update(
                    "INSERT INTO register_paper_desk (votation_id, desk_id, state) VALUES (?, ?, ?)",
                    event.votationId(),
                    event.deskId(),
                    PaperDeskState.CONFIRMED.name());
        }
    }

    @EventHandler
    void on(PaperBallotRecorded event) {
        jdbc.update(
                "INSERT INTO register_paper_ballot (votation_id, desk_id, ballot_id) VALUES (?, ?, ?)",
                event.votationId(),
                event.deskId(),
                event.ballotId());
    }

    private int setDeskState(String votationId, String deskId, PaperDeskState state) {
        return jdbc.update(
                "UPDATE register_paper_desk SET state = ? WHERE votation_id = ? AND desk_id = ?",
                state.name(),
                votationId,
                deskId);
    }

    private static VotationRules rules(ResultSet rs) throws SQLException {
        String ballotRule = rs.getString(6);
        if (ballotRule == null) {
            return null;
        }
        int maxChoices = rs.getInt(7);
        Integer max = rs.wasNull() ? null : maxChoices;
        String ageOn = rs.getString(9);
        String nationalities = rs.getString(11);
        Eligibility eligibility = new Eligibility(
                rs.getInt(8),
                ageOn == null ? null : LocalDate.parse(ageOn),
                rs.getBoolean(10),
                nationalities == null || nationalities.isEmpty() ? List.of() : List.of(nationalities.split(",")));
        return new VotationRules(eligibility, BallotRule.valueOf(ballotRule), max, rs.getBoolean(12));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
