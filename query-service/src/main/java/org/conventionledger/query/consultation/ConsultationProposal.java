package org.conventionledger.query.consultation;

import java.time.Instant;
import org.conventionledger.events.consultation.Stance;
import org.conventionledger.query.platform.Absorbing;
import org.conventionledger.query.platform.LogPosition;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A proposal as stored: its text, moderation and the current votes on it per stance; its arguments are
 * documents of their own ({@link ConsultationArgument}). The author's pseudonym is kept to count
 * distinct participants and is never shown.
 */
@Document("consultation_proposals")
public class ConsultationProposal implements Absorbing {

    @Id
    String proposalId;

    @Version
    Long version;

    LogPosition absorbed;

    @Indexed
    String conventionId;

    @Indexed
    String callId;

    String authorPseudonym;
    String title;
    String text;
    Instant submittedAt;
    boolean hidden;
    String hiddenReason;
    long forVotes;
    long mixedVotes;
    long againstVotes;
    /** Votes that replaced an earlier vote of the same resident. */
    long voteChanges;

    void count(Stance stance, int delta) {
        if (stance == null) {
            return;
        }
        switch (stance) {
            case FOR -> forVotes += delta;
            case MIXED -> mixedVotes += delta;
            case AGAINST -> againstVotes += delta;
        }
    }

    long votes() {
        return forVotes + mixedVotes + againstVotes;
    }

    long netScore() {
        return forVotes - againstVotes;
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
