package org.conventionledger.query.oversight;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.conventionledger.events.integrity.ChainLink;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
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

    /** A seal: the integrity chain's head at a position, as the garants publish and countersign it. */
    public record Seal(String chain, long position, String head, long length, Instant sealedAt) {
    }

    private final MongoTemplate mongo;
    private final ChainSealer sealer;
    private final LogExport export;

    AuditTrailController(MongoTemplate mongo, ChainSealer sealer, LogExport export) {
        this.mongo = mongo;
        this.sealer = sealer;
        this.export = export;
    }

    /** The chain's head now, as a seal (after chaining everything settled). */
    @GetMapping("/api/audit/seal")
    public Seal seal() {
        ChainHead head = sealer.extend();
        return new Seal(ChainLink.VERSION, head.position(), head.hash(), head.length(), Instant.now());
    }

    /** The log as JSON Lines, read from the event store, with the recorded chain links. */
    @GetMapping(value = "/api/audit/export", produces = "application/x-ndjson")
    public ResponseEntity<StreamingResponseBody> export() {
        sealer.extend();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"ledger-log.jsonl\"")
                .contentType(MediaType.parseMediaType("application/x-ndjson"))
                .body(export::write);
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
