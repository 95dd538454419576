package org.conventionledger.command.deliberation;

import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.conventionledger.command.platform.AxonConfiguration;
import org.conventionledger.events.Transition;
import org.conventionledger.events.deliberation.ActionDrafted;
import org.conventionledger.events.deliberation.ActionFinalised;
import org.conventionledger.events.deliberation.TopicChosen;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the write side must look up across aggregates about deliberation: the topics each convention
 * chose, which action numbers are taken and which actions are final. Kept in tables updated in the same transaction as
 * the events (a subscribing processor), so a command never sees a fact that was not committed; the
 * unique key on (convention, number) also settles two drafts racing for one number.
 */
@Component
@ProcessingGroup(AxonConfiguration.REGISTERS)
public class DeliberationRegister {

    public record Topic(String conventionId, String topicId, Transition assembly, String title) {}

    public record FinalAction(
            String actionId, String conventionId, int number, String title, Transition assembly, String topicTitle) {}

    private final JdbcTemplate jdbc;

    public DeliberationRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A topic, whatever its convention. */
    public Optional<Topic> topic(String topicId) {
        return jdbc
                .query(
                        "SELECT convention_id, assembly, title FROM register_topic WHERE topic_id = ?",
                        (rs, i) -> new Topic(
                                rs.getString(1), topicId, Transition.valueOf(rs.getString(2)), rs.getString(3)),
                        topicId)
                .stream()
                .findFirst();
    }

    public Optional<Topic> topic(String conventionId, String topicId) {
        List<Topic> found = jdbc.query(
                "SELECT assembly, title FROM register_topic WHERE convention_id = ? AND topic_id = ?",
                (rs, i) -> new Topic(conventionId, topicId, Transition.valueOf(rs.getString(1)), rs.getString(2)),
                conventionId,
                topicId);
        return found.stream().findFirst();
    }

    public boolean actionNumberTaken(String conventionId, int number) {
        Integer count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM register_action WHERE convention_id = ? AND action_number = ?",
                Integer.class,
                conventionId,
                number);
        return count != null && count > 0;
    }

    /** The convention of an action sheet, if it exists. */
    public Optional<String> conventionOfAction(String actionId) {
        return jdbc
                .query(
                        "SELECT convention_id FROM register_action WHERE action_id = ?",
                        (rs, i) -> rs.getString(1),
                        actionId)
                .stream()
                .findFirst();
    }

    /** "number. title" of an existing action sheet, as its draft named it. */
    public String actionLabel(String actionId) {
        return jdbc.queryForObject(
                "SELECT action_number, title FROM register_action WHERE action_id = ?",
                (rs, i) -> rs.getInt(1) + ". " + rs.getString(2),
                actionId);
    }

    /** The action if it exists and is final. */
    public Optional<FinalAction> finalAction(String actionId) {
        return jdbc
                .query(
                        "SELECT convention_id, action_number, title, assembly, topic_title FROM register_action"
                                + " WHERE action_id = ? AND finalised = TRUE",
                        (rs, i) -> new FinalAction(
                                actionId,
                                rs.getString(1),
                                rs.getInt(2),
                                rs.getString(3),
                                Transition.valueOf(rs.getString(4)),
                                rs.getString(5)),
                        actionId)
                .stream()
                .findFirst();
    }

    @EventHandler
    void on(TopicChosen event) {
        jdbc.update(
                "INSERT INTO register_topic (convention_id, topic_id, assembly, title) VALUES (?, ?, ?, ?)",
                event.conventionId(),
                event.topicId(),
                event.assembly().name(),
                event.title());
    }

    @EventHandler
    void on(ActionDrafted event) {
        jdbc.update(
                "INSERT INTO register_action (action_id, convention_id, action_number, title, assembly, topic_title,"
                        + " finalised) VALUES (?, ?, ?, ?, ?, ?, FALSE)",
                event.actionId(),
                event.conventionId(),
                event.number(),
                event.title(),
                event.assembly().name(),
                event.topicTitle());
    }

    @EventHandler
    void on(ActionFinalised event) {
        jdbc.update("UPDATE register_action SET finalised = TRUE WHERE action_id = ?", event.actionId());
    }
}
