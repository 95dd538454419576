package org.conventionledger.query.pages.votation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.conventionledger.query.oversight.AuditEvent;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The paper desks' double entry per votation, as the garants' trail holds it (every entry stays in the
 * log): each desk's state, the pending figures, and, for a mismatch, both entries side by side. A desk
 * whose count came in as a single {@code PaperTallyRecorded} (imported results) is shown as recorded.
 */
@Component
public class DeskTallies {

    /** What the pages call a desk's state; the command side's own states plus RECORDED for an imported count. */
    public enum State {
        ENTERED,
        MISMATCHED,
        CONFIRMED,
        RECORDED
    }

    /** One entry of a desk's figures, by whom, with its reason for a correction. */
    public record Entry(String kind, String entryId, String by, Map<Integer, Integer> votes, String reason) {}

    /**
     * One desk: its state, the figures waiting for a confirmation ({@code pending}), and for a mismatch
     * the second entry ({@code against}) with the actions whose figures differ; its history in log order.
     */
    public record Desk(
            String deskId,
            String deskName,
            State state,
            Entry pending,
            Entry against,
            List<Integer> differing,
            List<Entry> history) {

        /** The actions of both entries, for the side-by-side table. */
        public List<Integer> actions() {
            TreeSet<Integer> all = new TreeSet<>();
            if (pending != null) {
                all.addAll(pending.votes().keySet());
            }
            if (against != null) {
                all.addAll(against.votes().keySet());
            }
            return new ArrayList<>(all);
        }
    }

    private static final List<String> TYPES = List.of(
            "PaperTallyEntered",
            "PaperTallyMismatched",
            "PaperTallyCorrected",
            "PaperTallyConfirmed",
            "PaperTallyRecorded");

    private final MongoTemplate mongo;

    public DeskTallies(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The desks of a votation, by desk id. */
    public List<Desk> desks(String votationId) {
        List<AuditEvent> events = mongo.find(
                Query.query(Criteria.where("type")
                                .in(TYPES)
                                .and("payload.votationId")
                                .is(votationId))
                        .with(Sort.by("_id")),
                AuditEvent.class);
        Map<String, Builder> desks = new TreeMap<>();
        for (AuditEvent event : events) {
            Map<String, Object> p = event.payload();
            if (p == null || !(p.get("deskId") instanceof String deskId)) {
                continue;
            }
            desks.computeIfAbsent(deskId, Builder::new).apply(event.type(), p);
        }
        return desks.values().stream().map(Builder::build).toList();
    }

    /** Counts of the desks per state (by its name), for the dashboard. */
    public static Map<String, Long> byState(List<Desk> desks) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (State s : State.values()) {
            counts.put(s.name(), desks.stream().filter(d -> d.state() == s).count());
        }
        return counts;
    }

    private static final class Builder {
        private final String deskId;
        private String deskName;
        private State state;
        private Entry pending;
        private Entry against;
        private List<Integer> differing = List.of();
        private final List<Entry> history = new ArrayList<>();

        Builder(String deskId) {
            this.deskId = deskId;
        }

        void apply(String type, Map<String, Object> p) {
            if (p.get("deskName") instanceof String name) {
                deskName = name;
            }
            switch (type) {
                case "PaperTallyEntered" -> {
                    pending = entry("ENTERED", p, "enteredBy", null);
                    history.add(pending);
                    state = State.ENTERED;
                }
                case "PaperTallyMismatched" -> {
                    against = entry("MISMATCHED", p, "enteredBy", null);
                    history.add(against);
                    differing = p.get("differingActions") instanceof List<?> l
                            ? l.stream()
                                    .filter(Number.class::isInstance)
                                    .map(n -> ((Number) n).intValue())
                                    .toList()
                            : List.of();
                    state = State.MISMATCHED;
                }
                case "PaperTallyCorrected" -> {
                    pending = entry("CORRECTED", p, "correctedBy", String.valueOf(p.get("reason")));
                    history.add(pending);
                    against = null;
                    differing = List.of();
                    state = State.ENTERED;
                }
                case "PaperTallyConfirmed" -> {
                    history.add(new Entry(
                            "CONFIRMED",
                            String.valueOf(p.get("entryId")),
                            String.valueOf(p.get("confirmedBy")),
                            Map.of(),
                            null));
                    state = State.CONFIRMED;
                }
                default -> {
                    // PaperTallyRecorded: after a confirmation it repeats the confirmed figures
                    if (state == null) {
                        pending = entry("RECORDED", p, null, null);
                        history.add(pending);
                        state = State.RECORDED;
                    }
                }
            }
        }

        private static Entry entry(String kind, Map<String, Object> p, String byField, String reason) {
            Map<Integer, Integer> votes = new TreeMap<>();
            if (p.get("votes") instanceof List<?> list) {
                for (Object v : list) {
                    if (v instanceof Map<?, ?> m
                            && m.get("actionNumber") instanceof Number n
                            && m.get("votes") instanceof Number count) {
                        votes.put(n.intValue(), count.intValue());
                    }
                }
            }
            return new Entry(
                    kind,
                    String.valueOf(p.get("entryId")),
                    byField == null ? null : String.valueOf(p.get(byField)),
                    votes,
                    reason);
        }

        Desk build() {
            return new Desk(
                    deskId,
                    deskName == null ? deskId : deskName,
                    state,
                    pending,
                    against,
                    differing,
                    List.copyOf(history));
        }
    }
}
