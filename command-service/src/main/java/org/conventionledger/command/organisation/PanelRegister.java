package org.conventionledger.command.organisation;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.conventionledger.command.platform.AxonConfiguration;
import org.conventionledger.events.Transition;
import org.conventionledger.events.organisation.AttendanceCorrected;
import org.conventionledger.events.organisation.AttendanceRecorded;
import org.conventionledger.events.organisation.ConventionOpened;
import org.conventionledger.events.organisation.Presence;
import org.conventionledger.events.organisation.SessionScheduled;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the panel's sessions look up across aggregates: the assemblies and indemnity the mandate set up,
 * which session numbers a convention has used, and every member's recorded presences (the engagement
 * contract's absence rule counts the unexcused ones). Updated in the same transaction as the events;
 * only conventions opened while this register existed are known, as the processor does not replay.
 */
@Component
@ProcessingGroup(AxonConfiguration.REGISTERS)
public class PanelRegister {

    /** What a session needs to know of its convention. */
    public record Terms(String conventionId, Set<Transition> assemblies, BigDecimal indemnityPerSession) {}

    private final JdbcTemplate jdbc;

    public PanelRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The convention's assemblies and indemnity per session, if it was opened. */
    public Optional<Terms> terms(String conventionId) {
        return jdbc
                .query(
                        "SELECT transitions, indemnity_per_session FROM register_mandate WHERE convention_id = ?",
                        (rs, i) -> new Terms(conventionId, assemblies(rs.getString(1)), rs.getBigDecimal(2)),
                        conventionId)
                .stream()
                .findFirst();
    }

    public boolean sessionNumberTaken(String conventionId, int number, Transition assembly) {
        // a plenary takes the number from every assembly; an assembly's meeting only from itself and plenaries
        String sql = "SELECT COUNT(*) FROM register_session WHERE convention_id = ? AND session_number = ?"
                + (assembly == null ? "" : " AND meeting IN ('PLENARY', ?)");
        Integer count = assembly == null
                ? jdbc.queryForObject(sql, Integer.class, conventionId, number)
                : jdbc.queryForObject(sql, Integer.class, conventionId, number, assembly.name());
        return count != null && count > 0;
    }

    /**
     * How many sessions of the convention the member was recorded {@link Presence#ABSENT} at, after
     * corrections: an excused absence does not count.
     */
    public int unexcusedAbsences(String conventionId, String memberId) {
        Integer count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM register_attendance"
                        + " WHERE convention_id = ? AND member_id = ? AND presence = ?",
                Integer.class,
                conventionId,
                memberId,
                Presence.ABSENT.name());
        return count == null ? 0 : count;
    }

    @EventHandler
    void on(ConventionOpened event) {
        // a mandate without an indemnity pays none; the REST API requires one
        BigDecimal indemnity = event.mandate() == null || event.mandate().indemnityPerSession() == null
                ? BigDecimal.ZERO
                : event.mandate().indemnityPerSession();
        jdbc.update(
                "INSERT INTO register_mandate (convention_id, transitions, indemnity_per_session) VALUES (?, ?, ?)",
                event.conventionId(),
                event.transitions().stream().map(Transition::name).collect(Collectors.joining(",")),
                indemnity);
    }

    @EventHandler
    void on(SessionScheduled event) {
        jdbc.update(
                "INSERT INTO register_session (session_id, convention_id, session_number, meeting) VALUES (?, ?, ?, ?)",
                event.sessionId(),
                event.conventionId(),
                event.number(),
                event.assembly() == null ? "PLENARY" : event.assembly().name());
    }

    @EventHandler
    void on(AttendanceRecorded event) {
        jdbc.update(
                "INSERT INTO register_attendance (convention_id, session_id, member_id, presence)"
                        + " VALUES (?, ?, ?, ?)",
                event.conventionId(),
                event.sessionId(),
                event.memberId(),
                event.presence().name());
    }

    @EventHandler
    void on(AttendanceCorrected event) {
        jdbc.update(
                "UPDATE register_attendance SET presence = ? WHERE session_id = ? AND member_id = ?",
                event.presence().name(),
                event.sessionId(),
                event.memberId());
    }

    private static Set<Transition> assemblies(String transitions) {
        return Arrays.stream(transitions.split(","))
                .map(Transition::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Transition.class)));
    }
}
