package org.conventionledger.query.oversight;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.conventionledger.query.platform.ProblemResponses;

/**
 * The garants' trail: the events of the log in log order, page by page. {@code next} is the position
 * to pass as {@code after} for the following page.
 */
@RestController
public class AuditTrailController {

    static final int MAX_LIMIT = 1000;

    public record Page(List<AuditEvent> events, Long next) {
    }

    private final MongoTemplate mongo;

    public AuditTrailController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/api/audit/events")
    public Page events(@RequestParam(defaultValue = "-1") long after,
                       @RequestParam(defaultValue = "100") int limit,
                       @RequestParam(required = false) String type,
                       @RequestParam(required = false) String aggregateId) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemResponses.error(HttpStatus.BAD_REQUEST, "invalid-limit",
                    "Parameter 'limit' must be between 1 and " + MAX_LIMIT + ".");
        }
        Criteria criteria = Criteria.where("_id").gt(after);
        if (type != null) {
            criteria = criteria.and("type").is(type);
        }
        if (aggregateId != null) {
            criteria = criteria.and("aggregateId").is(aggregateId);
        }
        List<AuditEvent> events = mongo.find(new Query(criteria).with(Sort.by("_id")).limit(limit), AuditEvent.class);
        Long next = events.isEmpty() ? after : events.get(events.size() - 1).position();
        return new Page(events, next);
    }
}
