package org.conventionledger.query.deliberation;

import java.util.ArrayList;
import java.util.List;
import org.conventionledger.query.platform.Absorbing;
import org.conventionledger.query.platform.LogPosition;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A majority-judgment vote of the members: its merit profiles so far and, once closed, its result. */
@Document("judgment_votes")
public class JudgmentVote implements Absorbing {

    @Id
    String voteId;

    @Version
    Long version;

    LogPosition absorbed;

    public enum Status {
        OPEN,
        CLOSED
    }

    String conventionId;
    String purpose;
    String assembly;
    Status status;
    /** The grade scale, worst first. */
    List<String> grades = new ArrayList<>();

    int seats;
    List<Option> options = new ArrayList<>();
    long judgments;
    List<Ranked> ranking = new ArrayList<>();
    List<String> chosen = new ArrayList<>();

    /** An option and its merit profile: how many judgments gave it each grade, worst first. */
    public static class Option {
        String optionId;
        String label;
        List<Long> tally = new ArrayList<>();
    }

    /** An option's place in the result, as the closing event gives it. */
    public static class Ranked {
        String optionId;
        String label;
        int rank;
        String medianGrade;
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
