package org.conventionledger.query.oversight;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What happened to one pseudonymous person, from the garants' trail: the summary of their way through
 * the draw (lists, draw, invitation, answer, volunteer profile, lottery chance, panel, seat, departure)
 * and the events concerning them in log order, each with a payload excerpt. Pure: it reads only the
 * events it is given (found by {@link Subjects}).
 *
 * <p>Excerpts show what concerns the person and never sealed data: an event about many people
 * (a batch of a source list, a draw, the lottery, the panel, a payment) is reduced to the person's own
 * part and counts; any sealed value ({@code {personId, ciphertext}}) is shown as {@value #SEALED}.
 */
final class PersonTrail {

    static final String SEALED = "[sealed]";

    /** Where the person stands, from the last event that moved them on. */
    enum Status {
        LISTED,
        DRAWN,
        INVITED,
        ACCEPTED,
        DECLINED,
        NO_ANSWER,
        VOLUNTEER,
        SELECTED,
        RESERVE,
        CALLED_FROM_RESERVE,
        SEATED,
        WITHDREW,
        MEMBERSHIP_LOST
    }

    /** Where the panel draw left the person; null before their convention's panel was drawn. */
    enum Panel {
        SELECTED,
        RESERVE,
        NOT_SELECTED
    }

    /**
     * @param lists                the source lists the person is on, in log order
     * @param drawnFrom            the list they were drawn from, if drawn
     * @param answer               ACCEPTED, DECLINED or NO_ANSWER, the last one recorded
     * @param selectionProbability their chance under the published panel lottery
     * @param reservePosition      their place in the reserve (1 first), when {@code panel} is RESERVE
     * @param replacementFor       the member they were called from the reserve to replace
     * @param erased               their personal data was erased (key deleted)
     */
    public record Summary(
            List<String> lists,
            String drawnFrom,
            String invitationId,
            String answer,
            boolean volunteer,
            Double selectionProbability,
            Panel panel,
            Integer reservePosition,
            String replacementFor,
            String memberId,
            Status status,
            boolean erased) {}

    /** One event concerning the person; {@code payload} is an excerpt of the event's payload. */
    public record Entry(
            long position, String type, Instant recordedAt, AuditEvent.Actor actor, Map<String, Object> payload) {}

    public record View(String personId, Summary summary, List<Entry> events, boolean truncated) {}

    private PersonTrail() {}

    /**
     * @param personId         the pseudonymous person id
     * @param events           every event concerning the person or one of their keys, in log order
     * @param keys             the person's {@link Subjects} keys (person, invitations, member ids, claims)
     * @param panelsDrawnIn    the conventions whose panel has been drawn (to tell NOT_SELECTED from not yet)
     * @param truncated        whether {@code events} was cut short
     */
    static View of(
            String personId,
            List<AuditEvent> events,
            Collection<String> keys,
            Set<String> panelsDrawnIn,
            boolean truncated) {
        Set<String> lists = new LinkedHashSet<>();
        String drawnFrom = null;
        String invitationId = null;
        String answer = null;
        boolean volunteer = false;
        Double probability = null;
        Panel panel = null;
        Integer reservePosition = null;
        String replacementFor = null;
        String memberId = null;
        Status status = null;
        boolean erased = false;
        String conventionId = null;
        List<Entry> entries = new ArrayList<>();
        for (AuditEvent event : events) {
            Map<String, Object> p = event.payload() == null ? Map.of() : event.payload();
            String c = text(p.get("conventionId"));
            Map<String, Object> excerpt = null;
            switch (event.type() == null ? "" : event.type()) {
                case "ResidentsListed" -> {
                    if (containsPerson(p.get("residents"), personId)) {
                        lists.add(text(p.get("listId")));
                        status = Status.LISTED;
                    }
                    excerpt = excerpt(p, "conventionId", "listId", "batch");
                    excerpt.put("residents", size(p.get("residents")));
                }
                case "ResidentsDrawn" -> {
                    Map<?, ?> drawn = find(p.get("drawn"), "personId", personId);
                    excerpt = excerpt(p, "conventionId", "drawId", "algorithm");
                    if (drawn != null) {
                        drawnFrom = text(drawn.get("listId"));
                        status = Status.DRAWN;
                        excerpt.put("listId", drawnFrom);
                    }
                    excerpt.put("drawn", size(p.get("drawn")));
                }
                case "InvitationSent" -> {
                    if (personId.equals(p.get("residentRef"))) {
                        invitationId = text(p.get("invitationId"));
                        conventionId = c;
                        status = Status.INVITED;
                    }
                }
                case "InvitationAnswered" -> {
                    if (keys.contains(Subjects.invitation(c, text(p.get("invitationId"))))) {
                        answer = text(p.get("answer"));
                        status = statusOf(answer, status);
                    }
                }
                case "VolunteerRegistered" -> {
                    if (personId.equals(p.get("personId"))) {
                        volunteer = true;
                        status = Status.VOLUNTEER;
                    }
                }
                case "PanelLotteryComputed" -> {
                    Map<?, ?> chance = find(p.get("chances"), "personId", personId);
                    excerpt = excerpt(p, "conventionId", "selectionId", "algorithm", "minProbability");
                    if (chance != null) {
                        probability = number(chance.get("probability"));
                        excerpt.put("probability", probability);
                    }
                    excerpt.put("volunteers", size(p.get("chances")));
                    excerpt.put("panels", size(p.get("panels")));
                }
                case "PanelDrawn" -> {
                    excerpt = excerpt(p, "conventionId", "selectionId", "panelIndex");
                    List<?> selected = p.get("selected") instanceof List<?> l ? l : List.of();
                    List<?> reserve = p.get("reserve") instanceof List<?> l ? l : List.of();
                    if (selected.contains(personId)) {
                        panel = Panel.SELECTED;
                        reservePosition = null;
                        status = Status.SELECTED;
                    } else if (reserve.contains(personId)) {
                        panel = Panel.RESERVE;
                        reservePosition = reserve.indexOf(personId) + 1;
                        status = Status.RESERVE;
                    }
                    excerpt.put("outcome", panel);
                    excerpt.put("reservePosition", reservePosition);
                    excerpt.put("selected", selected.size());
                    excerpt.put("reserve", reserve.size());
                }
                case "ReplacementCalled" -> {
                    if (personId.equals(p.get("personId"))) {
                        replacementFor = text(p.get("replacedMemberId"));
                        status = Status.CALLED_FROM_RESERVE;
                    }
                }
                case "MemberSeated" -> {
                    if (keys.contains(Subjects.invitation(c, text(p.get("invitationId"))))) {
                        memberId = text(p.get("memberId"));
                        status = Status.SEATED;
                    }
                }
                case "MemberWithdrew" -> {
                    if (keys.contains(Subjects.member(c, text(p.get("memberId"))))) {
                        status = Status.WITHDREW;
                    }
                }
                case "MembershipLost" -> {
                    if (keys.contains(Subjects.member(c, text(p.get("memberId"))))) {
                        status = Status.MEMBERSHIP_LOST;
                    }
                }
                case "PersonalDataErased" -> erased |= personId.equals(p.get("personId"));
                case "PersonalDataRead" -> {
                    excerpt = excerpt(p, "conventionId", "purpose");
                    excerpt.put("people", size(p.get("personIds")));
                }
                case "IndemnitiesPaid" -> {
                    excerpt = excerpt(p, "conventionId", "sessionId", "paidOn");
                    excerpt.put("members", size(p.get("memberIds")));
                }
                default -> {
                    // the payload as it is, sealed values aside
                }
            }
            if (conventionId == null) {
                conventionId = c;
            }
            entries.add(new Entry(
                    event.position(),
                    event.type(),
                    event.recordedAt(),
                    event.actor(),
                    excerpt != null ? excerpt : scrubbed(p)));
        }
        if (panel == null && conventionId != null && panelsDrawnIn.contains(conventionId)) {
            panel = Panel.NOT_SELECTED;
        }
        Summary summary = new Summary(
                List.copyOf(lists),
                drawnFrom,
                invitationId,
                answer,
                volunteer,
                probability,
                panel,
                reservePosition,
                replacementFor,
                memberId,
                status,
                erased);
        return new View(personId, summary, entries, truncated);
    }

    private static Status statusOf(String answer, Status current) {
        if (answer == null) {
            return current;
        }
        return switch (answer) {
            case "ACCEPTED" -> Status.ACCEPTED;
            case "DECLINED" -> Status.DECLINED;
            case "NO_ANSWER" -> Status.NO_ANSWER;
            default -> current;
        };
    }

    /** The payload with every sealed value ({@code {personId, ciphertext}}) replaced by {@value #SEALED}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> scrubbed(Map<String, ?> payload) {
        return (Map<String, Object>) scrub(payload);
    }

    private static Object scrub(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.containsKey("ciphertext")) {
                return SEALED;
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), scrub(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PersonTrail::scrub).toList();
        }
        return value;
    }

    private static Map<String, Object> excerpt(Map<String, Object> payload, String... fields) {
        Map<String, Object> excerpt = new LinkedHashMap<>();
        for (String field : fields) {
            excerpt.put(field, scrub(payload.get(field)));
        }
        return excerpt;
    }

    private static boolean containsPerson(Object items, String personId) {
        return find(items, "personId", personId) != null;
    }

    private static Map<?, ?> find(Object items, String field, String value) {
        if (items instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map && value.equals(map.get(field))) {
                    return map;
                }
            }
        }
        return null;
    }

    private static int size(Object items) {
        return items instanceof Collection<?> c ? c.size() : 0;
    }

    /** A number as the read store gives it back (a number, or the text a BigDecimal is kept as). */
    static Double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return value == null ? null : new BigDecimal(value.toString()).doubleValue();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
