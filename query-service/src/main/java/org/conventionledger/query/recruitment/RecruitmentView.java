package org.conventionledger.query.recruitment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The recruitment of a convention as the read API shows it: the funnel from the source lists to the
 * members still active, the panel against its quotas, seats per assembly, attrition and delegated
 * roles. Only pseudonymous ids: the organisers join names from the command side's personal-data export.
 */
public record RecruitmentView(
        String conventionId,
        Funnel funnel,
        List<SourceListFigures> sourceLists,
        LocalDate invitationsClosedOn,
        PanelFigures panel,
        List<AssemblySeats> assemblies,
        Attrition attrition,
        Map<String, Map<String, String>> delegatedRoles) {

    /** {@code listed}: distinct persons across the lists; {@code reminded}: invitations reminded at least once. */
    public record Funnel(
            long listed,
            long drawn,
            long invited,
            long reminded,
            long remindersSent,
            Answers answered,
            long volunteers,
            long selected,
            long replacementsCalled,
            long seated,
            long active) {}

    public record Answers(long accepted, long declined, long noAnswer) {}

    /** {@code frozenResidents}: the count the list was frozen with, null while it is open. */
    public record SourceListFigures(
            String listId,
            String name,
            String kind,
            Integer frozenResidents,
            long listed,
            long drawn,
            long invited,
            long volunteers,
            long seated) {}

    /** Null fields until the lottery is computed; {@code reserveRemaining}: reserve volunteers not called yet. */
    public record PanelFigures(
            String selectionId,
            int panelSize,
            String algorithm,
            Double minProbability,
            int reserveRemaining,
            List<QuotaFigures> quotas) {}

    /**
     * One quota: how many of the drawn panel and of the members still active have the value;
     * {@code outsideQuota} flags the active members out of [min, max], {@code panelOutsideQuota} the
     * drawn panel (which a correct lottery never gives).
     */
    public record QuotaFigures(
            String category,
            String value,
            int min,
            int max,
            long panel,
            long active,
            boolean panelOutsideQuota,
            boolean outsideQuota) {}

    /** {@code capacity}: null until the capacities are set. */
    public record AssemblySeats(String assembly, Integer capacity, long seated, long active) {}

    /**
     * {@code points}: active members after each day members were seated or left; {@code byProfile}: per
     * profile value, members seated and members gone since.
     */
    public record Attrition(
            List<Point> points,
            long withdrawn,
            long lost,
            Map<String, Long> withdrawnByReason,
            List<ProfileAttrition> byProfile) {}

    public record Point(LocalDate date, long active) {}

    public record ProfileAttrition(String category, String value, long seated, long left) {}
}
