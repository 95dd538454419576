package org.conventionledger.query.consultation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.conventionledger.events.consultation.Stance;
import org.conventionledger.query.platform.Absorbing;
import org.conventionledger.query.platform.LogPosition;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A proposal as stored: its text, moderation, the current votes on it per stance and its arguments.
 * The author's pseudonym is kept to count distinct participants and is never shown.
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
    List<Argument> arguments = new ArrayList<>();

    public static class Argument {
        String argumentId;
        String stance;
        String text;
        Instant postedAt;
        boolean hidden;
        String hiddenReason;
    }

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
