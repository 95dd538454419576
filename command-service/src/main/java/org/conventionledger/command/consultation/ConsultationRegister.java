package org.conventionledger.command.consultation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.conventionledger.command.platform.AxonConfiguration;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.events.consultation.ArgumentPosted;
import org.conventionledger.events.consultation.CallForProposalsClosed;
import org.conventionledger.events.consultation.CallForProposalsOpened;
import org.conventionledger.events.consultation.ProposalHidden;
import org.conventionledger.events.consultation.ProposalSubmitted;
import org.conventionledger.events.deliberation.CacSheetWritten;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

/**
 * What the consultation's commands look up without loading (and so locking) another aggregate: the
 * latest CAC sheet of each topic, each call's window and whether it was closed, each proposal's call
 * and whether it was hidden, and the vote stream that holds each argument. Updated by the subscribing
 * {@code command-registers} processor in the same transaction as the events (ADR-002). Votes write
 * nothing here, so no table row is touched by every vote.
 *
 * <p>Its tables come from {@code registers/consultation.sql}, run (idempotently) when the register
 * starts, on the registers' own datasource.
 */
@Component
@ProcessingGroup(AxonConfiguration.REGISTERS)
public class ConsultationRegister {

    /** A call's window; open at {@code at} if not closed and {@code opensAt <= at < closesAt}. */
    public record Call(
            String callId, String conventionId, String topicId, Instant opensAt, Instant closesAt, boolean closed) {

        public boolean openAt(Instant at) {
            return !closed && !at.isBefore(opensAt) && at.isBefore(closesAt);
        }

        /** Refuses (409 {@code call-not-open}) unless the call is open at {@code at}, saying why. */
        public void requireOpenAt(Instant at) {
            if (closed) {
                throw RuleViolation.conflict("call-not-open", "The call for proposals " + callId + " is closed.");
            }
            if (at.isBefore(opensAt)) {
                throw RuleViolation.conflict(
                        "call-not-open", "The call for proposals " + callId + " opens at " + opensAt + ".");
            }
            if (!at.isBefore(closesAt)) {
                throw RuleViolation.conflict(
                        "call-not-open", "The call for proposals " + callId + " closed at " + closesAt + ".");
            }
        }
    }

    public record Proposal(String proposalId, String callId, boolean hidden) {}

    public record CacSheet(String topicId, int version, List<String> criteria) {}

    public record Argument(String argumentId, String callId, String proposalId, String voteId) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcTemplate jdbc;

    public ConsultationRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        new ResourceDatabasePopulator(new ClassPathResource("registers/consultation.sql"))
                .execute(jdbc.getDataSource());
    }

    public Optional<CacSheet> cacSheet(String topicId) {
        return jdbc
                .query(
                        "SELECT version, criteria FROM register_cac_sheet WHERE topic_id = ?",
                        (rs, i) -> new CacSheet(topicId, rs.getInt(1), fromJson(rs.getString(2))),
                        topicId)
                .stream()
                .findFirst();
    }

    public Optional<Call> call(String callId) {
        return jdbc
                .query(
                        "SELECT convention_id, topic_id, opens_at, closes_at, closed FROM register_consultation_call"
                                + " WHERE call_id = ?",
                        (rs, i) -> new Call(
                                callId,
                                rs.getString(1),
                                rs.getString(2),
                                Instant.parse(rs.getString(3)),
                                Instant.parse(rs.getString(4)),
                                rs.getBoolean(5)),
                        callId)
                .stream()
                .findFirst();
    }

    public Optional<Proposal> proposal(String proposalId) {
        return jdbc
                .query(
                        "SELECT call_id, hidden FROM register_consultation_proposal WHERE proposal_id = ?",
                        (rs, i) -> new Proposal(proposalId, rs.getString(1), rs.getBoolean(2)),
                        proposalId)
                .stream()
                .findFirst();
    }

    public Optional<Argument> argument(String argumentId) {
        return jdbc
                .query(
                        "SELECT call_id, proposal_id, vote_id FROM register_consultation_argument WHERE "
                                + "argument_id = ?",
                        (rs, i) -> new Argument(argumentId, rs.getString(1), rs.getString(2), rs.getString(3)),
                        argumentId)
                .stream()
                .findFirst();
    }

    @EventHandler
    void on(CacSheetWritten event) {
        List<String> criteria = new ArrayList<>();
        if (event.commonCriteria() != null) {
            criteria.addAll(event.commonCriteria());
        }
        if (event.specificCriteria() != null) {
            criteria.addAll(event.specificCriteria());
        }
        // a topic's sheets are versioned by its own stream, so no two versions race here
        jdbc.update("DELETE FROM register_cac_sheet WHERE topic_id = ?", event.topicId());
        jdbc.update(
                "INSERT INTO register_cac_sheet (topic_id, convention_id, version, criteria) VALUES (?, ?, ?, ?)",
                event.topicId(),
                event.conventionId(),
                event.version(),
                toJson(criteria));
    }

    @EventHandler
    void on(CallForProposalsOpened event) {
        jdbc.update(
                "INSERT INTO register_consultation_call (call_id, convention_id, topic_id, opens_at, closes_at, closed)"
                        + " VALUES (?, ?, ?, ?, ?, FALSE)",
                event.callId(),
                event.conventionId(),
                event.topicId(),
                event.opensAt().toString(),
                event.closesAt().toString());
    }

    @EventHandler
    void on(CallForProposalsClosed event) {
        jdbc.update("UPDATE register_consultation_call SET closed = TRUE WHERE call_id = ?", event.callId());
    }

    @EventHandler
    void on(ProposalSubmitted event) {
        jdbc.update(
                "INSERT INTO register_consultation_proposal (proposal_id, call_id, hidden) VALUES (?, ?, FALSE)",
                event.proposalId(),
                event.callId());
    }

    @EventHandler
    void on(ProposalHidden event) {
        jdbc.update(
                "UPDATE register_consultation_proposal SET hidden = TRUE WHERE proposal_id = ?", event.proposalId());
    }

    @EventHandler
    void on(ArgumentPosted event) {
        jdbc.update(
                "INSERT INTO register_consultation_argument (argument_id, call_id, proposal_id, vote_id)"
                        + " VALUES (?, ?, ?, ?)",
                event.argumentId(),
                event.callId(),
                event.proposalId(),
                ConsultationVote.idOf(event.callId(), event.proposalId(), event.voterPseudonym()));
    }

    private static String toJson(List<String> criteria) {
        try {
            return JSON.writeValueAsString(criteria);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> fromJson(String criteria) {
        try {
            return JSON.readValue(criteria, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
