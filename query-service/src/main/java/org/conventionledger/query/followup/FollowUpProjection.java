package org.conventionledger.query.followup;

import java.time.LocalDate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.conventionledger.events.deliberation.ActionDrafted;
import org.conventionledger.events.deliberation.ActionFinalised;
import org.conventionledger.events.deliberation.ActionRevised;
import org.conventionledger.events.followup.CouncilAnswered;
import org.conventionledger.events.followup.ImplementationBudgetRevised;
import org.conventionledger.events.followup.ImplementationPlanned;
import org.conventionledger.events.followup.ImplementationProgressed;
import org.conventionledger.events.followup.ImplementationStatus;
import org.conventionledger.events.organisation.ConventionOpened;
import org.conventionledger.query.platform.DocumentProjection;
import org.conventionledger.query.platform.ProcessingConfiguration;
import org.conventionledger.query.platform.Projections;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps each convention's {@link FollowUpFile}, absorbing each event exactly once. The action sheets'
 * own events give the number, title (as last revised), transition and topic, so the view needs no
 * other projection. The votation's rank is not copied here: it depends on every action's count and on
 * the ranking's tie rule, so the read API takes it from the closed votation's ranking.
 */
@Component
@ProcessingGroup(ProcessingConfiguration.FOLLOW_UP)
class FollowUpProjection extends DocumentProjection<FollowUpFile> {

    FollowUpProjection(Projections projections, MongoTemplate mongo) {
        super(projections, mongo, FollowUpFile.class, FollowUpFile::of);
    }

    @EventHandler
    void on(ConventionOpened event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, f -> {
            f.opened = true;
            f.title = event.title();
        });
    }

    @EventHandler
    void on(ActionDrafted event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, f -> {
            FollowUpFile.FollowedAction a = f.action(event.actionId());
            a.number = event.number();
            a.title = event.title();
            a.transition = event.assembly().name();
            a.topic = event.topicTitle();
        });
    }

    @EventHandler
    void on(ActionRevised event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, f -> f.action(event.actionId()).title = event.title());
    }

    @EventHandler
    void on(ActionFinalised event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, f -> f.action(event.actionId()).finalised = true);
    }

    @EventHandler
    void on(CouncilAnswered event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, f -> {
            FollowUpFile.FollowedAction a = f.action(event.actionId());
            a.answer = event.answer().name();
            a.relayedTo = event.relayedTo();
            a.reason = event.reason();
            a.deliberationReference = event.deliberationReference();
            a.answeredOn = iso(event.answeredOn());
        });
    }

    @EventHandler
    void on(ImplementationPlanned event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, f -> {
            FollowUpFile.FollowedAction a = f.action(event.actionId());
            a.department = event.department();
            a.dueBy = iso(event.dueBy());
            step(a, ImplementationStatus.PLANNED, null, event.plannedOn());
            budget(a, event.budget().toPlainString(), null, event.plannedOn());
        });
    }

    @EventHandler
    void on(ImplementationProgressed event, EventMessage<?> message, TrackingToken token) {
        update(
                event,
                message,
                token,
                f -> step(f.action(event.actionId()), event.status(), event.note(), event.progressedOn()));
    }

    @EventHandler
    void on(ImplementationBudgetRevised event, EventMessage<?> message, TrackingToken token) {
        update(
                event,
                message,
                token,
                f -> budget(
                        f.action(event.actionId()), event.budget().toPlainString(), event.reason(), event.revisedOn()));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(FollowUpFile.class);
    }

    private static void step(
            FollowUpFile.FollowedAction action, ImplementationStatus status, String note, LocalDate on) {
        FollowUpFile.StatusStep step = new FollowUpFile.StatusStep();
        step.status = status.name();
        step.note = note;
        step.on = iso(on);
        action.statusHistory.add(step);
        action.status = step.status;
    }

    private static void budget(FollowUpFile.FollowedAction action, String amount, String reason, LocalDate on) {
        FollowUpFile.BudgetStep step = new FollowUpFile.BudgetStep();
        step.budget = amount;
        step.reason = reason;
        step.on = iso(on);
        action.budgetHistory.add(step);
    }

    private static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
