package org.conventionledger.query.oversight;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whom an event of the log concerns, read from its payload alone (pure: no store, no clock), so that the
 * garants' trail can be searched by person with an indexed query on {@link AuditEvent#subjects()}.
 *
 * <p>A subject is a key:
 * <ul>
 *   <li>{@code person:<personId>}: a pseudonymous resident ({@code personId}, {@code personIds},
 *   {@code residentRef}, and the person ids of {@code PanelDrawn.selected}/{@code reserve}), anywhere in
 *   the payload, nested objects and lists included ({@code ResidentsListed.residents[].personId},
 *   {@code ResidentsDrawn.drawn[].personId}, {@code PanelLotteryComputed.chances[]}…);</li>
 *   <li>{@code invitation:<conventionId>/<invitationId>}: an invitation, numbered per convention;</li>
 *   <li>{@code member:<conventionId>/<memberId>}: a seated member ({@code memberId}, {@code memberIds},
 *   {@code replacedMemberId}, {@code fromMemberId}, {@code toMemberId}, and the participants of consent
 *   rounds, who may be member ids: {@code participants}, {@code raisedBy}, {@code askedBy},
 *   {@code proposedBy});</li>
 *   <li>{@code claim:<conventionId>/<claimId>}: an expense claim, which its approval or rejection names alone.</li>
 * </ul>
 * The keys of a person's other identities in one convention (invitation, member id, claims) are linked
 * by the events that introduce them, see {@link #aliases}: an invitation sent to a person, a volunteer
 * registering for an invitation, a member seated on an invitation, a claim made by a member.
 */
public final class Subjects {

    static final String PERSON = "person:";
    static final String INVITATION = "invitation:";
    static final String MEMBER = "member:";
    static final String CLAIM = "claim:";

    private static final Set<String> PERSON_FIELDS = Set.of("personId", "personIds", "residentRef");
    private static final Set<String> MEMBER_FIELDS = Set.of(
            "memberId",
            "memberIds",
            "replacedMemberId",
            "fromMemberId",
            "toMemberId",
            "participants",
            "raisedBy",
            "askedBy",
            "proposedBy");
    private static final Set<String> INVITATION_FIELDS = Set.of("invitationId");
    private static final Set<String> CLAIM_FIELDS = Set.of("claimId");

    private Subjects() {}

    public static String person(String personId) {
        return PERSON + personId;
    }

    public static String invitation(String conventionId, String invitationId) {
        return INVITATION + nullToEmpty(conventionId) + "/" + invitationId;
    }

    public static String member(String conventionId, String memberId) {
        return MEMBER + nullToEmpty(conventionId) + "/" + memberId;
    }

    public static String claim(String conventionId, String claimId) {
        return CLAIM + nullToEmpty(conventionId) + "/" + claimId;
    }

    /** The subjects of an event of simple type {@code type}, sorted and distinct; empty when it concerns no one. */
    public static List<String> of(String type, Map<String, ?> payload) {
        if (payload == null) {
            return List.of();
        }
        String conventionId = text(payload.get("conventionId"));
        Set<String> keys = new TreeSet<>();
        collect(conventionId, payload, keys);
        if ("PanelDrawn".equals(type)) {
            strings(payload.get("selected")).forEach(p -> keys.add(person(p)));
            strings(payload.get("reserve")).forEach(p -> keys.add(person(p)));
        }
        return List.copyOf(keys);
    }

    /**
     * The keys that, in this event, stand for the same person as one of {@code known}: the event links a
     * person to their invitation, an invitation to its volunteer or member, a member to their claim. Other
     * people the event names (the member a replacement replaces, the other volunteers of a lottery) are not
     * aliases. Never contains a key of {@code known}.
     */
    public static Set<String> aliases(String type, Map<String, ?> payload, Collection<String> known) {
        if (payload == null || type == null) {
            return Set.of();
        }
        String c = text(payload.get("conventionId"));
        List<Set<String>> identities = new ArrayList<>();
        switch (type) {
            case "InvitationSent" ->
                identities.add(
                        identity(personKey(payload.get("residentRef")), invitationKey(c, payload.get("invitationId"))));
            case "VolunteerRegistered", "ReplacementCalled" ->
                identities.add(
                        identity(personKey(payload.get("personId")), invitationKey(c, payload.get("invitationId"))));
            case "PanelLotteryComputed" -> {
                for (Object chance : list(payload.get("chances"))) {
                    if (chance instanceof Map<?, ?> m) {
                        identities.add(identity(personKey(m.get("personId")), invitationKey(c, m.get("invitationId"))));
                    }
                }
            }
            case "MemberSeated" ->
                identities.add(
                        identity(invitationKey(c, payload.get("invitationId")), memberKey(c, payload.get("memberId"))));
            case "ExpenseClaimed" ->
                identities.add(identity(memberKey(c, payload.get("memberId")), claimKey(c, payload.get("claimId"))));
            default -> {
                // no other event introduces an identity
            }
        }
        Set<String> aliases = new LinkedHashSet<>();
        for (Set<String> identity : identities) {
            if (identity.size() > 1 && identity.stream().anyMatch(known::contains)) {
                identity.stream().filter(k -> !known.contains(k)).forEach(aliases::add);
            }
        }
        return aliases;
    }

    private static void collect(String conventionId, Map<?, ?> object, Set<String> keys) {
        for (Map.Entry<?, ?> field : object.entrySet()) {
            String name = String.valueOf(field.getKey());
            Object value = field.getValue();
            if (PERSON_FIELDS.contains(name)) {
                strings(value).forEach(p -> keys.add(person(p)));
            } else if (MEMBER_FIELDS.contains(name)) {
                strings(value).forEach(m -> keys.add(member(conventionId, m)));
            } else if (INVITATION_FIELDS.contains(name)) {
                strings(value).forEach(i -> keys.add(invitation(conventionId, i)));
            } else if (CLAIM_FIELDS.contains(name)) {
                strings(value).forEach(i -> keys.add(claim(conventionId, i)));
            }
            if (value instanceof Map<?, ?> nested) {
                collect(conventionId, nested, keys);
            } else if (value instanceof Collection<?> items) {
                for (Object item : items) {
                    if (item instanceof Map<?, ?> nested) {
                        collect(conventionId, nested, keys);
                    }
                }
            }
        }
    }

    /** A text value, or each text of a list; blanks are no one. */
    private static List<String> strings(Object value) {
        List<String> strings = new ArrayList<>();
        if (value instanceof String s) {
            if (!s.isBlank()) {
                strings.add(s);
            }
        } else if (value instanceof Collection<?> items) {
            for (Object item : items) {
                if (item instanceof String s && !s.isBlank()) {
                    strings.add(s);
                }
            }
        }
        return strings;
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    /** The keys of one identity, those of absent ids left out. */
    private static Set<String> identity(String... keys) {
        Set<String> identity = new LinkedHashSet<>();
        for (String key : keys) {
            if (key != null) {
                identity.add(key);
            }
        }
        return identity;
    }

    private static String personKey(Object id) {
        return blank(id) ? null : person(id.toString());
    }

    private static String invitationKey(String conventionId, Object id) {
        return blank(id) ? null : invitation(conventionId, id.toString());
    }

    private static String memberKey(String conventionId, Object id) {
        return blank(id) ? null : member(conventionId, id.toString());
    }

    private static String claimKey(String conventionId, Object id) {
        return blank(id) ? null : claim(conventionId, id.toString());
    }

    private static boolean blank(Object id) {
        return !(id instanceof String s) || s.isBlank();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
