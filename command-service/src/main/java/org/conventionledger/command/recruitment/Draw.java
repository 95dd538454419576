package org.conventionledger.command.recruitment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.conventionledger.command.organisation.ConventionRegister;
import org.conventionledger.command.platform.RuleViolation;
import org.conventionledger.command.recruitment.RecruitmentRegister.ListState;
import org.conventionledger.events.recruitment.DrawPlanned;
import org.conventionledger.events.recruitment.DrawnResident;
import org.conventionledger.events.recruitment.FrozenList;
import org.conventionledger.events.recruitment.ListQuota;
import org.conventionledger.events.recruitment.ResidentsDrawn;
import org.conventionledger.rules.sortition.ResidentDraw;
import org.conventionledger.rules.sortition.SeedCommitment;

/**
 * A draw of invitees by lot, committed before it is run. Rules: the plan names lists of the convention
 * that no other draw uses and that are not frozen yet, with either a count per list or an overall count;
 * the seed's SHA-256 is logged with the plan; the draw runs once, on frozen lists only, with the seed that
 * matches the commitment and public entropy drawn at the draw (so the organiser, who knew the seed while
 * the lists were open, could not foresee the result). The entropy's source is committed with the seed, so
 * the organiser cannot try values offline and pick the source that suits them; a plan logged before the
 * source was committed (revision 1) cannot be performed any more. The result is {@link ResidentDraw}'s, a pure
 * function of the frozen lists, {@link SeedCommitment#drawRandomness} and the algorithm version, so
 * anyone can re-run it from an export of the log.
 */
@Aggregate
public class Draw {

    @AggregateIdentifier
    private String drawId;

    private String conventionId;
    private List<ListQuota> lists;
    private int overall;
    private String commitment;
    private String entropySource;
    private boolean performed;

    protected Draw() {
        // for Axon
    }

    @CommandHandler
    public Draw(PlanDraw command, ConventionRegister conventions, RecruitmentRegister register) {
        if (!conventions.conventionExists(command.conventionId())) {
            throw RuleViolation.notFound("unknown-convention", "No convention " + command.conventionId() + ".");
        }
        require(
                command.lists() != null && !command.lists().isEmpty(),
                "lists-required",
                "Name the lists to draw from.");
        boolean perList = command.overall() == 0;
        Set<String> named = new HashSet<>();
        for (ListQuota quota : command.lists()) {
            require(named.add(quota.listId()), "duplicate-list", "List " + quota.listId() + " is named twice.");
            ListState list = register.list(quota.listId())
                    .filter(l -> l.conventionId().equals(command.conventionId()))
                    .orElseThrow(() -> RuleViolation.notFound(
                            "unknown-list",
                            "No source list " + quota.listId() + " in convention " + command.conventionId() + "."));
            if (list.drawId() != null) {
                throw RuleViolation.conflict(
                        "list-already-planned", "List " + quota.listId() + " belongs to draw " + list.drawId() + ".");
            }
            if (list.frozen()) {
                throw RuleViolation.conflict(
                        "list-already-frozen",
                        "List " + quota.listId()
                                + " is frozen: a draw's seed must be committed before its lists are frozen.");
            }
            require(
                    perList ? quota.count() > 0 : quota.count() == 0,
                    "counts",
                    "Give either a positive count for every list, or an overall count and 0 for every list.");
        }
        require(command.overall() >= 0, "counts", "The overall count cannot be negative.");
        require(
                SeedCommitment.isValidCommitment(command.seedCommitment()),
                "seed-commitment",
                "The seed commitment is the SHA-256 of the seed: 64 hexadecimal characters.");
        require(
                command.publicEntropySource() != null
                        && !command.publicEntropySource().isBlank()
                        && command.publicEntropySource().length() <= SeedCommitment.MAX_SEED_LENGTH,
                "public-entropy-source-required",
                "Name the source of the public entropy, a value nobody can know "
                        + "yet (e.g. the national lottery draw of a later date), at most "
                        + SeedCommitment.MAX_SEED_LENGTH + " characters.");
        apply(new DrawPlanned(
                command.conventionId(),
                command.drawId(),
                List.copyOf(command.lists()),
                command.overall(),
                command.seedCommitment().toLowerCase(),
                ResidentDraw.ALGORITHM,
                command.publicEntropySource()));
    }

    @CommandHandler
    public List<DrawnResident> handle(PerformDraw command, RecruitmentRegister register) {
        if (performed) {
            throw RuleViolation.conflict("draw-performed", "Draw " + drawId + " was already performed.");
        }
        require(
                entropySource != null,
                "public-entropy-source-not-committed",
                "Draw " + drawId + " was planned "
                        + "without committing to the source of its public entropy: plan a new draw that names it.");
        SeedReveal.check(command.seed(), command.publicEntropy());
        if (!SeedCommitment.matches(command.seed(), commitment)) {
            throw RuleViolation.unprocessable(
                    "seed-mismatch", "This seed does not match the commitment logged when the draw was planned.");
        }
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        List<FrozenList> fingerprints = new ArrayList<>();
        for (ListQuota quota : lists) {
            ListState list = register.list(quota.listId()).orElseThrow();
            if (!list.frozen()) {
                throw RuleViolation.conflict("list-not-frozen", "Freeze list " + quota.listId() + " before the draw.");
            }
            frozen.put(quota.listId(), register.residentsOf(quota.listId()));
            fingerprints.add(new FrozenList(quota.listId(), list.residents(), list.fingerprint()));
        }
        List<DrawnResident> drawn;
        try {
            drawn = ResidentDraw.draw(
                    frozen, lists, overall, SeedCommitment.drawRandomness(command.seed(), command.publicEntropy()));
        } catch (IllegalArgumentException impossible) {
            throw RuleViolation.unprocessable("draw-impossible", impossible.getMessage());
        }
        apply(new ResidentsDrawn(
                conventionId,
                drawId,
                command.seed(),
                command.publicEntropy(),
                entropySource,
                ResidentDraw.ALGORITHM,
                fingerprints,
                drawn));
        return drawn;
    }

    @EventSourcingHandler
    void on(DrawPlanned event) {
        drawId = event.drawId();
        conventionId = event.conventionId();
        lists = event.lists();
        overall = event.overall();
        commitment = event.seedCommitment();
        entropySource = event.publicEntropySource();
    }

    @EventSourcingHandler
    void on(ResidentsDrawn event) {
        performed = true;
    }

    private static void require(boolean condition, String code, String message) {
        if (!condition) {
            throw RuleViolation.unprocessable(code, message);
        }
    }
}
