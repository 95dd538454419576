package org.conventionledger.query.evaluation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The evaluation of a convention's process, composed from the read side's existing views (no projection
 * of its own). Rates are shares between 0 and 1 with three decimals; delays are days with two decimals.
 * A section whose source has not been projected yet is null. {@code sources} names each figure's source.
 *
 * @param consultationParticipation the consultation's figures; null when no call was opened, and
 *                                  {@code consultationNote} says so
 */
public record EvaluationView(
        String conventionId,
        String title,
        String city,
        Attrition attrition,
        Attendance attendance,
        DraftToFinal draftToFinal,
        Map<String, ObjectionFigures> objectionsByCategory,
        ObjectionFigures objections,
        ConsultationParticipation consultationParticipation,
        String consultationNote,
        List<VotationTurnout> turnout,
        Map<String, String> sources) {

    /**
     * The residents' consultation: calls, proposals (submitted, hidden by moderation), current votes and
     * changes of vote, arguments, and distinct residents taking part (any way, proposing, voting, arguing).
     */
    public record ConsultationParticipation(
            long calls,
            long proposals,
            long proposalsHidden,
            long votes,
            long voteChanges,
            long arguments,
            long residents,
            long proposers,
            long voters,
            long arguers) {}

    /**
     * Members seated over the convention and those who left since ({@code left} = {@code withdrawn} +
     * {@code lost}); {@code rate}: left / seated.
     */
    public record Attrition(
            long seated,
            long active,
            long left,
            long withdrawn,
            long lost,
            BigDecimal rate,
            Map<String, Long> withdrawnByReason,
            List<ProfileAttrition> byProfile) {}

    /** Per value of the volunteers' profile: members seated with it, those of them who left, the share. */
    public record ProfileAttrition(String category, String value, long seated, long left, BigDecimal rate) {}

    /** Attendance per session and overall: present / expected over the sessions where someone was expected. */
    public record Attendance(
            List<SessionAttendance> sessions,
            long expected,
            long present,
            long excused,
            long absent,
            long notRecorded,
            BigDecimal rate) {}

    public record SessionAttendance(
            String sessionId,
            int number,
            String kind,
            String assembly,
            LocalDate startsOn,
            boolean closed,
            long expected,
            long present,
            long excused,
            long absent,
            long notRecorded,
            BigDecimal rate) {}

    /**
     * Per action, the days from its first draft to its finalisation (recording times); median and max
     * over the finalised actions, null while none is.
     */
    public record DraftToFinal(
            List<ActionDelay> actions, long drafted, long finalised, BigDecimal medianDays, BigDecimal maxDays) {}

    /** {@code finalisedAt} and {@code days}: null while the action is not final. */
    public record ActionDelay(
            String actionId,
            int number,
            String title,
            String stage,
            Instant draftedAt,
            Instant finalisedAt,
            BigDecimal days) {}

    /** Objections raised, and what became of them: lifted by an amendment, withdrawn, or still open. */
    public record ObjectionFigures(long raised, long lifted, long withdrawn, long open) {}

    /**
     * One votation's turnout by channel; {@code onlineShare}: online votes / all votes, null without
     * votes; {@code byDay}: per day (UTC), null when the trail has no ballot nor tally of it yet.
     */
    public record VotationTurnout(
            String votationId,
            String title,
            String status,
            long paperVotes,
            long onlineVotes,
            long totalVotes,
            long onlineBallots,
            long desksTallied,
            long paperBallots,
            BigDecimal onlineShare,
            List<DayTurnout> byDay) {}

    /**
     * Online ballots and votes by the day they were recorded; paper votes and desks by the day the desk
     * counted them ({@code countedAt}, the business time of the tally); paper ballots recorded one by one
     * (and their votes, in {@code paperVotes}) by the day they were recorded.
     */
    public record DayTurnout(
            LocalDate day,
            long onlineBallots,
            long onlineVotes,
            long paperVotes,
            long desksTallied,
            long paperBallots) {}
}
