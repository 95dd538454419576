package org.conventionledger.command.recruitment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.events.recruitment.PanelDrawn;
import org.conventionledger.events.recruitment.PanelLotteryComputed;
import org.conventionledger.events.recruitment.PanelRecordRef;
import org.conventionledger.events.recruitment.PanelSelectionDefined;
import org.conventionledger.events.recruitment.QuotaRange;
import org.conventionledger.events.recruitment.SelectionChance;
import org.conventionledger.events.recruitment.VolunteerRegistered;
import org.conventionledger.rules.selection.Category;
import org.conventionledger.rules.selection.InfeasibleQuotas;
import org.conventionledger.rules.selection.LeximinSelection;
import org.conventionledger.rules.selection.LotteryRecord;
import org.conventionledger.rules.selection.PanelDraw;
import org.conventionledger.rules.selection.PanelLottery;
import org.conventionledger.rules.selection.Quotas;
import org.conventionledger.rules.selection.ValueQuota;
import org.conventionledger.rules.selection.Volunteer;
import org.conventionledger.rules.sortition.SeedCommitment;

/**
 * Between the log's records of a panel selection and the pure selection classes: builds the quotas and
 * the pool from the events, runs {@link LeximinSelection} and {@link PanelDraw}, and turns their results
 * back into events. The pool is the volunteers in the order they answered, as in the log.
 */
final class PanelLotteries {

    private PanelLotteries() {}

    /** A lottery ready to publish: the event and the record of its panels the event names (ADR-010). */
    record Published(PanelLotteryComputed event, byte[] record) {}

    static Published compute(String conventionId, PanelSelectionDefined selection, List<VolunteerRegistered> pool) {
        PanelLottery lottery;
        try {
            lottery = LeximinSelection.select(quotas(selection), volunteers(pool));
        } catch (InfeasibleQuotas infeasible) {
            throw RuleViolation.unprocessable("infeasible-quotas", infeasible.getMessage());
        } catch (IllegalArgumentException unusable) {
            throw RuleViolation.unprocessable("volunteer-profiles", unusable.getMessage());
        }
        return computed(conventionId, selection.selectionId(), lottery, pool);
    }

    /**
     * The event that publishes {@code lottery}, run on {@code pool} (pool indices back to the log's ids),
     * and the record of its panels, which refers to the volunteers by their place in the event's chances.
     */
    static Published computed(
            String conventionId, String selectionId, PanelLottery lottery, List<VolunteerRegistered> pool) {
        List<SelectionChance> chances = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            chances.add(new SelectionChance(
                    pool.get(i).personId(),
                    pool.get(i).invitationId(),
                    lottery.probabilities().get(i)));
        }
        byte[] record = LotteryRecord.encode(pool.size(), lottery.panelSize(), lottery.panels());
        PanelRecordRef ref = new PanelRecordRef(
                LotteryRecord.sha256(record),
                LotteryRecord.ENCODING,
                lottery.panels().size(),
                record.length);
        return new Published(
                new PanelLotteryComputed(
                        conventionId,
                        selectionId,
                        lottery.algorithm(),
                        lottery.minimumProbability(),
                        chances,
                        List.of(),
                        ref),
                record);
    }

    /**
     * Draws from the published lottery; {@code record} holds its panels (checked against the event's hash
     * by the caller), or is null for a lottery of revision 1, whose panels are in the event.
     */
    static PanelDrawn draw(
            String conventionId,
            PanelSelectionDefined selection,
            PanelLotteryComputed published,
            byte[] record,
            List<VolunteerRegistered> pool,
            String seed,
            String publicEntropy) {
        String randomness = SeedCommitment.drawRandomness(seed, publicEntropy);
        List<Volunteer> volunteers = volunteers(pool);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < volunteers.size(); i++) {
            index.put(volunteers.get(i).id(), i);
        }
        List<PanelLottery.Panel> panels = record != null
                ? LotteryRecord.decode(record).panels()
                : published.panels().stream()
                        .map(p -> new PanelLottery.Panel(
                                p.personIds().stream().map(index::get).sorted().toList(), p.probability()))
                        .toList();
        PanelLottery lottery = new PanelLottery(
                published.algorithm(),
                selection.panelSize(),
                panels,
                published.chances().stream().map(SelectionChance::probability).toList(),
                published.minProbability());
        int drawn = PanelDraw.drawIndex(lottery, randomness);
        List<String> reserve = PanelDraw.reserveOrder(volunteers, panels.get(drawn), randomness).stream()
                .map(i -> volunteers.get(i).id())
                .toList();
        return new PanelDrawn(
                conventionId,
                selection.selectionId(),
                seed,
                publicEntropy,
                drawn,
                panels.get(drawn).members().stream()
                        .map(i -> volunteers.get(i).id())
                        .toList(),
                reserve);
    }

    /**
     * Who replaces {@code leaver}: the first reserve volunteer {@link PanelDraw#replacement}'s rule accepts.
     * {@code seated} are the members the quotas count (leaver included); {@code onPanel} every volunteer
     * still holding a place on the panel (leaver excluded), whose households the replacement must not share.
     */
    static Optional<VolunteerRegistered> replacement(
            PanelSelectionDefined selection,
            List<VolunteerRegistered> seated,
            List<VolunteerRegistered> onPanel,
            VolunteerRegistered leaver,
            List<VolunteerRegistered> reserve) {
        Map<String, VolunteerRegistered> byId = new HashMap<>();
        reserve.forEach(v -> byId.put(v.personId(), v));
        Quotas quotas = quotas(selection);
        Set<String> households = new HashSet<>();
        onPanel.stream()
                .map(VolunteerRegistered::household)
                .filter(Objects::nonNull)
                .forEach(households::add);
        return PanelDraw.replacement(
                        quotas,
                        PanelDraw.valueCounts(quotas, volunteers(seated)),
                        households,
                        volunteer(leaver),
                        volunteers(reserve))
                .map(v -> byId.get(v.id()));
    }

    static Quotas quotas(PanelSelectionDefined selection) {
        Map<String, List<ValueQuota>> byCategory = new LinkedHashMap<>();
        for (QuotaRange quota : selection.quotas()) {
            byCategory
                    .computeIfAbsent(quota.category(), c -> new ArrayList<>())
                    .add(new ValueQuota(quota.value(), quota.min(), quota.max()));
        }
        List<Category> categories = byCategory.entrySet().stream()
                .map(e -> new Category(e.getKey(), e.getValue()))
                .toList();
        return new Quotas(selection.panelSize(), categories);
    }

    private static List<Volunteer> volunteers(List<VolunteerRegistered> pool) {
        return pool.stream().map(PanelLotteries::volunteer).toList();
    }

    private static Volunteer volunteer(VolunteerRegistered registered) {
        return new Volunteer(registered.personId(), registered.profile(), registered.household());
    }
}
