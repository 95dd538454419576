package org.conventionledger.command.recruitment;

import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.conventionledger.command.platform.AxonConfiguration;
import org.conventionledger.events.recruitment.DrawPlanned;
import org.conventionledger.events.recruitment.InvitationSent;
import org.conventionledger.events.recruitment.ListQuota;
import org.conventionledger.events.recruitment.ResidentsDrawn;
import org.conventionledger.events.recruitment.ResidentsListed;
import org.conventionledger.events.recruitment.SourceListFrozen;
import org.conventionledger.events.recruitment.SourceListRegistered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the draw and the invitations look up across aggregates: each source list's convention, the draw
 * it was committed to, whether it is frozen, who is on it, and who each draw drew. Updated in the same
 * transaction as the events (subscribing processor, ADR-002).
 */
@Component
@ProcessingGroup(AxonConfiguration.REGISTERS)
public class RecruitmentRegister {

    /** A source list as the draw sees it. */
    public record ListState(
            String listId, String conventionId, String drawId, boolean frozen, String fingerprint, int residents) {}

    private final JdbcTemplate jdbc;

    public RecruitmentRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ListState> list(String listId) {
        return jdbc
                .query(
                        "SELECT convention_id, draw_id, frozen, fingerprint, residents FROM register_source_list"
                                + " WHERE list_id = ?",
                        (rs, i) -> new ListState(
                                listId,
                                rs.getString(1),
                                rs.getString(2),
                                rs.getBoolean(3),
                                rs.getString(4),
                                rs.getInt(5)),
                        listId)
                .stream()
                .findFirst();
    }

    /** Everyone on a list, in no particular order (the draw orders them by its own rule). */
    public List<String> residentsOf(String listId) {
        return jdbc.queryForList("SELECT person_id FROM register_listed WHERE list_id = ?", String.class, listId);
    }

    /** Everyone on any list of the convention: who a new list would find already known. */
    public List<String> residentsOfConvention(String conventionId) {
        return jdbc.queryForList(
                "SELECT DISTINCT l.person_id FROM register_listed l JOIN register_source_list s"
                        + " ON s.list_id = l.list_id WHERE s.convention_id = ?",
                String.class,
                conventionId);
    }

    /** The source list a person was drawn from in this convention, if any draw drew them. */
    public Optional<String> drawnFrom(String conventionId, String personId) {
        return jdbc
                .queryForList(
                        "SELECT list_id FROM register_drawn WHERE convention_id = ? AND person_id = ?",
                        String.class,
                        conventionId,
                        personId)
                .stream()
                .findFirst();
    }

    /** The person an invitation of this convention went to. */
    public Optional<String> invitee(String conventionId, String invitationId) {
        return jdbc
                .queryForList(
                        "SELECT person_id FROM register_invitation WHERE invitation_id = ? AND convention_id = ?",
                        String.class,
                        invitationId,
                        conventionId)
                .stream()
                .findFirst();
    }

    /** Everyone invited in this convention, by invitation id. */
    public List<String[]> invitations(String conventionId) {
        return jdbc.query(
                "SELECT invitation_id, person_id FROM register_invitation WHERE convention_id = ?"
                        + " ORDER BY invitation_id",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)},
                conventionId);
    }

    /** The sealed identity of a listed person (ciphertext), if listed. */
    public Optional<String> sealedIdentity(String personId) {
        // a person on several lists was sealed once per list, all with the same key: any copy opens
        return jdbc
                .queryForList("SELECT ciphertext FROM register_listed WHERE person_id = ?", String.class, personId)
                .stream()
                .findFirst();
    }

    @EventHandler
    void on(InvitationSent event) {
        jdbc.update(
                "INSERT INTO register_invitation (invitation_id, convention_id, person_id) VALUES (?, ?, ?)",
                event.invitationId(),
                event.conventionId(),
                event.residentRef());
    }

    @EventHandler
    void on(SourceListRegistered event) {
        jdbc.update(
                "INSERT INTO register_source_list (list_id, convention_id, frozen, residents) VALUES (?, ?, FALSE, 0)",
                event.listId(),
                event.conventionId());
    }

    @EventHandler
    void on(ResidentsListed event) {
        jdbc.batchUpdate(
                "INSERT INTO register_listed (list_id, person_id, ciphertext) VALUES (?, ?, ?)",
                event.residents().stream()
                        .map(r -> new Object[] {
                            event.listId(), r.personId(), r.identity().ciphertext()
                        })
                        .toList());
        jdbc.update(
                "UPDATE register_source_list SET residents = residents + ? WHERE list_id = ?",
                event.residents().size(),
                event.listId());
    }

    @EventHandler
    void on(DrawPlanned event) {
        for (ListQuota list : event.lists()) {
            jdbc.update("UPDATE register_source_list SET draw_id = ? WHERE list_id = ?", event.drawId(), list.listId());
        }
    }

    @EventHandler
    void on(SourceListFrozen event) {
        jdbc.update(
                "UPDATE register_source_list SET frozen = TRUE, fingerprint = ? WHERE list_id = ?",
                event.fingerprint(),
                event.listId());
    }

    @EventHandler
    void on(ResidentsDrawn event) {
        jdbc.batchUpdate(
                "INSERT INTO register_drawn (convention_id, draw_id, person_id, list_id) VALUES (?, ?, ?, ?)",
                event.drawn().stream()
                        .map(d -> new Object[] {event.conventionId(), event.drawId(), d.personId(), d.listId()})
                        .toList());
    }
}
