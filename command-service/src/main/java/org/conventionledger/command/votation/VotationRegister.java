package org.conventionledger.command.votation;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.conventionledger.events.votation.BallotItem;
import org.conventionledger.events.votation.VotationClosed;
import org.conventionledger.events.votation.VotationOpened;
import org.conventionledger.events.votation.VotationScheduled;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The status and ballot of every votation, for the online ballots to check without loading (and so
 * locking) the votation's aggregate. Updated in the same transaction as the votation's events.
 */
@Component
@ProcessingGroup("command-registers")
public class VotationRegister {

    public record Entry(String votationId, String conventionId, VotationStatus status, Set<Integer> actionNumbers) {
    }

    private final JdbcTemplate jdbc;

    public VotationRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Entry> votation(String votationId) {
        return jdbc.query("SELECT convention_id, status, action_numbers FROM register_votation WHERE votation_id = ?",
                        (rs, i) -> new Entry(votationId, rs.getString(1), VotationStatus.valueOf(rs.getString(2)),
                                Arrays.stream(rs.getString(3).split(",")).map(Integer::valueOf)
                                        .collect(Collectors.toUnmodifiableSet())),
                        votationId)
                .stream().findFirst();
    }

    @EventHandler
    void on(VotationScheduled event) {
        String numbers = event.items().stream().map(BallotItem::actionNumber).map(String::valueOf)
                .collect(Collectors.joining(","));
        jdbc.update("INSERT INTO register_votation (votation_id, convention_id, status, action_numbers)"
                + " VALUES (?, ?, ?, ?)", event.votationId(), event.conventionId(), VotationStatus.SCHEDULED.name(), numbers);
    }

    @EventHandler
    void on(VotationOpened event) {
        setStatus(event.votationId(), VotationStatus.OPEN);
    }

    @EventHandler
    void on(VotationClosed event) {
        setStatus(event.votationId(), VotationStatus.CLOSED);
    }

    private void setStatus(String votationId, VotationStatus status) {
        jdbc.update("UPDATE register_votation SET status = ? WHERE votation_id = ?", status.name(), votationId);
    }
}
