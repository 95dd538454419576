package org.conventionledger.query.organisation;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.conventionledger.events.organisation.ConventionOpened;
import org.conventionledger.query.platform.ProcessingConfiguration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@link ConventionSummary} of each convention the ledger holds. Writing the same summary twice
 * is harmless, so no guard is needed.
 */
@Component
@ProcessingGroup(ProcessingConfiguration.DASHBOARD)
class ConventionDirectoryProjection {

    private final MongoTemplate mongo;

    ConventionDirectoryProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(ConventionOpened event) {
        mongo.save(new ConventionSummary(
                event.conventionId(),
                event.title(),
                event.city(),
                event.transitions().stream().map(Enum::name).toList(),
                event.plannedSessions()));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(ConventionSummary.class);
    }
}
