package org.conventionledger.command.organisation;

import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.conventionledger.command.platform.AxonConfiguration;
import org.conventionledger.events.Transition;
import org.conventionledger.events.recruitment.MemberSeated;
import org.conventionledger.events.recruitment.MemberWithdrew;
import org.conventionledger.events.recruitment.MembershipLost;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The seated members of each convention, their assembly and whether they still sit, for rules of
 * other aggregates (who may carry an action sheet, whose presence is recorded, who may hold a
 * delegated role). Updated in the same transaction as {@link MemberSeated}, {@link MemberWithdrew}
 * and {@link MembershipLost}.
 */
@Component
@ProcessingGroup(AxonConfiguration.REGISTERS)
public class MemberRegister {

    private final JdbcTemplate jdbc;

    public MemberRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The member's assembly, if the member was ever seated in that convention (even if since gone). */
    public Optional<Transition> assemblyOf(String conventionId, String memberId) {
        return jdbc
                .query(
                        "SELECT assembly FROM register_member WHERE convention_id = ? AND member_id = ?",
                        (rs, i) -> Transition.valueOf(rs.getString(1)),
                        conventionId,
                        memberId)
                .stream()
                .findFirst();
    }

    /** Whether the member is seated in that convention and has neither withdrawn nor lost membership. */
    public boolean isActive(String conventionId, String memberId) {
        Integer count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM register_member" + " WHERE convention_id = ? AND member_id = ? AND active = TRUE",
                Integer.class,
                conventionId,
                memberId);
        return count != null && count > 0;
    }

    /** The members who still sit in that assembly of the convention, by id. */
    public List<String> activeMembers(String conventionId, Transition assembly) {
        return jdbc.queryForList(
                "SELECT member_id FROM register_member"
                        + " WHERE convention_id = ? AND assembly = ? AND active = TRUE ORDER BY member_id",
                String.class,
                conventionId,
                assembly.name());
    }

    @EventHandler
    void on(MemberSeated event) {
        jdbc.update(
                "INSERT INTO register_member (convention_id, member_id, assembly, active) VALUES (?, ?, ?, TRUE)",
                event.conventionId(),
                event.memberId(),
                event.assembly().name());
    }

    @EventHandler
    void on(MemberWithdrew event) {
        leave(event.conventionId(), event.memberId());
    }

    @EventHandler
    void on(MembershipLost event) {
        leave(event.conventionId(), event.memberId());
    }

    /** A member who leaves keeps their row: what they did while seated stays attributable. */
    private void leave(String conventionId, String memberId) {
        jdbc.update(
                "UPDATE register_member SET active = FALSE WHERE convention_id = ? AND member_id = ?",
                conventionId,
                memberId);
    }
}
