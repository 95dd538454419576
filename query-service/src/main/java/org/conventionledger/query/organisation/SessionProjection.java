package org.conventionledger.query.organisation;

import java.time.LocalDate;
import java.util.ArrayList;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.conventionledger.events.organisation.AttendanceCorrected;
import org.conventionledger.events.organisation.AttendanceRecorded;
import org.conventionledger.events.organisation.ConventionOpened;
import org.conventionledger.events.organisation.ExpenseApproved;
import org.conventionledger.events.organisation.ExpenseClaimed;
import org.conventionledger.events.organisation.ExpenseRejected;
import org.conventionledger.events.organisation.IndemnitiesPaid;
import org.conventionledger.events.organisation.Presence;
import org.conventionledger.events.organisation.SessionClosed;
import org.conventionledger.events.organisation.SessionScheduled;
import org.conventionledger.events.recruitment.MemberSeated;
import org.conventionledger.events.recruitment.MemberWithdrew;
import org.conventionledger.events.recruitment.MembershipLost;
import org.conventionledger.query.platform.DocumentProjection;
import org.conventionledger.query.platform.ProcessingConfiguration;
import org.conventionledger.query.platform.Projections;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps each convention's {@link SessionBook}, absorbing each event exactly once. The "recruitment"
 * processor sequences by convention, so a session is scheduled before its attendance and a claim made
 * before its decision; an event about an unknown session, claim or member fails its batch.
 */
@Component
@ProcessingGroup(ProcessingConfiguration.RECRUITMENT)
class SessionProjection extends DocumentProjection<SessionBook> {

    SessionProjection(Projections projections, MongoTemplate mongo) {
        super(projections, mongo, SessionBook.class, SessionBook::of);
    }

    @EventHandler
    void on(ConventionOpened event, EventMessage<?> message, TrackingToken token) {
        update(
                event,
                message,
                token,
                b -> b.indemnityPerSession = event.mandate() == null
                        ? null
                        : Euros.stored(event.mandate().indemnityPerSession()));
    }

    @EventHandler
    void on(MemberSeated event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, b -> {
            SessionBook.Enrolment member = new SessionBook.Enrolment();
            member.memberId = event.memberId();
            member.assembly = event.assembly().name();
            member.seatedOn = iso(event.seatedOn());
            b.members.add(member);
        });
    }

    @EventHandler
    void on(MemberWithdrew event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, b -> b.member(event.memberId()).leftOn = iso(event.withdrewOn()));
    }

    @EventHandler
    void on(MembershipLost event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, b -> b.member(event.memberId()).leftOn = iso(event.lostOn()));
    }

    @EventHandler
    void on(SessionScheduled event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, b -> {
            SessionBook.Session session = new SessionBook.Session();
            session.sessionId = event.sessionId();
            session.number = event.number();
            session.kind = event.kind().name();
            session.assembly =
                    event.assembly() == null ? null : event.assembly().name();
            session.startsOn = iso(event.startsOn());
            session.endsOn = iso(event.endsOn());
            b.sessions.add(session);
        });
    }

    @EventHandler
    void on(AttendanceRecorded event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, b -> present(b.session(event.sessionId()), event.memberId(), event.presence()));
    }

    /** The correction replaces the presence; the log keeps both, the view counts corrections. */
    @EventHandler
    void on(AttendanceCorrected event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, b -> {
            SessionBook.Session session = b.session(event.sessionId());
            present(session, event.memberId(), event.presence());
            session.corrections++;
        });
    }

    @EventHandler
    void on(SessionClosed event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, b -> b.session(event.sessionId()).closedOn = iso(event.closedOn()));
    }

    @EventHandler
    void on(ExpenseClaimed event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, b -> {
            SessionBook.Claim claim = new SessionBook.Claim();
            claim.claimId = event.claimId();
            claim.sessionId = event.sessionId();
            claim.memberId = event.memberId();
            claim.kind = event.kind().name();
            claim.amount = Euros.stored(event.amount());
            claim.status = "PENDING";
            b.claims.add(claim);
        });
    }

    @EventHandler
    void on(ExpenseApproved event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, b -> b.claim(event.claimId()).status = "APPROVED");
    }

    @EventHandler
    void on(ExpenseRejected event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, b -> {
            SessionBook.Claim claim = b.claim(event.claimId());
            claim.status = "REJECTED";
            claim.reason = event.reason();
        });
    }

    @EventHandler
    void on(IndemnitiesPaid event, EventMessage<?> message, TrackingToken token) {
        update(event, message, token, b -> {
            SessionBook.Payment payment = new SessionBook.Payment();
            payment.paidOn = iso(event.paidOn());
            payment.memberIds = new ArrayList<>(event.memberIds());
            payment.total = Euros.stored(event.total());
            b.session(event.sessionId()).payments.add(payment);
        });
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(SessionBook.class);
    }

    private static void present(SessionBook.Session session, String memberId, Presence presence) {
        SessionBook.Attendance attendance = session.attendanceOf(memberId).orElseGet(() -> {
            SessionBook.Attendance added = new SessionBook.Attendance();
            added.memberId = memberId;
            session.attendance.add(added);
            return added;
        });
        attendance.presence = presence.name();
    }

    private static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
