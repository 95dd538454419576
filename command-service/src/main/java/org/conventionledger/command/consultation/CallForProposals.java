package org.conventionledger.command.consultation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.conventionledger.command.deliberation.DeliberationRegister;
import org.conventionledger.command.organisation.ConventionRegister;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.events.consultation.CallForProposalsClosed;
import org.conventionledger.events.consultation.CallForProposalsOpened;

/**
 * A call for proposals on one topic of the convention, drawn from the topic's CAC sheet: its window
 * and its close. Proposals, votes and arguments are other streams that read the call's window from the
 * {@link ConsultationRegister}, so none of them queues behind this aggregate.
 */
@Aggregate
public class CallForProposals {

    @AggregateIdentifier
    private String callId;

    private String conventionId;
    private boolean closed;

    protected CallForProposals() {
        // for Axon
    }

    @CommandHandler
    public CallForProposals(
            OpenCallForProposals command,
            DeliberationRegister deliberation,
            ConventionRegister conventions,
            ConsultationRegister consultation) {
        DeliberationRegister.Topic topic = deliberation
                .topic(command.conventionId(), command.topicId())
                .orElseThrow(() -> conventions.conventionExists(command.conventionId())
                        ? RuleViolation.notFound(
                                "unknown-topic", "The convention chose no topic " + command.topicId() + ".")
                        : RuleViolation.notFound(
                                "unknown-convention", "No convention " + command.conventionId() + " is open."));
        if (command.title() == null || command.title().isBlank()) {
            throw RuleViolation.unprocessable("title-required", "A call for proposals needs a title.");
        }
        if (command.opensAt() == null || command.closesAt() == null) {
            throw RuleViolation.unprocessable("dates-required", "A call for proposals says when it opens and closes.");
        }
        if (!command.closesAt().isAfter(command.opensAt())) {
            throw RuleViolation.unprocessable(
                    "closes-before-opening",
                    "A call for proposals closes after it opens (closesAt " + command.closesAt() + ", opensAt "
                            + command.opensAt() + ").");
        }
        if (!command.closesAt().isAfter(command.at())) {
            throw RuleViolation.unprocessable(
                    "closes-in-the-past",
                    "closesAt " + command.closesAt() + " has passed: the call could take nothing.");
        }
        var sheet = consultation.cacSheet(command.topicId());
        List<String> criteria = clean(command.criteria());
        if (criteria.isEmpty()) {
            criteria = sheet.map(s -> clean(s.criteria())).orElse(List.of());
        }
        if (criteria.isEmpty()) {
            throw RuleViolation.unprocessable(
                    "criteria-required",
                    "The topic has no CAC sheet with criteria"
                            + " in the ledger: list the call's criteria in 'criteria'.");
        }
        apply(new CallForProposalsOpened(
                command.conventionId(),
                command.callId(),
                command.topicId(),
                topic.title(),
                command.title().strip(),
                command.text() == null ? "" : command.text(),
                criteria,
                sheet.map(ConsultationRegister.CacSheet::version).orElse(null),
                command.opensAt(),
                command.closesAt()));
    }

    @CommandHandler
    public void handle(CloseCallForProposals command) {
        if (closed) {
            throw RuleViolation.conflict("call-closed", "The call for proposals " + callId + " is already closed.");
        }
        apply(new CallForProposalsClosed(conventionId, callId, command.at()));
    }

    @EventSourcingHandler
    void on(CallForProposalsOpened event) {
        callId = event.callId();
        conventionId = event.conventionId();
    }

    @EventSourcingHandler
    void on(CallForProposalsClosed event) {
        closed = true;
    }

    private static List<String> clean(List<String> criteria) {
        if (criteria == null) {
            return List.of();
        }
        return criteria.stream()
                .filter(c -> c != null && !c.isBlank())
                .map(String::strip)
                .toList();
    }
}
