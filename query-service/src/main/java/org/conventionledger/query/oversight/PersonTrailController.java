package org.conventionledger.query.oversight;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.conventionledger.query.platform.ProblemResponses;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * "What happened to this pseudonym": every event of the garants' trail concerning one person, found by
 * indexed queries on {@link AuditEvent#subjects()}. The person's key finds the events naming them; the
 * events that introduce another identity of theirs (their invitation, then the member seated on it, then
 * the member's expense claims, see {@link Subjects#aliases}) give the keys of the next query, until no
 * new key turns up. For garants only, like the rest of the trail; it shows nothing the trail does not.
 */
@RestController
public class PersonTrailController {

    /** At most this many events per person (a member's whole convention is a few hundred). */
    static final int MAX_EVENTS = 10_000;
    /** person → invitation → member → claim, and a margin. */
    private static final int MAX_ROUNDS = 6;

    private final MongoTemplate mongo;

    public PersonTrailController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/api/audit/persons/{personId}")
    public PersonTrail.View person(@PathVariable String personId) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(Subjects.person(personId));
        Set<String> frontier = new LinkedHashSet<>(keys);
        Map<Long, AuditEvent> found = new TreeMap<>();
        boolean truncated = false;
        for (int round = 0; round < MAX_ROUNDS && !frontier.isEmpty() && !truncated; round++) {
            Set<String> next = new LinkedHashSet<>();
            for (AuditEvent event : concerning(frontier)) {
                found.putIfAbsent(event.position(), event);
                next.addAll(Subjects.aliases(event.type(), event.payload(), keys));
            }
            next.removeAll(keys);
            keys.addAll(next);
            frontier = next;
            truncated = found.size() > MAX_EVENTS;
        }
        if (found.isEmpty()) {
            throw ProblemResponses.error(
                    HttpStatus.NOT_FOUND,
                    "unknown-person",
                    "No event of the audit trail concerns person " + personId + ".");
        }
        List<AuditEvent> events = new ArrayList<>(found.values());
        if (truncated) {
            events = events.subList(0, MAX_EVENTS);
        }
        return PersonTrail.of(personId, events, keys, panelsDrawnIn(events), truncated);
    }

    private List<AuditEvent> concerning(Collection<String> keys) {
        return mongo.find(
                Query.query(Criteria.where("subjects").in(keys))
                        .with(Sort.by("_id"))
                        .limit(MAX_EVENTS + 1),
                AuditEvent.class);
    }

    /** The person's conventions whose panel has been drawn. */
    private Set<String> panelsDrawnIn(List<AuditEvent> events) {
        Set<String> conventions = new HashSet<>();
        events.forEach(e -> {
            Object conventionId = e.payload() == null ? null : e.payload().get("conventionId");
            if (conventionId != null) {
                conventions.add(conventionId.toString());
            }
        });
        if (conventions.isEmpty()) {
            return Set.of();
        }
        Set<String> drawn = new HashSet<>();
        mongo.find(
                        Query.query(Criteria.where("type")
                                .is("PanelDrawn")
                                .and("payload.conventionId")
                                .in(conventions)),
                        AuditEvent.class)
                .forEach(e -> drawn.add(String.valueOf(e.payload().get("conventionId"))));
        return drawn;
    }
}
