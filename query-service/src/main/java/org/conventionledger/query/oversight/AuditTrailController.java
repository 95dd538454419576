package org.conventionledger.query.oversight;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.conventionledger.events.integrity.ChainLink;
import org.conventionledger.query.platform.ProblemResponses;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The garants' trail: the events of the log in log order, page by page. {@code next} is the position
 * to pass as {@code after} for the following page.
 */
@RestController
public class AuditTrailController {

    static final int MAX_LIMIT = 1000;

    public record Page(List<AuditEvent> events, Long next) {}

    /** A seal: the integrity chain's head at a position, as the garants publish and countersign it. */
    public record Seal(String chain, long position, String head, long length, Instant sealedAt) {}

    private final MongoTemplate mongo;
    private final ChainSealer sealer;
    private final LogExport export;
    private final AuditTrailExport trailExport;

    AuditTrailController(MongoTemplate mongo, ChainSealer sealer, LogExport export, ObjectMapper json) {
        this.mongo = mongo;
        this.sealer = sealer;
        this.export = export;
        this.trailExport = new AuditTrailExport(json);
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

    /**
     * A page of the trail in log order, filtered (see {@link AuditFilter}); {@code next} is the position
     * of the page's last event, or {@code after} when the page is empty.
     */
    @GetMapping("/api/audit/events")
    public Page events(
            @RequestParam(defaultValue = "-1") long after,
            @RequestParam(defaultValue = "100") int limit,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String aggregateId,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String part,
            @RequestParam(required = false) String correlationId) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemResponses.error(
                    HttpStatus.BAD_REQUEST,
                    "invalid-limit",
                    "Parameter 'limit' must be between 1 and " + MAX_LIMIT + ".");
        }
        return events(after, limit, AuditFilter.parse(type, aggregateId, actor, role, from, to, part, correlationId));
    }

    /** A page filtered by type and aggregate only. */
    public Page events(long after, int limit, String type, String aggregateId) {
        return events(after, limit, type, aggregateId, null, null, null, null, null, null);
    }

    Page events(long after, int limit, AuditFilter filter) {
        List<AuditEvent> events = page(after, limit, filter);
        Long next = events.isEmpty() ? after : events.get(events.size() - 1).position();
        return new Page(events, next);
    }

    private List<AuditEvent> page(long after, int limit, AuditFilter filter) {
        return mongo.find(new Query(filter.criteria(after)).with(Sort.by("_id")).limit(limit), AuditEvent.class);
    }

    /**
     * The filtered trail as a download, in log order, read from the trail page by page while it is
     * written: {@code format=jsonl} (the default), {@code csv} or {@code excel-fr} (see {@link AuditTrailExport}).
     */
    @GetMapping("/api/audit/events/export")
    public ResponseEntity<StreamingResponseBody> exportEvents(
            @RequestParam(defaultValue = "jsonl") String format,
            @RequestParam(defaultValue = "-1") long after,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String aggregateId,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String role,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String part,
            @RequestParam(required = false) String correlationId) {
        AuditTrailExport.Format chosen = AuditTrailExport.Format.of(format);
        AuditFilter filter = AuditFilter.parse(type, aggregateId, actor, role, from, to, part, correlationId);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + chosen.filename() + "\"")
                .contentType(chosen.mediaType())
                .body(out -> trailExport.write(chosen, out, last -> page(last, AuditTrailExport.PAGE, filter), after));
    }

    /**
     * What caused an event, as far as the log tells: the commands are not in the log, so the answer is
     * the events related to it through its origin, in log order, itself excluded.
     */
    public record Causes(AuditEvent event, List<AuditEvent> causedBy, boolean truncated) {}

    /**
     * The correlation chain of the event at {@code position}: {@code causedBy} holds, in log order and
     * without the event itself, (1) the event whose {@code eventId} is its {@code causationId}, if the
     * cause was an event, and so on up that event's own causation; (2) every event with the same
     * {@code causationId} (caused by the same message, usually the same command); (3) every event with
     * the same {@code correlationId} (the same request, including events recorded after it). An event
     * without causation nor correlation has an empty chain. At most {@value #MAX_LIMIT} events, with
     * {@code truncated} true beyond.
     */
    @GetMapping("/api/audit/events/{position}/causes")
    public Causes causes(@PathVariable long position) {
        AuditEvent event = mongo.findById(position, AuditEvent.class);
        if (event == null) {
            throw ProblemResponses.error(
                    HttpStatus.NOT_FOUND, "unknown-event", "No event at position " + position + " in the audit trail.");
        }
        Map<Long, AuditEvent> related = new TreeMap<>();
        Set<String> causations = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        if (event.causationId() != null) {
            pending.add(event.causationId());
        }
        boolean truncated = false;
        while (!pending.isEmpty() && !truncated) {
            String causation = pending.poll();
            if (!causations.add(causation)) {
                continue;
            }
            for (AuditEvent found : related(
                    position,
                    new Criteria()
                            .orOperator(
                                    Criteria.where("eventId").is(causation),
                                    Criteria.where("causationId").is(causation)))) {
                related.put(found.position(), found);
                if (causation.equals(found.eventId()) && found.causationId() != null) {
                    pending.add(found.causationId());
                }
            }
            truncated = related.size() > MAX_LIMIT;
        }
        if (event.correlationId() != null && !truncated) {
            related(position, Criteria.where("correlationId").is(event.correlationId()))
                    .forEach(found -> related.put(found.position(), found));
        }
        List<AuditEvent> chain = new ArrayList<>(related.values());
        truncated = chain.size() > MAX_LIMIT;
        return new Causes(event, truncated ? chain.subList(0, MAX_LIMIT) : chain, truncated);
    }

    private List<AuditEvent> related(long position, Criteria criteria) {
        return mongo.find(
                new Query(new Criteria().andOperator(Criteria.where("_id").ne(position), criteria))
                        .with(Sort.by("_id"))
                        .limit(MAX_LIMIT + 1),
                AuditEvent.class);
    }
}
