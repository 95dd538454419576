package org.conventionledger.query.organisation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.conventionledger.query.platform.Absorbing;
import org.conventionledger.query.platform.LogPosition;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The sessions of one convention, as stored: each session with every member's current presence (a
 * correction replaces the presence), its payments, the expense claims with their status, and the
 * members' seating and departure dates, which say who was expected at a session. Amounts are euros as
 * decimal strings ({@link Euros}), dates ISO strings.
 */
@Document("session_books")
public class SessionBook implements Absorbing {

    @Id
    String conventionId;

    @Version
    Long version;

    LogPosition absorbed;

    String indemnityPerSession;
    List<Enrolment> members = new ArrayList<>();
    List<Session> sessions = new ArrayList<>();
    List<Claim> claims = new ArrayList<>();

    /** A member's assembly and when they sat; {@code leftOn} once they withdrew or lost membership. */
    public static class Enrolment {
        String memberId;
        String assembly;
        String seatedOn;
        String leftOn;
    }

    public static class Session {
        String sessionId;
        int number;
        String kind;
        String assembly;
        String startsOn;
        String endsOn;
        String closedOn;
        List<Attendance> attendance = new ArrayList<>();
        int corrections;
        List<Payment> payments = new ArrayList<>();

        Optional<Attendance> attendanceOf(String memberId) {
            return attendance.stream().filter(a -> a.memberId.equals(memberId)).findFirst();
        }
    }

    public static class Attendance {
        String memberId;
        String presence;
    }

    public static class Payment {
        String paidOn;
        List<String> memberIds = new ArrayList<>();
        String total;
    }

    /** An expense claim: PENDING, then APPROVED or REJECTED (with the reason). */
    public static class Claim {
        String claimId;
        String sessionId;
        String memberId;
        String kind;
        String amount;
        String status;
        String reason;
    }

    static SessionBook of(String conventionId) {
        SessionBook book = new SessionBook();
        book.conventionId = conventionId;
        return book;
    }

    Session session(String sessionId) {
        return findSession(sessionId)
                .orElseThrow(
                        () -> new IllegalStateException("Convention " + conventionId + " has no session " + sessionId));
    }

    Optional<Session> findSession(String sessionId) {
        return sessions.stream().filter(s -> s.sessionId.equals(sessionId)).findFirst();
    }

    Enrolment member(String memberId) {
        return members.stream()
                .filter(m -> m.memberId.equals(memberId))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalStateException("Convention " + conventionId + " has no member " + memberId));
    }

    Claim claim(String claimId) {
        return claims.stream()
                .filter(c -> c.claimId.equals(claimId))
                .findFirst()
                .orElseThrow(() ->
                        new IllegalStateException("Convention " + conventionId + " has no expense claim " + claimId));
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
