package org.conventionledger.query.deliberation;

import org.conventionledger.events.deliberation.ObjectionCategory;

/** An objection to an action sheet or to a question, as stored on its history. */
public class Objection {

    public enum Status {
        OPEN,
        LIFTED,
        WITHDRAWN
    }

    String objectionId;
    /** The action's round open when it was raised; {@code null} if none was, and for a question's. */
    String roundId;

    String category;
    String reason;
    String raisedBy;
    String competentBody;
    Status status;
    String amendment;
    /** The version of the revision that followed the lift. */
    Integer amendedVersion;

    String withdrawalReason;

    static Objection raised(
            String objectionId,
            String roundId,
            ObjectionCategory category,
            String reason,
            String raisedBy,
            String competentBody) {
        Objection objection = new Objection();
        objection.objectionId = objectionId;
        objection.roundId = roundId;
        objection.category = category == null ? null : category.name();
        objection.reason = reason;
        objection.raisedBy = raisedBy;
        objection.competentBody = competentBody;
        objection.status = Status.OPEN;
        return objection;
    }

    String statusName() {
        return status == null ? null : status.name();
    }
}
