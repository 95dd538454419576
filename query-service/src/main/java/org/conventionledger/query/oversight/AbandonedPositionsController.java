package org.conventionledger.query.oversight;

import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The positions the integrity chain went past as aborted appends ({@link AbandonedPositions}), for the garants. */
@RestController
public class AbandonedPositionsController {

    private final MongoTemplate mongo;
    private final ChainSealer sealer;

    AbandonedPositionsController(MongoTemplate mongo, ChainSealer sealer) {
        this.mongo = mongo;
        this.sealer = sealer;
    }

    /** Every run of abandoned positions in log order; the chain is extended first. */
    @GetMapping("/api/audit/abandoned-positions")
    public List<AbandonedPositions> abandonedPositions() {
        sealer.extend();
        return mongo.find(new Query().with(Sort.by("_id")), AbandonedPositions.class);
    }
}
