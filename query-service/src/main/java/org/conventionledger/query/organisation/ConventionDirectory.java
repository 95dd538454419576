package org.conventionledger.query.organisation;

import java.util.Comparator;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.conventionledger.events.organisation.ConventionOpened;
import org.conventionledger.query.platform.ProcessingConfiguration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The conventions the ledger holds. Writing the same summary twice is harmless, so no guard is needed. */
@Component
@RestController
@ProcessingGroup(ProcessingConfiguration.DASHBOARD)
public class ConventionDirectory {

    private final MongoTemplate mongo;

    public ConventionDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventHandler
    void on(ConventionOpened event) {
        mongo.save(new ConventionSummary(event.conventionId(), event.title(), event.city(),
                event.transitions().stream().map(Enum::name).toList(), event.plannedSessions()));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(ConventionSummary.class);
    }

    @GetMapping("/api/conventions")
    public List<ConventionSummary> conventions() {
        return mongo.findAll(ConventionSummary.class).stream()
                .sorted(Comparator.comparing(ConventionSummary::title))
                .toList();
    }
}
