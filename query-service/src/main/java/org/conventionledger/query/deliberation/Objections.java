package org.conventionledger.query.deliberation;

import java.util.List;

/**
 * A history that objections are raised on, an action sheet's or a question's: a lifted objection waits
 * for the next revision of the text, which is its amended version.
 */
interface Objections {

    List<Objection> objections();

    /** Objections lifted since the last revision. */
    List<String> awaitingAmendedVersion();

    /** "Action a-1", "Question q-1": what an event out of order names in its error. */
    String name();

    default Objection objection(String objectionId) {
        return objections().stream()
                .filter(o -> o.objectionId.equals(objectionId))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(name() + " has no objection " + objectionId));
    }

    default void objectionLifted(String objectionId, String amendment) {
        Objection objection = objection(objectionId);
        objection.status = Objection.Status.LIFTED;
        objection.amendment = amendment;
        awaitingAmendedVersion().add(objectionId);
    }

    default void objectionWithdrawn(String objectionId, String reason) {
        Objection objection = objection(objectionId);
        objection.status = Objection.Status.WITHDRAWN;
        objection.withdrawalReason = reason;
    }

    /** A new version of the text: the amended version of every objection lifted since the last one. */
    default void revised(int version) {
        for (String objectionId : awaitingAmendedVersion()) {
            objection(objectionId).amendedVersion = version;
        }
        awaitingAmendedVersion().clear();
    }
}
