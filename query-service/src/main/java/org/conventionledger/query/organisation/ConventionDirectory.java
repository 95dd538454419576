package org.conventionledger.query.organisation;

import java.util.Comparator;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The conventions the ledger holds, as {@link ConventionDirectoryProjection} keeps them. */
@RestController
public class ConventionDirectory {

    private final MongoTemplate mongo;

    public ConventionDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/api/conventions")
    public List<ConventionSummary> conventions() {
        return mongo.findAll(ConventionSummary.class).stream()
                .sorted(Comparator.comparing(ConventionSummary::title))
                .toList();
    }
}
