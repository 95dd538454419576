package org.conventionledger.query.consultation;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One resident's current vote on one proposal, keyed by (proposal, resident pseudonym): the side
 * record that makes vote changes and re-deliveries harmless. Writing it is idempotent (the same event
 * sets the same values), and an older vote never overwrites a newer one ({@code index}: the global
 * index of the vote it holds). Participation (distinct voters and arguers) is counted from it.
 */
@Document("consultation_stances")
public class ResidentStance {

    @Id
    String id;

    @Indexed
    String conventionId;

    @Indexed
    String callId;

    String proposalId;
    String voterPseudonym;
    String stance;
    /** The global index of the vote this record holds. */
    long index;
    /** The resident posted at least one argument on the proposal. */
    boolean argued;

    static String idOf(String proposalId, String voterPseudonym) {
        return proposalId + "|" + voterPseudonym;
    }
}
