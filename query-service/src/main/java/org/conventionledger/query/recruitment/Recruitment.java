package org.conventionledger.query.recruitment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.conventionledger.query.platform.Absorbing;
import org.conventionledger.query.platform.LogPosition;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The recruitment of one convention, as stored. Wherever a later event can change what something
 * counts as (a member leaving, a reserve volunteer called, a role handed over) it keeps the state of
 * each volunteer, member and role rather than counters, and the figures are counted when read.
 * Everyone on the source lists and every invitation are kept apart ({@link ListedPerson},
 * {@link InvitationRecord}): a city's lists hold far more people than one document should. Ids from
 * outside (people, lists, profile categories) are stored as values, never as map keys, since a
 * MongoDB key cannot hold every character an id may. Dates are ISO strings.
 */
@Document("recruitments")
public class Recruitment implements Absorbing {

    @Id
    String conventionId;

    @Version
    Long version;

    LogPosition absorbed;

    List<String> transitions = new ArrayList<>();
    List<SourceList> lists = new ArrayList<>();
    /** Totals, which also count residents and invitations whose source list is not named. */
    long drawn;

    long invited;
    long remindersSent;
    long accepted;
    long declined;
    long noAnswer;
    String invitationsClosedOn;
    List<Volunteer> volunteers = new ArrayList<>();
    Panel panel;
    /** Seats per assembly, by transition name. */
    Map<String, Integer> capacities = new LinkedHashMap<>();

    List<Member> members = new ArrayList<>();
    List<RoleHolder> roles = new ArrayList<>();

    /** A source list and how many residents the draw and the invitations took from it. */
    public static class SourceList {
        String listId;
        String name;
        String kind;
        Integer frozenResidents;
        long drawn;
        long invited;
    }

    /** A volunteer's value of one quota category. */
    public static class Trait {
        String category;
        String value;
    }

    /** A resident who accepted and gave a profile; the sealed needs stay out. */
    public static class Volunteer {
        String personId;
        String invitationId;
        String sourceList;
        List<Trait> profile = new ArrayList<>();
    }

    /** The panel selection: its quotas, lottery, drawn panel and what is left of the reserve. */
    public static class Panel {
        String selectionId;
        int panelSize;
        List<Quota> quotas = new ArrayList<>();
        String algorithm;
        Double minProbability;
        List<String> selected = new ArrayList<>();
        /** Person ids still in reserve, in the order replacements are called. */
        List<String> reserve = new ArrayList<>();

        List<Replacement> replacements = new ArrayList<>();
    }

    public static class Quota {
        String category;
        String value;
        int min;
        int max;
    }

    public static class Replacement {
        String replacedMemberId;
        String personId;
        String invitationId;
    }

    /** A seated member; {@code leftOn} and {@code departure} (WITHDREW, LOST) once gone. */
    public static class Member {
        String memberId;
        String invitationId;
        String personId;
        String sourceList;
        String assembly;
        String seatedOn;
        String leftOn;
        String departure;
        String withdrawalReason;

        boolean active() {
            return leftOn == null;
        }
    }

    /** Who holds a delegated role of an assembly. */
    public static class RoleHolder {
        String assembly;
        String role;
        String memberId;
        String since;
    }

    static Recruitment of(String conventionId) {
        Recruitment recruitment = new Recruitment();
        recruitment.conventionId = conventionId;
        return recruitment;
    }

    /** The source list, added on first mention: a list may be drawn from before the read side saw it registered. */
    SourceList list(String listId) {
        return lists.stream().filter(l -> l.listId.equals(listId)).findFirst().orElseGet(() -> {
            SourceList list = new SourceList();
            list.listId = listId;
            lists.add(list);
            return list;
        });
    }

    Optional<Volunteer> volunteerOfInvitation(String invitationId) {
        return volunteers.stream()
                .filter(v -> v.invitationId.equals(invitationId))
                .findFirst();
    }

    /** The panel being selected; the lottery or the draw may only be known without their definition. */
    Panel panel() {
        if (panel == null) {
            panel = new Panel();
        }
        return panel;
    }

    Member member(String memberId) {
        return members.stream()
                .filter(m -> m.memberId.equals(memberId))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalStateException("Convention " + conventionId + " has no member " + memberId));
    }

    @Override
    public LogPosition absorbed() {
        return absorbed;
    }

    @Override
    public void absorbed(LogPosition position) {
        this.absorbed = position;
    }
}
