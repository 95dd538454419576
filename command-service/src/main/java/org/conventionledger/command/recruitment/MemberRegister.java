package org.conventionledger.command.recruitment;

import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.conventionledger.events.Transition;
import org.conventionledger.events.recruitment.MemberSeated;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The seated members of each convention and their assembly, for rules of other aggregates (who may
 * carry an action sheet). Updated in the same transaction as {@link MemberSeated}.
 */
@Component
@ProcessingGroup("command-registers")
public class MemberRegister {

    private final JdbcTemplate jdbc;

    public MemberRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The member's assembly, if the member is seated in that convention. */
    public Optional<Transition> assemblyOf(String conventionId, String memberId) {
        return jdbc.query("SELECT assembly FROM register_member WHERE convention_id = ? AND member_id = ?",
                        (rs, i) -> Transition.valueOf(rs.getString(1)), conventionId, memberId)
                .stream().findFirst();
    }

    @EventHandler
    void on(MemberSeated event) {
        jdbc.update("INSERT INTO register_member (convention_id, member_id, assembly) VALUES (?, ?, ?)",
                event.conventionId(), event.memberId(), event.assembly().name());
    }
}
