package org.conventionledger.command.organisation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.spring.stereotype.Aggregate;
import org.conventionledger.command.deliberation.JudgmentVotes;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.command.recruitment.ApplyAbsenceRule;
import org.conventionledger.command.recruitment.Panel;
import org.conventionledger.events.organisation.ConventionOpened;

/**
 * A citizens' convention: the root of one event stream that holds its panel's recruitment ({@link Panel}, in
 * {@code recruitment}) and its members' topics and majority-judgment votes ({@link JudgmentVotes}, in
 * {@code deliberation}). Those are aggregate members: Axon routes their commands to them and replays every
 * event of the stream into each, so the rules that span them (only a seated member judges, and only in their
 * assembly; only the convention's assemblies seat members or choose topics) hold within one consistent
 * stream, and the events the log already holds keep their aggregate type, identifier and sequence. A panel
 * is a few thousand invitations at most, so this stream never becomes a hot spot. See docs/recruitment.md.
 */
@Aggregate(cache = "conventionCache")
public class Convention {

    @AggregateIdentifier
    private String conventionId;

    @AggregateMember
    private final Panel panel = new Panel();

    @AggregateMember
    private final JudgmentVotes votes = new JudgmentVotes();

    protected Convention() {
        // for Axon
    }

    @CommandHandler
    public Convention(OpenConvention command) {
        require(notBlank(command.title()), "title-required", "A convention needs a title.");
        require(notBlank(command.city()), "city-required", "A convention needs a city.");
        require(
                command.transitions() != null && !command.transitions().isEmpty(),
                "transitions-required",
                "A convention works on at least one transition.");
        require(
                Set.copyOf(command.transitions()).size()
                        == command.transitions().size(),
                "duplicate-transition",
                "Each transition is listed once.");
        require(command.plannedSessions() >= 1, "sessions-required", "A convention plans at least one session.");
        var mandate = command.mandate();
        require(
                mandate != null
                        && mandate.startsOn() != null
                        && mandate.endsOn() != null
                        && !mandate.endsOn().isBefore(mandate.startsOn()),
                "mandate-dates",
                "The mandate needs a start date and an end date that is not before it.");
        apply(new ConventionOpened(
                command.conventionId(),
                command.title(),
                command.city(),
                mandate,
                List.copyOf(command.transitions()),
                command.plannedSessions()));
    }

    /** Here rather than in {@link Panel}: the absences it counts are the sessions', kept by organisation. */
    @CommandHandler
    public void handle(ApplyAbsenceRule command, PanelRegister attendance) {
        apply(panel.applyAbsenceRule(command, attendance.unexcusedAbsences(conventionId, command.memberId())));
    }

    @EventSourcingHandler
    void on(ConventionOpened event) {
        conventionId = event.conventionId();
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    private static void require(boolean condition, String code, String message) {
        if (!condition) {
            throw RuleViolation.unprocessable(code, message);
        }
    }
}
