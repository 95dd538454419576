package org.conventionledger.query.deliberation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.conventionledger.events.deliberation.JudgmentCast;
import org.conventionledger.events.deliberation.JudgmentVoteClosed;
import org.conventionledger.events.deliberation.JudgmentVoteOpened;
import org.conventionledger.events.deliberation.RankedOption;
import org.conventionledger.events.deliberation.VoteOption;
import org.conventionledger.query.platform.DocumentProjection;
import org.conventionledger.query.platform.ProcessingConfiguration;
import org.conventionledger.query.platform.Projections;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Sums each {@code JudgmentCast} into the merit profiles of its {@link JudgmentVote} (each event once)
 * and records the result the closing event carries. A judgment that does not fit the vote (not one
 * grade per option, or a grade off the scale) fails its batch rather than being skipped or miscounted.
 */
@Component
@ProcessingGroup(ProcessingConfiguration.DELIBERATION)
class JudgmentVoteProjection extends DocumentProjection<JudgmentVote> {

    JudgmentVoteProjection(Projections projections, MongoTemplate mongo) {
        super(projections, mongo, JudgmentVote.class, "Judgment vote %s was not opened (yet) on the read side");
    }

    @EventHandler
    void on(JudgmentVoteOpened event, EventMessage<?> message, TrackingToken token) {
        projections.absorb(
                JudgmentVote.class,
                event.voteId(),
                message,
                token,
                () -> {
                    JudgmentVote vote = new JudgmentVote();
                    vote.voteId = event.voteId();
                    return vote;
                },
                v -> {
                    v.conventionId = event.conventionId();
                    v.purpose = event.purpose() == null ? null : event.purpose().name();
                    v.assembly =
                            event.assembly() == null ? null : event.assembly().name();
                    v.status = JudgmentVote.Status.OPEN;
                    v.grades = new ArrayList<>(event.grades());
                    v.seats = event.seats();
                    v.options = new ArrayList<>();
                    for (VoteOption option : event.options()) {
                        JudgmentVote.Option o = new JudgmentVote.Option();
                        o.optionId = option.optionId();
                        o.label = option.label();
                        o.tally = new ArrayList<>(
                                Collections.nCopies(event.grades().size(), 0L));
                        v.options.add(o);
                    }
                });
    }

    @EventHandler
    void on(JudgmentCast event, EventMessage<?> message, TrackingToken token) {
        update(event.voteId(), message, token, v -> {
            List<Integer> grades = event.grades();
            if (grades == null || grades.size() != v.options.size()) {
                throw new IllegalStateException("A judgment on vote " + v.voteId + " grades "
                        + (grades == null ? 0 : grades.size()) + " options; the vote has " + v.options.size());
            }
            for (Integer grade : grades) {
                if (grade == null || grade < 0 || grade >= v.grades.size()) {
                    throw new IllegalStateException("Grade " + grade + " is not on the scale of vote " + v.voteId);
                }
            }
            for (int i = 0; i < grades.size(); i++) {
                List<Long> tally = v.options.get(i).tally;
                int grade = grades.get(i);
                tally.set(grade, tally.get(grade) + 1);
            }
            v.judgments++;
        });
    }

    @EventHandler
    void on(JudgmentVoteClosed event, EventMessage<?> message, TrackingToken token) {
        update(event.voteId(), message, token, v -> {
            v.status = JudgmentVote.Status.CLOSED;
            v.judgments = event.judgments();
            v.ranking = new ArrayList<>();
            for (RankedOption ranked : event.ranking()) {
                JudgmentVote.Ranked r = new JudgmentVote.Ranked();
                r.optionId = ranked.optionId();
                r.label = ranked.label();
                r.rank = ranked.rank();
                r.medianGrade = ranked.medianGrade();
                v.ranking.add(r);
            }
            v.chosen = event.chosen() == null ? new ArrayList<>() : new ArrayList<>(event.chosen());
        });
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(JudgmentVote.class);
    }
}
