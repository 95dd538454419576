package org.conventionledger.command.organisation;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.conventionledger.command.platform.AxonConfiguration;
import org.conventionledger.events.organisation.ConventionOpened;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which conventions exist, for the rules of every aggregate that belongs to one (a source list, a draw,
 * a question, a referral…). Updated in the same transaction as {@link ConventionOpened}, so a command
 * never sees a convention whose opening was not committed.
 */
@Component
@ProcessingGroup(AxonConfiguration.REGISTERS)
public class ConventionRegister {

    private final JdbcTemplate jdbc;

    public ConventionRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Whether the convention was opened. Only conventions opened while this register existed are known:
     * the processor is subscribing, so it does not replay older events.
     */
    public boolean conventionExists(String conventionId) {
        Integer count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM register_convention WHERE convention_id = ?", Integer.class, conventionId);
        return count != null && count > 0;
    }

    @EventHandler
    void on(ConventionOpened event) {
        jdbc.update("INSERT INTO register_convention (convention_id) VALUES (?)", event.conventionId());
    }
}
