package org.conventionledger.command.deliberation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.conventionledger.command.platform.RuleViolation.requireText;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.events.deliberation.CacSheetWritten;
import org.conventionledger.events.deliberation.ExpertHeard;
import org.conventionledger.events.deliberation.OpinionGiven;

/**
 * The work of a topic group before its action sheets: the experts it heard (one expertise sheet per
 * hearing), its CAC sheet in successive versions, and the opinions given on the topic. Its stream
 * starts with the group's first recorded work on a topic the convention chose.
 */
@Aggregate
public class TopicGroup {

    @AggregateIdentifier
    private String topicId;

    private String conventionId;
    private int cacVersion;
    private final Set<String> hearings = new HashSet<>();
    private final Set<String> opinions = new HashSet<>();

    protected TopicGroup() {
        // for Axon; also the blank group CREATE_IF_MISSING hands to the first command
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordExpertHearing command, DeliberationRegister register) {
        String convention = conventionOf(command.topicId(), register);
        if (command.kind() == null) {
            throw RuleViolation.unprocessable(
                    "kind-required", "Say whether the expert is SCIENTIFIC or EXPERT_BY_USE.");
        }
        requireText(command.expertName(), "expert-required", "Name the expert heard (or their public capacity).");
        requireText(
                command.contribution(),
                "contribution-required",
                "The expertise sheet records what the expert brought.");
        if (hearings.contains(command.hearingId())) {
            throw RuleViolation.conflict("hearing-exists", "Hearing " + command.hearingId() + " is already recorded.");
        }
        apply(new ExpertHeard(
                convention,
                command.topicId(),
                command.hearingId(),
                command.expertName(),
                command.organisation(),
                command.kind(),
                command.independent(),
                command.invitedBy(),
                command.heardOn(),
                command.contribution(),
                command.documents() == null ? List.of() : List.copyOf(command.documents())));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(WriteCacSheet command, DeliberationRegister register) {
        String convention = conventionOf(command.topicId(), register);
        requireText(command.findings(), "findings-required", "A CAC sheet states its findings (constat).");
        requireText(command.analysis(), "analysis-required", "A CAC sheet states its analysis.");
        if ((command.commonCriteria() == null || command.commonCriteria().isEmpty())
                && (command.specificCriteria() == null
                        || command.specificCriteria().isEmpty())) {
            throw RuleViolation.unprocessable(
                    "criteria-required", "A CAC sheet lists the criteria a good action meets.");
        }
        apply(new CacSheetWritten(
                convention,
                command.topicId(),
                cacVersion + 1,
                command.findings(),
                command.analysis(),
                command.commonCriteria() == null ? List.of() : List.copyOf(command.commonCriteria()),
                command.specificCriteria() == null ? List.of() : List.copyOf(command.specificCriteria())));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(GiveTopicOpinion command, DeliberationRegister register) {
        String convention = conventionOf(command.topicId(), register);
        apply(Opinions.given(
                opinions,
                convention,
                command.opinionId(),
                command.body(),
                "TOPIC",
                command.topicId(),
                command.text(),
                command.givenOn()));
    }

    @EventSourcingHandler
    void on(ExpertHeard event) {
        remember(event.topicId(), event.conventionId());
        hearings.add(event.hearingId());
    }

    @EventSourcingHandler
    void on(CacSheetWritten event) {
        remember(event.topicId(), event.conventionId());
        cacVersion = event.version();
    }

    @EventSourcingHandler
    void on(OpinionGiven event) {
        remember(event.targetId(), event.conventionId());
        opinions.add(event.opinionId());
    }

    private void remember(String topic, String convention) {
        topicId = topic;
        conventionId = convention;
    }

    private String conventionOf(String topic, DeliberationRegister register) {
        if (conventionId != null) {
            return conventionId;
        }
        return register.topic(topic)
                .map(DeliberationRegister.Topic::conventionId)
                .orElseThrow(() -> RuleViolation.notFound("unknown-topic", "No topic " + topic + " was chosen."));
    }
}
