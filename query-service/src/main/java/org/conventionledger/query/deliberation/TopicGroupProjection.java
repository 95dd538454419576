package org.conventionledger.query.deliberation;

import java.util.ArrayList;
import java.util.Comparator;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.conventionledger.events.deliberation.CacSheetWritten;
import org.conventionledger.events.deliberation.ExpertHeard;
import org.conventionledger.events.deliberation.OpinionGiven;
import org.conventionledger.events.deliberation.TopicChosen;
import org.conventionledger.query.platform.DocumentProjection;
import org.conventionledger.query.platform.ProcessingConfiguration;
import org.conventionledger.query.platform.Projections;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps each topic's {@link TopicGroup}, absorbing each event exactly once. Hearings, CAC sheets and
 * opinions need the topic to have been chosen (they fail their batch otherwise).
 */
@Component
@ProcessingGroup(ProcessingConfiguration.DELIBERATION)
class TopicGroupProjection extends DocumentProjection<TopicGroup> {

    TopicGroupProjection(Projections projections, MongoTemplate mongo) {
        super(projections, mongo, TopicGroup.class, "Topic %s was not chosen (yet) on the read side");
    }

    @EventHandler
    void on(TopicChosen event, EventMessage<?> message, TrackingToken token) {
        projections.absorb(
                TopicGroup.class,
                event.topicId(),
                message,
                token,
                () -> {
                    TopicGroup group = new TopicGroup();
                    group.topicId = event.topicId();
                    return group;
                },
                g -> {
                    g.conventionId = event.conventionId();
                    g.title = event.title();
                    g.assembly =
                            event.assembly() == null ? null : event.assembly().name();
                });
    }

    @EventHandler
    void on(ExpertHeard event, EventMessage<?> message, TrackingToken token) {
        update(event.topicId(), message, token, g -> {
            TopicGroup.Hearing hearing = new TopicGroup.Hearing();
            hearing.hearingId = event.hearingId();
            hearing.expertName = event.expertName();
            hearing.organisation = event.organisation();
            hearing.kind = event.kind() == null ? null : event.kind().name();
            hearing.independent = event.independent();
            hearing.invitedBy = event.invitedBy();
            hearing.heardOn = event.heardOn() == null ? null : event.heardOn().toString();
            hearing.contribution = event.contribution();
            hearing.documents = event.documents() == null ? new ArrayList<>() : new ArrayList<>(event.documents());
            g.hearings.add(hearing);
        });
    }

    @EventHandler
    void on(CacSheetWritten event, EventMessage<?> message, TrackingToken token) {
        update(event.topicId(), message, token, g -> {
            g.cacSheets.removeIf(s -> s.version == event.version());
            TopicGroup.CacSheet sheet = new TopicGroup.CacSheet();
            sheet.version = event.version();
            sheet.findings = event.findings();
            sheet.analysis = event.analysis();
            sheet.commonCriteria =
                    event.commonCriteria() == null ? new ArrayList<>() : new ArrayList<>(event.commonCriteria());
            sheet.specificCriteria =
                    event.specificCriteria() == null ? new ArrayList<>() : new ArrayList<>(event.specificCriteria());
            sheet.recordedAt = message.getTimestamp();
            g.cacSheets.add(sheet);
            g.cacSheets.sort(Comparator.comparingInt(s -> s.version));
        });
    }

    @EventHandler
    void on(OpinionGiven event, EventMessage<?> message, TrackingToken token) {
        if (!"TOPIC".equals(event.targetType())) {
            return;
        }
        update(event.targetId(), message, token, g -> {
            TopicGroup.Opinion opinion = new TopicGroup.Opinion();
            opinion.opinionId = event.opinionId();
            opinion.body = event.body() == null ? null : event.body().name();
            opinion.text = event.text();
            opinion.givenOn = event.givenOn() == null ? null : event.givenOn().toString();
            g.opinions.add(opinion);
        });
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(TopicGroup.class);
    }
}
